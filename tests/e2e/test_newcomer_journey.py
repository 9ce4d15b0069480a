"""A newcomer signs up, verifies, logs in, edits the profile, switches language, downloads
their data and logs out; axe checks the pages on the way."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "nieuwkomer@example.org"
PASSWORD = "een-heel-lang-wachtwoord-31"


def test_newcomer_journey(page, axe, live_server):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(axe, page)

    # Sign up.
    page.get_by_role("link", name="Registreren").first.click()
    assert_accessible(axe, page)
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_label("Schermnaam").fill("Nora Nieuwkomer")
    page.get_by_label("Ik aanvaard").check()
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url(re.compile(r"/account/confirm-email/$"))

    # Open the verification link from the outbox and confirm.
    link = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+/)", mail.outbox[-1].body)
    page.goto(link.group(1))
    page.get_by_role("button", name="Bevestigen").click()

    # Log in.
    page.goto("/account/login/")
    assert_accessible(axe, page)
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/profiel/$"))

    # Edit the profile.
    assert_accessible(axe, page)
    page.get_by_label("Korte bio").fill("Ik zoek een atelier in Gent.")
    page.get_by_label("Woongemeente").select_option(label="Gent")
    page.get_by_label("ruimtezoeker of initiatiefnemer").check()
    page.get_by_label("mijn openbare profielpagina tonen").check()
    page.get_by_label("mijn bio tonen").check()
    page.get_by_role("button", name="Profiel opslaan").click()
    assert page.get_by_role("status").inner_text().strip() != ""
    assert page.get_by_label("Korte bio").input_value() == "Ik zoek een atelier in Gent."

    # Switch to French and back to Dutch; the choice is remembered across pages.
    page.get_by_label("Taal").select_option("fr")
    page.get_by_role("button", name="Wissel").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_label("Langue").select_option("nl")
    page.get_by_role("button", name="Changer").click()
    assert page.locator("html").get_attribute("lang") == "nl"

    # Download my data.
    page.goto("/profiel/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Mijn gegevens downloaden").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["accounts"]["email"] == EMAIL
    assert data["accounts"]["bio"] == "Ik zoek een atelier in Gent."
    assert data["accounts"]["home_municipality"] == "Gent"

    # Log out.
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Aanmelden").first.is_visible()

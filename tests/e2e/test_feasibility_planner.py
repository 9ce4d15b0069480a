"""A user builds a feasibility plan for a building on the map: from the building's page to the
planner with its floor area and asking price filled in, changes the interest rate and sees the
cost rent follow (htmx), compares two versions and a community land trust split, and downloads
the PDF; axe checks the planner pages. Elements are found by id or address, so the test does
not depend on the translations."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def amount(text: str) -> Decimal:
    """'€ 24,66' (Dutch) -> Decimal('24.66')."""
    return Decimal(re.sub(r"[^\d,]", "", text).replace(",", "."))


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


def test_build_compare_and_download_a_plan_for_a_building(page, axe, live_server):
    user = UserFactory(email="planner@example.org")
    place = PlaceFactory(title="Kapel Sint-Jozef", floor_area_m2=640, asking_price=395000)
    page.goto("/account/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    # From the building's page to a new plan: the building is filled in.
    page.goto(f"/panden/{place.pk}/")
    page.locator(f'a[href="/haalbaarheid/nieuw/?place={place.pk}"]').click()
    page.wait_for_url(re.compile(r"/haalbaarheid/nieuw/\?place="))
    assert page.locator("#place-preview").is_visible()
    assert page.input_value("#id_place") == str(place.pk)
    assert page.input_value("#id_title") == "Kapel Sint-Jozef"
    assert_accessible(axe, page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/haalbaarheid/\d+/$"))
    plan_url = page.url

    # The planner starts from the building's floor area and asking price and the default
    # financing, which it shows as rows: a 70 % bank loan at 3.5 %.
    assert page.input_value("#id_building-gross_floor_area_m2") == "640"
    assert page.input_value("#id_acquisition-price") == "395000"
    assert page.input_value("#id_tranches-0-annual_rate") == "3.5"
    assert_accessible(axe, page)
    page.fill("#id_note", "3,5 %")
    page.locator('button[name="action"][value="save"]').click()
    page.wait_for_url(plan_url)
    before = page.locator("#cost-rent-m2").inner_text()

    # A higher interest rate on the bank loan: htmx recalculates when the field changes.
    with page.expect_response(re.compile(r"/bereken/$")):
        page.fill("#id_tranches-0-annual_rate", "4.75")
        page.locator("#id_tranches-0-annual_rate").press("Tab")
    page.wait_for_function(
        "before => document.querySelector('#cost-rent-m2').innerText !== before", arg=before
    )
    rent_after = amount(page.locator("#cost-rent-m2").inner_text())
    assert rent_after > amount(before)

    # Save it as a second version and compare the two, then add a land trust's split.
    page.fill("#id_note", "4,75 %")
    page.locator('button[name="action"][value="save"]').click()
    page.wait_for_url(plan_url)
    assert amount(page.locator("#cost-rent-m2").inner_text()) == rent_after
    checkboxes = page.locator('#versions-title ~ form input[name="v"]')
    assert checkboxes.count() == 2
    checkboxes.nth(0).check()
    checkboxes.nth(1).check()
    page.locator('#versions-title ~ form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/haalbaarheid/vergelijk/\?"))
    assert page.locator("#comparison thead th").count() == 3
    page.locator('#variant-form input[value="clt_split"]').check()
    page.fill("#variant-form #id_land_share", "25")
    page.fill("#variant-form #id_ground_fee", "600")
    page.locator("#variant-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"variant=clt_split"))
    assert page.locator("#comparison thead th").count() == 4
    assert page.locator("#variant-notes").is_visible()
    assert_accessible(axe, page)

    # Download the PDF: it holds the total and the monthly payment shown on the page.
    page.goto(plan_url)
    total = plain(page.locator("#total-cost").inner_text())
    monthly = plain(page.locator("#monthly-payment").inner_text())
    with page.expect_download() as download_info:
        page.locator("#download-pdf").click()
    content = Path(download_info.value.path()).read_bytes()
    text = plain("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))
    assert total in text
    assert monthly in text

    # The sensitivity page.
    page.locator('a[href$="/gevoeligheid/"]').click()
    page.wait_for_url(re.compile(r"/gevoeligheid/$"))
    assert page.locator("#sensitivity-table").is_visible()
    assert_accessible(axe, page)

"""A user builds a feasibility plan from the example, changes the interest rate and sees the
cost rent follow (htmx), saves and compares two versions, downloads the PDF and shares a read-only
link; axe checks the planner pages. Elements are found by id or address, so the test does not
depend on the translations."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def amount(text: str) -> Decimal:
    """'€ 24,66' (Dutch) -> Decimal('24.66')."""
    return Decimal(re.sub(r"[^\d,]", "", text).replace(",", "."))


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


def test_build_compare_and_download_a_plan(page, axe, live_server):
    user = UserFactory(email="planner@example.org")
    page.goto("/account/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    # My plans, then a new plan from the example values.
    page.goto("/haalbaarheid/")
    assert_accessible(axe, page)
    page.locator('a[href="/haalbaarheid/nieuw/"]').first.click()
    assert_accessible(axe, page)
    page.fill("#id_title", "Oude school Borgerhout")
    page.check("#id_start_1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/haalbaarheid/\d+/$"))
    assert_accessible(axe, page)
    before = page.locator("#cost-rent-m2").inner_text()
    rent_before = amount(before)

    # A higher interest rate on the bank loan: htmx recalculates when the field changes.
    with page.expect_response(re.compile(r"/bereken/$")):
        page.fill("#id_tranches-0-annual_rate", "4.75")
        page.locator("#id_tranches-0-annual_rate").press("Tab")
    page.wait_for_function(
        "before => document.querySelector('#cost-rent-m2').innerText !== before", arg=before
    )
    rent_after = amount(page.locator("#cost-rent-m2").inner_text())
    assert rent_after > rent_before

    # Save it as a second version and compare the two.
    page.fill("#id_note", "4.75 %")
    page.locator('button[name="action"][value="save"]').click()
    page.wait_for_url(re.compile(r"/haalbaarheid/\d+/$"))
    assert amount(page.locator("#cost-rent-m2").inner_text()) == rent_after
    checkboxes = page.locator('input[name="v"]')
    assert checkboxes.count() == 2
    checkboxes.nth(0).check()
    checkboxes.nth(1).check()
    page.locator('form[action="/haalbaarheid/vergelijk/"] button[type=submit]').click()
    page.wait_for_url(re.compile(r"/haalbaarheid/vergelijk/\?"))
    assert page.locator("#comparison thead th").count() == 3
    assert_accessible(axe, page)
    page.go_back()

    # Download the PDF: it holds the total and the monthly payment shown on the page.
    page.wait_for_url(re.compile(r"/haalbaarheid/\d+/$"))
    total = plain(page.locator("#total-cost").inner_text())
    monthly = plain(page.locator("#monthly-payment").inner_text())
    with page.expect_download() as download_info:
        page.locator("#download-pdf").click()
    content = Path(download_info.value.path()).read_bytes()
    text = plain("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages))
    assert total in text
    assert monthly in text

    # A read-only share link.
    page.locator('form[action$="/delen/"] button[value="start"]').click()
    page.wait_for_url(re.compile(r"/haalbaarheid/\d+/#share$"))
    page.locator("#share-link").click()
    page.wait_for_url(re.compile(r"/haalbaarheid/gedeeld/[\w-]+/$"))
    assert plain(page.locator("#total-cost").inner_text()) == total
    assert page.locator("#planner").count() == 0
    assert_accessible(axe, page)
    page.go_back()

    # The sensitivity page.
    page.locator('a[href$="/gevoeligheid/"]').click()
    page.wait_for_url(re.compile(r"/gevoeligheid/$"))
    assert page.locator("#sensitivity-table").is_visible()
    assert_accessible(axe, page)

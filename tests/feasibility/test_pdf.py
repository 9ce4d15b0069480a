"""The plan as a PDF: its text holds the summary figures, assumptions, lines and warnings."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from openpromotor.feasibility import report
from openpromotor.feasibility.charts import euro
from openpromotor.feasibility.pdf import plan_pdf
from tests.feasibility.helpers import make_plan

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the English texts and number formats."""
    with translation.override("en"):
        yield


def test_the_pdf_holds_the_plan(user):
    plan = make_plan(user, title="Oude school Borgerhout")
    outcome = report.build(plan.current_version.scenario)
    content = plan_pdf(plan, outcome)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    result = outcome.result
    assert "Oude school Borgerhout" in text
    assert euro(result["capital"]["total"]["amount"]) in text
    assert euro(result["financing"]["monthly_payment"]["amount"], 2) in text
    assert "Registration duty" in text
    assert "12\u00a0% x price 1,150,000.00" in text
    assert "check with a tax adviser" in text.lower().replace("\n", " ")
    assert "Bank loan interest rate" in text
    assert "Project cost by part" in text


def test_download_from_the_plan_page(user_client, user):
    plan = make_plan(user, title="Oude school")
    response = user_client.get(reverse("feasibility:pdf", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="oude-school.pdf"'
    assert response.content.startswith(b"%PDF")


def test_the_pdf_of_a_land_split(user):
    land = {"share_of_price": "0.25", "ground_fee_year": "1200"}
    plan = make_plan(user, scenario=report.example_scenario() | {"land": land})
    outcome = report.build(plan.current_version.scenario)
    text = " ".join(pdf_text(plan_pdf(plan, outcome)).split())
    assert "Registration duty on the long lease" in text
    assert "€ 5,940.00" in text.replace("\u00a0", " ")
    assert "Land part, kept by the trust" in text
    assert "Ground fee (canon)" in text
    assert "Land part (% of the purchase price)" in text  # the assumptions
    assert "the community land trust buys it" in text  # the point to check

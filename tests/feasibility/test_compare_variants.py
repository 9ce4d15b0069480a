"""The comparison page with ready-made variants of the first version, the CLT split among them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.feasibility.helpers import make_plan

pytestmark = pytest.mark.django_db

URL = reverse("feasibility:compare")
CLT = {"variant": "clt_split", "land_share": "25", "ground_fee": "1200"}


@pytest.fixture
def version(user):
    return make_plan(user, title="Oude school").current_version


def rows(response) -> dict:
    return {row["key"]: row for row in response.context["comparison"]["rows"]}


def test_a_clt_split_next_to_the_version(user_client, version):
    response = user_client.get(URL, {"v": version.pk, **CLT}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    names = response.context["comparison"]["names"]
    assert names == [
        "1. Oude school: first",
        "2. CLT split: land 25\u00a0%, ground fee 1,200.00 a year",
    ]
    table = rows(response)
    assert table["capital.lines.acquisition_price"]["values"] == ["1150000.00", "862500.00"]
    assert table["capital.lines.long_lease_duty"]["values"] == ["0.00", "5940.00"]
    assert Decimal(table["capital.total"]["differences"][1]) < 0
    html = response.content.decode()
    assert 'id="variant-notes"' in html
    assert "99-year long lease" in html
    assert html.count("<svg") == 1


def test_the_other_variants(user_client, version):
    query = {"v": version.pk, "variant": ["works_vat", "buyer", "zurich_split"]}
    response = user_client.get(URL, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    names = response.context["comparison"]["names"]
    assert names[1:] == [
        "2. 6\u00a0% VAT on works",
        "3. Individual purchases at 2\u00a0% duty",
        "4. Zürich-style split 6\u00a0% / 14\u00a0% / 80\u00a0%",
    ]
    duty = rows(response)["capital.lines.registration_duty"]["values"]
    assert duty[2] == "23000.00"  # 2 % x 1,150,000


def test_the_clt_split_needs_its_figures(user_client, version):
    response = user_client.get(URL, {"v": version.pk, "variant": "clt_split"})
    assert response.status_code == 400
    form = response.context["variant_form"]
    assert set(form.errors) == {"land_share", "ground_fee"}
    assert response.context["comparison"] is None
    assert 'id="variant-form"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"variant": "works_vat"},  # no version to vary
        {**CLT, "variant": ["works_vat", "buyer", "zurich_split", "clt_split"]},  # five columns
        {"variant": "cheaper"},
        {"variant": "clt_split", "land_share": "120", "ground_fee": "-1"},
    ],
)
def test_bad_variant_choices_are_form_errors(user_client, version, query):
    query = query if query == {"variant": "works_vat"} else {"v": version.pk, **query}
    response = user_client.get(URL, query)
    assert response.status_code == 400
    assert response.context["variant_form"].errors


def test_variants_only_of_ones_own_versions(client, version):
    client.force_login(UserFactory())
    response = client.get(URL, {"v": version.pk, "variant": "works_vat"})
    assert response.status_code == 400  # the version is not found: nothing to vary
    assert response.context["versions"] == []
    assert "Oude school" not in response.content.decode()


def test_the_plan_page_offers_the_variants(user_client, version):
    html = user_client.get(version.plan.get_absolute_url()).content.decode()
    form = html.split(f'action="{URL}"')[1].split("</form>")[0]
    for key in ("works_vat", "buyer", "zurich_split", "clt_split"):
        assert f'value="{key}"' in form
    assert 'name="land_share"' in form
    assert 'name="ground_fee"' in form


def test_the_compare_page_without_variants_is_unchanged(user_client, version):
    response = user_client.get(URL, {"v": version.pk})
    assert response.status_code == 200
    assert len(response.context["comparison"]["names"]) == 1
    assert response.context["notes"] == []

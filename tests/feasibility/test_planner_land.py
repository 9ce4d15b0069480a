"""The planner's field group for a community land trust, and the default financing it shows."""

import pytest

from openpromotor.feasibility.forms import LandForm, Planner, default_tranche_rows
from openpromotor.feasibility.models import Plan
from openpromotor.feasibility.report import example_scenario
from tests.feasibility.helpers import make_plan, planner_data

pytestmark = pytest.mark.django_db

LAND = {
    "land-share_of_price": "25",
    "land-ground_fee_year": "1200",
}


def test_the_acquisition_step_has_the_land_trust_group(user_client, user):
    plan = make_plan(user)
    html = user_client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    group = html.split('id="group-land"')[1].split("</fieldset>")[0]
    assert "Community land trust" in group
    for name in LandForm.base_fields:
        assert f'name="land-{name}"' in group
    # Help texts from FEASIBILITY.md §2.7 and §1.2, linked to their inputs.
    assert "5 % since 1 January 2024" in group
    assert 'aria-describedby="id_land-duty_rate_helptext' in group


def test_saving_a_land_split(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **LAND)
    response = user_client.post(plan.get_absolute_url(), data | {"action": "save", "note": "CLT"})
    assert response.status_code == 302
    scenario = plan.current_version.scenario
    assert scenario["land"] == {"share_of_price": "0.25", "ground_fee_year": "1200"}
    page = user_client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    result = page.context["report"].result
    assert result["land"]["price"]["amount"] == "287500.00"
    html = page.content.decode()
    assert 'id="land-split"' in html
    assert "Registration duty on the long lease" in html
    assert "Ground fee (canon) to the community land trust" in html
    assert page.context["planner"].forms["land"]["share_of_price"].value() == "25"


def test_a_land_part_above_the_price_is_an_error_on_its_field(user_client, user):
    plan = make_plan(user)
    data = planner_data(
        plan.current_version.scenario, **{"land-price": "2000000", "land-ground_fee_year": "0"}
    )
    response = user_client.post(
        plan.get_absolute_url(), data | {"action": "save"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    errors = response.context["planner"].forms["land"].errors
    assert "more than the acquisition price" in " ".join(errors["price"])
    assert plan.versions.count() == 1


def test_a_land_split_needs_a_ground_fee(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **{"land-share_of_price": "25"})
    response = user_client.post(plan.get_absolute_url(), data | {"action": "preview"})
    assert response.status_code == 400
    assert response.context["planner"].forms["land"].errors["ground_fee_year"]


def test_empty_land_fields_leave_the_split_out(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario)
    response = user_client.post(plan.get_absolute_url(), data | {"action": "preview"})
    assert response.status_code == 200
    assert "land" not in response.context["report"].scenario


def test_a_new_plan_shows_the_default_financing_as_rows(user_client, user):
    plan = Plan.objects.create(owner=user, title="Kapel")
    planner = Planner(scenario={"building": {"gross_floor_area_m2": 640}})
    rows = planner.formsets["tranches"].forms
    assert [row["kind"].value() for row in rows[:2]] == ["bank_loan", "member_shares"]
    assert rows[0]["annual_rate"].value() == "3.5"
    assert rows[0]["share_of_total"].value() == "70"
    assert rows[1]["share_of_total"].value() == "30"
    # Posted back unchanged, the rows are the defaults: the plan leaves them to the engine.
    data = planner_data({"building": {"gross_floor_area_m2": 640}})
    response = user_client.post(plan.get_absolute_url(), data | {"action": "save"})
    assert response.status_code == 302
    assert "financing" not in plan.current_version.scenario
    assert len(default_tranche_rows()) == 2


def test_changing_the_default_rate_saves_the_tranches(user_client, user):
    plan = Plan.objects.create(owner=user, title="Kapel")
    data = planner_data(
        {"building": {"gross_floor_area_m2": 640}}, **{"tranches-0-annual_rate": "4.75"}
    )
    response = user_client.post(plan.get_absolute_url(), data | {"action": "save"})
    assert response.status_code == 302
    tranches = plan.current_version.scenario["financing"]["tranches"]
    assert [t["kind"] for t in tranches] == ["bank_loan", "member_shares"]
    assert tranches[0]["annual_rate"] == "0.0475"
    page = user_client.get(plan.get_absolute_url())
    assert page.context["report"].completeness[3].done


def test_a_plan_with_its_own_tranches_shows_those(user_client, user):
    planner = Planner(scenario=example_scenario())
    keys = [row["key"].value() for row in planner.formsets["tranches"].forms]
    assert keys == ["bank", "member_loans", "city_renovation_fund", "member_shares", None]

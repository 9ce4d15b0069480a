"""The planner pages: create, recalculate, save versions, field errors, compare, sensitivity.

A full page with bad input answers 400 with the form and its messages; the htmx partial answers
200 (htmx swaps no 4xx answer into the page)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from openpromotor.feasibility.engine import evaluate
from openpromotor.feasibility.models import Plan, PlanVersion
from openpromotor.feasibility.report import example_scenario
from tests.factories import UserFactory
from tests.feasibility.helpers import make_plan, planner_data
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(db):
    return PlaceFactory(floor_area_m2=640, asking_price=395000, title="Kapel Sint-Jozef")


def test_plan_list_shows_only_my_plans(user_client, user):
    make_plan(user, title="Mijn plan")
    make_plan(UserFactory(), title="Ander plan")
    response = user_client.get(reverse("feasibility:list"))
    assert response.status_code == 200
    assert b"Mijn plan" in response.content
    assert b"Ander plan" not in response.content


def test_create_a_plan_from_the_example(user_client, user):
    response = user_client.post(
        reverse("feasibility:create"), {"title": "School", "start": "example"}
    )
    plan = Plan.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert plan.versions.count() == 1
    page = user_client.get(plan.get_absolute_url())
    expected = evaluate(example_scenario())["capital"]["total"]["amount"]
    assert page.context["report"].result["capital"]["total"]["amount"] == expected
    assert page.context["report"].percent_complete == 100


def test_create_a_plan_from_a_place_prefills_area_and_price(user_client, user, place):
    response = user_client.post(
        reverse("feasibility:create"), {"title": "Kapel", "place": place.pk, "start": "blank"}
    )
    plan = Plan.objects.get(owner=user)
    assert response.status_code == 302
    assert plan.place == place
    assert plan.versions.count() == 0
    page = user_client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    planner = page.context["planner"]
    assert planner.forms["building"]["gross_floor_area_m2"].value() == "640"
    assert planner.forms["acquisition"]["price"].value() == "395000"
    assert page.context["report"].result is not None
    assert "Acquisition: still on defaults" in page.content.decode()


def test_the_planner_page_renders_results_charts_and_sensitivity(user_client, user):
    plan = make_plan(user)
    response = user_client.get(plan.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="cost-rent-m2"' in content
    assert content.count("<svg") == 6
    assert 'id="sensitivity-table"' in content
    assert 'hx-post="{}"'.format(reverse("feasibility:calculate", args=[plan.pk])) in content


def test_recalculate_without_javascript_saves_nothing(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **{"tranches-0-annual_rate": "4.75"})
    response = user_client.post(plan.get_absolute_url(), data | {"action": "preview"})
    assert response.status_code == 200
    assert plan.versions.count() == 1
    tranche = response.context["report"].result["financing"]["tranches"][0]
    assert tranche["annual_rate"] == "0.0475"


def test_save_creates_a_version(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **{"works-vat_rate": "6"})
    response = user_client.post(plan.get_absolute_url(), data | {"action": "save", "note": "6 %"})
    assert response.status_code == 302
    assert plan.versions.count() == 2
    current = plan.current_version
    assert current.note == "6 %"
    assert current.scenario["works"]["vat_rate"] == "0.06"
    assert current.scenario["name"] == plan.title


def test_htmx_calculate_returns_the_results_and_saves_nothing(user_client, user):
    plan = make_plan(user)
    url = reverse("feasibility:calculate", args=[plan.pk])
    base = user_client.post(
        url, planner_data(plan.current_version.scenario), HTTP_HX_REQUEST="true"
    )
    data = planner_data(plan.current_version.scenario, **{"tranches-0-annual_rate": "5"})
    higher = user_client.post(url, data, HTTP_HX_REQUEST="true")
    assert higher.status_code == 200
    assert plan.versions.count() == 1
    rent = Decimal(higher.context["report"].result["operation"]["cost_rent_year"]["amount"])
    assert rent > Decimal(base.context["report"].result["operation"]["cost_rent_year"]["amount"])
    content = higher.content.decode()
    assert content.startswith('<div id="results">')
    assert 'id="plan-details" hx-swap-oob="true"' in content


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("acquisition-price", "-5"),
        ("works-vat_rate", "130"),
        ("tranches-0-years", "zero"),
    ],
)
def test_form_errors_are_shown_next_to_the_field_and_nothing_is_saved(
    user_client, user, name, value
):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **{name: value})
    response = user_client.post(plan.get_absolute_url(), data | {"action": "save"})
    assert response.status_code == 400
    assert plan.versions.count() == 1
    html = response.content.decode()
    assert 'id="planner"' in html
    error = html.split(f'id="id_{name}-error">')[1].split("</div>")[0]
    assert error.strip() != ""
    assert 'aria-invalid="true"' in html


def test_engine_errors_are_placed_on_their_fields(user_client, user):
    """Errors only the engine finds (a split above 100 %, renewals after the study period)."""
    plan = make_plan(user)
    data = planner_data(
        plan.current_version.scenario,
        **{"tranches-0-share_of_total": "90", "renewals-0-year": "50"},
    )
    response = user_client.post(
        plan.get_absolute_url(), data | {"action": "save"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert plan.versions.count() == 1
    planner = response.context["planner"]
    assert "above 100 %" in " ".join(planner.formsets["tranches"].non_form_errors())
    assert "after the study period" in " ".join(
        planner.formsets["renewals"].forms[0].errors["year"]
    )
    assert response.context["report"].result is None


def test_htmx_errors_come_out_of_band_next_to_the_field(user_client, user):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **{"renewals-0-year": "50"})
    response = user_client.post(
        reverse("feasibility:calculate", args=[plan.pk]),
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.status_code == 200
    fragment = html.split('id="id_renewals-0-year-error" hx-swap-oob="true">')[1]
    assert "after the study period" in fragment.split("</div>")[0]
    assert 'id="cannot-calculate"' in html


def test_missing_floor_area_is_a_field_error(user_client, user):
    plan = Plan.objects.create(owner=user, title="Leeg")
    response = user_client.post(plan.get_absolute_url(), planner_data({}) | {"action": "save"})
    assert response.status_code == 400
    assert response.context["planner"].forms["building"].errors["gross_floor_area_m2"]
    assert PlanVersion.objects.count() == 0


def test_a_new_plan_without_a_floor_area_shows_no_500(user_client, user):
    plan = Plan.objects.create(owner=user, title="Leeg")
    response = user_client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert response.context["report"].result is None
    assert user_client.get(reverse("feasibility:pdf", args=[plan.pk])).status_code == 404


def test_compare_two_versions(user_client, user):
    plan = make_plan(user)
    scenario = example_scenario()
    scenario["works"]["vat_rate"] = "0.06"
    second = plan.versions.create(scenario=scenario, note="6 % VAT")
    first = plan.versions.last()
    response = user_client.get(reverse("feasibility:compare"), {"v": [first.pk, second.pk]})
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert len(comparison["names"]) == 2
    assert comparison["names"][1].endswith("6 % VAT")
    vat = next(r for r in comparison["rows"] if r["key"] == "capital.lines.works_vat")
    assert Decimal(vat["differences"][1]) < 0
    assert "<svg" in response.content.decode()


def test_compare_takes_at_most_four(user_client, user):
    plan = make_plan(user)
    for _ in range(4):
        plan.versions.create(scenario=example_scenario())
    ids = list(plan.versions.values_list("pk", flat=True))
    response = user_client.get(reverse("feasibility:compare"), {"v": ids})
    assert len(response.context["versions"]) == 4


def test_sensitivity_with_own_steps(user_client, user):
    plan = make_plan(user)
    url = reverse("feasibility:sensitivity", args=[plan.pk])
    response = user_client.get(url, {"interest_rate": "-2 2", "works_cost_per_m2": "50"})
    assert response.status_code == 200
    rows = response.context["report"].sensitivity["parameters"][0]["rows"]
    assert [row["step"] for row in rows] == ["-0.02", "0.02"]
    assert len(response.context["tornados"]) == 5


def test_sensitivity_drops_steps_out_of_range(user_client, user):
    scenario = example_scenario()
    scenario["operation"]["vacancy_rate"] = "0.01"
    plan = make_plan(user, scenario=scenario)
    response = user_client.get(plan.get_absolute_url())
    vacancy = response.context["report"].sensitivity["parameters"][2]
    assert [row["step"] for row in vacancy["rows"]] == ["0.02", "0.05"]


def test_bad_sensitivity_steps_are_form_errors(user_client, user):
    plan = make_plan(user)
    url = reverse("feasibility:sensitivity", args=[plan.pk])
    response = user_client.get(url, {"interest_rate": "a b"})
    assert response.status_code == 400
    assert response.context["form"].errors["interest_rate"]


def test_delete_a_plan(user_client, user):
    plan = make_plan(user)
    response = user_client.post(reverse("feasibility:delete", args=[plan.pk]))
    assert response.status_code == 302
    assert not Plan.objects.exists()


def test_navigation_link_for_logged_in_users(client, user):
    assert b"/haalbaarheid/" not in client.get("/").content
    client.force_login(user)
    assert b"/haalbaarheid/" in client.get("/").content


def test_demo_plan_is_loaded_once(db):
    from openpromotor.accounts import demo as accounts_demo
    from openpromotor.feasibility import demo

    accounts_demo.load()
    demo.load()
    demo.load()
    plan = Plan.objects.get(owner__email="lotte@demo.openpromotor.be")
    assert plan.versions.count() == 1
    assert evaluate(plan.current_version.scenario)["capital"]["total"]["amount"]


@pytest.mark.parametrize(
    "changes",
    [
        {"acquisition-price": "1e30", "works-cost_per_m2": "1e30"},
        {"tranches-0-annual_rate": "100", "tranches-0-years": "100"},
        {"tranches-0-kind": "", "tranches-0-share_of_total": ""},
        {"tranches-3-annual_rate": "2"},
        {"lifecycle-discount_rate": "0", "operation-vacancy_rate": "99"},
        {"units-TOTAL_FORMS": "x"},
    ],
)
def test_odd_input_never_gives_a_server_error(user_client, user, changes):
    plan = make_plan(user)
    data = planner_data(plan.current_version.scenario, **changes)
    url = reverse("feasibility:calculate", args=[plan.pk])
    assert user_client.post(url, data, HTTP_HX_REQUEST="true").status_code == 200
    for action in ("save", "preview"):
        response = user_client.post(plan.get_absolute_url(), data | {"action": action})
        assert response.status_code in (200, 302, 400)

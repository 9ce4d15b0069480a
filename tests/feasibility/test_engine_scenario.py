"""Scenario input: defaults, and bad input giving a clear error that names the field."""

from datetime import date
from decimal import Decimal

import pytest

from openpromotor.feasibility.engine import ScenarioError, evaluate
from openpromotor.feasibility.engine.scenario import parse, scenario_json

BUILDING = {"gross_floor_area_m2": 100}


def errors_of(scenario: object) -> list[dict[str, str]]:
    with pytest.raises(ScenarioError) as raised:
        evaluate(scenario)
    return raised.value.errors


def error_for(scenario: object, field: str) -> str:
    """The message of the error on ``field``; fails if that field has no error."""
    messages = [e["message"] for e in errors_of(scenario) if e["field"] == field]
    assert messages, f"no error on {field}: {errors_of(scenario)}"
    return messages[0]


def with_building(**blocks) -> dict:
    return {"building": BUILDING, **blocks}


def test_defaults_from_feasibility_md():
    scenario = parse({"building": BUILDING})
    assert scenario.acquisition.buyer == "legal_person"
    assert scenario.acquisition.date == date.today()
    assert scenario.acquisition.deed_costs == Decimal("1300.00")
    assert scenario.works.depth == "deep"
    assert scenario.works.area_m2 == Decimal(100)
    assert scenario.fees.rate == Decimal("0.12")
    bank, shares = scenario.financing.tranches
    assert (bank.kind, bank.share_of_total, bank.annual_rate, bank.years) == (
        "bank_loan",
        Decimal("0.70"),
        Decimal("0.035"),
        25,
    )
    assert (bank.rate_convention, bank.periods_per_year, bank.repayment) == (
        "belgian_equivalent",
        12,
        "annuity",
    )
    assert (shares.kind, shares.share_of_total) == ("member_shares", Decimal("0.30"))
    assert scenario.financing.mortgage.secured_factor == Decimal("1.10")
    assert scenario.operation.vacancy_rate == Decimal("0.03")
    assert scenario.operation.maintenance_per_m2_year == Decimal(18)
    assert scenario.lifecycle.study_period_years == 40
    assert scenario.lifecycle.discount_rate == Decimal("0.03")


def test_the_echoed_scenario_parses_back_to_the_same_scenario():
    original = parse(
        with_building(
            acquisition={"price": 123456.78, "date": "2026-02-01"},
            operation={"cadastral_income": 900, "surcharge_centiemes": 800},
            lifecycle={"renewals": [{"year": 5, "amount": 10}], "annual_costs": []},
        )
    )
    again = parse(scenario_json(original))
    assert [(t.key, t.amount, t.share_of_total) for t in again.financing.tranches] == [
        (t.key, t.amount, t.share_of_total) for t in original.financing.tranches
    ]
    assert again.acquisition.duty_rate.value == original.acquisition.duty_rate.value
    assert scenario_json(again) == scenario_json(original)


def test_negative_price():
    assert error_for(with_building(acquisition={"price": -1}), "acquisition.price") == (
        "must not be negative"
    )


def test_rate_above_100_percent():
    scenario = with_building(
        financing={"tranches": [{"kind": "bank_loan", "share_of_total": 1, "annual_rate": 3.5}]}
    )
    message = error_for(scenario, "financing.tranches[0].annual_rate")
    assert "above 1 (100 %)" in message
    assert "0.035" in message


def test_vacancy_of_100_percent():
    message = error_for(with_building(operation={"vacancy_rate": 1}), "operation.vacancy_rate")
    assert message == "must be below 1 (100 %)"


def test_share_split_that_does_not_add_up():
    scenario = with_building(
        financing={
            "tranches": [
                {"kind": "bank_loan", "share_of_total": 0.6},
                {"kind": "member_shares", "share_of_total": 0.3},
            ]
        }
    )
    assert "90 %" in error_for(scenario, "financing.tranches")


def test_shares_above_100_percent_even_with_amounts():
    scenario = with_building(
        financing={
            "tranches": [
                {"kind": "bank_loan", "share_of_total": 0.8},
                {"kind": "member_shares", "share_of_total": 0.3},
                {"kind": "subsidy", "amount": 1000},
            ]
        }
    )
    assert "above 100 %" in error_for(scenario, "financing.tranches")


def test_study_period_of_zero():
    message = error_for(
        with_building(lifecycle={"study_period_years": 0}), "lifecycle.study_period_years"
    )
    assert message == "must be at least 1"


def test_renewal_after_the_study_period():
    scenario = with_building(
        lifecycle={"study_period_years": 30, "renewals": [{"year": 35, "amount": 1000}]}
    )
    message = error_for(scenario, "lifecycle.renewals[0].year")
    assert message == "year 35 is after the study period of 30 years"


def test_annual_cost_after_the_study_period_or_reversed():
    scenario = with_building(
        lifecycle={
            "study_period_years": 30,
            "annual_costs": [
                {"amount": 1, "to_year": 31},
                {"amount": 1, "from_year": 10, "to_year": 5},
            ],
        }
    )
    assert "after the study period" in error_for(scenario, "lifecycle.annual_costs[0].to_year")
    assert "before from_year" in error_for(scenario, "lifecycle.annual_costs[1].to_year")


def test_unknown_keys_at_every_level():
    scenario = {
        "building": {**BUILDING, "floors": 3},
        "acquisition": {"prise": 100},
        "financing": {"tranches": [{"kind": "bank_loan", "share_of_total": 1, "rate": 0.03}]},
        "colour": "blue",
    }
    fields = {e["field"]: e["message"] for e in errors_of(scenario)}
    assert set(fields) == {
        "building.floors",
        "acquisition.prise",
        "financing.tranches[0].rate",
        "colour",
    }
    assert fields["acquisition.prise"].startswith("unknown field; known fields: ")
    assert "price" in fields["acquisition.prise"]


def test_all_errors_are_reported_at_once():
    scenario = {
        "acquisition": {"price": -5, "buyer": "company"},
        "works": {"cost_per_m2": "a lot"},
        "operation": {"vacancy_rate": 2},
    }
    assert [e["field"] for e in errors_of(scenario)] == [
        "building.gross_floor_area_m2",
        "acquisition.price",
        "acquisition.buyer",
        "works.cost_per_m2",
        "operation.vacancy_rate",
    ]


@pytest.mark.parametrize(
    ("blocks", "field", "message"),
    [
        ({"building": {}}, "building.gross_floor_area_m2", "required"),
        (
            {"building": {"gross_floor_area_m2": 0}},
            "building.gross_floor_area_m2",
            "must be more than 0",
        ),
        (
            {"building": {"gross_floor_area_m2": True}},
            "building.gross_floor_area_m2",
            "must be a number",
        ),
        (
            {"building": {"gross_floor_area_m2": "NaN"}},
            "building.gross_floor_area_m2",
            "must be a number",
        ),
        ({"building": []}, "building", "must be an object"),
        (
            {"building": {**BUILDING, "units": [{"area_m2": 40}]}},
            "building.units[0].name",
            "required",
        ),
        (
            {"building": {**BUILDING, "units": [{"name": "x", "area_m2": 40, "count": 1.5}]}},
            "building.units[0].count",
            "must be a whole number",
        ),
        (
            {"acquisition": {"date": "15/09/2026"}},
            "acquisition.date",
            "must be a date as YYYY-MM-DD",
        ),
        (
            {"works": {"depth": "medium"}},
            "works.depth",
            "must be one of: light, deep, conversion, rebuild",
        ),
        (
            {"fees": {"soft_costs": 1, "soft_costs_rate": 0.02}},
            "fees.soft_costs",
            "give soft_costs or soft_costs_rate, not both",
        ),
        ({"financing": {"tranches": {}}}, "financing.tranches", "must be a list"),
        ({"financing": {"schedule": "yes"}}, "financing.schedule", "must be true or false"),
        (
            {"financing": {"interest_during_works_months": 61}},
            "financing.interest_during_works_months",
            "must be at most 60",
        ),
        (
            {"financing": {"mortgage": {"secured_factor": 0.9}}},
            "financing.mortgage.secured_factor",
            "must be at least 1",
        ),
        (
            {"operation": {"cadastral_income": 1000}},
            "operation.surcharge_centiemes",
            "required with cadastral_income: the provincial plus municipal surcharges "
            "(opcentiemen) in centiemes",
        ),
        (
            {"lifecycle": {"initial_cost": 1, "initial_cost_per_m2": 1}},
            "lifecycle.initial_cost",
            "give initial_cost or initial_cost_per_m2, not both",
        ),
        (
            {"lifecycle": {"renewals": [{"year": 3}]}},
            "lifecycle.renewals[0].amount",
            "give amount or cost_per_m2",
        ),
        ({"name": 7}, "name", "must be a text"),
    ],
)
def test_bad_values_name_their_field(blocks, field, message):
    scenario = {"building": BUILDING, **blocks}
    assert error_for(scenario, field) == message


@pytest.mark.parametrize(
    ("tranche", "field", "message"),
    [
        (
            {"share_of_total": 1},
            "kind",
            "required, one of: member_shares, member_loan, bank_loan, subsidy, revolving_fund, "
            "third_party",
        ),
        ({"kind": "bank_loan"}, "amount", "give amount or share_of_total"),
        (
            {"kind": "bank_loan", "amount": 1, "share_of_total": 1},
            "amount",
            "give amount or share_of_total, not both",
        ),
        ({"kind": "member_loan", "amount": 1, "years": 10}, "annual_rate", "required"),
        ({"kind": "third_party", "amount": 1, "annual_rate": 0.02}, "years", "required"),
        (
            {"kind": "member_shares", "amount": 1, "years": 10},
            "years",
            "a member_shares tranche is not a loan: it has no years",
        ),
        (
            {"kind": "bank_loan", "amount": 1, "periods_per_year": 3},
            "periods_per_year",
            "must be one of: 1, 2, 4, 12",
        ),
        (
            {"kind": "bank_loan", "amount": 1, "repayment": "balloon"},
            "repayment",
            "must be one of: annuity, bullet, interest_only",
        ),
        (
            {"kind": "bank_loan", "amount": 1, "share_of_total": None, "years": 0},
            "years",
            "must be at least 1",
        ),
    ],
)
def test_bad_tranches_name_their_field(tranche, field, message):
    scenario = with_building(financing={"tranches": [tranche]})
    assert error_for(scenario, f"financing.tranches[0].{field}") == message


def test_duplicate_tranche_keys():
    scenario = with_building(
        financing={
            "tranches": [
                {"kind": "bank_loan", "share_of_total": 0.5},
                {"kind": "bank_loan", "share_of_total": 0.5},
            ]
        }
    )
    message = error_for(scenario, "financing.tranches[1].key")
    assert message == "'bank_loan' is used twice; keys must be unique"


def test_dates_before_the_rate_tables():
    scenario = with_building(acquisition={"price": 100000, "date": "2019-05-01"})
    message = error_for(scenario, "acquisition.duty_rate")
    assert "before 2022-01-01" in message
    assert "give duty_rate" in message


def test_a_duty_rate_override_works_before_the_tables():
    scenario = with_building(acquisition={"price": 100000, "date": "2019-05-01", "duty_rate": 0.1})
    lines = evaluate(scenario)["capital"]["lines"]
    assert (
        next(line for line in lines if line["key"] == "registration_duty")["amount"] == "10000.00"
    )


def test_the_scenario_must_be_an_object():
    assert errors_of([1, 2]) == [{"field": "scenario", "message": "must be an object"}]


def test_scenario_error_message_lists_field_and_message():
    with pytest.raises(ScenarioError, match=r"acquisition\.price: must not be negative"):
        evaluate(with_building(acquisition={"price": -1}))


def test_numbers_may_be_numeric_strings():
    result = evaluate(with_building(acquisition={"price": "65000.00", "date": "2026-01-10"}))
    assert result["capital"]["lines"][0]["amount"] == "65000.00"

"""Comparison: up to four scenarios side by side."""

from decimal import Decimal

import pytest

from openpromotor.feasibility.engine import ScenarioError, compare, evaluate

BASE = {
    "name": "21 % VAT",
    "building": {"gross_floor_area_m2": 1000},
    "acquisition": {"price": 800000, "date": "2026-01-10"},
    "works": {"depth": "conversion", "vat_rate": 0.21},
}
REDUCED_VAT = {**BASE, "name": "6 % VAT", "works": {"depth": "conversion", "vat_rate": 0.06}}
SOLE_HOMES = {
    **BASE,
    "name": "Individual purchases at 2 %",
    "acquisition": {"price": 800000, "date": "2026-01-10", "buyer": "natural_person_sole_home"},
}


def row(table: dict, key: str) -> dict:
    return next(r for r in table["rows"] if r["key"] == key)


def test_side_by_side_with_differences_from_the_first():
    table = compare([BASE, REDUCED_VAT, SOLE_HOMES])
    assert table["names"] == ["21 % VAT", "6 % VAT", "Individual purchases at 2 %"]
    totals = row(table, "capital.total")
    expected = [evaluate(s)["capital"]["total"]["amount"] for s in (BASE, REDUCED_VAT, SOLE_HOMES)]
    assert totals["values"] == expected
    assert totals["differences"][0] == "0.00"
    assert totals["differences"][1] == str(Decimal(expected[1]) - Decimal(expected[0]))
    vat = row(table, "capital.lines.works_vat")
    assert Decimal(vat["differences"][1]) < 0
    duty = row(table, "capital.lines.registration_duty")
    assert duty["values"] == ["96000.00", "96000.00", "16000.00"]
    assert [r["name"] for r in table["results"]] == table["names"]


def test_a_line_missing_in_one_scenario_shows_zero():
    no_purchase = {"name": "building in kind", "building": {"gross_floor_area_m2": 1000}}
    table = compare([BASE, no_purchase])
    assert row(table, "capital.lines.notary_fee")["values"][1] == "0.00"


def test_summary_rows():
    keys = [r["key"] for r in compare([BASE])["rows"]]
    assert keys[-9:] == [
        "capital.total",
        "capital.per_m2_gfa",
        "financing.borrowed",
        "financing.equity",
        "financing.monthly_payment",
        "operation.cost_rent_year",
        "operation.cost_rent_per_m2_month",
        "lifecycle.npv_total",
        "lifecycle.eac_per_m2_year",
    ]


@pytest.mark.parametrize("scenarios", [[], [BASE] * 5, {"a": BASE}])
def test_one_to_four_scenarios(scenarios):
    with pytest.raises(ScenarioError) as raised:
        compare(scenarios)
    assert raised.value.errors[0]["field"] == "scenarios"


def test_errors_name_the_scenario():
    bad = {**BASE, "acquisition": {"price": -1}}
    with pytest.raises(ScenarioError) as raised:
        compare([BASE, bad])
    assert raised.value.errors == [
        {"field": "scenarios[1].acquisition.price", "message": "must not be negative"}
    ]

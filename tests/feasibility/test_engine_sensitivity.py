"""Sensitivity: one input at a time (table and tornado) and two at once (grid)."""

from decimal import Decimal

import pytest

from openpromotor.feasibility.engine import (
    ScenarioError,
    evaluate,
    sensitivity,
    sensitivity_grid,
)

SCENARIO = {
    "building": {"gross_floor_area_m2": 1000},
    "acquisition": {"price": 600000, "date": "2026-01-10"},
}
METRICS = ["total_cost", "monthly_payment", "cost_rent_year", "cost_rent_per_m2_month"]
METRICS += ["eac_per_m2_year"]


def figures(scenario: dict) -> dict[str, str]:
    result = evaluate(scenario)
    return {
        "total_cost": result["capital"]["total"]["amount"],
        "monthly_payment": result["financing"]["monthly_payment"]["amount"],
        "cost_rent_year": result["operation"]["cost_rent_year"]["amount"],
        "cost_rent_per_m2_month": result["operation"]["cost_rent_per_m2_month"]["amount"],
        "eac_per_m2_year": result["lifecycle"]["eac_per_m2_year"]["amount"],
    }


def test_default_steps_for_the_four_inputs():
    table = sensitivity(SCENARIO)
    assert [m["key"] for m in table["metrics"]] == METRICS
    assert [p["key"] for p in table["parameters"]] == [
        "interest_rate",
        "works_cost_per_m2",
        "vacancy_rate",
        "discount_rate",
    ]
    assert table["base"] == figures(SCENARIO)
    interest = table["parameters"][0]
    assert interest["base_value"] == "0.035"
    assert [row["step"] for row in interest["rows"]] == ["-0.01", "-0.005", "0.005", "0.01"]
    assert [row["value"] for row in interest["rows"]] == ["0.025", "0.030", "0.040", "0.045"]


def test_each_row_equals_evaluating_the_changed_scenario():
    table = sensitivity(SCENARIO, {"interest_rate": [0.01], "works_cost_per_m2": [100]})
    interest_row = table["parameters"][0]["rows"][0]
    changed = {
        **SCENARIO,
        "financing": {
            "tranches": [
                {
                    "key": "bank_loan",
                    "kind": "bank_loan",
                    "share_of_total": 0.7,
                    "annual_rate": 0.045,
                },
                {"key": "member_shares", "kind": "member_shares", "share_of_total": 0.3},
            ]
        },
    }
    assert interest_row["results"] == figures(changed)
    works_row = table["parameters"][1]["rows"][0]
    assert works_row["results"] == figures({**SCENARIO, "works": {"cost_per_m2": 1450}})
    change = Decimal(works_row["results"]["total_cost"]) - Decimal(table["base"]["total_cost"])
    assert works_row["changes"]["total_cost"] == str(change)


def test_directions_of_the_effects():
    table = sensitivity(
        SCENARIO,
        {
            "interest_rate": [0.01],
            "works_cost_per_m2": [100],
            "vacancy_rate": [0.02],
            "discount_rate": [0.02],
        },
    )
    interest, works, vacancy, discount = (p["rows"][0]["changes"] for p in table["parameters"])
    assert Decimal(interest["monthly_payment"]) > 0
    assert Decimal(works["total_cost"]) > 0
    assert vacancy["total_cost"] == "0.00"
    assert Decimal(vacancy["cost_rent_year"]) > 0
    assert discount["total_cost"] == "0.00"
    assert discount["cost_rent_year"] == "0.00"
    assert Decimal(discount["eac_per_m2_year"]) != 0


def test_tornado_bars_go_from_lowest_to_highest_step_widest_first():
    table = sensitivity(SCENARIO)
    bars = table["tornado"]["total_cost"]
    assert {bar["parameter"] for bar in bars} == {p["key"] for p in table["parameters"]}
    swings = [Decimal(bar["swing"]) for bar in bars]
    assert swings == sorted(swings, reverse=True)
    works = next(bar for bar in bars if bar["parameter"] == "works_cost_per_m2")
    assert (works["low_step"], works["high_step"]) == ("-200", "200")
    assert Decimal(works["low_change"]) < 0 < Decimal(works["high_change"])
    assert Decimal(works["swing"]) == Decimal(works["high_change"]) - Decimal(works["low_change"])
    assert bars[0]["parameter"] == "works_cost_per_m2"


def test_grid_of_five_by_five():
    steps = [-0.01, -0.005, 0, 0.005, 0.01]
    works = [-200, -100, 0, 100, 200]
    grid = sensitivity_grid(SCENARIO, "interest_rate", steps, "works_cost_per_m2", works)
    assert len(grid["cells"]) == 5
    assert all(len(row) == 5 for row in grid["cells"])
    assert grid["cells"][2][2] == grid["base"] == figures(SCENARIO)
    assert grid["row_steps"][0] == "-0.01"
    assert grid["cells"][4][4]["total_cost"] > grid["cells"][0][0]["total_cost"]


@pytest.mark.parametrize(
    ("steps", "field", "message"),
    [
        ({"vacancy_rate": [-0.05]}, "steps.vacancy_rate[0]", "gives -0.02, which is negative"),
        ({"interest_rate": [2]}, "steps.interest_rate[0]", "gives 2.035, above 1"),
        (
            {"noise": [1]},
            "steps.noise",
            "unknown input; known: interest_rate, works_cost_per_m2, vacancy_rate, discount_rate",
        ),
        ({"discount_rate": "up"}, "steps.discount_rate", "must be a list of 1 to 10 steps"),
        ({"discount_rate": [0.01, "x"]}, "steps.discount_rate[1]", "must be a number"),
    ],
)
def test_bad_steps_name_the_step(steps, field, message):
    with pytest.raises(ScenarioError) as raised:
        sensitivity(SCENARIO, steps)
    assert raised.value.errors == [{"field": field, "message": message}]


def test_grid_needs_two_different_inputs():
    with pytest.raises(ScenarioError):
        sensitivity_grid(SCENARIO, "vacancy_rate", [0], "vacancy_rate", [0])


def test_no_bank_loan_means_no_interest_rate_effect():
    scenario = {
        **SCENARIO,
        "financing": {"tranches": [{"kind": "member_shares", "share_of_total": 1}]},
    }
    interest = sensitivity(scenario)["parameters"][0]
    assert interest["base_value"] is None
    assert all(set(row["changes"].values()) == {"0.00"} for row in interest["rows"])

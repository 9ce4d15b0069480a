"""Operation (FEASIBILITY.md §3): each yearly cost line, the cost rent and the rent per unit."""

from decimal import Decimal

from openpromotor.feasibility.engine import evaluate

# No loans (all member shares), so the cost lines are easy to follow by hand.
SCENARIO = {
    "building": {
        "gross_floor_area_m2": 100,
        "units": [{"name": "flat", "area_m2": 40, "count": 2}],
    },
    "works": {"cost_per_m2": 0},
    "financing": {"tranches": [{"key": "shares", "kind": "member_shares", "amount": 10000}]},
    "operation": {
        "cadastral_income": 1000,
        "ki_index": 2.1763,
        "surcharge_centiemes": 1000,
        "share_return_rate": 0.02,
        "other_income_year": 100,
    },
}


def operation_of(scenario: dict) -> dict:
    return evaluate(scenario)["operation"]


def test_every_operation_line_by_hand():
    operation = operation_of(SCENARIO)
    amounts = {key: value["amount"] for key, value in operation.items() if key != "units"}
    assert amounts == {
        "debt_service": "0.00",
        "maintenance": "1800.00",  # 18 €/m²·yr x 100 m²
        "insurance": "250.00",  # 2.50 €/m²·yr x 100 m²
        # KI 1,000 x 2.1763 = 2,176 (to the euro); x 3.97 % = 86.39; + 1,000 centiemes = 863.90
        "property_tax": "950.29",
        "management": "600.00",  # 300 €/unit·yr x 2 units
        "share_return": "200.00",  # 2 % x 10,000 member shares
        "other_income": "-100.00",
        # costs 3,700.29 / (1 - 3 %) = 3,814.73; reserve = 3,814.73 - 3,700.29
        "vacancy_reserve": "114.44",
        "cost_rent_year": "3814.73",
        "cost_rent_per_m2_month": "3.97",  # 3,814.73 / 80 m² (sum of units) / 12
    }
    assert all(value["basis"] for key, value in operation.items() if key != "units")


def test_cost_rent_is_the_sum_of_its_rounded_lines():
    operation = operation_of(SCENARIO)
    lines = [
        "debt_service",
        "maintenance",
        "insurance",
        "property_tax",
        "management",
        "share_return",
        "other_income",
        "vacancy_reserve",
    ]
    parts = sum(Decimal(operation[key]["amount"]) for key in lines)
    assert parts == Decimal(operation["cost_rent_year"]["amount"])


def test_rent_per_unit_shares_the_cost_rent_by_area():
    unit = operation_of(SCENARIO)["units"][0]
    # 3,814.73 x 40 / 80 / 12 = 158.947...
    assert unit == {
        "name": "flat",
        "area_m2": "40",
        "count": 2,
        "rent_month": "158.95",
        "basis": unit["basis"],
        "basis_text": unit["basis_text"],
    }


def test_property_tax_uses_the_table_index_for_the_acquisition_date():
    scenario = {
        "building": {"gross_floor_area_m2": 100},
        "acquisition": {"date": "2023-06-01"},
        "operation": {"cadastral_income": 1000, "surcharge_centiemes": 0},
    }
    tax = operation_of(scenario)["property_tax"]
    # 1,000 x 2.0915 (income year 2023) = 2,092 (to the euro) x 3.97 % = 83.05
    assert tax["amount"] == "83.05"
    assert "2.0915" in tax["basis"]
    assert tax["source"].startswith("https://")


def test_without_cadastral_income_property_tax_is_zero_and_flagged():
    result = evaluate({"building": {"gross_floor_area_m2": 100}})
    assert result["operation"]["property_tax"]["amount"] == "0.00"
    assert any(w["code"] == "no_cadastral_income" for w in result["warnings"])


def test_net_area_falls_back_to_gross_floor_area():
    result = evaluate({"building": {"gross_floor_area_m2": 100}})
    per_m2 = result["operation"]["cost_rent_per_m2_month"]
    rent = Decimal(result["operation"]["cost_rent_year"]["amount"])
    assert Decimal(per_m2["amount"]) == (rent / 100 / 12).quantize(Decimal("0.01"))
    assert "gross floor area" in per_m2["basis"]


def test_units_not_covering_the_net_area_are_flagged():
    scenario = {
        "building": {
            "gross_floor_area_m2": 100,
            "net_area_m2": 90,
            "units": [{"name": "flat", "area_m2": 40}],
        }
    }
    assert any(w["code"] == "units_area" for w in evaluate(scenario)["warnings"])


def test_cost_rent_above_market_rent_is_flagged():
    scenario = {
        "building": {"gross_floor_area_m2": 100},
        "operation": {"market_rent_per_m2_month": 5},
    }
    warnings = evaluate(scenario)["warnings"]
    assert any(w["code"] == "cost_rent_above_market" for w in warnings)


def test_share_return_above_the_nrc_cap_is_flagged():
    scenario = {"building": {"gross_floor_area_m2": 100}, "operation": {"share_return_rate": 0.07}}
    assert any(w["code"] == "share_return_above_cap" for w in evaluate(scenario)["warnings"])

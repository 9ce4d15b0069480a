"""Life-cycle cost (FEASIBILITY.md §4): NPV against numpy-financial, CRF, the two €/m²·yr."""

from decimal import Decimal

import numpy_financial as npf
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.feasibility.engine import evaluate
from openpromotor.feasibility.engine.lifecycle import capital_recovery_factor, life_cycle, npv
from openpromotor.feasibility.engine.scenario import parse


def lifecycle_of(lifecycle: dict, gross_floor_area=100) -> dict:
    scenario = {"building": {"gross_floor_area_m2": gross_floor_area}, "lifecycle": lifecycle}
    return evaluate(scenario)["lifecycle"]


def test_npv_does_not_discount_the_first_value():
    """Like numpy_financial.npv, unlike Excel's NPV() (FEASIBILITY.md §0.3)."""
    assert npv(Decimal("0.10"), [Decimal(100)]) == Decimal(100)
    assert float(npf.npv(0.10, [100.0])) == 100.0
    assert npv(Decimal("0.10"), [Decimal(0), Decimal(110)]) == Decimal(100)


@settings(max_examples=100, deadline=None, database=None)
@given(
    rate=st.decimals(min_value="0", max_value="0.12", places=4),
    flows=st.lists(
        st.decimals(min_value="-1000000", max_value="1000000", places=2), min_size=1, max_size=41
    ),
)
def test_npv_matches_numpy_financial(rate, flows):
    expected = float(npf.npv(float(rate), [float(flow) for flow in flows]))
    result = npv(rate, flows)
    assert abs(float(result) - expected) <= 1e-6 * max(1.0, abs(expected))


@settings(max_examples=50, deadline=None, database=None)
@given(
    rate=st.decimals(min_value="0.0001", max_value="0.12", places=4),
    years=st.integers(min_value=1, max_value=60),
)
def test_crf_matches_numpy_financial_payment_per_euro(rate, years):
    expected = float(npf.pmt(float(rate), years, -1.0))
    assert abs(float(capital_recovery_factor(rate, years)) - expected) < 1e-12


def test_crf_without_discounting_is_one_over_t():
    assert capital_recovery_factor(Decimal(0), 40) == Decimal(1) / 40


def test_npv_lines_by_hand():
    result = lifecycle_of(
        {
            "study_period_years": 2,
            "discount_rate": 0.03,
            "initial_cost": 1000,
            "renewals": [{"year": 2, "amount": 500}],
            "annual_costs": [{"amount": 100}],
            "residual_value": 200,
        }
    )
    # capital: 1,000 + (500 - 200) / 1.03² = 1,000 + 282.7785 = 1,282.78
    assert result["npv_capital"]["amount"] == "1282.78"
    # operating: 100 / 1.03 + 100 / 1.03² = 97.0874 + 94.2596 = 191.35
    assert result["npv_operating"]["amount"] == "191.35"
    assert result["npv_total"]["amount"] == "1474.13"
    # CRF(3 %, 2) = 0.03 / (1 - 1.03^-2) = 0.5226108374
    assert result["crf"]["value"] == "0.5226108374"
    assert result["eac_per_m2_year"]["amount"] == "7.70"  # 1,474.13 x 0.52261 / 100 m²
    assert result["simple_per_m2_year"]["amount"] == "7.37"  # 1,474.13 / (100 m² x 2 years)


def test_costs_per_m2_use_the_lifecycle_area():
    result = lifecycle_of(
        {
            "area_m2": 50,
            "study_period_years": 1,
            "discount_rate": 0,
            "initial_cost_per_m2": 10,
            "renewals": [{"year": 1, "cost_per_m2": 2}],
            "annual_costs": [{"cost_per_m2": 3}],
        }
    )
    assert result["npv_capital"]["amount"] == "600.00"  # (10 + 2) x 50
    assert result["npv_operating"]["amount"] == "150.00"  # 3 x 50


def test_annual_costs_only_count_in_their_years():
    result = lifecycle_of(
        {
            "study_period_years": 10,
            "discount_rate": 0,
            "initial_cost": 0,
            "annual_costs": [{"amount": 100, "from_year": 3, "to_year": 5}],
        }
    )
    assert result["npv_operating"]["amount"] == "300.00"


def test_defaults_link_the_capital_total_and_the_running_costs():
    result = evaluate({"building": {"gross_floor_area_m2": 100}})
    lifecycle, operation = result["lifecycle"], result["operation"]
    assert lifecycle["npv_capital"]["amount"] == result["capital"]["total"]["amount"]
    running = sum(
        Decimal(operation[key]["amount"])
        for key in ("maintenance", "insurance", "property_tax", "management")
    )
    annuity = Decimal(repr(1 / float(capital_recovery_factor(Decimal("0.03"), 40))))
    assert abs(Decimal(lifecycle["npv_operating"]["amount"]) - running * annuity) < Decimal("0.01")
    assert lifecycle["study_period_years"] == 40
    assert lifecycle["discount_rate"] == "0.03"


@settings(max_examples=50, deadline=None, database=None)
@given(
    cents=st.integers(min_value=100, max_value=100_000_000),
    rate=st.decimals(min_value="0", max_value="0.10", places=4),
    years=st.integers(min_value=1, max_value=60),
)
def test_annuitised_cost_returns_a_constant_yearly_cost_unchanged(cents, rate, years):
    yearly = Decimal(cents) / 100
    scenario = parse(
        {
            "building": {"gross_floor_area_m2": 1},
            "lifecycle": {
                "study_period_years": years,
                "discount_rate": str(rate),
                "initial_cost": 0,
                "annual_costs": [{"amount": str(yearly)}],
            },
        }
    )
    result = life_cycle(scenario.lifecycle, Decimal(0), Decimal(0))
    assert abs(result.eac_per_m2_year - yearly) <= Decimal("0.02")


def test_annuitised_and_simple_differ_by_about_1_7_at_3_percent_over_40_years():
    """FEASIBILITY.md §0.7: an initial cost spread both ways."""
    result = lifecycle_of({"initial_cost": 1_000_000, "annual_costs": []})
    ratio = Decimal(result["eac_per_m2_year"]["amount"]) / Decimal(
        result["simple_per_m2_year"]["amount"]
    )
    assert Decimal("1.70") < ratio < Decimal("1.75")
    assert "annuitised" in result["eac_per_m2_year"]["basis"]
    assert "simple" in result["simple_per_m2_year"]["basis"]


def test_renewals_with_default_yearly_costs_warn_of_double_counting():
    scenario = {
        "building": {"gross_floor_area_m2": 100},
        "lifecycle": {"renewals": [{"year": 20, "amount": 1000}]},
    }
    assert any(w["code"] == "renewals_counted_twice" for w in evaluate(scenario)["warnings"])

"""Capital lines (FEASIBILITY.md §1): each line by hand, lines left out, the closed-form loan."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.feasibility.engine import evaluate
from openpromotor.feasibility.engine.capital import band_portions
from openpromotor.feasibility.engine.evaluation import run
from openpromotor.feasibility.engine.rates import notary_fee_scale
from openpromotor.feasibility.engine.scenario import parse

# A purchase with one fixed bank loan, so every line can be worked out by hand.
HAND_SCENARIO = {
    "building": {"gross_floor_area_m2": 100},
    "acquisition": {"price": 200000, "buyer": "legal_person", "date": "2026-01-10"},
    "works": {"depth": "deep", "cost_per_m2": 1000},
    "financing": {
        "tranches": [
            {"key": "bank", "kind": "bank_loan", "amount": 250000, "annual_rate": 0.03},
            {"key": "members", "kind": "member_shares", "amount": 121136.03},
        ]
    },
}

HAND_LINES = {
    "acquisition_price": "200000.00",
    "registration_duty": "24000.00",  # 12 % x 200,000
    # 4.56 % x 7,500 + 2.85 % x 10,000 + 2.28 % x 12,500 + 1.71 % x 15,495 + 1.14 % x 18,600
    # + 0.57 % x 135,905 = 342 + 285 + 285 + 264.9645 + 212.04 + 774.6585 = 2,163.663
    "notary_fee": "2163.66",
    "notary_fee_vat": "454.37",  # 21 % x 2,163.66 = 454.3686
    "deed_costs": "1573.00",  # 1,300 + 21 %
    "works": "100000.00",  # 1,000 €/m² x 100 m²
    "contingency": "10000.00",  # 10 % (deep renovation)
    "works_vat": "6600.00",  # 6 % x 110,000
    "fees": "12000.00",  # 12 % x works
    "fees_vat": "2520.00",  # 21 % x 12,000
    "soft_costs": "2000.00",  # 2 % x works
    "mortgage_registration": "2750.00",  # 1 % x 275,000 (110 % of 250,000)
    "mortgage_duty": "825.00",  # 0.3 % x 275,000
    "mortgage_fixed_costs": "2500.00",
    "interest_during_works": "3750.00",  # 250,000 x 3 % x 12/12 x ½
}


def test_every_capital_line_by_hand():
    capital = evaluate(HAND_SCENARIO)["capital"]
    assert {line["key"]: line["amount"] for line in capital["lines"]} == HAND_LINES
    assert [line["key"] for line in capital["lines"]] == list(HAND_LINES)
    assert capital["total"]["amount"] == "371136.03"
    assert capital["per_m2_gfa"]["amount"] == "3711.36"


def test_every_line_says_how_it_was_computed_and_legal_rates_have_a_source():
    lines = evaluate(HAND_SCENARIO)["capital"]["lines"]
    assert all(line["basis"] and line["label"] for line in lines)
    legal = {"registration_duty", "notary_fee", "notary_fee_vat", "works_vat"}
    legal |= {"mortgage_registration", "mortgage_duty"}
    for line in lines:
        if line["key"] in legal:
            assert line["source"].startswith("https://"), line["key"]
    duty = next(line for line in lines if line["key"] == "registration_duty")
    assert "12 %" in duty["basis"]
    assert "2022-01-01" in duty["basis"]


def test_published_notary_fee_on_65000():
    """FEASIBILITY.md §1.3: the worked example of €65,000 gives a fee of €1,394.16."""
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "acquisition": {"price": 65000, "date": "2026-01-10"},
        }
    )
    fee = next(line for line in result["capital"]["lines"] if line["key"] == "notary_fee")
    assert fee["amount"] == "1394.16"


def test_band_portions_stop_at_the_price():
    scale = notary_fee_scale(parse({"building": {"gross_floor_area_m2": 1}}).acquisition.date)
    portions = band_portions(Decimal("10000"), scale.bands)
    assert portions == [(Decimal("7500"), Decimal("0.0456")), (Decimal("2500"), Decimal("0.0285"))]


def test_lines_that_do_not_apply_are_left_out():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "works": {"contingency_rate": 0},
            "financing": {"tranches": [{"kind": "member_shares", "share_of_total": 1}]},
        }
    )
    keys = [line["key"] for line in result["capital"]["lines"]]
    assert keys == ["works", "works_vat", "fees", "fees_vat", "soft_costs"]


def test_user_rates_override_the_table_and_say_so():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "acquisition": {"price": 100000, "duty_rate": 0.02, "date": "2026-01-10"},
        }
    )
    duty = next(line for line in result["capital"]["lines"] if line["key"] == "registration_duty")
    assert duty["amount"] == "2000.00"
    assert "given in the scenario" in duty["basis"]
    assert "source" not in duty


@pytest.mark.parametrize(
    ("depth", "works", "contingency", "vat"),
    [
        ("light", "50000.00", "2500.00", "3150.00"),  # 500 €/m², 5 %, 6 %
        ("deep", "135000.00", "13500.00", "8910.00"),  # 1,350 €/m², 10 %, 6 %
        ("conversion", "170000.00", "25500.00", "41055.00"),  # 1,700 €/m², 15 %, 21 %
        ("rebuild", "220000.00", "11000.00", "48510.00"),  # 2,200 €/m², 5 %, 21 %
    ],
)
def test_works_defaults_by_depth(depth, works, contingency, vat):
    result = evaluate({"building": {"gross_floor_area_m2": 100}, "works": {"depth": depth}})
    lines = {line["key"]: line["amount"] for line in result["capital"]["lines"]}
    assert (lines["works"], lines["contingency"], lines["works_vat"]) == (works, contingency, vat)


def test_soft_costs_as_a_lump_sum():
    result = evaluate({"building": {"gross_floor_area_m2": 100}, "fees": {"soft_costs": 4321}})
    soft = next(line for line in result["capital"]["lines"] if line["key"] == "soft_costs")
    assert soft["amount"] == "4321.00"
    assert "lump sum" in soft["basis"]


def test_default_loan_is_70_percent_of_a_total_that_includes_its_own_costs():
    """FEASIBILITY.md §2.9: closed form, not iterated; equity is the total minus the loan."""
    result = evaluate({"building": {"gross_floor_area_m2": 800}, "acquisition": {"price": 500000}})
    total = Decimal(result["capital"]["total"]["amount"])
    bank, members = result["financing"]["tranches"]
    loan = Decimal(bank["amount"])
    assert abs(loan - Decimal("0.70") * total) <= Decimal("0.03")
    assert Decimal(members["amount"]) == total - loan
    assert result["financing"]["equity"]["amount"] == members["amount"]
    assert result["financing"]["gap"]["amount"] == "0.00"
    lines = {line["key"]: Decimal(line["amount"]) for line in result["capital"]["lines"]}
    secured = (Decimal("1.10") * loan).quantize(Decimal("0.01"))
    assert lines["mortgage_registration"] == (secured * Decimal("0.01")).quantize(Decimal("0.01"))
    assert lines["interest_during_works"] == (loan * Decimal("0.035") / 2).quantize(Decimal("0.01"))


@settings(max_examples=40, deadline=None, database=None)
@given(
    price=st.integers(min_value=0, max_value=5_000_000),
    area=st.integers(min_value=50, max_value=10_000),
    share=st.decimals(min_value="0.05", max_value="0.95", places=2),
    rate=st.decimals(min_value="0", max_value="0.12", places=4),
    months=st.integers(min_value=0, max_value=36),
)
def test_closed_form_loan_matches_its_share_of_the_final_total(price, area, share, rate, months):
    scenario = parse(
        {
            "building": {"gross_floor_area_m2": area},
            "acquisition": {"price": price, "date": "2026-01-10"},
            "financing": {
                "tranches": [
                    {
                        "key": "bank",
                        "kind": "bank_loan",
                        "share_of_total": str(share),
                        "annual_rate": str(rate),
                    },
                    {"key": "equity", "kind": "member_shares", "share_of_total": str(1 - share)},
                ],
                "interest_during_works_months": months,
            },
        }
    )
    evaluation = run(scenario)
    total = evaluation.capital.total
    loan, equity = (t.amount for t in evaluation.financing.tranches)
    assert abs(loan - share * total) <= Decimal("0.03")
    assert loan + equity == total
    assert total == sum(line.amount for line in evaluation.capital.lines)


def codes(scenario: dict) -> list[str]:
    return [warning["code"] for warning in evaluate(scenario)["warnings"]]


def test_conversion_vat_is_flagged_whatever_the_rate():
    for rate in (0.21, 0.06):
        scenario = {
            "building": {"gross_floor_area_m2": 100},
            "works": {"depth": "conversion", "vat_rate": rate},
        }
        assert "vat_conversion" in codes(scenario)


def test_rebuild_vat_is_flagged_once_the_reduced_rate_exists():
    def rebuild_on(day: str) -> dict:
        return {
            "building": {"gross_floor_area_m2": 100},
            "acquisition": {"date": day},
            "works": {"depth": "rebuild"},
        }

    assert "vat_rebuild" in codes(rebuild_on("2025-07-01"))
    assert "vat_rebuild" not in codes(rebuild_on("2025-06-30"))


def test_sole_home_rate_is_2_percent_and_flagged():
    scenario = {
        "building": {"gross_floor_area_m2": 100},
        "acquisition": {"price": 100000, "buyer": "natural_person_sole_home", "date": "2026-01-10"},
    }
    lines = evaluate(scenario)["capital"]["lines"]
    assert next(line for line in lines if line["key"] == "registration_duty")["amount"] == "2000.00"
    assert "sole_home_rate" in codes(scenario)

"""Financing: periodic rates, payments, repayment kinds and schedules, checked against
published Belgian figures and numpy-financial as an independent oracle."""

from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.feasibility.engine import ScenarioError, evaluate
from openpromotor.feasibility.engine.financing import annuity_payment, periodic_rate


def one_loan(**loan) -> dict:
    """A scenario financed by one fixed bank loan (plus equity), with its schedule."""
    return {
        "building": {"gross_floor_area_m2": 100},
        "acquisition": {"price": 300000, "date": "2026-01-10"},
        "financing": {
            "tranches": [{"key": "loan", "kind": "bank_loan", "amount": 250000, **loan}],
            "schedule": True,
        },
    }


@pytest.mark.parametrize(
    ("annual_rate", "payment"),
    [("0.03", "1180.27"), ("0.035", "1244.21"), ("0.0389", "1295.19")],
)
def test_published_belgian_monthly_payments(annual_rate, payment):
    """FEASIBILITY.md §0.2: €250,000 over 25 years, equivalent rate (1 + I)^(1/12) - 1."""
    rate = periodic_rate(Decimal(annual_rate), 12, "belgian_equivalent")
    assert str(annuity_payment(Decimal(250000), rate, 300)) == payment
    tranche = evaluate(one_loan(annual_rate=annual_rate, years=25))["financing"]["tranches"][0]
    assert tranche["periodic_payment"] == payment
    assert tranche["annual_debt_service"] == str(Decimal(payment) * 12)


def test_nominal_convention_divides_the_annual_rate():
    assert periodic_rate(Decimal("0.03"), 12, "nominal") == Decimal("0.0025")
    rate = periodic_rate(Decimal("0.03"), 12, "nominal")
    assert str(annuity_payment(Decimal(250000), rate, 300)) == "1185.53"


def test_yearly_periods_use_the_annual_rate_under_both_conventions():
    assert periodic_rate(Decimal("0.035"), 1, "belgian_equivalent") == Decimal("0.035")
    assert periodic_rate(Decimal("0.035"), 1, "nominal") == Decimal("0.035")


def test_zero_rate_annuity_is_principal_over_periods():
    assert annuity_payment(Decimal(1000), Decimal(0), 3) == Decimal("333.33")


@settings(max_examples=150, deadline=None, database=None)
@given(
    cents=st.integers(min_value=100_000, max_value=1_000_000_000),
    annual=st.decimals(min_value="0", max_value="0.15", places=4),
    years=st.integers(min_value=1, max_value=40),
    per_year=st.sampled_from([1, 2, 4, 12]),
    convention=st.sampled_from(["belgian_equivalent", "nominal"]),
)
def test_annuity_matches_numpy_financial(cents, annual, years, per_year, convention):
    principal = Decimal(cents) / 100
    rate = periodic_rate(annual, per_year, convention)
    periods = years * per_year
    payment = annuity_payment(principal, rate, periods)
    if rate == 0:
        expected = float(principal) / periods
    else:
        expected = float(npf.pmt(float(rate), periods, -float(principal)))
    assert payment == payment.quantize(Decimal("0.01"))
    assert abs(payment - Decimal(repr(expected))) <= Decimal("0.00501")


def test_annuity_schedule_repays_exactly_and_follows_numpy_interest():
    tranche = evaluate(one_loan(annual_rate=0.035, years=25))["financing"]["tranches"][0]
    schedule = tranche["schedule"]
    assert len(schedule) == 25
    assert schedule[-1]["balance"] == "0.00"
    assert sum(Decimal(row["principal"]) for row in schedule) == Decimal("250000.00")
    rate = float(tranche["periodic_rate"])
    for row in schedule:
        periods = range(12 * (row["year"] - 1) + 1, 12 * row["year"] + 1)
        expected = -sum(float(npf.ipmt(rate, k, 300, 250000)) for k in periods)
        assert abs(Decimal(row["interest"]) - Decimal(repr(expected))) < Decimal("0.25")
        assert Decimal(row["payment"]) == Decimal(row["interest"]) + Decimal(row["principal"])


def test_first_year_of_a_yearly_annuity_by_hand():
    tranche = evaluate(one_loan(annual_rate=0.04, years=2, periods_per_year=1))["financing"][
        "tranches"
    ][0]
    # A = 250,000 x 0.04 / (1 - 1.04^-2) = 132,549.02; interest year 1 = 10,000.00
    assert tranche["periodic_payment"] == "132549.02"
    first, second = tranche["schedule"]
    assert first == {
        "year": 1,
        "payment": "132549.02",
        "interest": "10000.00",
        "principal": "122549.02",
        "balance": "127450.98",
    }
    # the last payment takes the rounding rest: interest 5,098.04, principal 127,450.98
    assert second["payment"] == "132549.02"
    assert second["balance"] == "0.00"


def test_interest_only_pays_interest_and_owes_the_principal_at_the_end():
    result = evaluate(one_loan(annual_rate=0.03, years=10, repayment="interest_only"))
    tranche = result["financing"]["tranches"][0]
    assert tranche["periodic_payment"] == "616.57"  # 250,000 x ((1.03)^(1/12) - 1)
    assert tranche["due_at_end"] == "250000.00"
    assert tranche["schedule"][-1]["principal"] == "250000.00"
    assert tranche["schedule"][-1]["balance"] == "0.00"
    assert any(w["code"] == "repayment_not_in_rent" for w in result["warnings"])


def test_bullet_pays_nothing_until_principal_and_compound_interest_at_the_end():
    tranche = evaluate(one_loan(annual_rate=0.02, years=5, periods_per_year=1, repayment="bullet"))[
        "financing"
    ]["tranches"][0]
    assert tranche["periodic_payment"] == "0.00"
    assert tranche["annual_debt_service"] == "0.00"
    assert tranche["due_at_end"] == "276020.20"  # 250,000 x 1.02^5
    assert [row["payment"] for row in tranche["schedule"]] == ["0.00"] * 4 + ["276020.20"]
    assert tranche["schedule"][-1]["balance"] == "0.00"


def test_revolving_fund_defaults_to_a_zero_rate_bullet_over_20_years():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "financing": {
                "tranches": [
                    {"key": "fund", "kind": "revolving_fund", "share_of_total": 0.2},
                    {"key": "shares", "kind": "member_shares", "share_of_total": 0.8},
                ]
            },
        }
    )
    fund = result["financing"]["tranches"][0]
    assert (fund["annual_rate"], fund["years"], fund["repayment"]) == ("0", 20, "bullet")
    assert fund["due_at_end"] == fund["amount"]


def test_mixed_amounts_and_shares_report_the_gap_and_equity():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "financing": {
                "tranches": [
                    {"key": "subsidy", "kind": "subsidy", "amount": 10000},
                    {"key": "bank", "kind": "bank_loan", "share_of_total": 0.5},
                ]
            },
        }
    )
    financing = result["financing"]
    total = Decimal(result["capital"]["total"]["amount"])
    bank = Decimal(financing["tranches"][1]["amount"])
    assert Decimal(financing["equity"]["amount"]) == total - bank
    assert Decimal(financing["gap"]["amount"]) == total - bank - Decimal(10000)
    assert any(w["code"] == "funding_gap" for w in result["warnings"])


def test_zurich_split_covers_the_total_to_the_cent():
    """6 % member equity, 14 % subordinated loan, 80 % bank loan (FEASIBILITY.md §2.8)."""
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 1000},
            "acquisition": {"price": 900000},
            "financing": {
                "tranches": [
                    {"key": "equity", "kind": "member_shares", "share_of_total": 0.06},
                    {
                        "key": "pension",
                        "kind": "third_party",
                        "share_of_total": 0.14,
                        "annual_rate": 0.025,
                        "years": 30,
                    },
                    {"key": "bank", "kind": "bank_loan", "share_of_total": 0.80},
                ]
            },
        }
    )
    amounts = [Decimal(t["amount"]) for t in result["financing"]["tranches"]]
    assert sum(amounts) == Decimal(result["capital"]["total"]["amount"])
    assert result["financing"]["gap"]["amount"] == "0.00"
    assert not any(w["code"] == "bank_loan_above_80" for w in result["warnings"])


def test_bank_loan_above_80_percent_is_flagged():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "financing": {
                "tranches": [
                    {"kind": "bank_loan", "share_of_total": 0.9},
                    {"kind": "member_shares", "share_of_total": 0.1},
                ]
            },
        }
    )
    assert any(w["code"] == "bank_loan_above_80" for w in result["warnings"])


def test_monthly_payment_sums_the_yearly_debt_service_of_all_tranches():
    result = evaluate(
        {
            "building": {"gross_floor_area_m2": 100},
            "financing": {
                "tranches": [
                    {"key": "bank", "kind": "bank_loan", "amount": 100000},
                    {
                        "key": "members",
                        "kind": "member_loan",
                        "amount": 12000,
                        "annual_rate": 0,
                        "years": 10,
                        "periods_per_year": 1,
                    },
                ]
            },
        }
    )
    financing = result["financing"]
    bank, members = financing["tranches"]
    assert members["annual_debt_service"] == "1200.00"
    yearly = Decimal(bank["annual_debt_service"]) + Decimal("1200.00")
    assert financing["annual_debt_service"]["amount"] == str(yearly)
    assert Decimal(financing["monthly_payment"]["amount"]) == (yearly / 12).quantize(
        Decimal("0.01")
    )


def test_financing_costs_larger_than_the_loans_are_an_error():
    scenario = {
        "building": {"gross_floor_area_m2": 100},
        "financing": {
            "tranches": [{"kind": "bank_loan", "share_of_total": 1, "annual_rate": 0.5}],
            "interest_during_works_months": 60,
        },
    }
    with pytest.raises(ScenarioError) as raised:
        evaluate(scenario)
    assert raised.value.errors[0]["field"] == "financing.tranches"

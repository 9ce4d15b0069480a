"""Ready-made variants to compare a scenario with: VAT, buyer, Zürich split, CLT split."""

import copy
from decimal import Decimal

import pytest

from openpromotor.feasibility.engine import ScenarioError, compare, evaluate, variant
from openpromotor.feasibility.report import example_scenario

BASE = {
    "name": "Kapel",
    "building": {"gross_floor_area_m2": 640},
    "acquisition": {"price": 395000, "date": "2026-03-01"},
    "works": {"depth": "conversion"},
}


def test_the_other_vat_rate_on_works():
    made = variant(BASE, "works_vat")
    assert made.scenario["works"] == {"depth": "conversion", "vat_rate": "0.06"}
    assert str(made.label) == "6 % VAT on works"
    assert "dwelling first occupied at least 10 years" in str(made.note)
    back = variant(made.scenario, "works_vat")
    assert back.scenario["works"]["vat_rate"] == "0.21"
    lines = {line["key"]: line for line in evaluate(made.scenario)["capital"]["lines"]}
    works = Decimal(lines["works"]["amount"]) + Decimal(lines["contingency"]["amount"])
    assert Decimal(lines["works_vat"]["amount"]) == (works * Decimal("0.06")).quantize(
        Decimal("0.01")
    )


def test_individual_purchases_at_the_sole_home_rate():
    made = variant(BASE | {"acquisition": BASE["acquisition"] | {"duty_rate": 0.1}}, "buyer")
    assert made.scenario["acquisition"] == {
        "price": 395000,
        "date": "2026-03-01",
        "buyer": "natural_person_sole_home",
    }
    assert str(made.label) == "Individual purchases at 2 % duty"
    duty = evaluate(made.scenario)["capital"]["lines"][1]
    assert duty["amount"] == "7900.00"  # 2 % x 395,000
    back = variant(made.scenario, "buyer")
    assert back.scenario["acquisition"]["buyer"] == "legal_person"
    assert str(back.label) == "Purchase by the cooperative at 12 % duty"


def test_individual_purchases_before_the_sole_home_rate_existed():
    # The base gives its own duty rate, so it is valid before the table's first entry.
    old = BASE | {"acquisition": {"price": 1, "date": "2019-05-01", "duty_rate": 0.1}}
    with pytest.raises(ScenarioError) as raised:
        variant(old, "buyer")
    assert raised.value.errors[0]["field"] == "acquisition.date"
    assert "before 2020-01-01" in raised.value.errors[0]["message"]


def test_a_zurich_style_split():
    scenario = example_scenario()
    made = variant(scenario, "zurich_split")
    tranches = made.scenario["financing"]["tranches"]
    assert [(t["kind"], t["share_of_total"]) for t in tranches] == [
        ("bank_loan", "0.80"),
        ("third_party", "0.14"),
        ("member_shares", "0.06"),
    ]
    # The subordinated loan takes the bank loan's terms: 3.75 % over 25 years, monthly.
    assert tranches[1]["annual_rate"] == "0.0375"
    assert tranches[1]["years"] == 25
    assert made.scenario["financing"]["mortgage"] == scenario["financing"]["mortgage"]
    assert str(made.label) == "Zürich-style split 6 % / 14 % / 80 %"
    assert "3.75 % over 25 years" in str(made.note)
    result = evaluate(made.scenario)
    total = Decimal(result["capital"]["total"]["amount"])
    bank = Decimal(result["financing"]["tranches"][0]["amount"])
    assert abs(bank / total - Decimal("0.80")) < Decimal("0.0001")
    assert "bank_loan_above_80" not in {w["code"] for w in result["warnings"]}
    assert result["financing"]["gap"]["amount"] == "0.00"


def test_a_zurich_split_without_a_bank_loan_uses_the_default_terms():
    made = variant(BASE, "zurich_split")
    assert made.scenario["financing"]["tranches"][0]["annual_rate"] == "0.035"
    assert evaluate(made.scenario)["financing"]["tranches"][0]["years"] == 25


def test_a_clt_split():
    made = variant(BASE, "clt_split", land_share="0.25", ground_fee=Decimal("1200"))
    assert made.scenario["land"] == {"share_of_price": "0.25", "ground_fee_year": Decimal("1200")}
    assert str(made.label) == "CLT split: land 25 %, ground fee 1,200.00 a year"
    assert "99-year long lease" in str(made.note)
    lines = {line["key"]: line["amount"] for line in evaluate(made.scenario)["capital"]["lines"]}
    assert lines["acquisition_price"] == "296250.00"  # 395,000 - 25 %
    assert lines["long_lease_duty"] == "5940.00"  # 5 % x 1,200 x 99


def test_a_clt_split_needs_its_figures():
    with pytest.raises(ScenarioError) as raised:
        variant(BASE, "clt_split", land_share="0.25")
    assert raised.value.errors == [
        {"field": "variant.ground_fee", "message": "required for the CLT split variant"}
    ]
    with pytest.raises(ScenarioError) as raised:
        variant(BASE, "clt_split", land_share="2", ground_fee="0")
    assert raised.value.errors[0]["field"] == "land.share_of_price"


def test_the_scenario_given_is_not_changed():
    scenario = example_scenario()
    before = copy.deepcopy(scenario)
    for key in ("works_vat", "buyer", "zurich_split"):
        variant(scenario, key)
    variant(scenario, "clt_split", land_share="0.3", ground_fee="0")
    assert scenario == before


def test_unknown_variant_and_bad_base():
    with pytest.raises(ScenarioError) as raised:
        variant(BASE, "cheaper")
    assert raised.value.errors[0]["field"] == "variant"
    with pytest.raises(ScenarioError):
        variant({"building": {}}, "works_vat")


def test_a_scenario_and_its_four_variants_side_by_side():
    scenarios = [BASE] + [
        variant(BASE, key, land_share="0.3", ground_fee="600").scenario
        for key in ("works_vat", "buyer", "clt_split")
    ]
    table = compare(scenarios)
    assert table["names"][1:] == [
        "6 % VAT on works",
        "Individual purchases at 2 % duty",
        "CLT split: land 30 %, ground fee 600.00 a year",
    ]
    rows = {row["key"]: row for row in table["rows"]}
    assert rows["capital.lines.long_lease_duty"]["values"] == ["0.00", "0.00", "0.00", "2970.00"]
    assert Decimal(rows["capital.total"]["differences"][3]) < 0

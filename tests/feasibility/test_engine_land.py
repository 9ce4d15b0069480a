"""A community land trust's land/building split (FEASIBILITY.md §2.7 and the 5 % row of §1.2).

FEASIBILITY.md gives no worked example of a split, so the figures are worked out by hand here.
"""

from datetime import date
from decimal import Decimal

import pytest

from openpromotor.feasibility.engine import ScenarioError, evaluate
from openpromotor.feasibility.engine.rates import legal_rate

# A house of 100 m² for €200,000; the trust keeps 30 % (the land), the group pays €600 a year.
SPLIT = {
    "building": {"gross_floor_area_m2": 100, "units": [{"name": "house", "area_m2": 90}]},
    "acquisition": {"price": 200000, "date": "2026-03-01"},
    "works": {"depth": "light", "cost_per_m2": 0},
    "financing": {"tranches": [{"kind": "member_shares", "share_of_total": 1}]},
    "land": {"share_of_price": 0.30, "ground_fee_year": 600},
}


def lines(result: dict) -> dict[str, dict]:
    return {line["key"]: line for line in result["capital"]["lines"]}


def with_land(**land) -> dict:
    return SPLIT | {"land": land}


def errors_of(scenario: dict) -> dict[str, str]:
    with pytest.raises(ScenarioError) as raised:
        evaluate(scenario)
    return {e["field"]: e["message"] for e in raised.value.errors}


def test_the_group_buys_the_building_part_only():
    capital = lines(evaluate(SPLIT))
    # 200,000 - 30 % land = 140,000, the price the group pays.
    assert capital["acquisition_price"]["amount"] == "140000.00"
    assert "land part 60,000.00" in capital["acquisition_price"]["basis"]
    # 12 % of 140,000: the cooperative still buys the building as a legal person.
    assert capital["registration_duty"]["amount"] == "16800.00"
    # Notary scale on 140,000: 342 + 285 + 285 + 264.9645 + 212.04 + 75,905 x 0.57 %
    # (432.6585) = 1,821.663.
    assert capital["notary_fee"]["amount"] == "1821.66"
    assert capital["notary_fee_vat"]["amount"] == "382.55"  # 21 % x 1,821.66 = 382.5486


def test_the_long_lease_pays_5_percent_of_its_fees():
    duty = lines(evaluate(SPLIT))["long_lease_duty"]
    # 600 a year x 99 years = 59,400 in fees; 5 % of that.
    assert duty["amount"] == "2970.00"
    assert duty["label"] == "Registration duty on the long lease"
    assert "5 % x the fees of the lease 59,400.00 = 600.00 a year x 99 years" in duty["basis"]
    assert "in force from 2024-01-01" in duty["basis"]
    assert duty["source"].startswith("https://www.fidelium.eu/")


def test_the_rate_is_dated_in_the_rate_table():
    assert legal_rate("registration_duty.long_lease", date(2024, 1, 1)).value == Decimal("0.05")
    assert legal_rate("registration_duty.long_lease", date(2023, 12, 31)).value == Decimal("0.02")
    before = SPLIT | {"acquisition": SPLIT["acquisition"] | {"date": "2023-06-01"}}
    assert lines(evaluate(before))["long_lease_duty"]["amount"] == "1188.00"  # 2 % x 59,400


def test_a_building_right_a_shorter_term_and_a_given_rate():
    result = evaluate(
        with_land(
            price=50000,
            ground_fee_year=1000,
            lease_years=50,
            right="building_right",
            duty_rate=0.04,
        )
    )
    capital = lines(result)
    assert capital["acquisition_price"]["amount"] == "150000.00"
    duty = capital["long_lease_duty"]
    assert duty["label"] == "Registration duty on the building right"
    assert duty["amount"] == "2000.00"  # 4 % x 1,000 x 50
    assert "given in the scenario" in duty["basis"]
    assert result["land"]["price"]["basis"].startswith("given in the scenario")


def test_the_ground_fee_is_a_cost_of_the_operation():
    operation = evaluate(SPLIT)["operation"]
    assert operation["ground_fee"]["amount"] == "600.00"
    assert operation["ground_fee"]["label"] == "Ground fee (canon) to the community land trust"
    assert "+ ground fee +" in operation["cost_rent_year"]["basis"]
    costs = [v for v in operation.values() if isinstance(v, dict) and "label" in v]
    assert sum(Decimal(c["amount"]) for c in costs) == Decimal(
        operation["cost_rent_year"]["amount"]
    )
    # The same building bought for the building part without a trust: member shares pay the
    # capital, so the rents differ only by the fee, grossed up for 3 % vacancy: 600 / 0.97.
    plain = SPLIT | {"land": None, "acquisition": {"price": 140000, "date": "2026-03-01"}}
    difference = Decimal(operation["cost_rent_year"]["amount"]) - Decimal(
        evaluate(plain)["operation"]["cost_rent_year"]["amount"]
    )
    assert abs(difference - Decimal("618.556701")) <= Decimal("0.01")


def test_the_life_cycle_counts_the_ground_fee_every_year():
    operating = evaluate(SPLIT)["lifecycle"]["npv_operating"]
    assert "ground fee" in operating["basis"]
    without_fee = evaluate(with_land(share_of_price=0.30, ground_fee_year=0))
    # 600 a year over 40 years at 3 %: 600 x (1 - 1.03^-40) / 0.03 = 13,868.86
    npv_fee = Decimal(operating["amount"]) - Decimal(
        without_fee["lifecycle"]["npv_operating"]["amount"]
    )
    assert abs(npv_fee - Decimal("13868.86")) <= Decimal("0.01")


def test_the_result_shows_the_split():
    land = evaluate(SPLIT)["land"]
    assert land["right"] == "long_lease"
    assert land["lease_years"] == 99
    assert land["price"]["amount"] == "60000.00"
    assert land["price"]["basis"].startswith("30 % x acquisition price 200,000.00")
    assert land["building_price"]["amount"] == "140000.00"
    assert land["ground_fee_year"]["amount"] == "600.00"
    assert land["lease_fees"]["amount"] == "59400.00"


def test_the_trusts_land_money_is_a_point_to_check():
    warnings = {w["code"]: w for w in evaluate(SPLIT)["warnings"]}
    assert warnings["land_outside_plan"]["field"] == "land.price"
    assert "60,000.00" in warnings["land_outside_plan"]["message"]


def test_nothing_of_the_split_without_a_land_block():
    for scenario in (SPLIT | {"land": None}, {k: v for k, v in SPLIT.items() if k != "land"}):
        result = evaluate(scenario)
        assert "land" not in result
        assert "long_lease_duty" not in lines(result)
        assert "ground_fee" not in result["operation"]
        assert "ground fee" not in result["operation"]["cost_rent_year"]["basis"]
        assert "land_outside_plan" not in {w["code"] for w in result["warnings"]}


def test_a_fee_of_nothing_leaves_the_duty_line_out():
    result = evaluate(with_land(share_of_price=0.3, ground_fee_year=0))
    assert "long_lease_duty" not in lines(result)
    assert result["operation"]["ground_fee"]["amount"] == "0.00"


def test_the_scenario_in_the_result_parses_back_to_the_same_result():
    result = evaluate(SPLIT)
    again = evaluate(result["scenario"])
    amounts = [(line["key"], line["amount"]) for line in result["capital"]["lines"]]
    assert [(line["key"], line["amount"]) for line in again["capital"]["lines"]] == amounts
    assert again["land"] == result["land"]


@pytest.mark.parametrize(
    ("land", "field", "message"),
    [
        ({"ground_fee_year": 600}, "land.price", "give price or share_of_price"),
        (
            {"price": 1, "share_of_price": 0.1, "ground_fee_year": 600},
            "land.price",
            "give price or share_of_price, not both",
        ),
        (
            {"price": 250000, "ground_fee_year": 600},
            "land.price",
            "must not be more than the acquisition price 200,000.00",
        ),
        ({"share_of_price": 1.3, "ground_fee_year": 600}, "land.share_of_price", None),
        ({"share_of_price": 0.3}, "land.ground_fee_year", None),
        ({"share_of_price": 0.3, "ground_fee_year": -5}, "land.ground_fee_year", None),
        (
            {"share_of_price": 0.3, "ground_fee_year": 600, "lease_years": 100},
            "land.lease_years",
            "must be at most 99",
        ),
        (
            {"share_of_price": 0.3, "ground_fee_year": 600, "lease_years": 0},
            "land.lease_years",
            None,
        ),
        ({"share_of_price": 0.3, "ground_fee_year": 600, "right": "rent"}, "land.right", None),
        ({"share_of_price": 0.3, "ground_fee_year": 600, "canon": 5}, "land.canon", None),
        ({"share_of_price": 0.3, "ground_fee_year": 600, "duty_rate": 5}, "land.duty_rate", None),
    ],
)
def test_bad_land_blocks_name_the_field(land, field, message):
    errors = errors_of(SPLIT | {"land": land})
    assert field in errors, errors
    if message is not None:
        assert errors[field] == message


def test_a_land_block_must_be_an_object():
    assert errors_of(SPLIT | {"land": [1]})["land"] == "must be an object"

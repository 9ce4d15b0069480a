"""Money arithmetic: Decimal, half-up to the cent, texts."""

from decimal import Decimal

import pytest

from openpromotor.feasibility.engine.lines import Line, money_json, total
from openpromotor.feasibility.engine.money import (
    money_text,
    number_text,
    percent_text,
    power,
    round_cent,
    round_euro,
    to_decimal,
)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1394.163", "1394.16"),
        ("0.005", "0.01"),
        ("2.675", "2.68"),  # a float would give 2.67: 2.675 is 2.67499999... in binary
        ("-0.005", "-0.01"),
        ("-0.004", "0.00"),  # no negative zero
        ("7", "7.00"),
    ],
)
def test_round_cent_is_half_up(amount, expected):
    assert str(round_cent(Decimal(amount))) == expected


def test_round_euro_is_half_up():
    assert round_euro(Decimal("2176.5")) == Decimal("2177")
    assert round_euro(Decimal("2176.49")) == Decimal("2176")


def test_to_decimal_keeps_the_written_value_of_a_float():
    assert to_decimal(0.035) == Decimal("0.035")
    assert to_decimal(65000) == Decimal("65000")
    assert to_decimal("0.1") == Decimal("0.1")


def test_power_is_a_decimal_close_to_the_exact_value():
    result = power(Decimal("1.03"), 1 / 12)
    assert isinstance(result, Decimal)
    assert abs(result**12 - Decimal("1.03")) < Decimal("1e-14")


def test_texts():
    assert money_text(Decimal("1394.163")) == "1,394.16"
    assert percent_text(Decimal("0.12")) == "12 %"
    assert percent_text(Decimal("0.0057")) == "0.57 %"
    assert number_text(Decimal("2400.00")) == "2,400"


def test_money_json_has_two_decimals():
    assert money_json(Decimal("12")) == "12.00"
    assert money_json(Decimal("1394.16")) == "1394.16"


def test_total_is_the_sum_of_rounded_lines():
    lines = [Line("a", "A", Decimal("0.33"), ""), Line("b", "B", Decimal("0.67"), "")]
    assert total(lines) == Decimal("1.00")
    assert total([]) == Decimal("0.00")

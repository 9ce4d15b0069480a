"""Money arithmetic and number texts (FEASIBILITY.md §0.5).

Amounts are ``Decimal``; tax, fee and VAT lines are rounded half-up to the cent, one line at a
time. Powers such as ``(1 + i) ** n`` are computed in float and turned into ``Decimal``: they only
feed amounts that are rounded to the cent afterwards.
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
EURO = Decimal("1")
ZERO = Decimal("0.00")


def to_decimal(value: int | float | str | Decimal) -> Decimal:
    """A Decimal from a JSON number or string; floats go through ``repr`` so 0.035 stays 0.035."""
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_cent(amount: Decimal) -> Decimal:
    """Half-up to the cent; adding zero turns a negative zero into 0.00."""
    return amount.quantize(CENT, ROUND_HALF_UP) + 0


def round_euro(amount: Decimal) -> Decimal:
    """Half-up to the whole euro."""
    return amount.quantize(EURO, ROUND_HALF_UP) + 0


def power(base: Decimal, exponent: float) -> Decimal:
    """``base ** exponent`` computed in float (fast, and exact enough before cent rounding)."""
    return Decimal(repr(float(base) ** exponent))


def money_text(amount: Decimal) -> str:
    """An amount for a basis text, rounded half-up: '1,394.16'."""
    return f"{round_cent(amount):,.2f}"


def percent_text(rate: Decimal) -> str:
    """A fraction as a percentage for a basis text: 0.12 -> '12 %', 0.0057 -> '0.57 %'."""
    return f"{number_text(rate * 100)} %"


def number_text(value: Decimal) -> str:
    """A plain number without trailing zeros or exponent: 2400.0 -> '2,400', 0.50 -> '0.5'."""
    return f"{value.normalize():,f}"

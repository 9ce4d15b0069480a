"""Template filters of the planner: money and numbers as the active language writes them."""

from decimal import Decimal, InvalidOperation

from django import template

from openpromotor.feasibility import texts
from openpromotor.feasibility.charts import euro as euro_text

register = template.Library()


@register.filter
def euro(value, decimals=0):
    """'1150000.00' -> '€ 1.150.000' (in Dutch); blank for a missing value."""
    if value in (None, ""):
        return ""
    try:
        return euro_text(Decimal(str(value)), int(decimals))
    except InvalidOperation:
        return value


@register.filter
def difference(value):
    """A signed amount with cents: '+€ 1.000,00' or a minus sign."""
    amount = Decimal(str(value))
    sign = "+" if amount > 0 else "\u2212" if amount < 0 else ""
    return sign + euro_text(abs(amount), 2)


@register.filter
def number(value):
    """'1234.5' -> '1.234,5' (in Dutch); blank for a missing value."""
    if value in (None, ""):
        return ""
    try:
        return texts.number(Decimal(str(value)))
    except InvalidOperation:
        return value

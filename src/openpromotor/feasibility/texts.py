"""The engine's texts in the reader's language, with the reader's number formats.

The engine writes every label, basis, warning and error in English (the contract of the JSON
API and the CLI) and, next to it, the same text as ``{"id", "params"}`` (``engine/texts.py``).
Here the English template of that id goes through gettext, and each parameter is written the
way the active language writes it: in Dutch "12 % x price 1.150.000,00", in English
"12 % x price 1,150,000.00". The templates are extracted by ``make messages`` from the engine,
where ``gettext_noop`` marks them; the notes of the rate table, which live in ``rates.json``,
are marked in ``RATE_NOTES`` below.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, gettext_noop

from openpromotor.feasibility.engine.errors import Problem
from openpromotor.feasibility.engine.texts import TEMPLATES

TRANSLATED = ("label", "basis", "message")

# Every note of engine/rates.json, word for word (tests/feasibility/test_texts.py checks it).
RATE_NOTES = (
    gettext_noop(
        "Flemish general rate of the sale duty; applies to every purchase by a legal person "
        "such as a cooperative"
    ),
    gettext_noop("Flemish rate for the sole own home of natural persons, 2020-2021"),
    gettext_noop("Flemish rate for the sole own home of natural persons, 2022-2024"),
    gettext_noop(
        "Flemish rate for the sole own home of natural persons, by the date of the deed; "
        "stricter conditions for sales agreements from 2026-01-01"
    ),
    gettext_noop(
        "Flemish registration duty on granting a long lease or a building right (erfpacht, "
        "opstal), on the total of the fees, before 2024; its start date is not recorded in "
        "FEASIBILITY.md"
    ),
    gettext_noop(
        "Flemish registration duty on granting a long lease or a building right (erfpacht, "
        "opstal), for example by a community land trust, on the total of the fees paid"
    ),
    gettext_noop("notary fee scale for a sale, Royal Decree of 16 Dec 1950 (bands in EUR)"),
    gettext_noop("VAT on the notary fee and on most deed costs"),
    gettext_noop("Flemish registration duty on a mortgage deed, on the secured amount"),
    gettext_noop("mortgage duty (hypotheekrecht), on the secured amount"),
    gettext_noop("indexation coefficient of the cadastral income for income year 2023"),
    gettext_noop(
        "indexation coefficient of the cadastral income for income year 2024; later years are "
        "not yet in this table"
    ),
    gettext_noop(
        "Flemish base levy of the property tax (onroerende voorheffing), on the indexed "
        "cadastral income"
    ),
    gettext_noop("standard VAT rate on works"),
    gettext_noop(
        "reduced VAT rate, only for renovating a dwelling first occupied at least 10 years "
        "earlier and used mainly as a private dwelling afterwards (letting counts), invoiced to "
        "the final consumer with the client's certificate (KB nr. 20, table A, XXXI/XXXVIII)"
    ),
    gettext_noop(
        "reduced VAT rate for demolition and rebuild: sole own home (up to 175 m2), letting "
        "through a social rental agency for 15 years or more (up to 200 m2), or private "
        "long-term letting for 15 years or more (up to 175 m2)"
    ),
    gettext_noop(
        "dividend cap of a cooperative recognised by the National Council for Cooperation "
        "(KB 8 Jan 1962)"
    ),
)


def text(data: dict) -> str:
    """One engine text ``{"id", "params"}`` in the active language."""
    english = TEMPLATES[data["id"]]
    params = {name: _param(value) for name, value in data["params"].items()}
    try:
        return gettext(english).format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or misspelt a placeholder: the English is better than a 500.
        return english.format(**params)


def localize(data):
    """Put every label, basis and message of an engine result in the active language.

    Works in place on a result, a sensitivity analysis or a comparison (fresh from the engine)
    and returns it: wherever ``basis_text`` is, ``basis`` becomes its translation, and so on.
    """
    if isinstance(data, dict):
        for name in TRANSLATED:
            if f"{name}_text" in data:
                data[name] = text(data[f"{name}_text"])
        for value in data.values():
            localize(value)
    elif isinstance(data, list):
        for item in data:
            localize(item)
    return data


def errors(problems: list[Problem]) -> list[dict[str, str]]:
    """The engine's errors as ``{"field", "message"}`` in the active language."""
    return [{"field": p.field, "message": text(p.text.to_json())} for p in problems]


def _param(param: dict) -> str:
    kind, value = param["type"], param["value"]
    if kind == "text":
        return text(value)
    if kind == "list":
        return param["separator"].join(_param(item) for item in value)
    if kind == "money":
        return money(Decimal(value))
    if kind == "percent":
        return percent(Decimal(value))
    if kind == "number":
        return number(Decimal(value))
    if kind == "date":
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    if kind == "phrase":
        return gettext(value)
    return value  # a literal: a name from the scenario, a field, a code


def money(amount: Decimal) -> str:
    """An amount with two decimals: '1.394,16' in Dutch (half-up, as the engine rounds)."""
    return number_format(amount.quantize(Decimal("0.01"), ROUND_HALF_UP), 2, force_grouping=True)


def percent(fraction: Decimal) -> str:
    """A fraction as a percentage: 0.0057 is '0,57 %' in Dutch."""
    return f"{number(fraction * 100)}\u00a0%"


def number(value: Decimal) -> str:
    """A number without trailing zeros: '2.400' or '0,5' in Dutch."""
    return number_format(value.normalize(), None, force_grouping=True)

"""The reasons of a match in the reader's language.

A ``Reason`` holds an English message template and raw values. Here the template goes through
``gettext`` (the translators see it with its ``{placeholders}``) and each value is formatted
for the active language: vocabulary terms by their translated label, numbers with the local
decimal separator and thousands grouping.
"""

from decimal import Decimal
from enum import StrEnum

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from openpromotor.listings import expertise, matching, partners  # noqa: F401 (their labels)

LABELS = matching.ENGLISH_LABELS


def reason_text(reason: matching.Reason) -> str:
    values = {name: _formatted(value) for name, value in reason.params.items()}
    return gettext(reason.message).format(**values)


def reasons_data(match: matching.Match) -> list[dict]:
    """The reasons as the API and the pages show them: factor, score and text."""
    return [
        {"factor": str(reason.factor), "score": reason.score, "text": reason_text(reason)}
        for reason in match.reasons
    ]


def _formatted(value: object) -> str:
    if isinstance(value, StrEnum):
        return gettext(LABELS[value])
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        places = 0 if value == value.to_integral_value() else 2
        return number_format(value, decimal_pos=places, force_grouping=True)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, float):
        if value.is_integer():
            return number_format(int(value), force_grouping=True)
        return number_format(round(value, 1), decimal_pos=1, force_grouping=True)
    if hasattr(value, "isoformat"):
        return date_format(value)
    return str(value)

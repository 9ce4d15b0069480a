"""The engine's texts: English templates with typed parameters, for the platform to translate.

Every label, basis, warning and error the engine writes is a ``Text``: the id of a registered
template and the template's parameters. ``str(text)`` is the English that the JSON API and the
CLI show (their contract). ``text.to_json()`` carries the id and the raw parameters: amounts,
rates, numbers and dates stay values, so the platform can say the same in the reader's language
with the reader's number formats (``openpromotor.feasibility.texts``).

Templates are ``str.format`` strings with named fields, marked with ``gettext_noop`` so that
``make messages`` extracts them: xgettext finds the marker by its name. The engine itself never
translates anything and imports nothing from Django.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .money import money_text, number_text, percent_text


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation by the platform; the engine keeps it as it is."""
    return message


TEMPLATES: dict[str, str] = {}
"""Every template of the engine by its id, filled as the engine's modules are imported."""


class Param:
    """A value inside a text: ``english()`` for the engine, ``to_json()`` for the platform."""

    kind = ""

    def english(self) -> str:
        raise NotImplementedError

    def to_json(self) -> dict:
        raise NotImplementedError


@dataclass(frozen=True)
class _Value(Param):
    value: object

    def to_json(self) -> dict:
        return {"type": self.kind, "value": self._json_value()}

    def _json_value(self) -> object:
        return f"{self.value:f}" if isinstance(self.value, Decimal) else self.value


class Money(_Value):
    """An amount in euro, shown with two decimals (without the € sign, as in a formula)."""

    kind = "money"

    def english(self) -> str:
        return money_text(self.value)


class Percent(_Value):
    """A fraction shown as a percentage: 0.12 is '12 %'."""

    kind = "percent"

    def english(self) -> str:
        return percent_text(self.value)


class Number(_Value):
    """A plain number: an area, a count, a year, a coefficient."""

    kind = "number"

    def english(self) -> str:
        return number_text(self.value)


class Day(_Value):
    kind = "date"

    def english(self) -> str:
        return self.value.isoformat()

    def _json_value(self) -> str:
        return self.value.isoformat()


class Literal(_Value):
    """Text that is the same in every language: a name from the scenario, a field, a code."""

    kind = "literal"

    def english(self) -> str:
        return str(self.value)


class Phrase(_Value):
    """An English phrase from the rate tables (``rates.json``); the platform translates it."""

    kind = "phrase"

    def english(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Join(Param):
    """Several parameters written one after the other with a separator such as ' + '."""

    items: tuple[Param, ...]
    separator: str

    kind = "list"

    def english(self) -> str:
        return self.separator.join(item.english() for item in self.items)

    def to_json(self) -> dict:
        return {
            "type": self.kind,
            "separator": self.separator,
            "value": [_param_json(item) for item in self.items],
        }


@dataclass(frozen=True)
class Text(Param):
    """A registered template with its parameters; a Text may be a parameter of another."""

    id: str
    params: dict[str, Param] = field(default_factory=dict, hash=False)

    kind = "text"

    def __str__(self) -> str:
        return self.english()

    def english(self) -> str:
        values = {name: param.english() for name, param in self.params.items()}
        return TEMPLATES[self.id].format(**values)

    def to_json(self) -> dict:
        return {"id": self.id, "params": {name: _param_json(p) for name, p in self.params.items()}}


def _param_json(param: Param) -> dict:
    if isinstance(param, Text):
        return {"type": "text", "value": param.to_json()}
    return param.to_json()


@dataclass(frozen=True)
class Template:
    id: str

    def __call__(self, **params: Param) -> Text:
        return Text(self.id, params)


def template(text_id: str, english: str) -> Template:
    """Register a template under a stable id (mark ``english`` with ``gettext_noop``)."""
    if TEMPLATES.get(text_id, english) != english:
        raise ValueError(f"text id {text_id!r} is registered with another template")
    TEMPLATES[text_id] = english
    return Template(text_id)


def money(value: Decimal) -> Money:
    return Money(value)


def percent(value: Decimal) -> Percent:
    return Percent(value)


def number(value: Decimal | int) -> Number:
    return Number(Decimal(value))


def day(value: date) -> Day:
    return Day(value)


def literal(value: object) -> Literal:
    return Literal(str(value))


def phrase(value: str) -> Phrase:
    return Phrase(value)


def joined(items: list[Param], separator: str) -> Join:
    return Join(tuple(items), separator)

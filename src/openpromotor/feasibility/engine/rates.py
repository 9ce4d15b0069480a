"""Dated, sourced legal rates, read from ``rates.json`` next to this module.

Each table in the JSON file is a list of entries ``{value, valid_from, source, note}``. A rate
change is a new entry with the date it applies from, so rates are updated without code changes.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from .texts import Param, Text, day, gettext_noop, literal, phrase, template

RATES_FILE = Path(__file__).with_name("rates.json")

GIVEN = template("rate.given", gettext_noop("given in the scenario"))
IN_FORCE = template("rate.in_force", gettext_noop("{note}, in force from {date}"))
NO_RATE = template("error.no_rate", gettext_noop("no {table} rate is known before {date}"))


@dataclass(frozen=True)
class Sourced:
    """Where a legal figure comes from; ``source`` is None when the scenario gave the value."""

    valid_from: date | None
    source: str | None
    note: str

    def describe(self) -> Param:
        """A short phrase for a basis text: the note and, if known, the date it applies from."""
        if self.source is None:
            return GIVEN()
        if self.valid_from is None:
            return phrase(self.note)
        return IN_FORCE(note=phrase(self.note), date=day(self.valid_from))


@dataclass(frozen=True)
class LegalRate(Sourced):
    """A rate (a fraction: 0.12 is 12 %) with its provenance."""

    value: Decimal

    @classmethod
    def given(cls, value: Decimal) -> "LegalRate":
        """A rate the user entered in the scenario instead of the table's."""
        return cls(valid_from=None, source=None, note="given in the scenario", value=value)


@dataclass(frozen=True)
class FeeBand:
    """One band of the notary fee scale; ``up_to`` is None for the open top band."""

    up_to: Decimal | None
    rate: Decimal


@dataclass(frozen=True)
class NotaryScale(Sourced):
    """The notary fee scale: a rate per band of the price."""

    bands: tuple[FeeBand, ...]


class RateNotFound(LookupError):
    """No entry of the table applies on the date asked for."""

    def __init__(self, table: str, first: date):
        self.text: Text = NO_RATE(table=literal(table), date=day(first))
        super().__init__(str(self.text))
        self.first = first


@cache
def _tables() -> dict[str, list[dict]]:
    data = json.loads(RATES_FILE.read_text(encoding="utf-8"))
    return {name: entries for name, entries in data.items() if not name.startswith("_")}


def _entry(table: str, on: date) -> dict:
    """The last entry of ``table`` that applies on ``on`` (entries are in date order)."""
    entries = _tables()[table]
    applicable = [e for e in entries if e["valid_from"] is None or _date(e["valid_from"]) <= on]
    if not applicable:
        raise RateNotFound(table, _date(entries[0]["valid_from"]))
    return applicable[-1]


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


@cache
def legal_rate(table: str, on: date) -> LegalRate:
    """The rate of ``table`` in force on ``on``; raises RateNotFound before the first entry."""
    entry = _entry(table, on)
    return LegalRate(**_provenance(entry), value=Decimal(entry["value"]))


@cache
def notary_fee_scale(on: date) -> NotaryScale:
    """The notary fee scale in force on ``on``."""
    entry = _entry("notary_fee_scale", on)
    bands = tuple(
        FeeBand(None if band["up_to"] is None else Decimal(band["up_to"]), Decimal(band["rate"]))
        for band in entry["value"]
    )
    return NotaryScale(**_provenance(entry), bands=bands)


def _provenance(entry: dict) -> dict:
    return {
        "valid_from": _date(entry["valid_from"]),
        "source": entry["source"],
        "note": entry["note"],
    }

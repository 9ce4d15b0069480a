"""The dated, sourced table of legal rates."""

import json
from datetime import date
from decimal import Decimal

import pytest

from openpromotor.feasibility.engine.rates import (
    RATES_FILE,
    RateNotFound,
    legal_rate,
    notary_fee_scale,
)


def test_every_entry_has_a_value_a_date_field_a_source_and_a_note():
    tables = json.loads(RATES_FILE.read_text(encoding="utf-8"))
    for name, entries in tables.items():
        if name.startswith("_"):
            continue
        dates = []
        for entry in entries:
            assert set(entry) == {"value", "valid_from", "source", "note"}, name
            assert entry["source"].startswith("https://"), name
            if entry["valid_from"] is not None:
                dates.append(date.fromisoformat(entry["valid_from"]))
        assert dates == sorted(dates), f"{name}: entries must be in date order"


def test_a_cooperative_pays_the_general_duty_rate():
    rate = legal_rate("registration_duty.legal_person", date(2026, 3, 1))
    assert rate.value == Decimal("0.12")
    assert rate.valid_from == date(2022, 1, 1)
    assert rate.source.startswith("https://")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2021, 12, 31), "0.06"),
        (date(2022, 1, 1), "0.03"),
        (date(2024, 12, 31), "0.03"),
        (date(2025, 1, 1), "0.02"),
        (date(2026, 6, 1), "0.02"),
    ],
)
def test_the_sole_home_rate_depends_on_the_date(on, expected):
    assert legal_rate("registration_duty.natural_person_sole_home", on).value == Decimal(expected)


def test_no_rate_before_the_first_entry():
    with pytest.raises(RateNotFound, match="before 2022-01-01"):
        legal_rate("registration_duty.legal_person", date(2021, 6, 1))


def test_an_entry_without_a_date_applies_always():
    rate = legal_rate("mortgage_registration", date(1990, 1, 1))
    assert rate.value == Decimal("0.01")
    assert rate.describe().english() == rate.note


def test_the_notary_scale_has_an_open_top_band():
    scale = notary_fee_scale(date(2026, 1, 1))
    assert scale.bands[0].up_to == Decimal("7500")
    assert scale.bands[0].rate == Decimal("0.0456")
    assert scale.bands[-1].up_to is None
    assert "1950-12-16" in scale.describe().english()

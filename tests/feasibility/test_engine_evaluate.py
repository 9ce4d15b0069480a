"""The full example scenario: result contract, money as strings, totals, bases."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import openpromotor.feasibility.engine as engine
from openpromotor.feasibility.engine import evaluate

EXAMPLE = Path(engine.__file__).parent / "examples" / "antwerp_school.json"
MONEY = re.compile(r"^-?\d+\.\d{2}$")


@pytest.fixture(scope="module")
def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(example) -> dict:
    return evaluate(example)


def walk(value, path=""):
    """Every (path, value) pair of a JSON tree."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def test_the_example_uses_every_block(example):
    assert set(example) >= {
        "building",
        "acquisition",
        "works",
        "fees",
        "financing",
        "operation",
        "lifecycle",
    }
    assert example["lifecycle"]["study_period_years"] == 40


def test_result_contract(result):
    assert set(result) == {
        "name",
        "capital",
        "financing",
        "operation",
        "lifecycle",
        "warnings",
        "scenario",
    }
    assert [line["key"] for line in result["capital"]["lines"]] == [
        "acquisition_price",
        "registration_duty",
        "notary_fee",
        "notary_fee_vat",
        "deed_costs",
        "works",
        "contingency",
        "works_vat",
        "fees",
        "fees_vat",
        "soft_costs",
        "mortgage_registration",
        "mortgage_duty",
        "mortgage_fixed_costs",
        "interest_during_works",
    ]
    tranche_keys = {"key", "kind", "amount", "periodic_payment", "annual_debt_service"}
    assert all(tranche_keys <= set(t) for t in result["financing"]["tranches"])
    assert {"cost_rent_year", "vacancy_reserve", "cost_rent_per_m2_month", "units"} <= set(
        result["operation"]
    )
    assert {"name", "area_m2", "count", "rent_month"} <= set(result["operation"]["units"][0])
    assert {
        "npv_capital",
        "npv_operating",
        "npv_total",
        "crf",
        "eac_per_m2_year",
        "simple_per_m2_year",
    } <= set(result["lifecycle"])


def test_money_is_never_a_float(result):
    floats = [path for path, value in walk(result) if isinstance(value, float)]
    assert floats == []


def test_every_amount_is_a_string_with_two_decimals(result):
    money_keys = {
        "amount",
        "periodic_payment",
        "annual_debt_service",
        "due_at_end",
        "rent_month",
    }
    amounts = [
        (path, value)
        for path, value in walk(result)
        if path.rsplit(".", 1)[-1] in money_keys
        and not isinstance(value, dict)  # a figure: {"amount", "basis"}, checked as "amount"
        and not path.startswith(".scenario")
    ]
    assert len(amounts) > 40
    assert all(isinstance(value, str) and MONEY.match(value) for _, value in amounts), amounts


def test_every_figure_says_how_it_was_computed(result):
    figures = [
        (path, value)
        for path, value in walk(result)
        if isinstance(value, dict)
        and ("amount" in value or "value" in value)
        and not path.startswith(".scenario")
        and "_text" not in path  # the translatable form of a text, checked in test_texts.py
    ]
    assert all(value.get("basis") for _, value in figures), figures
    assert all(t["basis"] for t in result["financing"]["tranches"])
    assert all(unit["basis"] for unit in result["operation"]["units"])


def test_totals_equal_the_sum_of_their_rounded_lines(result):
    capital = result["capital"]
    assert sum(Decimal(line["amount"]) for line in capital["lines"]) == Decimal(
        capital["total"]["amount"]
    )
    financing = result["financing"]
    tranches = sum(Decimal(t["amount"]) for t in financing["tranches"])
    assert tranches + Decimal(financing["gap"]["amount"]) == Decimal(capital["total"]["amount"])
    lifecycle = result["lifecycle"]
    assert Decimal(lifecycle["npv_capital"]["amount"]) + Decimal(
        lifecycle["npv_operating"]["amount"]
    ) == Decimal(lifecycle["npv_total"]["amount"])


def test_example_figures(result):
    """Regression figures of the example; each is checked line by line in the other tests."""
    assert result["capital"]["total"]["amount"] == "7720860.76"
    assert result["financing"]["monthly_payment"]["amount"] == "31536.76"
    assert result["operation"]["cost_rent_per_m2_month"]["amount"] == "24.66"
    codes = [w["code"] for w in result["warnings"]]
    assert codes == ["vat_conversion", "repayment_not_in_rent", "cost_rent_above_market"]


def test_the_result_is_json_and_the_echo_evaluates_to_the_same_figures(result):
    again = evaluate(json.loads(json.dumps(result["scenario"])))
    assert again["capital"]["total"] == result["capital"]["total"]
    assert again["operation"]["cost_rent_year"] == result["operation"]["cost_rent_year"]
    assert again["lifecycle"]["npv_total"] == result["lifecycle"]["npv_total"]


def test_schedule_only_on_request(example, result):
    assert all("schedule" not in t for t in result["financing"]["tranches"])
    with_schedule = {**example, "financing": {**example["financing"], "schedule": True}}
    tranches = evaluate(with_schedule)["financing"]["tranches"]
    assert len(tranches[0]["schedule"]) == 25


def test_the_engine_does_not_import_django():
    import subprocess
    import sys

    code = (
        "import sys, openpromotor.feasibility.engine as e, openpromotor.feasibility.engine.cli;"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

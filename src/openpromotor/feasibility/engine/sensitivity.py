"""Sensitivity: how the key results move when one or two inputs move (issue item 4).

A step is a change added to the scenario's own value, in that input's unit: 0.005 on an interest
rate is half a percentage point, 100 on the works cost is 100 €/m² more. ``sensitivity`` moves one
input at a time (a table and the data of a tornado chart); ``sensitivity_grid`` moves two at once.
The scenario is parsed once and every variant is a modified copy of it.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from .errors import NOT_NUMBER, NOT_OBJECT, Problem, ScenarioError
from .evaluation import Evaluation, run
from .lines import money_json
from .scenario import Scenario, parse, parse_decimal
from .texts import Text, gettext_noop, literal, number, template

MAX_STEPS = 10

METRICS = {
    "total_cost": (gettext_noop("Total project cost"), lambda e: e.capital.total),
    "monthly_payment": (
        gettext_noop("Monthly debt service"),
        lambda e: e.financing.monthly_payment,
    ),
    "cost_rent_year": (gettext_noop("Cost rent per year"), lambda e: e.operation.cost_rent_year),
    "cost_rent_per_m2_month": (
        gettext_noop("Cost rent per m² a month"),
        lambda e: e.operation.cost_rent_per_m2_month,
    ),
    "eac_per_m2_year": (
        gettext_noop("Life-cycle cost per m² a year"),
        lambda e: e.lifecycle.eac_per_m2_year,
    ),
}
METRIC_LABELS = {key: template(f"label.metric.{key}", label) for key, (label, _) in METRICS.items()}
NEGATIVE_STEP = template("error.step_negative", gettext_noop("gives {value}, which is negative"))
STEP_ABOVE = template("error.step_above", gettext_noop("gives {value}, above {maximum}"))
UNKNOWN_INPUT = template("error.unknown_input", gettext_noop("unknown input; known: {known}"))
STEP_COUNT = template("error.step_count", gettext_noop("must be a list of 1 to {maximum} steps"))
SAME_INPUTS = template(
    "error.same_inputs", gettext_noop("the rows and columns must vary different inputs")
)


@dataclass(frozen=True)
class Parameter:
    label: Text
    basis: Text
    default_steps: tuple[str, ...]
    value: Callable[[Scenario], Decimal | None]
    shift: Callable[[Scenario, Decimal], Scenario]


class OutOfRange(ValueError):
    """A step takes an input outside the values it may have."""

    def __init__(self, text: Text):
        super().__init__(str(text))
        self.text = text


def _checked(value: Decimal, maximum: Decimal | None) -> Decimal:
    if value < 0:
        raise OutOfRange(NEGATIVE_STEP(value=literal(f"{value:f}")))
    if maximum is not None and value > maximum:
        raise OutOfRange(STEP_ABOVE(value=literal(f"{value:f}"), maximum=literal(f"{maximum:f}")))
    return value


def _first_bank_rate(scenario: Scenario) -> Decimal | None:
    rates = [t.annual_rate for t in scenario.financing.tranches if t.kind == "bank_loan"]
    return rates[0] if rates else None


def _shift_bank_rates(scenario: Scenario, step: Decimal) -> Scenario:
    tranches = tuple(
        replace(t, annual_rate=_checked(t.annual_rate + step, Decimal(1)))
        if t.kind == "bank_loan"
        else t
        for t in scenario.financing.tranches
    )
    return replace(scenario, financing=replace(scenario.financing, tranches=tranches))


def _shift_works_cost(scenario: Scenario, step: Decimal) -> Scenario:
    cost = _checked(scenario.works.cost_per_m2 + step, None)
    return replace(scenario, works=replace(scenario.works, cost_per_m2=cost))


def _shift_vacancy(scenario: Scenario, step: Decimal) -> Scenario:
    vacancy = _checked(scenario.operation.vacancy_rate + step, Decimal("0.99"))
    return replace(scenario, operation=replace(scenario.operation, vacancy_rate=vacancy))


def _shift_discount(scenario: Scenario, step: Decimal) -> Scenario:
    rate = _checked(scenario.lifecycle.discount_rate + step, Decimal(1))
    return replace(scenario, lifecycle=replace(scenario.lifecycle, discount_rate=rate))


def _texts(key: str, label: str, basis: str) -> tuple[Text, Text]:
    return template(f"label.input.{key}", label)(), template(f"basis.input.{key}", basis)()


PARAMETERS = {
    "interest_rate": Parameter(
        *_texts(
            "interest_rate",
            gettext_noop("Bank loan interest rate"),
            gettext_noop(
                "added to the annual rate of every bank_loan tranche (0.005 = half a point)"
            ),
        ),
        ("-0.01", "-0.005", "0.005", "0.01"),
        _first_bank_rate,
        _shift_bank_rates,
    ),
    "works_cost_per_m2": Parameter(
        *_texts(
            "works_cost_per_m2",
            gettext_noop("Works cost per m²"),
            gettext_noop("added to works.cost_per_m2, in €/m²"),
        ),
        ("-200", "-100", "100", "200"),
        lambda s: s.works.cost_per_m2,
        _shift_works_cost,
    ),
    "vacancy_rate": Parameter(
        *_texts(
            "vacancy_rate",
            gettext_noop("Vacancy rate"),
            gettext_noop("added to operation.vacancy_rate (0.02 = 2 points)"),
        ),
        ("-0.02", "0.02", "0.05"),
        lambda s: s.operation.vacancy_rate,
        _shift_vacancy,
    ),
    "discount_rate": Parameter(
        *_texts(
            "discount_rate",
            gettext_noop("Discount rate"),
            gettext_noop(
                "added to lifecycle.discount_rate (0.02 = 2 points); moves only the life-cycle cost"
            ),
        ),
        ("-0.01", "0.01", "0.02"),
        lambda s: s.lifecycle.discount_rate,
        _shift_discount,
    ),
}


def sensitivity(scenario: dict, steps: dict | None = None) -> dict:
    """Move each input by each of its steps, one at a time, and report the effect.

    ``steps`` maps parameter keys (``interest_rate``, ``works_cost_per_m2``, ``vacancy_rate``,
    ``discount_rate``) to lists of steps; parameters left out use their default steps.
    """
    parsed = parse(scenario)
    chosen = _read_steps({} if steps is None else steps)
    base = metrics(run(parsed))
    effects = {
        key: [
            (step, variant, metrics(run(variant)))
            for step, variant in _variants(parsed, key, chosen[key])
        ]
        for key in PARAMETERS
    }
    return {
        "metrics": [_labelled({"key": key}, METRIC_LABELS[key]()) for key in METRICS],
        "base": _money(base),
        "parameters": [_parameter_json(key, parsed, base, rows) for key, rows in effects.items()],
        "tornado": _tornado(base, effects),
    }


def sensitivity_grid(
    scenario: dict,
    row_parameter: str,
    row_steps: list,
    column_parameter: str,
    column_steps: list,
) -> dict:
    """Move two inputs at once over every combination of their steps (a two-way table)."""
    parsed = parse(scenario)
    if row_parameter == column_parameter:
        raise ScenarioError([Problem("steps", SAME_INPUTS())])
    chosen = _read_steps({row_parameter: row_steps, column_parameter: column_steps})
    cells = []
    for _, row_variant in _variants(parsed, row_parameter, chosen[row_parameter]):
        cells.append(
            [
                _money(metrics(run(variant)))
                for _, variant in _variants(row_variant, column_parameter, chosen[column_parameter])
            ]
        )
    return {
        "row_parameter": row_parameter,
        "column_parameter": column_parameter,
        "row_steps": [f"{step:f}" for step in chosen[row_parameter]],
        "column_steps": [f"{step:f}" for step in chosen[column_parameter]],
        "base": _money(metrics(run(parsed))),
        "cells": cells,
    }


def metrics(evaluation: Evaluation) -> dict[str, Decimal]:
    """The figures a sensitivity run reports, as Decimals."""
    return {key: read(evaluation) for key, (_, read) in METRICS.items()}


def _read_steps(steps: object) -> dict[str, list[Decimal]]:
    """The steps per parameter: the user's where given, else the defaults; errors name the step."""
    errors = []
    if not isinstance(steps, dict):
        raise ScenarioError([Problem("steps", NOT_OBJECT())])
    chosen = {key: [Decimal(step) for step in p.default_steps] for key, p in PARAMETERS.items()}
    for key, raw in steps.items():
        field = f"steps.{key}"
        if key not in PARAMETERS:
            errors.append(Problem(field, UNKNOWN_INPUT(known=literal(", ".join(PARAMETERS)))))
        elif not isinstance(raw, list) or not 1 <= len(raw) <= MAX_STEPS:
            errors.append(Problem(field, STEP_COUNT(maximum=number(MAX_STEPS))))
        else:
            values = [parse_decimal(step) for step in raw]
            errors += [
                Problem(f"{field}[{i}]", NOT_NUMBER())
                for i, value in enumerate(values)
                if value is None
            ]
            chosen[key] = values
    if errors:
        raise ScenarioError(errors)
    return chosen


def _variants(scenario: Scenario, key: str, steps: list[Decimal]):
    """(step, modified scenario) for each step; a step out of range is a ScenarioError."""
    errors, variants = [], []
    for index, step in enumerate(steps):
        try:
            variants.append((step, PARAMETERS[key].shift(scenario, step)))
        except OutOfRange as problem:
            errors.append(Problem(f"steps.{key}[{index}]", problem.text))
    if errors:
        raise ScenarioError(errors)
    return variants


def _parameter_json(key: str, scenario: Scenario, base: dict, rows: list) -> dict:
    parameter = PARAMETERS[key]
    return {
        "key": key,
        "label": str(parameter.label),
        "label_text": parameter.label.to_json(),
        "basis": str(parameter.basis),
        "basis_text": parameter.basis.to_json(),
        "base_value": _text(parameter.value(scenario)),
        "rows": [
            {
                "step": f"{step:f}",
                "value": _text(parameter.value(variant)),
                "results": _money(results),
                "changes": _money(_changes(base, results)),
            }
            for step, variant, results in rows
        ],
    }


def _changes(base: dict[str, Decimal], results: dict[str, Decimal]) -> dict[str, Decimal]:
    return {name: results[name] - base[name] for name in results}


def _tornado(base: dict[str, Decimal], effects: dict[str, list]) -> dict[str, list[dict]]:
    """Per metric, one bar per input from its lowest to its highest step, widest bar first."""
    bars = {}
    for metric in METRICS:
        rows = []
        for key, effect in effects.items():
            low_step, _, low = min(effect, key=lambda row: row[0])
            high_step, _, high = max(effect, key=lambda row: row[0])
            low_change = low[metric] - base[metric]
            high_change = high[metric] - base[metric]
            rows.append(
                {
                    "parameter": key,
                    "low_step": f"{low_step:f}",
                    "low_change": money_json(low_change),
                    "high_step": f"{high_step:f}",
                    "high_change": money_json(high_change),
                    "swing": abs(high_change - low_change),
                }
            )
        rows.sort(key=lambda bar: bar["swing"], reverse=True)
        bars[metric] = [bar | {"swing": money_json(bar["swing"])} for bar in rows]
    return bars


def _labelled(data: dict, label: Text) -> dict:
    return data | {"label": str(label), "label_text": label.to_json()}


def _money(values: dict[str, Decimal]) -> dict[str, str]:
    return {key: money_json(value) for key, value in values.items()}


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"

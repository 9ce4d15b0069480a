"""Scenario comparison: up to four scenarios evaluated and set side by side (issue item 4)."""

from collections.abc import Callable
from decimal import Decimal

from .errors import Problem, ScenarioError
from .evaluation import Evaluation, run
from .lines import money_json
from .money import ZERO
from .scenario import parse
from .texts import Text, gettext_noop, number, template

MAX_SCENARIOS = 4

SUMMARY_ROWS: tuple[tuple[str, str, Callable[[Evaluation], Decimal]], ...] = (
    ("capital.total", gettext_noop("Total project cost"), lambda e: e.capital.total),
    (
        "capital.per_m2_gfa",
        gettext_noop("Total cost per m² gross floor area"),
        lambda e: e.capital.per_m2_gfa,
    ),
    ("financing.borrowed", gettext_noop("Borrowed"), lambda e: e.financing.borrowed),
    ("financing.equity", gettext_noop("Equity (not borrowed)"), lambda e: e.financing.equity),
    (
        "financing.monthly_payment",
        gettext_noop("Monthly debt service"),
        lambda e: e.financing.monthly_payment,
    ),
    (
        "operation.cost_rent_year",
        gettext_noop("Cost rent per year"),
        lambda e: e.operation.cost_rent_year,
    ),
    (
        "operation.cost_rent_per_m2_month",
        gettext_noop("Cost rent per m² a month"),
        lambda e: e.operation.cost_rent_per_m2_month,
    ),
    ("lifecycle.npv_total", gettext_noop("Life-cycle cost (NPV)"), lambda e: e.lifecycle.npv_total),
    (
        "lifecycle.eac_per_m2_year",
        gettext_noop("Life-cycle cost per m² a year (annuitised)"),
        lambda e: e.lifecycle.eac_per_m2_year,
    ),
)
SUMMARY_LABELS = {key: template(f"label.{key}", english) for key, english, _ in SUMMARY_ROWS}
DIFFERENCES = template(
    "basis.differences",
    gettext_noop("differences are each scenario's value minus the first scenario's"),
)
TOO_MANY = template("error.scenarios", gettext_noop("give a list of 1 to {maximum} scenarios"))


def compare(scenarios: list[dict]) -> dict:
    """Evaluate 1 to 4 scenarios; rows hold their figures side by side and the differences.

    Errors name the scenario: ``scenarios[1].acquisition.price``.
    """
    if not isinstance(scenarios, list) or not 1 <= len(scenarios) <= MAX_SCENARIOS:
        raise ScenarioError([Problem("scenarios", TOO_MANY(maximum=number(MAX_SCENARIOS)))])
    evaluations = [run(parsed) for parsed in _parse_all(scenarios)]
    return {
        "names": [e.scenario.name for e in evaluations],
        "basis": str(DIFFERENCES()),
        "basis_text": DIFFERENCES().to_json(),
        "rows": _capital_rows(evaluations) + _summary_rows(evaluations),
        "results": [e.to_json() for e in evaluations],
    }


def _parse_all(scenarios: list[dict]) -> list:
    parsed, errors = [], []
    for index, scenario in enumerate(scenarios):
        try:
            parsed.append(parse(scenario))
        except ScenarioError as error:
            errors += [
                Problem(f"scenarios[{index}].{problem.field}", problem.text)
                for problem in error.problems
            ]
    if errors:
        raise ScenarioError(errors)
    return parsed


def _capital_rows(evaluations: list[Evaluation]) -> list[dict]:
    """One row per capital line found in any scenario; a scenario without the line shows 0.00."""
    labels: dict[str, Text] = {}
    for evaluation in evaluations:
        for line in evaluation.capital.lines:
            labels.setdefault(line.key, line.label)
    amounts = [{line.key: line.amount for line in e.capital.lines} for e in evaluations]
    return [
        _row(f"capital.lines.{key}", label, [found.get(key, ZERO) for found in amounts])
        for key, label in labels.items()
    ]


def _summary_rows(evaluations: list[Evaluation]) -> list[dict]:
    return [
        _row(key, SUMMARY_LABELS[key](), [read(evaluation) for evaluation in evaluations])
        for key, _english, read in SUMMARY_ROWS
    ]


def _row(key: str, label: Text, values: list[Decimal]) -> dict:
    return {
        "key": key,
        "label": str(label),
        "label_text": label.to_json(),
        "values": [money_json(value) for value in values],
        "differences": [money_json(value - values[0]) for value in values],
    }

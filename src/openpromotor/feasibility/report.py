"""Everything the planner page, the share page and the PDF show about one scenario.

``build(scenario)`` runs the engine (with the loan schedules the charts need), the sensitivity
analysis and the charts, and never raises on bad input: engine errors come back in
``Report.errors`` so a page can show them next to the fields instead of failing.
"""

import copy
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.forms import ChoiceField, DateField, DecimalField, IntegerField
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from openpromotor.feasibility import charts, texts
from openpromotor.feasibility.charts import Chart
from openpromotor.feasibility.engine import ScenarioError, evaluate, sensitivity
from openpromotor.feasibility.engine.sensitivity import PARAMETERS
from openpromotor.feasibility.forms import BLOCKS, PercentField, field_label, planner_html_id

EXAMPLE = Path(__file__).parent / "engine" / "examples" / "antwerp_school.json"
RATE_PARAMETERS = ("interest_rate", "vacancy_rate", "discount_rate")
# The engine's decimal arithmetic overflows on absurd figures (a price of 1e30, for example).
TOO_LARGE = gettext_noop("a number is too large to calculate with")
OUT_OF_RANGE = {"field": "scenario", "message": TOO_LARGE}

# A step of the plan counts as filled in when the user gave all of these (FEASIBILITY.md has a
# default for everything else, but not for what makes one project different from another).
COMPLETENESS = (
    ("building", gettext_lazy("Building"), ("building.gross_floor_area_m2", "building.units")),
    ("acquisition", gettext_lazy("Acquisition"), ("acquisition.price", "acquisition.date")),
    ("works", gettext_lazy("Works"), ("works.depth", "works.cost_per_m2")),
    ("financing", gettext_lazy("Financing"), ("financing.tranches",)),
    (
        "operation",
        gettext_lazy("Operation"),
        ("operation.cadastral_income", "operation.market_rent_per_m2_month"),
    ),
    ("lifecycle", gettext_lazy("Life cycle"), ("lifecycle.renewals",)),
)


@dataclass(frozen=True)
class StepState:
    key: str
    label: str
    done: bool


@dataclass
class Report:
    scenario: dict
    result: dict | None = None
    errors: list[dict] = field(default_factory=list)
    sensitivity: dict | None = None
    sensitivity_rows: list[dict] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    completeness: list[StepState] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def percent_complete(self) -> int:
        done = sum(step.done for step in self.completeness)
        return round(100 * done / len(self.completeness)) if self.completeness else 0

    @property
    def operation_lines(self) -> list[dict]:
        """The yearly cost lines of the cost rent, in the engine's order."""
        if self.result is None:
            return []
        return [
            v for v in self.result["operation"].values() if isinstance(v, dict) and "label" in v
        ]

    @property
    def steps_done(self) -> int:
        return sum(step.done for step in self.completeness)


def example_scenario() -> dict:
    """The Antwerp school example, with its numbers as exact strings as the planner stores them."""
    scenario = json.loads(EXAMPLE.read_text(encoding="utf-8"), parse_float=str)
    scenario["financing"].pop("schedule", None)
    return scenario


def build(scenario: dict, steps: dict | None = None) -> Report:
    """Evaluate ``scenario``; with ``steps``, the sensitivity analysis uses them (engine units).

    Every text of the result is in the active language (``texts.localize``).
    """
    report = Report(scenario=scenario, completeness=completeness(scenario))
    try:
        report.result = texts.localize(evaluate(_with_schedule(scenario)))
    except ScenarioError as error:
        report.errors = labelled(texts.errors(error.problems))
        return report
    except ArithmeticError:
        report.errors = labelled([{"field": "scenario", "message": _(TOO_LARGE)}])
        return report
    report.sensitivity = _sensitivity(scenario, steps)
    report.sensitivity_rows = sensitivity_rows(report.sensitivity)
    report.charts = charts.plan_charts(report.result, report.sensitivity)
    report.warnings = [
        {**warning, "html_id": planner_html_id(warning.get("field", ""))}
        for warning in report.result["warnings"]
    ]
    return report


def labelled(errors: list[dict]) -> list[dict]:
    """Errors with the label of the planner field they are about, for a list of messages."""
    return [error | {"label": field_label(error["field"])} for error in errors]


def completeness(scenario: dict) -> list[StepState]:
    return [
        StepState(key, str(label), all(_given(scenario, path) for path in paths))
        for key, label, paths in COMPLETENESS
    ]


def _given(scenario: dict, path: str) -> bool:
    value = scenario
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value not in (None, "", [], {})


def _with_schedule(scenario: dict) -> dict:
    """A copy that asks the engine for the yearly loan schedules, which the charts need."""
    scenario = copy.deepcopy(scenario)
    financing = scenario.get("financing")
    if isinstance(financing, dict):
        financing["schedule"] = True
    elif financing is None:
        scenario["financing"] = {"schedule": True}
    return scenario


def _sensitivity(scenario: dict, steps: dict | None) -> dict | None:
    """The sensitivity analysis; steps that would take an input out of range are dropped.

    A vacancy of 1 % cannot move 2 points down, for example; rather than showing nothing, the
    analysis runs with the steps that make sense for this scenario.
    """
    steps = copy.deepcopy(steps) if steps else None
    for _attempt in range(2):
        try:
            return texts.localize(sensitivity(scenario, steps))
        except ScenarioError as error:
            steps = _without_bad_steps(steps, error.errors)
            if steps is None:
                return None
    return None


def _without_bad_steps(steps: dict | None, errors: list[dict]) -> dict | None:
    chosen = steps or {key: list(p.default_steps) for key, p in PARAMETERS.items()}
    bad: dict[str, set[int]] = {}
    for error in errors:
        name, _sep, index = error["field"].removeprefix("steps.").partition("[")
        if name not in chosen or not index:
            return None
        bad.setdefault(name, set()).add(int(index.rstrip("]")))
    kept = {
        key: [step for i, step in enumerate(values) if i not in bad.get(key, set())]
        for key, values in chosen.items()
    }
    return {key: values for key, values in kept.items() if values}


def sensitivity_rows(analysis: dict | None) -> list[dict]:
    """The sensitivity table: one row per input and step, with the figures it leads to."""
    if analysis is None:
        return []
    rows = []
    for parameter in analysis["parameters"]:
        for row in parameter["rows"]:
            rows.append(
                {
                    "label": parameter["label"],
                    "step": step_text(parameter["key"], Decimal(row["step"])),
                    "value": value_text(parameter["key"], row["value"]),
                    "results": row["results"],
                }
            )
    return rows


def step_text(key: str, step: Decimal) -> str:
    sign = "+" if step > 0 else "\u2212" if step < 0 else ""
    if key in RATE_PARAMETERS:
        return f"{sign}{_number(abs(step) * 100)} " + _("pt")
    return f"{sign}{_number(abs(step))} €/m²"


def value_text(key: str, value: str | None) -> str:
    if value is None:
        return "\u2013"
    if key in RATE_PARAMETERS:
        return f"{_number(Decimal(value) * 100)}\u00a0%"
    return charts.euro(value)


def _number(value: Decimal) -> str:
    """A number as the active language writes it, without trailing zeros."""
    return number_format(value.normalize(), None, force_grouping=True)


def assumptions(given: dict, filled: dict) -> list[dict]:
    """Each input of the plan: its value, whether the user gave it, and where the default is from.

    ``given`` is the scenario as saved, ``filled`` the engine's copy with every default in.
    """
    rows = []
    for prefix, form_class in BLOCKS.items():
        if prefix == "scenario":
            continue
        given_block = given.get(prefix) or {}
        filled_block = filled.get(prefix) or {}
        for name, form_field in form_class.base_fields.items():
            path = form_class.nested.get(name, name).split(".")
            value = _lookup(filled_block, path)
            if value is None:
                continue
            rows.append(
                {
                    "label": form_field.label,
                    "value": _value_text(form_field, value),
                    "given": _lookup(given_block, path) is not None,
                    "basis": form_field.help_text,
                }
            )
    return rows


def _value_text(form_field, value) -> str:
    """An input's value as the active language writes it: '2,5', '1.150.000', '12 %'."""
    if isinstance(form_field, PercentField):
        return texts.percent(Decimal(str(value)))
    if isinstance(form_field, ChoiceField):
        return str(dict(form_field.choices).get(str(value), value))
    if isinstance(form_field, DecimalField | IntegerField):
        return texts.number(Decimal(str(value)))
    if isinstance(form_field, DateField):
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    return str(value)


def _lookup(block: dict, path: list[str]):
    value = block
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value

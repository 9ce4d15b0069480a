"""Helpers for the planner tests: a plan with a version, and the planner's form as POST data."""

from openpromotor.feasibility.forms import Planner
from openpromotor.feasibility.models import Plan
from openpromotor.feasibility.report import example_scenario


def make_plan(owner, title="Oude school", scenario=None) -> Plan:
    plan = Plan.objects.create(owner=owner, title=title)
    plan.versions.create(scenario=scenario or example_scenario(), note="first")
    return plan


def planner_data(scenario: dict, **changes) -> dict:
    """The POST data a browser sends for the planner showing ``scenario``, with ``changes``
    given by HTML name (``financing-interest_during_works_months``, ``tranches-0-annual_rate``)."""
    planner = Planner(scenario=scenario)
    data = {}
    for formset in planner.formsets.values():
        management = formset.management_form
        for name, field in management.fields.items():
            data[management.add_prefix(name)] = management.initial.get(name, field.initial)
    for form in planner.all_forms():
        for field in form:
            value = field.value()
            data[field.html_name] = "" if value is None else str(value)
    data.update({key: str(value) for key, value in changes.items()})
    return data

"""Feasibility engine: capital cost, financing, cost rent and life-cycle cost of a project.

Pure Python without Django; the rules, defaults and sources are in FEASIBILITY.md. Money is
``Decimal`` inside and a string with two decimals in every result.

- ``evaluate(scenario)``: one scenario (a JSON dict) to its result (a JSON dict);
- ``sensitivity(scenario, steps)`` and ``sensitivity_grid(...)``: the effect of moving inputs;
- ``compare(scenarios)``: up to four scenarios side by side;
- ``ScenarioError``: bad input, with ``errors`` as a list of ``{"field", "message"}``.
"""

from .comparison import compare
from .evaluation import evaluate
from .scenario import ScenarioError
from .sensitivity import sensitivity, sensitivity_grid

__all__ = ["ScenarioError", "compare", "evaluate", "sensitivity", "sensitivity_grid"]

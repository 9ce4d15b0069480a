"""Feasibility engine: capital cost, financing, cost rent and life-cycle cost of a project.

Pure Python without Django; the rules, defaults and sources are in FEASIBILITY.md. Money is
``Decimal`` inside and a string with two decimals in every result.

- ``evaluate(scenario)``: one scenario (a JSON dict) to its result (a JSON dict);
- ``sensitivity(scenario, steps)`` and ``sensitivity_grid(...)``: the effect of moving inputs;
- ``compare(scenarios)``: up to four scenarios side by side, and ``variant(scenario, key)``
  for the ready-made variants to compare with (6 % VAT, individual purchases, a Zürich-style
  split, a community land trust's land/building split);
- ``ScenarioError``: bad input, with ``errors`` as a list of ``{"field", "message"}``.

Every label, basis, warning and error is English; next to it, ``label_text``, ``basis_text`` or
``message_text`` gives the same text as a template id with its raw parameters, which the
platform translates (``texts.py`` here, ``openpromotor.feasibility.texts`` there).
"""

from .comparison import compare
from .errors import ScenarioError
from .evaluation import evaluate
from .sensitivity import sensitivity, sensitivity_grid
from .variants import variant

__all__ = ["ScenarioError", "compare", "evaluate", "sensitivity", "sensitivity_grid", "variant"]

"""The participation plan on the project's public page.

The public page shows the public face whoever looks at it, so this gives the plan only when
the project has made it public, and never the stakeholders of the map (only their groups).
On the public page::

    {% include "participation/_public_plan.html" %}

with ``public_plan_context(project)`` added to the page's context.
"""

from django.urls import reverse

from openpromotor.participation import plan
from openpromotor.projects.models import Part


def public_plan_context(project) -> dict:
    """``participation_plan``: the phases, the planned rows and the plan page's address, or
    None while the plan is for members only (the include then shows nothing)."""
    if not project.is_public(Part.PARTICIPATION_PLAN):
        return {"participation_plan": None}
    phases, rows = plan.matrix(project, with_stakeholders=False)
    return {
        "participation_plan": {
            "phases": phases,
            "rows": rows,
            "url": reverse("participation:plan", args=[project.pk]),
        }
    }

"""Who may do what with the stakeholder map, the participation plan and the governance bodies.

Every permission takes the project. docs/permissions.md writes the matrix down ("Participation:
stakeholders, participation plan, governance bodies") and tests/participation reads it.

All members read; the working roles (coordinator, member, expert) write, with a verified
e-mail address. The map and the bodies are always for members only; the plan is readable by
everyone once the project makes it public. Platform moderators get no access to any of it.
"""

import rules

from openpromotor.accounts.rules import can_contribute
from openpromotor.projects.models import Part
from openpromotor.projects.rules import can_work, is_coordinator, is_member, part_is_public

can_edit = can_contribute & can_work

rules.add_perm("participation.view_stakeholders", is_member)
rules.add_perm("participation.change_stakeholders", can_edit)
rules.add_perm("participation.view_plan", is_member | part_is_public(Part.PARTICIPATION_PLAN))
rules.add_perm("participation.change_plan", can_edit)
rules.add_perm("participation.view_bodies", is_member)
rules.add_perm("participation.change_bodies", can_edit)
rules.add_perm("participation.delete_body", can_contribute & is_coordinator)

PERMISSIONS = [
    "view_stakeholders",
    "change_stakeholders",
    "view_plan",
    "change_plan",
    "view_bodies",
    "change_bodies",
    "delete_body",
]


def can(user, project) -> dict:
    """What this person may do here, for the templates (``participation.view_plan`` → key)."""
    return {name: user.has_perm(f"participation.{name}", project) for name in PERMISSIONS}

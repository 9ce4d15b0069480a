"""What every charter view does first: check the charter's permission, and give the workspace
header with what this person may do in the charter.

A refused charter page answers 403; an object inside the members-only charter (a section, a
version, a comment) answers 404 to whoever may not see it, as in the rest of the workspace.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from openpromotor.projects.views.access import workspace_context

CHARTER_PERMISSIONS = [
    "view_adopted_version",
    "view_drafts",
    "edit_section",
    "comment",
    "adopt_version",
    "sign_version",
]


def allowed(request, permission, obj) -> bool:
    return request.user.has_perm(f"charters.{permission}", obj)


def refuse_unless(request, permission, obj) -> None:
    if not allowed(request, permission, obj):
        raise PermissionDenied


def hidden_unless(request, permission, obj) -> None:
    if not allowed(request, permission, obj):
        raise Http404


def charter_context(request, project, **extra) -> dict:
    """The workspace header with the "charter" tab current, and ``may`` for the charter."""
    may = {name: allowed(request, name, project) for name in CHARTER_PERMISSIONS}
    return workspace_context(request, project, "charter", may=may, **extra)

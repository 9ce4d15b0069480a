"""What every workspace view does first: find the project and check the permission.

A project's page is public, so a missing permission on a part of it is refused with 403. An
object inside a members-only part (a thread, a document, a task) answers 404 to whoever may
not see it, so its existence is not revealed.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme

from openpromotor.projects import roadmap
from openpromotor.projects.models import Project, Role
from openpromotor.projects.rules import role_in

PROJECT_PERMISSIONS = [
    "view_workspace",
    "view_story",
    "view_members",
    "view_roadmap",
    "view_discussions",
    "view_documents",
    "view_tasks",
    "view_participation",
    "view_participation_plan",
    "view_charter",
    "view_decisions",
    "view_activity",
    "change_project",
    "manage_members",
    "leave_project",
    "request_to_join",
    "follow_project",
    "edit_roadmap",
    "close_phase",
    "comment",
    "upload_document",
    "post_update",
]


def project_for(request, pk, permission=None) -> Project:
    project = get_object_or_404(
        Project.objects.select_related("municipality", "current_phase"), pk=pk
    )
    if permission and not request.user.has_perm(f"projects.{permission}", project):
        raise PermissionDenied
    return project


def hidden_unless(request, permission, obj) -> None:
    """404 for an object inside a part the person may not see."""
    if not request.user.has_perm(f"projects.{permission}", obj):
        raise Http404


def refuse_unless(request, permission, obj) -> None:
    if not request.user.has_perm(f"projects.{permission}", obj):
        raise PermissionDenied


def object_in(model_or_queryset, project, pk, **filters):
    """An object of this project (never one of another project, whatever id is posted)."""
    return get_object_or_404(model_or_queryset, pk=pk, project=project, **filters)


def can(user, project) -> dict:
    return {name: user.has_perm(f"projects.{name}", project) for name in PROJECT_PERMISSIONS}


def workspace_context(request, project, section: str, **extra) -> dict:
    """The header and tabs of every workspace page, with what this person may do."""
    return {
        "project": project,
        "section": section,
        "can": can(request.user, project),
        "my_role": Role(role).label if (role := role_in(request.user, project)) else None,
        "progress": roadmap.project_progress(project),
        **extra,
    }


def back(request, default: str):
    """Redirect to the form's ``next`` when it is a safe local address, else to ``default``."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)

"""What every participation view does first, as the workspace does (``projects.views.access``):
find the project and check a ``participation.*`` permission on it.

A page the person may not see is refused with 403; an object inside a members-only part (a
stakeholder, a body, a meeting) answers 404, so its existence is not revealed.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from openpromotor.participation import rules
from openpromotor.projects.views import access


def project_for(request, pk, permission=None):
    project = access.project_for(request, pk)
    if permission:
        refuse_unless(request, permission, project)
    return project


def refuse_unless(request, permission, project) -> None:
    if not request.user.has_perm(f"participation.{permission}", project):
        raise PermissionDenied


def hidden_unless(request, permission, project) -> None:
    if not request.user.has_perm(f"participation.{permission}", project):
        raise Http404


def page_context(request, project, page: str, **extra) -> dict:
    """The workspace header and tabs (the "participation" tab is current), this part's
    sub-navigation (``page``: map, analysis, plan or bodies) and what the person may do here."""
    return access.workspace_context(
        request,
        project,
        "participation",
        page=page,
        may=rules.can(request.user, project),
        **extra,
    )


def shown(field, value) -> str:
    """A form value as a person reads it, for comparing two versions side by side."""
    if value in (None, "", []):
        return "—"
    choices = dict(_flat(getattr(field, "choices", None) or []))
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if hasattr(value, "display_name"):
        return value.display_name
    return str(choices.get(value, value)) if choices else str(value)


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


def differences(form, current, names, extra=()) -> list[dict]:
    """The fields where the editor's values and the newest saved version differ.

    ``extra`` adds (label, mine, theirs) for values that are not plain form fields.
    """
    rows = []
    for name in names:
        field = form.fields[name]
        mine, theirs = form.cleaned_data.get(name), getattr(current, name)
        if (mine or None) != (theirs or None):
            rows.append(
                {"label": field.label, "mine": shown(field, mine), "theirs": shown(field, theirs)}
            )
    for label, mine, theirs in extra:
        if mine != theirs:
            rows.append({"label": label, "mine": shown(None, mine), "theirs": shown(None, theirs)})
    return rows

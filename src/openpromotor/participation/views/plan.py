"""The participation plan: the matrix of groups by phases, and editing one cell.

A cell is edited with a plain form on its own page, which works without JavaScript. With htmx,
the same form opens in the editor under the matrix and saving updates the cell in place. htmx
swaps only successful responses, so to htmx an invalid form or a conflict comes back with
status 200 (the form shows the errors); without htmx they are 400 and 409.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from openpromotor.participation import plan
from openpromotor.participation.editing import EditConflict
from openpromotor.participation.forms import PlanCellForm
from openpromotor.participation.views.access import (
    differences,
    hidden_unless,
    page_context,
    project_for,
    refuse_unless,
)
from openpromotor.participation.vocabulary import Group
from openpromotor.projects.models import Phase
from openpromotor.projects.views.access import object_in


def plan_page(request, pk):
    project = project_for(request, pk, "view_plan")
    is_member = request.user.has_perm("participation.view_stakeholders", project)
    phases, rows = plan.matrix(project, with_stakeholders=is_member)
    context = page_context(request, project, "plan", phases=phases, rows=rows)
    return render(request, "participation/plan.html", context)


def _cell_url(phase, group) -> str:
    return reverse("participation:cell", args=[phase.project_id, phase.pk, group])


def _plan_url(phase, group) -> str:
    return reverse("participation:plan", args=[phase.project_id]) + f"#cell-{phase.pk}-{group}"


@require_http_methods(["GET", "POST"])
def edit_cell(request, pk, phase_pk, group):
    project = project_for(request, pk)
    hidden_unless(request, "view_plan", project)
    phase = object_in(Phase, project, phase_pk)
    if group not in Group.values:
        raise Http404
    refuse_unless(request, "change_plan", project)
    group = Group(group)
    cell = plan.cell_of(phase, group)
    form = PlanCellForm(request.POST or None, instance=cell)
    conflict, status = None, 200
    if request.method == "POST":
        try:
            if "clear" in request.POST:
                plan.clear_cell(phase, group, _posted_version(request), request.user)
                text = _("%(group)s is no longer planned in phase %(number)d.")
                return _saved(request, phase, group, text)
            if form.is_valid():
                plan.save_cell(phase, group, form.started_from(), form.changes(), request.user)
                text = _("The plan for %(group)s in phase %(number)d has been saved.")
                return _saved(request, phase, group, text)
            status = 400
        except EditConflict as clash:
            current = clash.current
            conflict = {"by": current.updated_by, "at": current.updated_at if current.pk else None}
            if form.is_valid():
                conflict["differences"] = differences(form, current, PlanCellForm.Meta.fields)
            data = request.POST.copy()
            data["version"] = current.version
            form = PlanCellForm(data, instance=current)
            form.is_valid()
            status = 409
    context = page_context(
        request,
        project,
        "plan",
        phase=phase,
        group=group,
        form=form,
        conflict=conflict,
        cell_url=_cell_url(phase, group),
        plan_url=_plan_url(phase, group),
        inline=request.htmx,
    )
    if request.htmx:
        return render(request, "participation/_cell_editor.html", context)
    return render(request, "participation/plan_cell.html", context, status=status)


def _posted_version(request) -> int:
    """The version the editor started from; a broken value counts as "an empty cell"."""
    try:
        return max(int(request.POST.get("version", 0)), 0)
    except ValueError:
        return 0


def _saved(request, phase, group, text):
    """htmx gets the new matrix (swapped in place) and a message; a plain post redirects."""
    text = text % {"group": group.label, "number": phase.number}
    if request.htmx:
        phases, rows = plan.matrix(phase.project, with_stakeholders=True)
        context = page_context(
            request,
            phase.project,
            "plan",
            phases=phases,
            rows=rows,
            phase=phase,
            group=group,
            announcement=text,
        )
        return render(request, "participation/_cell_saved.html", context)
    messages.success(request, text)
    return redirect(_plan_url(phase, group))

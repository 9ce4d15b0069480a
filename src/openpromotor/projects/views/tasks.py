"""Tasks: the list, adding one, and editing one without overwriting someone else's save.

The edit form carries the version it started from. When someone saved in between, the page
comes back with both versions side by side and the editor's own text still in the form; saving
again (now based on the newest version) keeps what the editor chose.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.projects import roadmap
from openpromotor.projects.forms import TaskForm
from openpromotor.projects.models import Task
from openpromotor.projects.roadmap import TaskConflict
from openpromotor.projects.views.access import (
    hidden_unless,
    object_in,
    project_for,
    refuse_unless,
    workspace_context,
)

FILTERS = {"mine", "open", "done", "all"}


def task_list(request, pk, form=None, status=200):
    project = project_for(request, pk, "view_tasks")
    shown = request.GET.get("show", "open")
    shown = shown if shown in FILTERS else "open"
    tasks = project.tasks.select_related("assignee", "phase")
    if shown == "mine":
        tasks = tasks.filter(assignee=request.user).exclude(status=Task.Status.DONE)
    elif shown == "open":
        tasks = tasks.exclude(status=Task.Status.DONE)
    elif shown == "done":
        tasks = tasks.filter(status=Task.Status.DONE)
    context = workspace_context(
        request,
        project,
        "tasks",
        tasks=tasks,
        shown=shown,
        form=form
        or TaskForm(project=project, instance=Task(), initial={"phase": project.current_phase}),
    )
    return render(request, "projects/tasks.html", context, status=status)


@login_required
@require_POST
def add_task(request, pk):
    project = project_for(request, pk, "edit_roadmap")
    form = TaskForm(request.POST, project=project, instance=Task(project=project))
    if not form.is_valid():
        messages.error(request, _("The task was not added: correct the form below."))
        return task_list(request, pk, form=form, status=400)
    task = roadmap.create_task(form.save(commit=False), request.user)
    messages.success(request, _("The task “%(task)s” has been added.") % {"task": task.title})
    return redirect(task)


def _differences(form, current) -> list[dict]:
    """The fields where the editor's values and the newest saved version differ."""
    rows = []
    for name in TaskForm.Meta.fields:
        mine, theirs = form.cleaned_data.get(name), getattr(current, name)
        if mine != theirs:
            field = form.fields[name]
            rows.append(
                {"label": field.label, "mine": _shown(name, mine), "theirs": _shown(name, theirs)}
            )
    return rows


def _shown(name, value) -> str:
    if value in (None, ""):
        return "—"
    if name == "status":
        return Task.Status(value).label
    if name == "assignee":
        return value.display_name
    return str(value)


@require_http_methods(["GET", "POST"])
def task_detail(request, pk, task_pk):
    project = project_for(request, pk)
    task = object_in(
        Task.objects.select_related("assignee", "phase", "card", "updated_by"), project, task_pk
    )
    hidden_unless(request, "view_tasks", project)
    may_edit = request.user.has_perm("projects.change_task", task)
    form = TaskForm(request.POST or None, project=project, instance=task)
    conflict = None
    status = 200
    if request.method == "POST":
        refuse_unless(request, "change_task", task)
        if form.is_valid():
            version = form.cleaned_data["version"] or 0
            try:
                roadmap.save_task(task, version, form.changes(), request.user)
            except TaskConflict as clash:
                conflict = {
                    "current": clash.current,
                    "differences": _differences(form, clash.current),
                }
                data = request.POST.copy()
                data["version"] = clash.current.version
                form = TaskForm(data, project=project, instance=clash.current)
                form.is_valid()
                status = 409
            else:
                messages.success(request, _("The task has been saved."))
                return redirect("projects:task", project.pk, task.pk)
        else:
            status = 400
    context = workspace_context(
        request,
        project,
        "tasks",
        task=task,
        form=form,
        may_edit=may_edit,
        conflict=conflict,
        threads=task.threads.all()
        if request.user.has_perm("projects.view_discussions", project)
        else [],
        documents=task.documents.all(),
    )
    return render(request, "projects/task.html", context, status=status)

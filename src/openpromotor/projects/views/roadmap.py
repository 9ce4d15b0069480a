"""The roadmap: the board with the step-card library, the timeline, and each phase with its
goals, milestones, tasks and evaluations.

On the board, a card is laid into a phase with a plain form (a phase select and a button), which
works with the keyboard and without JavaScript; ``board.js`` adds drag and drop by filling in and
submitting the same form, and htmx swaps the board in place.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.projects import roadmap
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.forms import (
    ClosePhaseForm,
    GoalForm,
    LayCardForm,
    MilestoneForm,
    MoveTaskForm,
    ReopenPhaseForm,
    TaskForm,
)
from openpromotor.projects.models import (
    Goal,
    Milestone,
    Phase,
    PhaseEvaluation,
    StepCard,
    Task,
)
from openpromotor.projects.roadmap import TaskConflict
from openpromotor.projects.views.access import (
    back,
    hidden_unless,
    object_in,
    project_for,
    refuse_unless,
    workspace_context,
)


def _board_context(request, project, announcement="") -> dict:
    is_member = request.user.has_perm("projects.view_tasks", project)
    phases = roadmap.phases_with_counts(project, with_tasks=is_member)
    tasks = {}
    if is_member:
        for task in project.tasks.select_related("assignee", "card"):
            tasks.setdefault(task.phase_id, []).append(task)
    for phase in phases:
        phase.board_tasks = tasks.get(phase.pk, [])
    by_number = {phase.number: phase for phase in phases}
    cards = []
    if request.user.has_perm("projects.edit_roadmap", project):
        for card in StepCard.objects.filter(is_active=True):
            target = by_number.get(card.suggested_phase) or project.current_phase
            card.form = LayCardForm(
                project=project, initial={"phase": target}, auto_id=f"card-{card.pk}-%s"
            )
            cards.append(card)
    return workspace_context(
        request,
        project,
        "roadmap",
        phases=phases,
        unphased=tasks.get(None, []),
        cards=cards,
        announcement=announcement,
    )


def board(request, pk):
    project = project_for(request, pk, "view_roadmap")
    return render(request, "projects/board.html", _board_context(request, project))


def _after_board_change(request, project, text, ok=True):
    """htmx gets the new board with the message in its live region; a plain post redirects."""
    if request.htmx:
        context = _board_context(request, project, text)
        return render(request, "projects/_board_update.html", context)
    (messages.success if ok else messages.error)(request, text)
    return redirect("projects:board", project.pk)


@login_required
@require_POST
def lay_card(request, pk, card_pk):
    project = project_for(request, pk, "edit_roadmap")
    card = get_object_or_404(StepCard, pk=card_pk, is_active=True)
    form = LayCardForm(request.POST, project=project)
    if not form.is_valid():
        return _after_board_change(request, project, _("Choose a phase of this project."), False)
    phase = form.cleaned_data["phase"]
    roadmap.lay_card(project, card, phase, request.user)
    text = _("“%(card)s” is now a task in phase %(number)d, %(phase)s.") % {
        "card": card.title,
        "number": phase.number,
        "phase": phase.title,
    }
    return _after_board_change(request, project, text)


@login_required
@require_POST
def move_task(request, pk, task_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_tasks", project)
    task = object_in(Task, project, task_pk)
    refuse_unless(request, "change_task", task)
    form = MoveTaskForm(request.POST, project=project)
    if not form.is_valid():
        return _after_board_change(request, project, _("Choose a phase of this project."), False)
    phase = form.cleaned_data["phase"]
    try:
        roadmap.move_task(task, phase, request.user)
    except TaskConflict:
        text = _("Someone changed this task a moment ago; look again and retry.")
        return _after_board_change(request, project, text, False)
    text = _("“%(task)s” moved to phase %(number)d, %(phase)s.") % {
        "task": task.title,
        "number": phase.number,
        "phase": phase.title,
    }
    return _after_board_change(request, project, text)


def timeline(request, pk):
    """Milestones, due dates of tasks (for members) and phase closings, in date order."""
    project = project_for(request, pk, "view_roadmap")
    entries = [
        {"date": milestone.due_date, "kind": "milestone", "item": milestone}
        for milestone in Milestone.objects.filter(phase__project=project).select_related("phase")
    ]
    if request.user.has_perm("projects.view_tasks", project):
        entries += [
            {"date": task.due_date, "kind": "task", "item": task}
            for task in project.tasks.filter(due_date__isnull=False).select_related("phase")
        ]
    for evaluation in PhaseEvaluation.objects.filter(phase__project=project).select_related(
        "phase"
    ):
        entries.append(
            {"date": timezone.localdate(evaluation.closed_at), "kind": "closed", "item": evaluation}
        )
        if evaluation.reopened_at:
            reopened = timezone.localdate(evaluation.reopened_at)
            entries.append({"date": reopened, "kind": "reopened", "item": evaluation})
    entries.sort(key=lambda entry: (entry["date"], entry["kind"]))
    today = timezone.localdate()
    for entry in entries:
        entry["month"] = datetime.date(entry["date"].year, entry["date"].month, 1)
        entry["past"] = entry["date"] < today
    context = workspace_context(
        request,
        project,
        "timeline",
        entries=entries,
        today=today,
        phases=roadmap.phases_with_counts(
            project, with_tasks=request.user.has_perm("projects.view_tasks", project)
        ),
    )
    return render(request, "projects/timeline.html", context)


def _phase_page(request, project, phase, status=200, **forms):
    user = request.user
    context = workspace_context(
        request,
        project,
        "roadmap",
        phase=phase,
        goals=phase.goals.all(),
        milestones=phase.milestones.all(),
        evaluations=phase.evaluations.select_related("closed_by", "reopened_by"),
        tasks=phase.tasks.select_related("assignee")
        if user.has_perm("projects.view_tasks", project)
        else [],
        threads=phase.threads.all() if user.has_perm("projects.view_discussions", project) else [],
        documents=phase.documents.all()
        if user.has_perm("projects.view_documents", project)
        else [],
        goal_form=forms.get("goal_form") or GoalForm(),
        milestone_form=forms.get("milestone_form") or MilestoneForm(),
        task_form=forms.get("task_form")
        or TaskForm(project=project, initial={"phase": phase}, instance=Task()),
        reopen_form=ReopenPhaseForm(),
    )
    return render(request, "projects/phase.html", context, status=status)


def phase_detail(request, pk, phase_pk):
    project = project_for(request, pk, "view_roadmap")
    return _phase_page(request, project, object_in(Phase, project, phase_pk))


@login_required
@require_POST
def add_goal(request, pk, phase_pk):
    project = project_for(request, pk, "edit_roadmap")
    phase = object_in(Phase, project, phase_pk)
    form = GoalForm(request.POST)
    if not form.is_valid():
        return _phase_page(request, project, phase, status=400, goal_form=form)
    roadmap.add_goal(phase, form.cleaned_data["text"])
    messages.success(request, _("The goal has been added."))
    return redirect(phase)


@login_required
@require_POST
def set_goal(request, pk, goal_pk):
    project = project_for(request, pk, "edit_roadmap")
    goal = get_object_or_404(Goal, pk=goal_pk, phase__project=project)
    roadmap.set_goal(goal, request.POST.get("done") == "1")
    return back(request, goal.phase.get_absolute_url())


@login_required
@require_POST
def add_milestone(request, pk, phase_pk):
    project = project_for(request, pk, "edit_roadmap")
    phase = object_in(Phase, project, phase_pk)
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The milestone was not added: correct the form below."))
        return _phase_page(request, project, phase, status=400, milestone_form=form)
    roadmap.add_milestone(phase, form.cleaned_data["title"], form.cleaned_data["due_date"])
    messages.success(request, _("The milestone has been added."))
    return redirect(phase)


@login_required
@require_POST
def set_milestone(request, pk, milestone_pk):
    project = project_for(request, pk, "edit_roadmap")
    milestone = get_object_or_404(Milestone, pk=milestone_pk, phase__project=project)
    roadmap.set_milestone(milestone, request.POST.get("reached") == "1")
    return back(request, milestone.phase.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def close_phase(request, pk, phase_pk):
    project = project_for(request, pk, "close_phase")
    phase = object_in(Phase, project, phase_pk)
    form = ClosePhaseForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            roadmap.close_phase(
                phase, request.user, form.cleaned_data["reached"], form.cleaned_data["changes"]
            )
        except ActionRefused as refusal:
            form.add_error(None, refusal.message)
            status = 409
        else:
            messages.success(
                request,
                _("Phase %(number)d is closed. You can reopen it whenever you need to.")
                % {"number": phase.number},
            )
            return redirect(phase)
    elif request.method == "POST":
        status = 400
    context = workspace_context(request, project, "roadmap", phase=phase, form=form)
    return render(request, "projects/close_phase.html", context, status=status)


@login_required
@require_POST
def reopen_phase(request, pk, phase_pk):
    project = project_for(request, pk, "close_phase")
    phase = object_in(Phase, project, phase_pk)
    form = ReopenPhaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
        return redirect(phase)
    try:
        roadmap.reopen_phase(phase, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Phase %(number)d is open again.") % {"number": phase.number})
    except ActionRefused as refusal:
        messages.info(request, refusal.message)
    return redirect(phase)

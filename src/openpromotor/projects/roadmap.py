"""The roadmap: starting a project with its phases, laying step cards, tasks, goals,
milestones, and closing and reopening phases.

Tasks carry a version number: ``save_task`` refuses a save based on an older version and hands
back the task as it is now, so the second of two editors is told and can merge.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.library import install
from openpromotor.projects.models import (
    EventKind,
    Goal,
    Membership,
    Milestone,
    Part,
    Phase,
    PhaseEvaluation,
    Project,
    RoadmapTemplate,
    Role,
    StepCard,
    Task,
    TemplatePhase,
)
from openpromotor.projects.models.activity import TASKS


class TaskConflict(Exception):
    """Someone saved the task after the editor opened it; ``current`` is the task as it is now."""

    def __init__(self, current: Task):
        super().__init__(current)
        self.current = current


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


# --- Starting --------------------------------------------------------------------------------


def default_template() -> RoadmapTemplate:
    """The operators' default template; the built-in one when the library is empty."""
    template = RoadmapTemplate.objects.filter(is_default=True).first()
    if template is None:
        template = RoadmapTemplate.objects.first()
    if template is None:
        install(RoadmapTemplate, TemplatePhase, StepCard)
        template = RoadmapTemplate.objects.get(is_default=True)
    return template


@transaction.atomic
def start_project(project: Project, creator, places=(), listings=(), template=None) -> Project:
    """Save a new project with its creator as coordinator and the template's phases."""
    project.created_by = creator
    project.save()
    project.places.set(places)
    project.listings.set(listings)
    Membership.objects.create(project=project, user=creator, role=Role.COORDINATOR)
    for template_phase in (template or default_template()).phases.all():
        phase = Phase.objects.create(
            project=project,
            number=template_phase.number,
            title=template_phase.title,
            description=template_phase.description,
        )
        Goal.objects.bulk_create(
            Goal(phase=phase, text=text[:200], order=order)
            for order, text in enumerate(template_phase.goal_list())
        )
    project.current_phase = project.phases.order_by("number").first()
    project.save(update_fields=["current_phase"])
    activity.record(
        project,
        creator,
        EventKind.ROADMAP,
        Part.STORY,
        gettext_noop("{name} started the project “{project}”."),
        {"name": creator.display_name},
        project.get_absolute_url(),
        audience=[],
    )
    return project


# --- Progress --------------------------------------------------------------------------------


def project_progress(project) -> Progress:
    phases = project.phases.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(state=Phase.State.CLOSED))
    )
    return Progress(phases["done"], phases["total"])


def phases_with_counts(project, with_tasks: bool):
    """The phases with their goal (and, for members, task) counts for progress bars."""
    phases = project.phases.annotate(
        goals_total=Count("goals", distinct=True),
        goals_done=Count("goals", filter=Q(goals__done=True), distinct=True),
    )
    if with_tasks:
        phases = phases.annotate(
            tasks_total=Count("tasks", distinct=True),
            tasks_done=Count("tasks", filter=Q(tasks__status=Task.Status.DONE), distinct=True),
        )
    result = list(phases)
    for phase in result:
        done, total = phase.goals_done, phase.goals_total
        if with_tasks:
            done, total = done + phase.tasks_done, total + phase.tasks_total
        phase.progress = Progress(done, total)
    return result


# --- Cards and tasks -------------------------------------------------------------------------


def _task_activity(task, actor, template, audience) -> None:
    activity.record(
        task.project,
        actor,
        EventKind.TASK,
        TASKS,
        template,
        {"name": actor.display_name, "task": task.title},
        task.get_absolute_url(),
        audience=audience,
    )


def _assigned(task, actor) -> None:
    """Tell the new assignee (the stream reads the same for everyone, so: third person)."""
    if task.assignee_id and task.assignee_id != actor.pk:
        activity.record(
            task.project,
            actor,
            EventKind.TASK,
            TASKS,
            gettext_noop("{name} assigned the task “{task}” to {assignee}."),
            {
                "name": actor.display_name,
                "task": task.title,
                "assignee": task.assignee.display_name,
            },
            task.get_absolute_url(),
            audience=[task.assignee],
        )


@transaction.atomic
def lay_card(project, card: StepCard, phase: Phase, actor) -> Task:
    """Lay a step card into a phase: it becomes a task that keeps a link to its card."""
    task = Task.objects.create(
        project=project,
        phase=phase,
        card=card,
        title=card.title,
        description=card.explanation,
        created_by=actor,
        updated_by=actor,
    )
    activity.record(
        project,
        actor,
        EventKind.ROADMAP,
        TASKS,
        gettext_noop("{name} laid the card “{task}” into phase {number}."),
        {"name": actor.display_name, "task": task.title, "number": phase.number},
        phase.get_absolute_url(),
        audience=[],
    )
    return task


@transaction.atomic
def create_task(task: Task, actor) -> Task:
    task.created_by = task.updated_by = actor
    task.save()
    _task_activity(task, actor, gettext_noop("{name} added the task “{task}”."), audience=[])
    _assigned(task, actor)
    return task


@transaction.atomic
def save_task(task: Task, expected_version: int, changes: dict, actor) -> Task:
    """Save ``changes`` unless someone saved the task since ``expected_version``."""
    current = Task.objects.select_for_update().select_related("project").get(pk=task.pk)
    if current.version != expected_version:
        raise TaskConflict(current)
    was_assigned, was_done = current.assignee_id, current.status == Task.Status.DONE
    for name, value in changes.items():
        setattr(current, name, value)
    current.version += 1
    current.updated_by = actor
    current.save()
    if current.assignee_id != was_assigned:
        _assigned(current, actor)
    if current.status == Task.Status.DONE and not was_done:
        _task_activity(current, actor, gettext_noop("{name} finished “{task}”."), audience=[])
    return current


def move_task(task: Task, phase: Phase, actor) -> Task:
    """Move a task to another phase (the board's drag and drop), as a versioned save."""
    return save_task(task, task.version, {"phase": phase}, actor)


# --- Goals and milestones --------------------------------------------------------------------


def add_goal(phase: Phase, text: str) -> Goal:
    last = phase.goals.order_by("-order").values_list("order", flat=True).first()
    return Goal.objects.create(phase=phase, text=text, order=(last or 0) + 1)


def set_goal(goal: Goal, done: bool) -> None:
    Goal.objects.filter(pk=goal.pk).update(done=done)


def add_milestone(phase: Phase, title: str, due_date) -> Milestone:
    return Milestone.objects.create(phase=phase, title=title, due_date=due_date)


def set_milestone(milestone: Milestone, reached: bool) -> None:
    reached_at = timezone.localdate() if reached else None
    Milestone.objects.filter(pk=milestone.pk).update(reached_at=reached_at)


# --- Closing and reopening phases ------------------------------------------------------------


def _next_current(project, closed: Phase) -> Phase:
    """After closing a phase: the next open one, else the first open one, else this one."""
    open_phases = project.phases.filter(state=Phase.State.OPEN).order_by("number")
    return open_phases.filter(number__gt=closed.number).first() or open_phases.first() or closed


@transaction.atomic
def close_phase(phase: Phase, actor, reached: str, changes: str = "") -> PhaseEvaluation:
    project = Project.objects.select_for_update().get(pk=phase.project_id)
    phase = Phase.objects.select_for_update().get(pk=phase.pk)
    if phase.is_closed:
        raise ActionRefused(
            _(
                "This phase was already closed on %(date)s, so your evaluation was not saved. "
                "It is still in the form: reopen the phase first if you want to close it again."
            )
            % {"date": date_format(timezone.localtime(phase.closed_at), "j F Y, H:i")}
        )
    phase.state, phase.closed_at = Phase.State.CLOSED, timezone.now()
    phase.save(update_fields=["state", "closed_at"])
    evaluation = PhaseEvaluation.objects.create(
        phase=phase, reached=reached, changes=changes, closed_by=actor
    )
    project.current_phase = _next_current(project, phase)
    project.save(update_fields=["current_phase", "updated_at"])
    activity.record(
        project,
        actor,
        EventKind.ROADMAP,
        Part.ROADMAP,
        gettext_noop("{name} closed phase {number} “{phase}” with an evaluation."),
        {"name": actor.display_name, "number": phase.number, "phase": phase.title},
        phase.get_absolute_url(),
    )
    return evaluation


@transaction.atomic
def reopen_phase(phase: Phase, actor, reason: str = "") -> Phase:
    project = Project.objects.select_for_update().get(pk=phase.project_id)
    phase = Phase.objects.select_for_update().get(pk=phase.pk)
    if not phase.is_closed:
        raise ActionRefused(_("This phase is already open."))
    phase.state, phase.closed_at = Phase.State.OPEN, None
    phase.save(update_fields=["state", "closed_at"])
    phase.evaluations.filter(reopened_at__isnull=True).update(
        reopened_at=timezone.now(), reopened_by=actor, reopen_reason=reason
    )
    project.current_phase = phase
    project.save(update_fields=["current_phase", "updated_at"])
    activity.record(
        project,
        actor,
        EventKind.ROADMAP,
        Part.ROADMAP,
        gettext_noop("{name} reopened phase {number} “{phase}”."),
        {"name": actor.display_name, "number": phase.number, "phase": phase.title},
        phase.get_absolute_url(),
    )
    return phase

"""The roadmap (stappenplan): phases from a template, with goals, milestones and tasks.

Operators manage templates and the library of step cards in the admin. A project copies the
phases of a template when it starts, so later edits of the template never change a running
project. Laying a step card into a phase makes a task from it that remembers its card.

A phase closes with an evaluation (what was reached, what changes) and can be reopened: the
roadmap is iterative, and every evaluation stays in the phase's history.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_YEARS_AHEAD = 30


def validate_plan_date(value: datetime.date) -> None:
    """Dates of tasks and milestones: from 2000 up to 30 years ahead (catches typing slips)."""
    latest = timezone.localdate().year + LATEST_YEARS_AHEAD
    if value < EARLIEST_DATE or value.year > latest:
        raise ValidationError(
            _("Choose a date between the year 2000 and %(latest)d.") % {"latest": latest},
            code="date_out_of_range",
        )


class StepCategory(models.TextChoices):
    BUILDING = "building", _("building")
    PEOPLE = "people", _("people and participation")
    LEGAL = "legal", _("legal")
    FINANCIAL = "financial", _("financial")
    DESIGN = "design", _("design and permits")
    WORKS = "works", _("works")
    OPERATION = "operation", _("operation")


class RoadmapTemplate(models.Model):
    name = models.CharField(_("name"), max_length=140)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(_("default for new projects"), default=False)

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_roadmap_template",
            )
        ]
        verbose_name = _("roadmap template")
        verbose_name_plural = _("roadmap templates")

    def __str__(self):
        return self.name


class TemplatePhase(models.Model):
    template = models.ForeignKey(RoadmapTemplate, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))

    class Meta:
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_template_phase")
        ]
        verbose_name = _("template phase")
        verbose_name_plural = _("template phases")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class StepCard(models.Model):
    """A typical step (building survey, bank meeting, …) with guidance, from the library."""

    title = models.CharField(_("title"), max_length=140)
    explanation = models.TextField(_("explanation"), help_text=_("You can use Markdown."))
    guidance_links = models.TextField(
        _("links to guidance"), blank=True, help_text=_("One web address per line.")
    )
    category = models.CharField(_("category"), max_length=12, choices=StepCategory.choices)
    suggested_phase = models.PositiveSmallIntegerField(
        _("suggested phase number"), null=True, blank=True
    )
    is_active = models.BooleanField(_("shown in the library"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["suggested_phase", "order", "title"]
        verbose_name = _("step card")
        verbose_name_plural = _("step cards")

    def __str__(self):
        return self.title

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.guidance_links.splitlines() if line.strip()]


class Phase(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"), blank=True)
    state = models.CharField(max_length=6, choices=State.choices, default=State.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="unique_project_phase")
        ]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("projects:phase", args=[self.project_id, self.pk])

    @property
    def is_closed(self) -> bool:
        return self.state == self.State.CLOSED


class Goal(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=200)
    done = models.BooleanField(_("reached"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text


class Milestone(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=140)
    due_date = models.DateField(_("date"), validators=[validate_plan_date])
    reached_at = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title


class Task(models.Model):
    """A task; ``version`` grows with every save, so two editors cannot silently overwrite
    each other (see ``roadmap.save_task``)."""

    class Status(models.TextChoices):
        TODO = "todo", _("to do")
        DOING = "doing", _("in progress")
        DONE = "done", _("done")

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="tasks")
    phase = models.ForeignKey(
        Phase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("phase"),
    )
    card = models.ForeignKey(
        StepCard, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, help_text=_("You can use Markdown.")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_tasks",
        verbose_name=_("assigned to"),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, validators=[validate_plan_date]
    )
    status = models.CharField(
        _("status"), max_length=6, choices=Status.choices, default=Status.TODO
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", models.F("due_date").asc(nulls_last=True), "pk"]
        indexes = [models.Index(fields=["project", "status"], name="task_project_status")]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:task", args=[self.project_id, self.pk])

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.status != self.Status.DONE
            and self.due_date < timezone.localdate()
        )


class PhaseEvaluation(models.Model):
    """What a group wrote when it closed a phase; reopening the phase is noted on it."""

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="evaluations")
    reached = models.TextField(_("what was reached"), max_length=5000)
    changes = models.TextField(_("what changes for the next steps"), max_length=5000, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(default=timezone.now)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(_("why the phase is reopened"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-closed_at", "-pk"]
        verbose_name = _("phase evaluation")
        verbose_name_plural = _("phase evaluations")

    def __str__(self):
        return f"{self.phase} ({self.closed_at:%Y-%m-%d})"

"""Governance bodies (steering committee, project team, technical committee, working groups,
general assembly), their members and their meetings with agenda and minutes.

A body's members are project members (platform accounts) or stakeholders of the map, so
people outside the platform can sit in a body too.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.participation.vocabulary import SINGLE_BODIES, BodyKind, Function
from openpromotor.projects.models.roadmap import validate_plan_date


class Body(models.Model):
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("kind of body"), max_length=20, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=140)
    mandate = models.TextField(
        _("mandate"),
        max_length=5000,
        blank=True,
        help_text=_("What it decides or prepares, and for whom. You can use Markdown."),
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=140,
        blank=True,
        help_text=_("For example: every first Tuesday of the month."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind"],
                condition=models.Q(kind__in=SINGLE_BODIES),
                name="one_body_of_a_single_kind",
            ),
            models.UniqueConstraint("project", Lower("name"), name="unique_body_name_in_project"),
        ]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("participation:body", args=[self.project_id, self.pk])


class BodyMember(models.Model):
    """A seat in a body: exactly one of a project member's account or a stakeholder."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project member"),
    )
    stakeholder = models.ForeignKey(
        "participation.Stakeholder",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="seats",
        verbose_name=_("stakeholder"),
    )
    function = models.CharField(
        _("function"), max_length=20, choices=Function.choices, default=Function.MEMBER
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(user__isnull=False, stakeholder__isnull=True)
                    | models.Q(user__isnull=True, stakeholder__isnull=False)
                ),
                name="body_member_is_a_user_or_a_stakeholder",
            ),
            models.UniqueConstraint(
                fields=["body", "user"],
                condition=models.Q(user__isnull=False),
                name="one_seat_per_user",
            ),
            models.UniqueConstraint(
                fields=["body", "stakeholder"],
                condition=models.Q(stakeholder__isnull=False),
                name="one_seat_per_stakeholder",
            ),
        ]
        verbose_name = _("body member")
        verbose_name_plural = _("body members")

    def __str__(self):
        return f"{self.name} · {self.body}"

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.stakeholder.name


class Meeting(models.Model):
    """A meeting of a body; ``version`` protects the minutes against overwriting."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"), validators=[validate_plan_date])
    time = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=140, blank=True)
    phase = models.ForeignKey(
        "projects.Phase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participation_meetings",
        verbose_name=_("phase of the roadmap"),
    )
    agenda = models.TextField(
        _("agenda"), max_length=5000, blank=True, help_text=_("You can use Markdown.")
    )
    minutes = models.TextField(
        _("minutes"), max_length=20_000, blank=True, help_text=_("You can use Markdown.")
    )
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    minutes_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", models.F("time").desc(nulls_last=True), "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.body} · {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("participation:meeting", args=[self.body.project_id, self.body_id, self.pk])

"""The charter (handvest) of a project: sections of shared ambitions and commitments, each with
points that carry a negotiation status, and the numbered versions every save makes.

Sections and points are the working draft that members edit. Every save records a
``Version``: a snapshot of all sections and points with their statuses. A coordinator adopts a
version; from then on that version is frozen (``FrozenVersion``) and members sign it. Further
edits only change the draft and so make newer (draft) versions.

A section keeps its identity across versions (a decision can point to it) and is never deleted:
removing it from the charter only marks it removed, so its comments and links keep working.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.projects.errors import ActionRefused


class Negotiation(models.TextChoices):
    """The three "negotiation basins" of seed 002: where interests meet, can meet, or diverge."""

    AGREED = "agreed", _("agreed")
    RECONCILABLE = "reconcilable", _("reconcilable")
    DIVERGENT = "divergent", _("divergent")


NEGOTIATION_HELP = {
    Negotiation.AGREED: _("Everyone agrees on this point."),
    Negotiation.RECONCILABLE: _("Interests differ but can be reconciled; we are working on it."),
    Negotiation.DIVERGENT: _("Interests diverge; the point stays open for dialogue."),
}
NEGOTIATION_SYMBOLS = {
    Negotiation.AGREED: "✓",
    Negotiation.RECONCILABLE: "≈",
    Negotiation.DIVERGENT: "≠",
}


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    symbol: str
    count: int


def count_statuses(statuses) -> list[StatusCount]:
    """How many points have each status, always all three in the same order."""
    statuses = list(statuses)
    return [
        StatusCount(value, label, NEGOTIATION_SYMBOLS[value], statuses.count(value))
        for value, label in Negotiation.choices
    ]


class Section(models.Model):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="charter_sections"
    )
    title = models.CharField(_("title"), max_length=140)
    order = models.PositiveIntegerField(default=0)
    # Raised by every save, so that an edit based on an older revision is noticed.
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("charter section")
        verbose_name_plural = _("charter sections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("charters:section", args=[self.project_id, self.pk])

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


class Point(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="points")
    text = models.TextField(_("text"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=12, choices=Negotiation.choices, default=Negotiation.AGREED
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("charter point")
        verbose_name_plural = _("charter points")

    def __str__(self):
        return self.text[:60]


class FrozenVersion(ActionRefused):
    """An adopted version was about to be changed or deleted; nothing was."""


PERSON_FIELDS = {"saved_by", "adopted_by"}
"""What may still change on an adopted version: a person's link, when their account is deleted
(``SET_NULL``). Everything else is frozen."""


class VersionQuerySet(models.QuerySet):
    def adopted(self):
        return self.filter(adopted_at__isnull=False)

    def update(self, **kwargs):
        if set(kwargs) - PERSON_FIELDS and self.adopted().exists():
            raise FrozenVersion(_("An adopted version of the charter cannot be changed."))
        return super().update(**kwargs)

    def delete(self):
        if self.adopted().exists():
            raise FrozenVersion(_("An adopted version of the charter cannot be deleted."))
        return super().delete()


class Version(models.Model):
    class Change(models.TextChoices):
        SECTION_ADDED = "section_added", _("section added")
        SECTION_EDITED = "section_edited", _("section edited")
        SECTION_MOVED = "section_moved", _("section moved")
        SECTION_REMOVED = "section_removed", _("section removed")
        SECTION_RESTORED = "section_restored", _("section put back")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="charter_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    # {"sections": [{"id", "title", "points": [{"id", "text", "status"}]}]}
    snapshot = models.JSONField()
    change = models.CharField(_("change"), max_length=20, choices=Change.choices)
    subject = models.CharField(_("section"), max_length=140, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    adopted_at = models.DateTimeField(_("adopted"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="unique_charter_version_number"
            )
        ]
        verbose_name = _("charter version")
        verbose_name_plural = _("charter versions")

    def __str__(self):
        return f"{self.project} · {self.number}"

    def save(self, *args, **kwargs):
        if self.pk and Version.objects.filter(pk=self.pk).adopted().exists():
            raise FrozenVersion(_("An adopted version of the charter cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("charters:version", args=[self.project_id, self.pk])

    @property
    def is_adopted(self) -> bool:
        return self.adopted_at is not None

    def delete(self, *args, **kwargs):
        if self.is_adopted or Version.objects.filter(pk=self.pk).adopted().exists():
            raise FrozenVersion(_("An adopted version of the charter cannot be deleted."))
        return super().delete(*args, **kwargs)

    def sections(self) -> list[dict]:
        return self.snapshot.get("sections", [])

    def status_counts(self) -> list[StatusCount]:
        return count_statuses(
            point["status"] for section in self.sections() for point in section["points"]
        )


class Signature(models.Model):
    """A member's signature under one adopted version; it always names that version."""

    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="charter_signatures",
    )
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_signature_per_version")
        ]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self):
        return f"{self.user} · {self.version}"


class Comment(models.Model):
    """A comment on a section. A deleted comment keeps its place without its text."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="charter_comments",
    )
    body = models.TextField(_("comment"), max_length=10_000, help_text=_("You can use Markdown."))
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("charter comment")
        verbose_name_plural = _("charter comments")

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.section.get_absolute_url()}#comment-{self.pk}"

    @property
    def project(self):
        """For the project's role predicates, which look for ``obj.project``."""
        return self.section.project

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

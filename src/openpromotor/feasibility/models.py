"""Feasibility plans: a user's saved scenarios for the engine, with versions and a share link.

A plan is a private working document. It belongs to one user and is deleted with that user's
account (``CASCADE``): unlike a public contribution it means nothing to anyone else, and "delete
my account" must not leave a person's figures behind. A plan may point to a place; when the place
goes, the plan stays (``SET_NULL``). Every save adds a ``PlanVersion``; the newest is the current
one, so earlier versions stay available for comparison.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="feasibility_plans",
        verbose_name=_("owner"),
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feasibility_plans",
        verbose_name=_("place"),
    )
    title = models.CharField(_("title"), max_length=140)
    share_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("feasibility plan")
        verbose_name_plural = _("feasibility plans")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("feasibility:plan", args=[self.pk])

    @property
    def current_version(self) -> "PlanVersion | None":
        return self.versions.first()

    def share(self) -> None:
        """Give the plan a new random share link (an old link stops working)."""
        self.share_token = secrets.token_urlsafe(32)
        self.save(update_fields=["share_token", "updated_at"])

    def stop_sharing(self) -> None:
        self.share_token = None
        self.save(update_fields=["share_token", "updated_at"])


class PlanVersion(models.Model):
    """One saved scenario of a plan, as the engine's JSON input (numbers kept as strings)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan")
    )
    scenario = models.JSONField(_("scenario"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")

    def __str__(self):
        return f"{self.plan.title} ({self.created_at:%Y-%m-%d %H:%M})"

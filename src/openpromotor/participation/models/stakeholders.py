"""The stakeholder map: who has a stake in the project, what they want, what they can do, and
how they relate to each other.

The map holds what the group thinks of people and organisations, so it is always for members
only (see docs/permissions.md). A stakeholder may be linked to a platform account, whether that
person is a member of the project or not; the link never shows them the map.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.participation.vocabulary import (
    GROUP_CHOICES,
    Attitude,
    Kind,
    Level,
    RelationKind,
    Score,
    Strength,
    Trust,
    category_of,
)

SCORE_VALIDATORS = [MinValueValidator(Score.VERY_LOW), MaxValueValidator(Score.VERY_HIGH)]


def _score_range(field: str) -> models.Q:
    return models.Q(**{f"{field}__gte": Score.VERY_LOW, f"{field}__lte": Score.VERY_HIGH})


class Stakeholder(models.Model):
    """A person or organisation on the map; ``version`` grows with every save, so two editors
    cannot silently overwrite each other (see ``participation.editing``)."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="stakeholders"
    )
    name = models.CharField(_("name"), max_length=140)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    group = models.CharField(
        _("group"),
        max_length=24,
        choices=GROUP_CHOICES,
        help_text=_("The category follows from the group."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("platform account"),
    )
    interests = models.TextField(
        _("interests"), blank=True, max_length=2000, help_text=_("What do they want or fear?")
    )
    influence = models.PositiveSmallIntegerField(
        _("influence"),
        choices=Score.choices,
        default=Score.MEDIUM,
        validators=SCORE_VALIDATORS,
        help_text=_("Their power over the project: decisions, money, permits, opinion."),
    )
    interest = models.PositiveSmallIntegerField(
        _("interest in the project"),
        choices=Score.choices,
        default=Score.MEDIUM,
        validators=SCORE_VALIDATORS,
        help_text=_("How much the project matters to them."),
    )
    attitude = models.CharField(
        _("attitude"), max_length=10, choices=Attitude.choices, default=Attitude.NEUTRAL
    )
    expertise = models.TextField(_("expertise they bring"), blank=True, max_length=2000)
    level = models.CharField(
        _("level"),
        max_length=5,
        choices=Level.choices,
        default=Level.MICRO,
        help_text=_(
            "Where their influence plays: micro, the building and its street; meso, the "
            "neighbourhood and the city; macro, the region, the sector, society."
        ),
    )
    trust = models.CharField(
        _("trust"),
        max_length=6,
        choices=Trust.choices,
        blank=True,
        help_text=_("How much the group and they trust each other; leave empty if not known yet."),
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
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "project", Lower("name"), name="unique_stakeholder_name_in_project"
            ),
            models.CheckConstraint(
                condition=_score_range("influence"), name="stakeholder_influence_1_to_5"
            ),
            models.CheckConstraint(
                condition=_score_range("interest"), name="stakeholder_interest_1_to_5"
            ),
        ]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("participation:stakeholder", args=[self.project_id, self.pk])

    @property
    def category(self):
        return category_of(self.group)


class Relation(models.Model):
    """How one stakeholder stands to another. Never to itself, never twice the same."""

    source = models.ForeignKey(
        Stakeholder,
        on_delete=models.CASCADE,
        related_name="relations_from",
        verbose_name=_("stakeholder"),
    )
    kind = models.CharField(_("relation"), max_length=12, choices=RelationKind.choices)
    target = models.ForeignKey(
        Stakeholder,
        on_delete=models.CASCADE,
        related_name="relations_to",
        verbose_name=_("other stakeholder"),
    )
    strength = models.PositiveSmallIntegerField(
        _("strength"),
        choices=Strength.choices,
        default=Strength.MEDIUM,
        validators=[MinValueValidator(Strength.WEAK), MaxValueValidator(Strength.STRONG)],
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source__name", "kind", "target__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="relation_not_to_itself"
            ),
            models.UniqueConstraint(fields=["source", "kind", "target"], name="unique_relation"),
            models.CheckConstraint(
                condition=models.Q(strength__gte=Strength.WEAK, strength__lte=Strength.STRONG),
                name="relation_strength_1_to_3",
            ),
        ]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"

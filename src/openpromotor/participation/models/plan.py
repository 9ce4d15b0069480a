"""The participation plan: for each stakeholder group and each phase of the roadmap, how far up
the participation ladder the group is involved, by which means, and within which limits (what
is negotiable and what is not, as seed 002 asks the project owner to say beforehand).

A cell exists once someone fills it in; an empty cell means "not planned yet".
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openpromotor.participation.vocabulary import (
    GROUP_CHOICES,
    LADDER_STEP,
    Ladder,
    Means,
)


class PlanCell(models.Model):
    """One group in one phase; ``version`` protects against overwriting another's save."""

    phase = models.ForeignKey(
        "projects.Phase", on_delete=models.CASCADE, related_name="participation_cells"
    )
    group = models.CharField(_("stakeholder group"), max_length=24, choices=GROUP_CHOICES)
    level = models.CharField(_("level of participation"), max_length=14, choices=Ladder.choices)
    means = models.JSONField(_("means"), default=list, blank=True)
    other_means = models.CharField(
        _("other means"), max_length=140, blank=True, help_text=_("When you ticked “other”.")
    )
    negotiable = models.TextField(_("what is negotiable"), max_length=1000, blank=True)
    not_negotiable = models.TextField(_("what is not negotiable"), max_length=1000, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["phase__number", "group"]
        constraints = [
            models.UniqueConstraint(fields=["phase", "group"], name="one_plan_cell_per_group"),
            models.CheckConstraint(
                condition=models.Q(level__in=Ladder.values), name="plan_cell_level_on_ladder"
            ),
        ]
        verbose_name = _("participation plan cell")
        verbose_name_plural = _("participation plan cells")

    def __str__(self):
        return f"{self.get_group_display()} · {self.phase}: {self.get_level_display()}"

    @property
    def step(self) -> int:
        """The level's rung on the ladder, 1 (information) to 6 (co-management)."""
        return LADDER_STEP[Ladder(self.level)]

    def rungs(self) -> list[bool]:
        """For drawing the ladder: one flag per level, set up to this cell's level."""
        return [step <= self.step for step in LADDER_STEP.values()]

    def means_labels(self) -> list[str]:
        labels = [Means(value).label for value in self.means if value in Means.values]
        if Means.OTHER in self.means and self.other_means:
            labels[labels.index(Means.OTHER.label)] = self.other_means
        return labels

"""Group decisions: proposals that the members of a project vote on, and the decision log.

A proposal has a poll type. Three types have fixed answers (stances) that the platform writes
as the proposal's options: *proposal* (agree, abstain, disagree), *consent* (consent, object)
and *consensus* (agree, abstain, disagree, block). In the other three the proposer writes the
options: *single choice* (one option), *multiple choice* (any number of options) and *score*
(every option gets a whole number on the proposal's scale, from ``score_min`` to
``score_max``: 0 to 5 by default, any scale from 0 up to 10 such as 1 to 10).

A vote (one per member and proposal) holds the chosen options and, for an objection or a
block, the reason. Anonymous votes keep no link to the voter: see ``voting.py``.

The decision log is the list of closed proposals with their outcome, linked to the roadmap
phase and the charter section they are about.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUORUM_MESSAGE = _("The quorum is a percentage of the eligible voters: from 0 to 100.")
SCORE_LIMIT = 10
"""The highest score a scale may reach."""


class PollType(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal: agree, abstain or disagree")
    CONSENT = "consent", _("Consent: consent or object (an objection needs a reason)")
    CONSENSUS = "consensus", _("Consensus: agree, abstain, disagree or block (with a reason)")
    SINGLE_CHOICE = "single", _("Single choice: one of the options you write")
    MULTIPLE_CHOICE = "multiple", _("Multiple choice: any of the options you write")
    SCORE = "score", _("Score: every option gets a score")


class Stance(models.TextChoices):
    """The fixed answers of proposal, consent and consensus polls."""

    AGREE = "agree", _("agree")
    ABSTAIN = "abstain", _("abstain")
    DISAGREE = "disagree", _("disagree")
    BLOCK = "block", _("block")
    CONSENT = "consent", _("consent")
    OBJECT = "object", _("object")


STANCES = {
    PollType.PROPOSAL: (Stance.AGREE, Stance.ABSTAIN, Stance.DISAGREE),
    PollType.CONSENT: (Stance.CONSENT, Stance.OBJECT),
    PollType.CONSENSUS: (Stance.AGREE, Stance.ABSTAIN, Stance.DISAGREE, Stance.BLOCK),
}
"""The options the platform writes for each poll type with fixed answers."""
WRITTEN_OPTIONS = (PollType.SINGLE_CHOICE, PollType.MULTIPLE_CHOICE, PollType.SCORE)
"""The poll types whose options the proposer writes."""
REASON_NEEDED = (Stance.OBJECT, Stance.BLOCK)


class ProposalQuerySet(models.QuerySet):
    def running(self):
        """Open for votes: not closed early and before the closing time."""
        return self.filter(status=Proposal.Status.OPEN, closes_at__gt=timezone.now())

    def ended(self):
        """Closed, or past the closing time (whether or not marked closed yet)."""
        return self.filter(Q(status=Proposal.Status.CLOSED) | Q(closes_at__lte=timezone.now()))

    def due(self):
        """Past the closing time but not marked closed yet (``close_due_proposals``)."""
        return self.filter(status=Proposal.Status.OPEN, closes_at__lte=timezone.now())


class Proposal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"),
        max_length=10_000,
        help_text=_("What is proposed, and why. You can use Markdown."),
    )
    poll_type = models.CharField(
        _("kind of vote"), max_length=10, choices=PollType.choices, default=PollType.CONSENT
    )
    closes_at = models.DateTimeField(
        _("voting closes at"), help_text=_("Members can vote and change their vote until then.")
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum (%)"),
        default=50,
        validators=[
            MinValueValidator(0, message=QUORUM_MESSAGE),
            MaxValueValidator(100, message=QUORUM_MESSAGE),
        ],
        help_text=_(
            "The share of the members who may vote that must take part for the result to count."
        ),
    )
    is_anonymous = models.BooleanField(
        _("anonymous votes"),
        default=False,
        help_text=_("Nobody, not even the coordinators, can see who voted what."),
    )
    hide_results = models.BooleanField(
        _("hide the results until the vote closes"),
        default=False,
        help_text=_("Otherwise members see the results as the votes come in."),
    )
    score_min = models.PositiveSmallIntegerField(
        _("lowest score"), default=0, validators=[MaxValueValidator(SCORE_LIMIT - 1)]
    )
    score_max = models.PositiveSmallIntegerField(
        _("highest score"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(SCORE_LIMIT)],
    )
    phase = models.ForeignKey(
        "projects.Phase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("roadmap phase"),
    )
    charter_section = models.ForeignKey(
        "charters.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("charter section"),
        help_text=_("When the proposal is about a point of the charter."),
    )
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the vote closed at its closing time."),
    )
    eligible_count = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("How many members could vote when it closed.")
    )
    outcome = models.TextField(
        _("outcome"),
        max_length=5000,
        blank=True,
        help_text=_("What the group decided, and what happens next. You can use Markdown."),
    )
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["status", "closes_at"], name="proposal_status_closes")]
        constraints = [
            models.CheckConstraint(condition=Q(quorum__lte=100), name="proposal_quorum_percent"),
            models.CheckConstraint(
                condition=Q(score_min__lt=models.F("score_max"), score_max__lte=SCORE_LIMIT),
                name="proposal_score_scale",
            ),
        ]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("decisions:detail", args=[self.project_id, self.pk])

    def clean(self):
        errors = {}
        if self._state.adding and self.closes_at and self.closes_at <= timezone.now():
            errors["closes_at"] = _("Choose a closing date and time in the future.")
        scale = (self.score_min, self.score_max)
        if None not in scale and self.score_min >= self.score_max:
            errors["score_max"] = _("The highest score must be above the lowest.")
        if self.phase_id and self.phase.project_id != self.project_id:
            errors["phase"] = _("Choose a phase of this project.")
        section = self.charter_section
        if section is not None and (section.project_id != self.project_id or section.removed_at):
            errors["charter_section"] = _("Choose a section of this project's charter.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        """Members can vote: not closed early, and the closing time has not come."""
        return self.status == self.Status.OPEN and self.closes_at > timezone.now()

    @property
    def has_ended(self) -> bool:
        return not self.is_open

    @property
    def ended_at(self):
        return self.closed_at or (self.closes_at if self.has_ended else None)

    @property
    def results_visible(self) -> bool:
        """Hidden results appear only once the vote has ended, never before."""
        return self.has_ended or not self.hide_results

    @property
    def has_stances(self) -> bool:
        return self.poll_type in STANCES

    @property
    def is_score(self) -> bool:
        return self.poll_type == PollType.SCORE

    def score_range(self) -> range:
        return range(self.score_min, self.score_max + 1)


class Option(models.Model):
    """An answer to vote for: a fixed stance, or a text written by the proposer."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("option"), max_length=200, blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "position"], name="unique_option_position")
        ]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return str(self.label)

    @property
    def label(self) -> str:
        """A stance in the reader's language, or the proposer's own text."""
        return Stance(self.stance).label if self.stance else self.text

    @property
    def needs_reason(self) -> bool:
        return self.stance in REASON_NEEDED


class Vote(models.Model):
    """One member's vote on one proposal.

    ``ballot_key`` is a keyed HMAC of the proposal and the member (see ``voting.ballot_key``);
    the unique constraint on it keeps one vote per member, also when two submissions race.
    ``voter`` is set only when the votes are not anonymous. A vote has no time stamps and a
    random id, so not even the order in which people voted is kept.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    ballot_key = models.CharField(max_length=64)
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "ballot_key"], name="one_vote_per_member")
        ]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self):
        return str(_("vote on “%(title)s”") % {"title": self.proposal.title})


class VoteChoice(models.Model):
    """An option a vote chose, with its score in a score poll."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["option__position"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "option"], name="one_choice_per_option"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=SCORE_LIMIT),
                name="choice_score_on_scale",
            ),
        ]

    def __str__(self):
        return str(self.option)

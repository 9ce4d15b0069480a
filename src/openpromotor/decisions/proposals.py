"""Opening a proposal, closing it (at its closing time or early) and recording its outcome.

A proposal closes by itself at its closing time: from then on votes are refused and its
results are computed on every read. ``close_due_proposals`` (run it every few minutes, e.g.
from cron) then marks it closed, keeps how many members could vote, and tells the members.
A coordinator can also close a vote early, and records the outcome once it has closed.

What members hear about (``EventKind.DECISION``, members only): a proposal opened (the members
who may vote), closed and its outcome recorded (all members). Votes are never an activity, and
no notice carries results or says who voted what.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.decisions.models import (
    STANCES,
    WRITTEN_OPTIONS,
    Option,
    Proposal,
)
from openpromotor.decisions.voting import ballot_keys, eligible_voters
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import EventKind

DECISIONS = "decisions"
"""The ``part`` of decision activities: always members-only."""
MIN_OPTIONS = 2
MAX_OPTIONS = 20
OPTION_LENGTH = 200


def option_texts(poll_type: str, text: str) -> list[str]:
    """The options written one per line; poll types with fixed answers take none."""
    if poll_type not in WRITTEN_OPTIONS:
        return []
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) < MIN_OPTIONS:
        raise ValidationError(
            _("A poll needs at least two options, one per line; you gave %(count)d.")
            % {"count": len(lines)},
            code="too_few_options",
        )
    if len(lines) > MAX_OPTIONS:
        raise ValidationError(
            _("A poll has at most %(max)d options.") % {"max": MAX_OPTIONS},
            code="too_many_options",
        )
    if any(len(line) > OPTION_LENGTH for line in lines):
        raise ValidationError(
            _("Keep each option under %(max)d characters.") % {"max": OPTION_LENGTH},
            code="option_too_long",
        )
    if len({line.casefold() for line in lines}) < len(lines):
        raise ValidationError(_("Each option must be different."), code="duplicate_option")
    return lines


@transaction.atomic
def open_proposal(proposal: Proposal, proposer, options_text: str = "") -> Proposal:
    """Save a new proposal with its options and tell the members who may vote.

    Raises ``ValidationError`` (nothing saved) for a closing time in the past, a quorum above
    100 %, a poll with fewer than two options, and the other rules of ``Proposal.clean``.
    """
    proposal.proposer = proposer
    proposal.status = Proposal.Status.OPEN
    texts = option_texts(proposal.poll_type, options_text)
    proposal.full_clean()
    proposal.save()
    if proposal.has_stances:
        options = [Option(stance=stance) for stance in STANCES[proposal.poll_type]]
    else:
        options = [Option(text=text) for text in texts]
    for position, option in enumerate(options, start=1):
        option.proposal, option.position = proposal, position
    Option.objects.bulk_create(options)
    activity.record(
        proposal.project,
        proposer,
        EventKind.DECISION,
        DECISIONS,
        gettext_noop("{name} opened the proposal “{title}” for a vote."),
        {"name": proposer.display_name, "title": proposal.title},
        proposal.get_absolute_url(),
        audience=list(eligible_voters(proposal.project).exclude(pk=proposer.pk)),
    )
    return proposal


def _finalise(proposal: Proposal, closed_at, closed_by) -> None:
    """Mark a locked proposal closed; only the votes of members who may vote now remain."""
    voters = list(eligible_voters(proposal.project_id).values_list("pk", flat=True))
    counted = [key for user_id in voters for key in ballot_keys(proposal.pk, user_id)]
    proposal.votes.exclude(ballot_key__in=counted).delete()
    proposal.status = Proposal.Status.CLOSED
    proposal.closed_at, proposal.closed_by = closed_at, closed_by
    proposal.eligible_count = len(voters)
    proposal.save(update_fields=["status", "closed_at", "closed_by", "eligible_count"])


def _closed_by_the_clock(proposal: Proposal) -> None:
    _finalise(proposal, proposal.closes_at, None)
    activity.record(
        proposal.project,
        None,
        EventKind.DECISION,
        DECISIONS,
        gettext_noop("The vote on “{title}” has closed."),
        {"title": proposal.title},
        proposal.get_absolute_url(),
    )


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("project").get(pk=proposal.pk)


@transaction.atomic
def close_early(proposal: Proposal, actor) -> Proposal:
    proposal = _locked(proposal)
    if proposal.has_ended:
        raise ActionRefused(_("This vote has already closed."))
    _finalise(proposal, timezone.now(), actor)
    activity.record(
        proposal.project,
        actor,
        EventKind.DECISION,
        DECISIONS,
        gettext_noop("{name} closed the vote on “{title}” early."),
        {"name": actor.display_name, "title": proposal.title},
        proposal.get_absolute_url(),
    )
    return proposal


def close_due() -> int:
    """Mark every proposal past its closing time closed, and tell the members; returns how
    many. Each closes in its own transaction, so one failure leaves the others closed."""
    closed = 0
    for pk in Proposal.objects.due().values_list("pk", flat=True):
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().select_related("project").get(pk=pk)
            if proposal.status == Proposal.Status.OPEN and proposal.has_ended:
                _closed_by_the_clock(proposal)
                closed += 1
    return closed


@transaction.atomic
def record_outcome(proposal: Proposal, actor, statement: str) -> Proposal:
    """Write (or rewrite) what the group decided, once the vote has ended."""
    proposal = _locked(proposal)
    if proposal.is_open:
        raise ActionRefused(_("The vote is still open: close it before you record the outcome."))
    if proposal.status == Proposal.Status.OPEN:
        _closed_by_the_clock(proposal)
    first = not proposal.outcome
    proposal.outcome, proposal.outcome_by, proposal.outcome_at = statement, actor, timezone.now()
    proposal.save(update_fields=["outcome", "outcome_by", "outcome_at"])
    activity.record(
        proposal.project,
        actor,
        EventKind.DECISION,
        DECISIONS,
        gettext_noop("{name} recorded the outcome of “{title}”.")
        if first
        else gettext_noop("{name} changed the outcome of “{title}”."),
        {"name": actor.display_name, "title": proposal.title},
        proposal.get_absolute_url(),
    )
    return proposal

"""The results of a proposal, computed on the server from the votes that count.

Everything that shows results (pages, the results fragment, the CSV export, the API) asks
``visible_tally``, which answers ``None`` while the results are hidden: a proposal with
"hide the results until the vote closes" shows no count, share, score, participation or reason
before its closing time (or an early close).

The result, once the vote has ended:

- fewer voters than the quorum asks: *quorum not reached*, whatever the votes say;
- no votes at all (with a quorum of 0): *no votes*;
- proposal: *adopted* when more agree than disagree, else *rejected* (abstentions do not count);
- consent: *objections raised* as soon as one member objects, else *adopted*;
- consensus: *blocked* as soon as one member blocks, else as a proposal;
- single and multiple choice: the option(s) chosen most often; score: the option(s) with the
  highest total (every voter scores every option, so also the highest average). More than one
  winner is a *tie*.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.decisions.models import PollType, Proposal, Stance
from openpromotor.decisions.voting import counted_votes, eligible_voters


class Result(models.TextChoices):
    ADOPTED = "adopted", gettext_lazy("adopted")
    REJECTED = "rejected", gettext_lazy("rejected")
    OBJECTIONS = "objections", gettext_lazy("objections raised")
    BLOCKED = "blocked", gettext_lazy("blocked")
    NO_QUORUM = "no_quorum", gettext_lazy("quorum not reached")
    NO_VOTES = "no_votes", gettext_lazy("no votes")
    CHOSEN = "chosen", gettext_lazy("option chosen")
    TIE = "tie", gettext_lazy("tie")


@dataclass
class OptionTally:
    option_id: int
    label: str
    votes: int
    share: int
    """Percent of the voters who chose this option."""
    score_total: int | None = None
    score_average: Decimal | None = None
    is_winner: bool = False


@dataclass
class Reason:
    option: str
    text: str
    voter: str | None
    """The voter's name; ``None`` in an anonymous proposal."""


@dataclass
class Ballot:
    """One named vote, as the members see it (never for anonymous proposals)."""

    voter: str
    choices: list[str]
    reason: str


@dataclass
class Tally:
    options: list[OptionTally]
    votes: int
    eligible: int
    quorum: int
    needed: int
    """How many voters the quorum asks for."""
    result: Result | None
    """``None`` while the vote runs."""
    winners: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    ballots: list[Ballot] | None = None
    """Who voted what; ``None`` for anonymous proposals."""

    @property
    def quorum_reached(self) -> bool:
        return self.votes >= self.needed

    @property
    def participation(self) -> int:
        return round(100 * self.votes / self.eligible) if self.eligible else 0


def visible_tally(proposal: Proposal) -> Tally | None:
    """The results, or ``None`` while the proposal hides them."""
    return tally(proposal) if proposal.results_visible else None


def tally(proposal: Proposal) -> Tally:
    votes = list(
        counted_votes(proposal).select_related("voter").prefetch_related("choices__option")
    )
    if proposal.status == Proposal.Status.CLOSED:
        eligible = proposal.eligible_count or 0
    else:
        eligible = eligible_voters(proposal.project_id).count()
    options = list(proposal.options.all())
    counts = dict.fromkeys((option.pk for option in options), 0)
    totals = dict.fromkeys((option.pk for option in options), 0)
    for vote in votes:
        for choice in vote.choices.all():
            counts[choice.option_id] += 1
            totals[choice.option_id] += choice.score or 0
    rows = [
        OptionTally(
            option_id=option.pk,
            label=str(option.label),
            votes=counts[option.pk],
            share=round(100 * counts[option.pk] / len(votes)) if votes else 0,
            score_total=totals[option.pk] if proposal.is_score else None,
            score_average=_average(totals[option.pk], len(votes)) if proposal.is_score else None,
        )
        for option in options
    ]
    found = Tally(
        options=rows,
        votes=len(votes),
        eligible=eligible,
        quorum=proposal.quorum,
        needed=math.ceil(proposal.quorum * eligible / 100),
        result=None,
        reasons=_reasons(proposal, votes),
        ballots=None if proposal.is_anonymous else _ballots(proposal, votes),
    )
    if proposal.has_ended:
        found.result, found.winners = _result(proposal, found, options)
    return found


def _average(total: int, voters: int) -> Decimal | None:
    return (Decimal(total) / voters).quantize(Decimal("0.1")) if voters else None


def _result(proposal, found: Tally, options) -> tuple[Result, list[str]]:
    if not found.quorum_reached:
        return Result.NO_QUORUM, []
    if not found.votes:
        return Result.NO_VOTES, []
    if proposal.has_stances:
        by_stance = {
            option.stance: row.votes for option, row in zip(options, found.options, strict=True)
        }
        if by_stance.get(Stance.OBJECT):
            return Result.OBJECTIONS, []
        if by_stance.get(Stance.BLOCK):
            return Result.BLOCKED, []
        if proposal.poll_type == PollType.CONSENT:
            return Result.ADOPTED, []
        agree, disagree = by_stance[Stance.AGREE], by_stance[Stance.DISAGREE]
        return (Result.ADOPTED if agree > disagree else Result.REJECTED), []
    measure = (lambda row: row.score_total) if proposal.is_score else (lambda row: row.votes)
    best = max(measure(row) for row in found.options)
    winners = [row for row in found.options if measure(row) == best]
    for row in winners:
        row.is_winner = True
    return (Result.CHOSEN if len(winners) == 1 else Result.TIE), [row.label for row in winners]


def _reasons(proposal, votes) -> list[Reason]:
    """The reasons given, ordered by option and text (never by when or by whom)."""
    found = []
    for vote in votes:
        if not vote.reason:
            continue
        # A score vote scores every option, so its reason is about the whole poll.
        chosen = (
            ""
            if proposal.is_score
            else ", ".join(str(choice.option.label) for choice in vote.choices.all())
        )
        voter = None if proposal.is_anonymous else person_name(vote.voter)
        position = min((choice.option.position for choice in vote.choices.all()), default=0)
        found.append((position, vote.reason, Reason(chosen, vote.reason, voter)))
    return [reason for _position, _text, reason in sorted(found, key=lambda item: item[:2])]


def _ballots(proposal, votes) -> list[Ballot]:
    ballots = []
    for vote in votes:
        choices = [
            f"{choice.option.label}: {choice.score}"
            if proposal.is_score
            else str(choice.option.label)
            for choice in vote.choices.all()
        ]
        ballots.append(Ballot(person_name(vote.voter), choices, vote.reason))
    return sorted(ballots, key=lambda ballot: ballot.voter.casefold())


def summary(found: Tally | None) -> str:
    """The result in a few words: "adopted", "option chosen: Atelier Om de Hoek"."""
    if found is None or found.result is None:
        return ""
    if found.winners:
        return _("%(result)s: %(options)s") % {
            "result": found.result.label,
            "options": ", ".join(found.winners),
        }
    return str(found.result.label)

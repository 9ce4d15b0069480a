"""The decisions API: ``GET /api/v1/decisions/projects/{project_id}`` and
``GET /api/v1/decisions/{id}``, for the members of the project only.

A token or the browser session (see ``core/api_auth.py``); an anonymous caller gets 401, and
whoever is not a member gets 404, so a project's proposals are not revealed. Results appear only
where the page shows them (``results.visible_tally``), so never before the close of a proposal
that hides them; an anonymous proposal never names its voters, not even in ``reasons``.
"""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from openpromotor.core.api_auth import api_auth
from openpromotor.decisions.models import PollType, Proposal, Stance
from openpromotor.decisions.results import Result, visible_tally
from openpromotor.decisions.voting import own_vote
from openpromotor.projects.models import Project

router = Router(tags=["decisions"], auth=api_auth)


class ErrorOut(Schema):
    detail: str


class ProposalPhaseOut(Schema):
    number: int
    title: str


class ProposalOut(Schema):
    id: int
    project_id: int
    title: str
    poll_type: PollType
    status: Literal["open", "closed"] = Field(description="closed from the closing time on")
    opened_at: datetime
    closes_at: datetime
    closed_at: datetime | None = Field(description="When the vote ended; null while open")
    is_anonymous: bool
    hide_results: bool
    results_visible: bool = Field(description="False while hidden results wait for the close")
    quorum_percent: int
    phase: ProposalPhaseOut | None
    charter_section: str | None = Field(description="The title of the charter section it is about")
    proposer: str
    url: str


class ProposalOptionOut(Schema):
    id: int
    label: str
    stance: Stance | None = Field(description="The fixed answer; null for a written option")


class VoteChoiceOut(Schema):
    option_id: int
    label: str
    score: int | None


class MyVoteOut(Schema):
    choices: list[VoteChoiceOut]
    reason: str


class OptionResultOut(Schema):
    option_id: int
    label: str
    votes: int
    share_percent: int = Field(description="Percent of the voters who chose the option")
    score_total: int | None
    score_average: Decimal | None
    is_winner: bool


class VoteReasonOut(Schema):
    option: str
    text: str
    voter: str | None = Field(description="Always null in an anonymous proposal")


class BallotOut(Schema):
    voter: str
    choices: list[str]
    reason: str


class ResultsOut(Schema):
    votes: int
    eligible_voters: int
    participation_percent: int
    quorum_percent: int
    quorum_needed: int = Field(description="Votes needed to reach the quorum")
    quorum_reached: bool
    result: Result | None = Field(description="Null while the vote runs")
    winners: list[str]
    options: list[OptionResultOut]
    reasons: list[VoteReasonOut]
    ballots: list[BallotOut] | None = Field(
        description="Who voted what; always null in an anonymous proposal"
    )


class ProposalDetail(ProposalOut):
    description: str = Field(description="Markdown")
    options: list[ProposalOptionOut]
    score_min: int | None = Field(description="The scale of a score poll; null otherwise")
    score_max: int | None
    my_vote: MyVoteOut | None = Field(description="The caller's own vote")
    results: ResultsOut | None = Field(description="Null while the results are hidden")
    outcome: str | None = Field(description="Markdown; null until recorded")
    outcome_recorded_at: datetime | None


def _members_project(request, project_id: int) -> Project:
    project = get_object_or_404(Project, pk=project_id)
    if not request.user.has_perm("decisions.view_proposals", project):
        raise Http404
    return project


def _summary(request, proposal: Proposal) -> dict:
    phase = proposal.phase
    return {
        "id": proposal.pk,
        "project_id": proposal.project_id,
        "title": proposal.title,
        "poll_type": proposal.poll_type,
        "status": Proposal.Status.OPEN if proposal.is_open else Proposal.Status.CLOSED,
        "opened_at": proposal.opened_at,
        "closes_at": proposal.closes_at,
        "closed_at": proposal.ended_at,
        "is_anonymous": proposal.is_anonymous,
        "hide_results": proposal.hide_results,
        "results_visible": proposal.results_visible,
        "quorum_percent": proposal.quorum,
        "phase": {"number": phase.number, "title": phase.title} if phase else None,
        "charter_section": proposal.charter_section.title if proposal.charter_section else None,
        "proposer": proposal.proposer.display_name if proposal.proposer else "",
        "url": request.build_absolute_uri(proposal.get_absolute_url()),
    }


def _results(proposal: Proposal) -> dict | None:
    found = visible_tally(proposal)
    if found is None:
        return None
    return {
        "votes": found.votes,
        "eligible_voters": found.eligible,
        "participation_percent": found.participation,
        "quorum_percent": found.quorum,
        "quorum_needed": found.needed,
        "quorum_reached": found.quorum_reached,
        "result": found.result,
        "winners": found.winners,
        "options": [
            {
                "option_id": row.option_id,
                "label": row.label,
                "votes": row.votes,
                "share_percent": row.share,
                "score_total": row.score_total,
                "score_average": row.score_average,
                "is_winner": row.is_winner,
            }
            for row in found.options
        ],
        "reasons": [vars(reason) for reason in found.reasons],
        "ballots": None if found.ballots is None else [vars(b) for b in found.ballots],
    }


def _my_vote(request, proposal: Proposal) -> dict | None:
    vote = own_vote(proposal, request.user)
    if vote is None:
        return None
    choices = [
        {"option_id": c.option_id, "label": str(c.option.label), "score": c.score}
        for c in vote.choices.all()
    ]
    return {"choices": choices, "reason": vote.reason}


@router.get(
    "/projects/{int:project_id}",
    response={200: list[ProposalOut], 404: ErrorOut},
    summary="The proposals of a project (members only)",
)
def list_proposals(request, project_id: int):
    """Open proposals first (soonest closing first), then the ended ones, newest first."""
    project = _members_project(request, project_id)
    proposals = project.proposals.select_related("phase", "charter_section", "proposer")
    running = list(proposals.running().order_by("closes_at", "pk"))
    ended = proposals.ended().order_by(Coalesce("closed_at", "closes_at").desc(), "-pk")
    return [_summary(request, proposal) for proposal in [*running, *ended]]


@router.get(
    "/{int:proposal_id}",
    response={200: ProposalDetail, 404: ErrorOut},
    summary="One proposal with its results when they may be seen (members only)",
)
def get_proposal(request, proposal_id: int):
    proposal = get_object_or_404(
        Proposal.objects.select_related("project", "phase", "charter_section", "proposer"),
        pk=proposal_id,
    )
    _members_project(request, proposal.project_id)
    body = _summary(request, proposal)
    body["description"] = proposal.description
    body["options"] = [
        {"id": option.pk, "label": str(option.label), "stance": option.stance or None}
        for option in proposal.options.all()
    ]
    body["score_min"] = proposal.score_min if proposal.is_score else None
    body["score_max"] = proposal.score_max if proposal.is_score else None
    body["my_vote"] = _my_vote(request, proposal)
    body["results"] = _results(proposal)
    body["outcome"] = proposal.outcome or None
    body["outcome_recorded_at"] = proposal.outcome_at
    return body

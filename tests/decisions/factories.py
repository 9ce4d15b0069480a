"""Proposals for tests, opened through the service exactly as the form does."""

import datetime

from django.utils import timezone

from openpromotor.decisions import proposals
from openpromotor.decisions.models import PollType, Proposal


def make_proposal(project, proposer=None, options="", **fields) -> Proposal:
    values = {
        "title": "We kiezen voor kostprijshuur",
        "description": "De huur dekt de kosten, **niet meer**.",
        "poll_type": PollType.CONSENT,
        "closes_at": timezone.now() + datetime.timedelta(days=7),
        "quorum": 50,
        **fields,
    }
    if proposer is None:
        proposer = project.memberships.get(role="coordinator").user
    return proposals.open_proposal(Proposal(project=project, **values), proposer, options)


def option(proposal, name):
    """The option with this stance (``"object"``) or text (``"Atelier Om de Hoek"``)."""
    for found in proposal.options.all():
        if name in (found.stance, found.text):
            return found
    raise LookupError(name)


def pass_closing_time(proposal) -> Proposal:
    """Move the closing time into the past, as if the week had gone by."""
    Proposal.objects.filter(pk=proposal.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    proposal.refresh_from_db()
    return proposal

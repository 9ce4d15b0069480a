"""The demo decisions: one open consent proposal, one closed with an outcome, one anonymous
poll with hidden results; loading twice adds none."""

import io

import pytest

from openpromotor.accounts import demo as accounts_demo
from openpromotor.decisions import demo
from openpromotor.decisions.models import PollType, Proposal, Vote
from openpromotor.decisions.results import Result, tally, visible_tally
from openpromotor.projects import demo as projects_demo

pytestmark = pytest.mark.django_db


def test_the_demo_decisions():
    accounts_demo.load()
    projects_demo.load()
    demo.load()
    demo.load()
    assert Proposal.objects.count() == 3
    consent = Proposal.objects.get(poll_type=PollType.CONSENT)
    assert consent.project.name == "Samenhuizen in de oude school"
    assert consent.is_open and consent.votes.count() == 1 and not consent.is_anonymous
    assert consent.phase == consent.project.current_phase

    decided = Proposal.objects.get(project__name="Buurtkapel Mechelen")
    assert decided.status == Proposal.Status.CLOSED and decided.outcome
    assert decided.opened_at < decided.closed_at < decided.closes_at
    assert tally(decided).result == Result.ADOPTED

    secret = Proposal.objects.get(is_anonymous=True)
    assert secret.hide_results and secret.is_open and visible_tally(secret) is None
    assert secret.options.count() == 3
    assert Vote.objects.filter(proposal=secret, voter__isnull=False).count() == 0
    assert secret.votes.count() == 1


def test_the_demo_command_loads_the_decisions_after_the_projects():
    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO())
    assert Proposal.objects.count() == 3

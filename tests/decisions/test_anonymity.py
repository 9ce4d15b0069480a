"""Anonymous votes: the storage keeps no link from a person to a choice, and no page, export,
API answer, notification, log line or admin screen shows who voted what (or who voted).

Mats objects (with a reason) and Sara consents; neither opened the proposal, so their names
have no reason to appear anywhere around it, and the tests check that they do not.
"""

import logging

import pytest
from django.contrib.admin.sites import site
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.decisions import proposals, voting
from openpromotor.decisions.models import Proposal, Vote, VoteChoice
from openpromotor.projects.models import Activity, Role
from tests.decisions.factories import make_proposal, option
from tests.factories import UserFactory
from tests.projects.factories import add_member

pytestmark = pytest.mark.django_db

VOTERS = ("Mats Member", "Sara Second")


@pytest.fixture
def secret_vote(team, on_commit, caplog):
    """An anonymous consent proposal: Mats objects, Sara consents, then it closes."""
    caplog.set_level(logging.DEBUG)
    team["second"] = add_member(team["project"], Role.MEMBER, display_name="Sara Second")
    with on_commit(execute=True):
        proposal = make_proposal(team["project"], is_anonymous=True)
        voting.cast_vote(
            proposal, team["member"], {option(proposal, "object"): None}, "De lening is te hoog."
        )
        voting.cast_vote(proposal, team["second"], {option(proposal, "consent"): None})
        proposal = proposals.close_early(proposal, team["coordinator"])
        proposals.record_outcome(proposal, team["coordinator"], "We herbekijken de lening.")
    team["proposal"] = proposal
    return team


def _mentions_a_voter(text: str, team) -> list[str]:
    people = [team["member"], team["second"]]
    names = [*VOTERS, *(person.email for person in people)]
    return [name for name in names if name in text]


def test_the_storage_keeps_no_voter(secret_vote):
    votes = list(Vote.objects.values())
    assert len(votes) == 2
    assert all(vote["voter_id"] is None for vote in votes)
    assert set(votes[0]) == {"id", "proposal_id", "ballot_key", "voter_id", "reason"}
    assert not any(name in str(votes) for name in VOTERS)
    choices = VoteChoice.objects.values("option__stance")
    assert sorted(choice["option__stance"] for choice in choices) == ["consent", "object"]


def test_the_ballot_key_is_keyed_with_the_secret_key(secret_vote, settings):
    proposal, member = secret_vote["proposal"], secret_vote["member"]
    key = voting.ballot_key(proposal.pk, member.pk)
    assert Vote.objects.filter(ballot_key=key).exists()
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert voting.ballot_key(proposal.pk, member.pk) != key


def test_a_member_sees_and_changes_their_own_anonymous_vote(client, team):
    proposal = make_proposal(team["project"], is_anonymous=True)
    client.force_login(team["member"])
    url = reverse("decisions:vote", args=[proposal.project_id, proposal.pk])
    client.post(url, {"choice": option(proposal, "object").pk, "reason": "Te snel."})
    page = client.get(proposal.get_absolute_url())
    assert "Your vote:" in page.text and "<strong>object</strong>" in page.text
    assert "Shown to the members without your name." in page.text
    client.post(url, {"choice": option(proposal, "consent").pk})
    assert Vote.objects.count() == 1
    assert voting.own_vote(proposal, team["member"]).choices.get().option.stance == "consent"
    assert voting.own_vote(proposal, team["coordinator"]) is None


def test_after_a_key_rotation_a_member_still_changes_their_own_vote(team, settings):
    proposal = make_proposal(team["project"], is_anonymous=True)
    voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-rotated-secret-key-" + "y" * 40
    assert voting.own_vote(proposal, team["member"]) is not None
    voting.cast_vote(proposal, team["member"], {option(proposal, "object"): None}, "Toch niet.")
    vote = Vote.objects.get()
    assert vote.ballot_key == voting.ballot_key(proposal.pk, team["member"].pk)


def test_no_page_export_or_api_answer_names_a_voter(client, secret_vote):
    team, proposal = secret_vote, secret_vote["proposal"]
    project = team["project"]
    client.force_login(team["coordinator"])
    answers = {
        "detail": client.get(proposal.get_absolute_url()),
        "fragment": client.get(reverse("decisions:results", args=[project.pk, proposal.pk])),
        "csv": client.get(reverse("decisions:results_csv", args=[project.pk, proposal.pk])),
        "outcome": client.get(reverse("decisions:outcome", args=[project.pk, proposal.pk])),
        "list": client.get(reverse("decisions:list", args=[project.pk])),
        "log": client.get(reverse("decisions:log", args=[project.pk])),
        "activity": client.get(reverse("projects:activity", args=[project.pk])),
        "api": client.get(f"/api/v1/decisions/{proposal.pk}"),
        "api list": client.get(f"/api/v1/decisions/projects/{project.pk}"),
    }
    for name, response in answers.items():
        assert response.status_code == 200, name
        assert _mentions_a_voter(response.content.decode(), team) == [], name
    # The results are there, without names: the objection's reason too.
    assert "De lening is te hoog." in answers["detail"].text
    assert "nobody can see who voted what, or who has voted" in answers["detail"].text
    body = answers["api"].json()["results"]
    assert body["ballots"] is None
    assert body["reasons"] == [{"option": "object", "text": "De lening is te hoog.", "voter": None}]
    assert "De lening is te hoog." in answers["csv"].content.decode()


def test_notifications_and_activities_never_name_a_voter(secret_vote):
    messages = [notice.message for notice in Notification.objects.all()]
    messages += [item.message() for item in Activity.objects.all()]
    assert messages  # opened, closed, outcome
    for message in messages:
        assert _mentions_a_voter(message, secret_vote) == [], message
        assert "object" not in message and "consent" not in message


def test_no_log_line_names_a_voter(secret_vote, caplog):
    for record in caplog.records:
        assert _mentions_a_voter(record.getMessage(), secret_vote) == [], record.getMessage()


def test_the_admin_shows_no_vote(client, secret_vote):
    assert Vote not in site._registry and VoteChoice not in site._registry
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    proposal = secret_vote["proposal"]
    pages = [
        client.get(reverse("admin:decisions_proposal_changelist")),
        client.get(reverse("admin:decisions_proposal_change", args=[proposal.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        assert _mentions_a_voter(page.content.decode(), secret_vote) == []
        assert "De lening is te hoog." not in page.content.decode()
    assert Proposal.objects.get().is_anonymous

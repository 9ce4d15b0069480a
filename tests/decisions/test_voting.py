"""Voting: one vote per member, changeable until the close and never after, only by members who
may vote, only for the proposal's own options, with a reason for an objection or a block."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from openpromotor.decisions import voting
from openpromotor.decisions.models import PollType, Vote, VoteChoice
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Membership
from tests.decisions.factories import make_proposal, option, pass_closing_time
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _vote_url(proposal):
    return reverse("decisions:vote", args=[proposal.project_id, proposal.pk])


def _chosen(vote) -> list[str]:
    return [choice.option.stance or choice.option.text for choice in vote.choices.all()]


def test_a_member_votes_and_changes_the_vote(client, team):
    proposal = make_proposal(team["project"])
    client.force_login(team["member"])
    response = client.post(_vote_url(proposal), {"choice": option(proposal, "consent").pk})
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert vote.voter == team["member"] and _chosen(vote) == ["consent"]
    response = client.post(
        _vote_url(proposal), {"choice": option(proposal, "object").pk, "reason": "Te duur."}
    )
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert _chosen(vote) == ["object"] and vote.reason == "Te duur."
    assert VoteChoice.objects.count() == 1
    page = client.get(proposal.get_absolute_url())
    assert "Change my vote" in page.text and "Your reason:" in page.text


def test_two_submissions_of_the_same_member_keep_one_vote(team):
    proposal = make_proposal(team["project"])
    member = team["member"]
    voting.cast_vote(proposal, member, {option(proposal, "consent"): None})
    voting.cast_vote(proposal, member, {option(proposal, "object"): None}, "Nog niet rijp.")
    assert Vote.objects.count() == 1
    assert _chosen(Vote.objects.get()) == ["object"]


def test_the_database_refuses_a_second_vote_of_the_same_member(team):
    proposal = make_proposal(team["project"])
    voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    key = voting.ballot_key(proposal.pk, team["member"].pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(proposal=proposal, ballot_key=key)
    assert Vote.objects.count() == 1


def test_the_service_changes_the_vote_the_other_submission_saved(team, monkeypatch):
    """The race: the second submission looked before the first had saved, so it tries to
    insert too; the unique constraint refuses, and the service changes the saved vote."""
    proposal = make_proposal(team["project"])
    member = team["member"]
    voting.cast_vote(proposal, member, {option(proposal, "consent"): None})
    monkeypatch.setattr(voting, "_find_vote", lambda proposal, keys: None)
    voting.cast_vote(proposal, member, {option(proposal, "object"): None}, "Eerst de bank.")
    vote = Vote.objects.get()
    assert _chosen(vote) == ["object"] and vote.reason == "Eerst de bank."


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_the_same_moment_keep_one_vote():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no concurrent writers; the race test needs PostgreSQL")
    coordinator = UserFactory()
    project = make_project(coordinator)
    member = add_member(project)
    proposal = make_proposal(project, coordinator, poll_type=PollType.PROPOSAL)
    picks = [option(proposal, "agree"), option(proposal, "disagree")]
    start = threading.Barrier(2)
    errors = []

    def submit(pick):
        try:
            start.wait()
            voting.cast_vote(proposal, member, {pick: None})
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(pick,)) for pick in picks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Vote.objects.filter(proposal=proposal).count() == 1
    assert VoteChoice.objects.filter(vote__proposal=proposal).count() == 1


def test_a_vote_after_the_closing_time_is_refused_whatever_the_form_says(client, team):
    proposal = make_proposal(team["project"])
    client.force_login(team["member"])
    page = client.get(proposal.get_absolute_url())  # the form, opened before the close
    assert 'name="choice"' in page.text
    pass_closing_time(proposal)
    response = client.post(_vote_url(proposal), {"choice": option(proposal, "consent").pk})
    assert response.status_code == 400
    assert "The vote closed on" in response.text
    assert not Vote.objects.exists()
    with pytest.raises(ActionRefused):
        voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    assert not Vote.objects.exists()


def test_a_vote_after_an_early_close_is_refused(team):
    from openpromotor.decisions import proposals

    proposal = make_proposal(team["project"])
    voting.cast_vote(proposal, team["member"], {option(proposal, "consent"): None})
    proposals.close_early(proposal, team["coordinator"])
    with pytest.raises(ActionRefused, match="closed"):
        voting.cast_vote(proposal, team["member"], {option(proposal, "object"): None}, "Toch")
    assert _chosen(Vote.objects.get()) == ["consent"]


def test_a_vote_for_an_option_of_another_proposal_is_refused(client, team):
    proposal = make_proposal(team["project"])
    other = make_proposal(team["project"], title="Andere vraag")
    client.force_login(team["member"])
    response = client.post(_vote_url(proposal), {"choice": option(other, "consent").pk})
    assert response.status_code == 400
    assert "Choose one of this proposal&#x27;s options." in response.text
    with pytest.raises(ActionRefused, match="another proposal"):
        voting.cast_vote(proposal, team["member"], {option(other, "consent"): None})
    assert not Vote.objects.exists()


def test_an_objection_needs_a_reason(client, team):
    proposal = make_proposal(team["project"])
    client.force_login(team["member"])
    response = client.post(_vote_url(proposal), {"choice": option(proposal, "object").pk})
    assert response.status_code == 400
    assert "reason" in response.context["form"].errors
    assert "an objection or a block needs one" in response.text
    with pytest.raises(ActionRefused, match="reason"):
        voting.cast_vote(proposal, team["member"], {option(proposal, "object"): None}, "   ")
    assert not Vote.objects.exists()


def test_a_block_needs_a_reason(team):
    proposal = make_proposal(team["project"], poll_type=PollType.CONSENSUS)
    with pytest.raises(ActionRefused, match="reason"):
        voting.cast_vote(proposal, team["member"], {option(proposal, "block"): None})
    voting.cast_vote(proposal, team["member"], {option(proposal, "block"): None}, "Onveilig.")
    assert Vote.objects.get().reason == "Onveilig."


@pytest.mark.parametrize("role", ["expert", "owner", "municipality", "observer"])
def test_members_who_read_along_do_not_vote(client, team, role):
    proposal = make_proposal(team["project"])
    client.force_login(team[role])
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert 'name="choice"' not in page.text and "you can read along" in page.text
    response = client.post(_vote_url(proposal), {"choice": option(proposal, "consent").pk})
    assert response.status_code == 403
    with pytest.raises(ActionRefused, match="Only coordinators and members"):
        voting.cast_vote(proposal, team[role], {option(proposal, "consent"): None})
    assert not Vote.objects.exists()


def test_an_unverified_member_reads_but_does_not_vote(client, team):
    from allauth.account.models import EmailAddress

    proposal = make_proposal(team["project"])
    EmailAddress.objects.filter(user=team["member"]).update(verified=False)
    client.force_login(team["member"])
    assert client.get(proposal.get_absolute_url()).status_code == 200
    response = client.post(_vote_url(proposal), {"choice": option(proposal, "consent").pk})
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_multiple_choice_takes_one_or_more_options(client, team):
    proposal = make_proposal(
        team["project"],
        poll_type=PollType.MULTIPLE_CHOICE,
        options="Dinsdag\nWoensdag\nDonderdag",
    )
    client.force_login(team["member"])
    assert client.post(_vote_url(proposal), {}).status_code == 400
    picks = [option(proposal, "Dinsdag").pk, option(proposal, "Donderdag").pk]
    assert client.post(_vote_url(proposal), {"choices": picks}).status_code == 302
    assert _chosen(Vote.objects.get()) == ["Dinsdag", "Donderdag"]
    with pytest.raises(ActionRefused, match="at least one"):
        voting.cast_vote(proposal, team["member"], {})


def test_single_choice_takes_exactly_one_option(team):
    proposal = make_proposal(team["project"], poll_type=PollType.SINGLE_CHOICE, options="A\nB")
    with pytest.raises(ActionRefused, match="one option"):
        voting.cast_vote(
            proposal, team["member"], {option(proposal, "A"): None, option(proposal, "B"): None}
        )
    assert not Vote.objects.exists()


def test_a_score_poll_scores_every_option_on_its_scale(client, team):
    proposal = make_proposal(
        team["project"], poll_type=PollType.SCORE, options="Tuin\nDak", score_min=1, score_max=10
    )
    garden, roof = option(proposal, "Tuin"), option(proposal, "Dak")
    client.force_login(team["member"])
    page = client.get(proposal.get_absolute_url())
    assert f'name="score_{garden.pk}"' in page.text and '<option value="10">' in page.text
    response = client.post(_vote_url(proposal), {f"score_{garden.pk}": 9})
    assert response.status_code == 400  # the roof has no score
    response = client.post(_vote_url(proposal), {f"score_{garden.pk}": 9, f"score_{roof.pk}": 0})
    assert response.status_code == 400  # 0 is not on the scale 1 to 10
    response = client.post(_vote_url(proposal), {f"score_{garden.pk}": 9, f"score_{roof.pk}": 4})
    assert response.status_code == 302
    scores = {c.option.text: c.score for c in Vote.objects.get().choices.all()}
    assert scores == {"Tuin": 9, "Dak": 4}
    with pytest.raises(ActionRefused, match="from 1 to 10"):
        voting.cast_vote(proposal, team["member"], {garden: 11, roof: 4})


def test_a_member_of_another_project_cannot_vote_here(team):
    proposal = make_proposal(team["project"])
    elsewhere = make_project(team["outsider"], name="Elders")
    assert Membership.objects.filter(project=elsewhere, user=team["outsider"]).exists()
    with pytest.raises(ActionRefused):
        voting.cast_vote(proposal, team["outsider"], {option(proposal, "consent"): None})

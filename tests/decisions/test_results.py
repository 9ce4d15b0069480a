"""Results, computed on the server: counts, scores, participation against the quorum, the result
of each poll type, and hidden results that appear nowhere before the close."""

import pytest
from django.urls import reverse

from openpromotor.core.models import ApiToken
from openpromotor.decisions import proposals, voting
from openpromotor.decisions.models import PollType
from openpromotor.decisions.results import Result, summary, tally, visible_tally
from openpromotor.projects.models import Membership, Role
from tests.decisions.factories import make_proposal, option, pass_closing_time
from tests.projects.factories import add_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(team):
    """The team with two more members, so four may vote (coordinator and three members)."""
    project = team["project"]
    team["second"] = add_member(project, Role.MEMBER, display_name="Sara Second")
    team["third"] = add_member(project, Role.MEMBER, display_name="Tom Third")
    return team


def _votes(proposal, team, picks: dict) -> None:
    """``picks``: person → (option name, reason) or a dict of option name → score."""
    for person, pick in picks.items():
        if isinstance(pick, dict):
            chosen = {option(proposal, name): score for name, score in pick.items()}
            voting.cast_vote(proposal, team[person], chosen)
        else:
            name, reason = pick if isinstance(pick, tuple) else (pick, "")
            names = name if isinstance(name, list) else [name]
            voting.cast_vote(
                proposal, team[person], dict.fromkeys(option(proposal, n) for n in names), reason
            )


def _ended(proposal):
    return tally(pass_closing_time(proposal))


def test_counts_shares_and_participation(group):
    proposal = make_proposal(group["project"], poll_type=PollType.PROPOSAL, quorum=50)
    _votes(proposal, group, {"coordinator": "agree", "member": "agree", "second": "disagree"})
    found = tally(proposal)
    counts = {row.label: (row.votes, row.share) for row in found.options}
    assert counts == {"agree": (2, 67), "abstain": (0, 0), "disagree": (1, 33)}
    assert (found.votes, found.eligible, found.participation) == (3, 4, 75)
    assert found.needed == 2 and found.quorum_reached
    assert found.result is None  # not final while the vote runs


@pytest.mark.parametrize(
    ("poll_type", "picks", "result"),
    [
        (
            PollType.PROPOSAL,
            {"coordinator": "agree", "member": "disagree", "second": "agree"},
            Result.ADOPTED,
        ),
        (PollType.PROPOSAL, {"coordinator": "agree", "member": "disagree"}, Result.REJECTED),
        (PollType.PROPOSAL, {"coordinator": "abstain", "member": "abstain"}, Result.REJECTED),
        (PollType.CONSENT, {"coordinator": "consent", "member": "consent"}, Result.ADOPTED),
        (
            PollType.CONSENT,
            {"coordinator": "consent", "member": ("object", "Te duur"), "second": "consent"},
            Result.OBJECTIONS,
        ),
        (PollType.CONSENSUS, {"coordinator": "agree", "member": "abstain"}, Result.ADOPTED),
        (
            PollType.CONSENSUS,
            {"coordinator": "agree", "member": "agree", "second": ("block", "Onveilig")},
            Result.BLOCKED,
        ),
        (
            PollType.CONSENSUS,
            {"coordinator": "disagree", "member": "agree", "second": "disagree"},
            Result.REJECTED,
        ),
    ],
)
def test_the_result_of_each_poll_type(group, poll_type, picks, result):
    proposal = make_proposal(group["project"], poll_type=poll_type, quorum=50)
    _votes(proposal, group, picks)
    assert _ended(proposal).result == result


def test_quorum_not_reached_is_the_outcome_whatever_the_votes_say(group):
    proposal = make_proposal(group["project"], poll_type=PollType.PROPOSAL, quorum=75)
    _votes(proposal, group, {"coordinator": "agree", "member": "agree"})  # 2 of 4, 3 needed
    found = _ended(proposal)
    assert found.needed == 3 and not found.quorum_reached
    assert found.result == Result.NO_QUORUM and summary(found) == "quorum not reached"
    proposals.close_due()
    assert tally(proposal).result == Result.NO_QUORUM


def test_no_votes_with_a_quorum_of_zero(group):
    proposal = make_proposal(group["project"], quorum=0)
    assert _ended(proposal).result == Result.NO_VOTES


def test_single_choice_names_the_winner_and_a_tie(group):
    proposal = make_proposal(
        group["project"],
        poll_type=PollType.SINGLE_CHOICE,
        options="Knutselwinkel\nOm de Hoek\nKleurenpand",
        quorum=25,
    )
    _votes(
        proposal,
        group,
        {"coordinator": "Om de Hoek", "member": "Om de Hoek", "second": "Kleurenpand"},
    )
    found = _ended(proposal)
    assert found.result == Result.CHOSEN and found.winners == ["Om de Hoek"]
    assert summary(found) == "option chosen: Om de Hoek"
    assert [row.is_winner for row in found.options] == [False, True, False]
    tied = make_proposal(
        group["project"], poll_type=PollType.SINGLE_CHOICE, options="A\nB", quorum=25
    )
    _votes(tied, group, {"coordinator": "A", "member": "B"})
    found = _ended(tied)
    assert found.result == Result.TIE and found.winners == ["A", "B"]


def test_multiple_choice_counts_every_chosen_option(group):
    proposal = make_proposal(
        group["project"], poll_type=PollType.MULTIPLE_CHOICE, options="Ma\nDi\nWo", quorum=25
    )
    _votes(
        proposal,
        group,
        {"coordinator": (["Ma", "Di"], ""), "member": (["Di"], ""), "second": (["Di", "Wo"], "")},
    )
    found = _ended(proposal)
    assert [(row.label, row.votes, row.share) for row in found.options] == [
        ("Ma", 1, 33),
        ("Di", 3, 100),
        ("Wo", 1, 33),
    ]
    assert found.winners == ["Di"]


def test_score_totals_and_averages(group):
    proposal = make_proposal(
        group["project"], poll_type=PollType.SCORE, options="Tuin\nDak\nKelder", quorum=25
    )
    _votes(
        proposal,
        group,
        {
            "coordinator": {"Tuin": 5, "Dak": 2, "Kelder": 0},
            "member": {"Tuin": 3, "Dak": 4, "Kelder": 1},
            "second": {"Tuin": 4, "Dak": 4, "Kelder": 0},
        },
    )
    found = _ended(proposal)
    rows = {row.label: (row.score_total, str(row.score_average)) for row in found.options}
    assert rows == {"Tuin": (12, "4.0"), "Dak": (10, "3.3"), "Kelder": (1, "0.3")}
    assert found.result == Result.CHOSEN and found.winners == ["Tuin"]


def test_only_the_votes_of_members_who_may_vote_count(group):
    project = group["project"]
    proposal = make_proposal(project, poll_type=PollType.PROPOSAL, quorum=0)
    _votes(proposal, group, {"coordinator": "agree", "member": "disagree", "second": "disagree"})
    Membership.objects.filter(project=project, user=group["second"]).update(role=Role.OBSERVER)
    Membership.objects.filter(project=project, user=group["member"]).delete()
    found = tally(proposal)
    assert (found.votes, found.eligible) == (1, 2)
    proposal = proposals.close_early(proposal, group["coordinator"])
    # The close keeps it that way, whatever happens to the memberships afterwards.
    Membership.objects.filter(project=project, user=group["second"]).update(role=Role.MEMBER)
    found = tally(proposal)
    assert (found.votes, found.eligible, found.result) == (1, 2, Result.ADOPTED)
    assert proposal.votes.count() == 1


# --- Hidden results --------------------------------------------------------------------------


def test_hidden_results_appear_nowhere_before_the_close(client, group, on_commit):
    project = group["project"]
    with on_commit(execute=True):
        proposal = make_proposal(
            project,
            poll_type=PollType.SINGLE_CHOICE,
            options="Knutselwinkel\nKleurenpand",
            hide_results=True,
            quorum=25,
        )
        _votes(proposal, group, {"coordinator": "Kleurenpand", "member": "Kleurenpand"})
    assert visible_tally(proposal) is None
    client.force_login(group["second"])
    detail = client.get(proposal.get_absolute_url())
    fragment = client.get(reverse("decisions:results", args=[project.pk, proposal.pk]))
    for response in (detail, fragment):
        assert response.status_code == 200
        assert "The results are hidden until the vote closes" in response.text
        assert "Votes per option" not in response.text and "2 votes" not in response.text
    csv = client.get(reverse("decisions:results_csv", args=[project.pk, proposal.pk]))
    assert csv.status_code == 403
    api = client.get(f"/api/v1/decisions/{proposal.pk}")
    assert api.status_code == 200 and api.json()["results"] is None
    assert api.json()["results_visible"] is False
    _, key = ApiToken.issue(group["coordinator"], "test")
    api = client.get(f"/api/v1/decisions/{proposal.pk}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.json()["results"] is None  # not even for the coordinator
    coordinator_page = client.get(proposal.get_absolute_url())
    assert "Votes per option" not in coordinator_page.text
    for notice in group["second"].notifications.all():
        assert "Kleurenpand" not in notice.message

    pass_closing_time(proposal)
    detail = client.get(proposal.get_absolute_url())
    assert "Votes per option" in detail.text and "Kleurenpand" in detail.text
    csv = client.get(reverse("decisions:results_csv", args=[project.pk, proposal.pk]))
    assert csv.status_code == 200 and "Kleurenpand,2,100" in csv.content.decode()
    assert client.get(f"/api/v1/decisions/{proposal.pk}").json()["results"]["winners"] == [
        "Kleurenpand"
    ]


def test_visible_results_show_as_the_votes_come_in(client, group):
    proposal = make_proposal(group["project"], poll_type=PollType.PROPOSAL)
    _votes(proposal, group, {"member": ("disagree", "Eerst de cijfers.")})
    client.force_login(group["observer"])
    page = client.get(proposal.get_absolute_url())
    assert "Votes per option (so far)" in page.text
    assert "Mats Member" in page.text and "Eerst de cijfers." in page.text  # named votes
    assert "Refresh the results" in page.text
    fragment = client.get(reverse("decisions:results", args=[proposal.project_id, proposal.pk]))
    assert "1 vote of 4 members who may vote" in fragment.text


def test_the_csv_export_guards_against_formulas(client, group):
    proposal = make_proposal(
        group["project"], poll_type=PollType.SINGLE_CHOICE, options="=1+1\nGewoon", quorum=0
    )
    _votes(proposal, group, {"member": ("=1+1", "@SUM(A1)")})
    client.force_login(group["coordinator"])
    text = client.get(reverse("decisions:results_csv", args=[proposal.project_id, proposal.pk]))
    body = text.content.decode()
    assert "'=1+1" in body and "'@SUM(A1)" in body
    assert "\n=1+1" not in body

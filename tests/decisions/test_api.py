"""The decisions API: what a member reads, in the shapes the OpenAPI schema documents."""

import pytest

from openpromotor.decisions import proposals, voting
from openpromotor.decisions.api import ProposalDetail, ProposalOut
from openpromotor.decisions.models import PollType
from tests.decisions.factories import make_proposal, option, pass_closing_time
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


def test_the_list_has_open_proposals_first_then_the_ended_ones(client, team):
    project = team["project"]
    ended = pass_closing_time(make_proposal(project, title="Voorbij"))
    running = make_proposal(project, title="Loopt", phase=project.current_phase)
    make_proposal(make_project(team["coordinator"], name="Elders"), title="Elders")
    client.force_login(team["observer"])  # the session works too
    body = client.get(f"/api/v1/decisions/projects/{project.pk}").json()
    assert [item["id"] for item in body] == [running.pk, ended.pk]
    assert [item["status"] for item in body] == ["open", "closed"]
    first = ProposalOut(**body[0])
    assert first.phase.number == project.current_phase.number
    assert first.url.endswith(running.get_absolute_url()) and first.proposer == "Cora Coordinator"


def test_a_named_proposal_with_my_vote_and_the_results(client, team):
    proposal = make_proposal(
        team["project"], poll_type=PollType.SCORE, options="Tuin\nDak", quorum=50
    )
    voting.cast_vote(
        proposal, team["member"], {option(proposal, "Tuin"): 4, option(proposal, "Dak"): 1}
    )
    client.force_login(team["member"])
    body = client.get(f"/api/v1/decisions/{proposal.pk}").json()
    detail = ProposalDetail(**body)
    assert (detail.score_min, detail.score_max) == (0, 5)
    assert [o.label for o in detail.options] == ["Tuin", "Dak"]
    assert [(c.label, c.score) for c in detail.my_vote.choices] == [("Tuin", 4), ("Dak", 1)]
    results = detail.results
    assert results.votes == 1 and results.eligible_voters == 2 and results.quorum_reached
    assert results.result is None  # not final while open
    assert [(o.label, o.score_total) for o in results.options] == [("Tuin", 4), ("Dak", 1)]
    assert [(b.voter, b.choices) for b in results.ballots] == [
        ("Mats Member", ["Tuin: 4", "Dak: 1"])
    ]
    proposal = proposals.close_early(proposal, team["coordinator"])
    proposals.record_outcome(proposal, team["coordinator"], "De tuin eerst.")
    body = client.get(f"/api/v1/decisions/{proposal.pk}").json()
    assert body["results"]["result"] == "chosen" and body["results"]["winners"] == ["Tuin"]
    assert body["outcome"] == "De tuin eerst." and body["status"] == "closed"


def test_a_stance_proposal_names_its_stances(client, team):
    proposal = make_proposal(team["project"], poll_type=PollType.CONSENSUS)
    client.force_login(team["coordinator"])
    body = client.get(f"/api/v1/decisions/{proposal.pk}").json()
    assert [o["stance"] for o in body["options"]] == ["agree", "abstain", "disagree", "block"]
    assert body["score_min"] is None and body["my_vote"] is None


def test_an_unknown_proposal_is_a_404(client, team):
    client.force_login(team["coordinator"])
    assert client.get("/api/v1/decisions/999999").status_code == 404
    assert client.get("/api/v1/decisions/projects/999999").status_code == 404


def test_the_openapi_schema_documents_the_decisions(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "get" in paths["/api/v1/decisions/projects/{project_id}"]
    assert "get" in paths["/api/v1/decisions/{proposal_id}"]
    components = schema["components"]["schemas"]
    assert {"ProposalOut", "ProposalDetail", "ResultsOut", "BallotOut"} <= set(components)
    assert "voter" in components["VoteReasonOut"]["properties"]
    assert "factor" in components["ReasonOut"]["properties"]  # the listings' own, not replaced
    assert set(components["PollType"]["enum"]) == set(PollType.values)

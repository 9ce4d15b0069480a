"""The "Decisions" matrix of docs/permissions.md, cell by cell, against the rules, the pages and
the API. The table in the docs is the source: this test reads it."""

import pytest
from django.urls import reverse

from openpromotor.core.models import ApiToken
from openpromotor.decisions.models import Proposal, Vote
from tests.decisions.factories import make_proposal, option, pass_closing_time
from tests.permission_matrix import PRINCIPALS, read_matrix, registered_permissions

pytestmark = pytest.mark.django_db


def matrix() -> dict[str, dict[str, bool]]:
    """Every cell of the decisions table allows or refuses: none depends on visibility."""
    rows = read_matrix("decisions")
    for permission, cells in rows.items():
        assert set(cells.values()) <= {"✓", "\N{EN DASH}"}, permission
    return {
        permission: {principal: cell == "✓" for principal, cell in cells.items()}
        for permission, cells in rows.items()
    }


MATRIX = matrix()


def test_the_docs_list_every_permission_of_the_rules():

    from openpromotor.decisions import rules as decision_rules

    registered = registered_permissions("decisions")
    assert registered == set(MATRIX) == set(decision_rules.PERMISSIONS)


def _allowed(user, permission, obj) -> bool:
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)  # no role cached from an earlier check
    return user.has_perm(f"decisions.{permission}", obj)


@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_each_cell_of_the_matrix(team, permission):
    project = team["project"]
    proposal = make_proposal(project)
    for principal in PRINCIPALS:
        expected = MATRIX[permission][principal]
        for obj in (project, proposal):
            assert _allowed(team[principal], permission, obj) == expected, (permission, principal)


def test_making_every_part_public_changes_nothing(team):
    from tests.projects.factories import PUBLIC_PARTS

    project = team["project"]
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()
    for principal in ("outsider", "moderator", "anonymous"):
        assert not _allowed(team[principal], "view_proposals", project)


# --- Pages -----------------------------------------------------------------------------------


def _status(client, user, url, method="get", data=None) -> int:
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return 403
    return response.status_code


WORKSPACE_PAGES = {
    "list": "view_proposals",
    "log": "view_proposals",
    "open": "open_proposal",
}


@pytest.mark.parametrize("name", sorted(WORKSPACE_PAGES))
def test_the_list_pages_answer_403_to_whoever_may_not(client, team, name):
    url = reverse(f"decisions:{name}", args=[team["project"].pk])
    for principal in PRINCIPALS:
        allowed = MATRIX[WORKSPACE_PAGES[name]][principal]
        status = _status(client, team[principal], url)
        assert status == (200 if allowed else 403), (name, principal, status)


def test_a_proposal_answers_404_to_non_members(client, team):
    proposal = pass_closing_time(make_proposal(team["project"], quorum=0))
    project = team["project"]
    urls = [
        proposal.get_absolute_url(),
        reverse("decisions:results", args=[project.pk, proposal.pk]),
        reverse("decisions:results_csv", args=[project.pk, proposal.pk]),
    ]
    for url in urls:
        for principal in PRINCIPALS:
            status = _status(client, team[principal], url)
            expected = 200 if MATRIX["view_proposals"][principal] else 404
            assert status == expected, (url, principal, status)


def _refused(principal) -> int:
    """A write refused: members 403, others 404, and nobody logged in goes to the login."""
    if principal == "anonymous" or MATRIX["view_proposals"][principal]:
        return 403
    return 404


def test_voting_closing_and_the_outcome_follow_the_matrix(client, team):
    project = team["project"]
    proposal = make_proposal(project)
    consent = option(proposal, "consent").pk
    for principal in PRINCIPALS:
        status = _status(
            client,
            team[principal],
            reverse("decisions:vote", args=[project.pk, proposal.pk]),
            "post",
            {"choice": consent},
        )
        if MATRIX["vote"][principal]:
            assert status == 302, principal
        else:
            assert status == _refused(principal), principal
    assert Vote.objects.count() == 2  # the coordinator and the member
    for principal in PRINCIPALS:
        if MATRIX["close_proposal"][principal]:
            continue
        url = reverse("decisions:close", args=[project.pk, proposal.pk])
        status = _status(client, team[principal], url, "post")
        assert status == _refused(principal), principal
    assert Proposal.objects.get().is_open
    pass_closing_time(proposal)
    url = reverse("decisions:outcome", args=[project.pk, proposal.pk])
    for principal in PRINCIPALS:
        status = _status(client, team[principal], url, "post", {"outcome": principal})
        if MATRIX["record_outcome"][principal]:
            assert status == 302, principal
        else:
            assert status == _refused(principal), principal
    assert Proposal.objects.get().outcome == "coordinator"


def test_opening_follows_the_matrix(client, team):
    url = reverse("decisions:open", args=[team["project"].pk])
    data = {
        "title": "Voorstel",
        "description": "Tekst",
        "poll_type": "consent",
        "closes_at": "2099-01-01T10:00",
        "quorum": 50,
        "score_min": 0,
        "score_max": 5,
    }
    for principal in PRINCIPALS:
        _status(client, team[principal], url, "post", data | {"title": principal})
    titles = set(Proposal.objects.values_list("title", flat=True))
    assert titles == {p for p in PRINCIPALS if MATRIX["open_proposal"][p]}


# --- API -------------------------------------------------------------------------------------


def test_the_api_answers_members_only(client, team):
    project = team["project"]
    proposal = make_proposal(project)
    urls = [f"/api/v1/decisions/projects/{project.pk}", f"/api/v1/decisions/{proposal.pk}"]
    for url in urls:
        assert client.get(url).status_code == 401  # anonymous
        for principal in PRINCIPALS[:-1]:
            _, key = ApiToken.issue(team[principal], "test")
            response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
            expected = 200 if MATRIX["view_proposals"][principal] else 404
            assert response.status_code == expected, (url, principal)
    assert client.get("/api/v1/decisions/projects/999999").status_code == 401

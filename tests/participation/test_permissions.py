"""The participation matrix of docs/permissions.md, cell by cell, against the rules and pages.

The table in the docs is the source: this test reads it, so the docs and the code cannot drift
apart without a failing test. Then, for every page and every write, who may NOT do it.
"""

import pytest
from django.urls import reverse

from openpromotor.participation.models import Body, Meeting, PlanCell, Stakeholder
from tests.permission_matrix import PRINCIPALS, read_matrix, registered_permissions
from tests.projects.factories import PUBLIC_PARTS

OUTCOMES = {"✓": (True, True), "\N{EN DASH}": (False, False), "if public": (False, True)}

pytestmark = pytest.mark.django_db


MATRIX = read_matrix("participation")


def test_the_docs_list_every_permission_of_the_rules():

    from openpromotor.participation import rules as participation_rules

    registered = registered_permissions("participation")
    assert registered == set(MATRIX) == set(participation_rules.PERMISSIONS)


SAME_AS_THE_TABS = {
    "view_stakeholders": "projects.view_participation",
    "view_bodies": "projects.view_participation",
    "view_plan": "projects.view_participation_plan",
}


@pytest.mark.parametrize("public", [False, True])
def test_reading_follows_the_workspace_tab_permissions(team, public):
    """The lead's tabs use the ``projects`` permissions: they open for the same people."""
    project = team["project"]
    if public:
        _make_public(project)
    for principal in PRINCIPALS:
        user = _fresh(team[principal])
        for mine, theirs in SAME_AS_THE_TABS.items():
            assert user.has_perm(f"participation.{mine}", project) == user.has_perm(
                theirs, project
            ), (principal, mine)


def _fresh(user):
    """A fresh user object each time, so no role cached from an earlier check counts."""
    return type(user).objects.get(pk=user.pk) if user.is_authenticated else user


def _make_public(project):
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()


@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_each_cell_of_the_matrix(team, permission):
    """Each cell on a members-only project, and again with every part public."""
    project = team["project"]

    def allowed(principal):
        return _fresh(team[principal]).has_perm(f"participation.{permission}", project)

    private = {principal: allowed(principal) for principal in PRINCIPALS}
    _make_public(project)
    public = {principal: allowed(principal) for principal in PRINCIPALS}
    for principal in PRINCIPALS:
        expected = OUTCOMES[MATRIX[permission][principal]]
        assert (private[principal], public[principal]) == expected, (permission, principal)


def test_an_unverified_member_can_read_but_not_write(team):
    from allauth.account.models import EmailAddress

    project, member = team["project"], team["member"]
    EmailAddress.objects.filter(user=member).update(verified=False)
    member = _fresh(member)
    for permission, cells in MATRIX.items():
        expected = permission.startswith("view_") and cells["member"] == "✓"
        assert member.has_perm(f"participation.{permission}", project) == expected, permission


# --- The same matrix on the pages ----------------------------------------------------------


def _body(project):
    return Body.objects.get_or_create(project=project, kind="working_group", name="Werkgroep")[0]


PAGES = {
    "view_stakeholders": [
        lambda p: reverse("participation:stakeholders", args=[p.pk]),
        lambda p: reverse("participation:analysis", args=[p.pk]),
        lambda p: reverse("participation:export_stakeholders", args=[p.pk]),
        lambda p: reverse("participation:export_relations", args=[p.pk]),
    ],
    "change_stakeholders": [lambda p: reverse("participation:add_stakeholder", args=[p.pk])],
    "view_plan": [lambda p: reverse("participation:plan", args=[p.pk])],
    "view_bodies": [lambda p: reverse("participation:bodies", args=[p.pk])],
    "change_bodies": [
        lambda p: reverse("participation:add_body", args=[p.pk]),
        lambda p: reverse("participation:edit_body", args=[p.pk, _body(p).pk]),
        lambda p: reverse("participation:plan_meeting", args=[p.pk, _body(p).pk]),
    ],
    "delete_body": [lambda p: reverse("participation:delete_body", args=[p.pk, _body(p).pk])],
}


def _status(client, user, url, method="get", data=None, **headers) -> int:
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    response = getattr(client, method)(url, data or {}, headers=headers)
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return 403
    return response.status_code


@pytest.mark.parametrize("permission", sorted(PAGES))
def test_pages_follow_the_matrix(client, team, permission):
    project = team["project"]
    for make_url in PAGES[permission]:
        url = make_url(project)
        for principal in PRINCIPALS:
            allowed = MATRIX[permission][principal] == "✓"
            status = _status(client, team[principal], url)
            assert (status == 200) == allowed, (url, principal, status)
            assert status in {200, 403, 404}, (url, principal, status)


def test_the_public_plan_opens_its_page_to_everyone_and_nothing_else(client, team):
    project = team["project"]
    _make_public(project)
    plan = reverse("participation:plan", args=[project.pk])
    closed = [make(project) for name, urls in PAGES.items() if name != "view_plan" for make in urls]
    for principal in ("outsider", "moderator", "anonymous"):
        assert _status(client, team[principal], plan) == 200
        for url in closed:
            assert _status(client, team[principal], url) in {403, 404}, (url, principal)


def _objects(project):
    """One object of each kind inside the members-only parts: the address of its page and
    what an observer (a member who only reads) gets there."""
    stakeholder = Stakeholder.objects.create(
        project=project, name="Geheime belanghebbende", group="residents"
    )
    body = _body(project)
    meeting = Meeting.objects.create(body=body, date="2030-05-12")
    phase = project.phases.first()
    return [
        (stakeholder.get_absolute_url(), 200),
        (reverse("participation:delete_stakeholder", args=[project.pk, stakeholder.pk]), 403),
        (body.get_absolute_url(), 200),
        (meeting.get_absolute_url(), 200),
        (reverse("participation:edit_meeting", args=[project.pk, body.pk, meeting.pk]), 403),
        (reverse("participation:write_minutes", args=[project.pk, body.pk, meeting.pk]), 403),
        (reverse("participation:cell", args=[project.pk, phase.pk, "residents"]), 403),
    ]


def test_objects_of_members_only_parts_answer_404(client, team):
    project = team["project"]
    for url, for_observer in _objects(project):
        for principal in ("outsider", "moderator"):
            assert _status(client, team[principal], url) == 404, (url, principal)
        assert _status(client, team["anonymous"], url) in {403, 404}, url
        assert _status(client, team["observer"], url) == for_observer, url


def test_a_cell_of_a_public_plan_is_refused_to_outsiders(client, team):
    project = team["project"]
    _make_public(project)
    url = reverse("participation:cell", args=[project.pk, project.phases.first().pk, "users"])
    for principal in ("outsider", "moderator", "observer", "owner"):
        assert _status(client, team[principal], url) == 403, principal
    assert _status(client, team["expert"], url) == 200


def test_another_projects_objects_answer_404(client, team):
    """A stakeholder, a body or a phase of another project, through this project's address."""
    from tests.participation.factories import make_stakeholder
    from tests.projects.factories import make_project

    project = team["project"]
    other = make_project(team["outsider"], name="Ander project")
    elsewhere = make_stakeholder(other, "Elders")
    body = _body(other)
    urls = [
        reverse("participation:stakeholder", args=[project.pk, elsewhere.pk]),
        reverse("participation:body", args=[project.pk, body.pk]),
        reverse("participation:cell", args=[project.pk, other.phases.first().pk, "residents"]),
        reverse("participation:cell", args=[project.pk, project.phases.first().pk, "nobody"]),
    ]
    for url in urls:
        assert _status(client, team["coordinator"], url) == 404, url


WRITES = {
    "change_stakeholders": (
        lambda p: reverse("participation:add_stakeholder", args=[p.pk]),
        {
            "name": "Nieuwe belanghebbende",
            "kind": "person",
            "group": "residents",
            "influence": 3,
            "interest": 3,
            "attitude": "neutral",
            "level": "micro",
        },
        lambda p: p.stakeholders.filter(name="Nieuwe belanghebbende").exists(),
    ),
    "change_plan": (
        lambda p: reverse("participation:cell", args=[p.pk, p.phases.first().pk, "residents"]),
        {"level": "consultation", "version": 0},
        lambda p: PlanCell.objects.filter(phase__project=p).exists(),
    ),
    "change_bodies": (
        lambda p: reverse("participation:add_body", args=[p.pk]),
        {"kind": "project_team", "name": "Projectteam"},
        lambda p: p.bodies.filter(kind="project_team").exists(),
    ),
}


@pytest.mark.parametrize("permission", sorted(WRITES))
def test_writing_needs_the_right_role(client, team, permission):
    project = team["project"]
    make_url, data, written = WRITES[permission]
    refused = [p for p in PRINCIPALS if MATRIX[permission][p] != "✓"]
    for principal in refused:
        status = _status(client, team[principal], make_url(project), "post", data)
        assert status in {403, 404}, (principal, status)
        assert not written(project), principal
    assert _status(client, team["expert"], make_url(project), "post", data) == 302
    assert written(project)


def test_writes_on_objects_are_refused_to_readers(client, mapped):
    """An observer reads everything, and can change nothing: not a relation, a seat, a
    meeting, its minutes, nor remove a stakeholder or a body."""
    project, observer = mapped["project"], mapped["observer"]
    body = _body(project)
    meeting = Meeting.objects.create(body=body, date="2030-05-12", agenda="Punt 1")
    relation = mapped["buurt"].relations_from.get()
    attempts = [
        (
            reverse("participation:add_relation", args=[project.pk]),
            {"source": mapped["bank"].pk, "kind": "funds", "target": mapped["buurt"].pk},
        ),
        (reverse("participation:delete_relation", args=[project.pk, relation.pk]), {}),
        (reverse("participation:delete_stakeholder", args=[project.pk, mapped["bank"].pk]), {}),
        (
            reverse("participation:add_seat", args=[project.pk, body.pk]),
            {"member": observer.pk, "function": "member"},
        ),
        (
            reverse("participation:plan_meeting", args=[project.pk, body.pk]),
            {"date": "2030-06-01"},
        ),
        (
            reverse("participation:write_minutes", args=[project.pk, body.pk, meeting.pk]),
            {"minutes": "Overschreven", "version": 1},
        ),
        (reverse("participation:delete_body", args=[project.pk, body.pk]), {}),
    ]
    for url, data in attempts:
        assert _status(client, observer, url, "post", data) == 403, url
    for principal in ("outsider", "moderator"):
        for url, data in attempts:
            assert _status(client, mapped[principal], url, "post", data) in {403, 404}, url
    assert project.stakeholders.count() == 3
    assert relation.__class__.objects.count() == 1
    assert body.members.count() == 0
    assert body.meetings.get().minutes == ""
    member = mapped["member"]
    delete = reverse("participation:delete_body", args=[project.pk, body.pk])
    assert _status(client, member, delete, "post") == 403  # only coordinators remove a body
    assert Body.objects.filter(pk=body.pk).exists()

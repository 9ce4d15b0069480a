"""The permission matrix of docs/permissions.md, cell by cell, against the rules and the pages.

The table in the docs is the source: this test reads it, so the docs and the code cannot drift
apart without a failing test.
"""

import pytest
from django.urls import reverse

from openpromotor.projects import discussions
from openpromotor.projects.models import Task
from tests.permission_matrix import PRINCIPALS, read_matrix, registered_permissions
from tests.projects.factories import PUBLIC_PARTS

pytestmark = pytest.mark.django_db
MATRIX = read_matrix()


def test_the_docs_list_every_permission_of_the_rules():

    from openpromotor.projects import rules as project_rules  # noqa: F401 (registers them)

    registered = registered_permissions("projects")
    assert registered == set(MATRIX)


def _allowed(user, permission, obj) -> bool:
    """A fresh user object each time, so no role cached from an earlier check counts."""
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)
    return user.has_perm(f"projects.{permission}", obj)


def _task_of(project, person):
    return Task.objects.create(project=project, title="Taak", assignee=person)


def _comment_of(project, person):
    return discussions.start_thread(project, person, "Over", "Tekst").comments.get()


def _objects(permission, team) -> dict:
    """What the permission is checked on: the project, or a task or comment per person."""
    project = team["project"]
    make = {"change_task": _task_of, "change_comment": _comment_of, "hide_comment": _comment_of}
    if permission not in make:
        return dict.fromkeys(PRINCIPALS, project)
    return {
        principal: make[permission](project, team[principal])
        for principal in PRINCIPALS
        if team[principal].is_authenticated
    }


OUTCOMES = {
    "✓": (True, True, True),
    "\N{EN DASH}": (False, False, False),
    "if public": (False, False, True),
    "if assigned": (False, True, False),
    "own": (False, True, False),
}


@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_each_cell_of_the_matrix(team, permission):
    """Each cell, on a members-only project with someone else's object and with the person's
    own object, and once more with every part public."""
    project, objects = team["project"], _objects(permission, team)

    def others(principal):
        return objects["expert" if principal == "member" else "member"]

    def check(principal, obj):
        return _allowed(team[principal], permission, obj)

    private = {p: check(p, others(p)) for p in PRINCIPALS}
    own = {p: check(p, objects.get(p, others(p))) for p in PRINCIPALS}
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()
    public = {p: check(p, others(p)) for p in PRINCIPALS}
    for principal in PRINCIPALS:
        expected = MATRIX[permission][principal]
        outcome = (private[principal], own[principal], public[principal])
        assert outcome == OUTCOMES[expected], (permission, principal, expected)


# --- The same matrix on the pages ----------------------------------------------------------

PAGES = {
    "view_workspace": lambda p: reverse("projects:workspace", args=[p.pk]),
    "view_members": lambda p: reverse("projects:members", args=[p.pk]),
    "view_roadmap": lambda p: reverse("projects:board", args=[p.pk]),
    "view_discussions": lambda p: reverse("projects:threads", args=[p.pk]),
    "view_documents": lambda p: reverse("projects:documents", args=[p.pk]),
    "view_tasks": lambda p: reverse("projects:tasks", args=[p.pk]),
    "view_activity": lambda p: reverse("projects:activity", args=[p.pk]),
    "change_project": lambda p: reverse("projects:edit", args=[p.pk]),
    "close_phase": lambda p: reverse("projects:close_phase", args=[p.pk, p.phases.first().pk]),
}


def _status(client, user, url, method="get", data=None) -> int:
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return 403
    return response.status_code


@pytest.mark.parametrize("permission", sorted(PAGES))
def test_pages_follow_the_matrix(client, team, permission):
    project = team["project"]
    url = PAGES[permission](project)
    for principal in PRINCIPALS:
        allowed = MATRIX[permission][principal] == "✓"
        status = _status(client, team[principal], url)
        assert (status == 200) == allowed, (permission, principal, status)
        assert status in {200, 403}


@pytest.mark.parametrize(
    "permission", ["view_members", "view_roadmap", "view_discussions", "view_documents"]
)
def test_public_parts_open_their_pages_to_everyone(client, team, permission):
    project = team["project"]
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()
    for principal in ("outsider", "anonymous"):
        assert _status(client, team[principal], PAGES[permission](project)) == 200


def test_objects_of_members_only_parts_answer_404(client, team):
    project = team["project"]
    thread = discussions.start_thread(project, team["member"], "Geheim", "Alleen voor leden")
    task = Task.objects.create(project=project, title="Interne taak")
    for url in (thread.get_absolute_url(), task.get_absolute_url()):
        for principal in ("outsider", "moderator", "anonymous"):
            assert _status(client, team[principal], url) == 404
        assert _status(client, team["observer"], url) == 200
    move = reverse("projects:move_task", args=[project.pk, task.pk])
    assert (
        _status(client, team["outsider"], move, "post", {"phase": task.project.phases.last().pk})
        == 404
    )


def test_writing_needs_the_right_role(client, team):
    project = team["project"]
    phase = project.phases.first()
    add_goal = reverse("projects:add_goal", args=[project.pk, phase.pk])
    for principal in PRINCIPALS:
        before = phase.goals.count()
        _status(client, team[principal], add_goal, "post", {"text": f"Doel van {principal}"})
        added = phase.goals.count() > before
        assert added == (MATRIX["edit_roadmap"][principal] == "✓"), principal
    invite = reverse("projects:invite", args=[project.pk])
    for principal in ("member", "observer", "outsider"):
        status = _status(client, team[principal], invite, "post", {"email": "x@example.org"})
        assert status == 403
    assert not project.invitations.exists()


def test_an_unverified_member_can_read_but_not_write(client, team):
    from allauth.account.models import EmailAddress

    project, member = team["project"], team["member"]
    EmailAddress.objects.filter(user=member).update(verified=False)
    client.force_login(member)
    assert client.get(reverse("projects:workspace", args=[project.pk])).status_code == 200
    url = reverse("projects:add_goal", args=[project.pk, project.phases.first().pk])
    assert client.post(url, {"text": "Nieuw doel"}).status_code == 403

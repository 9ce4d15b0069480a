"""The charter's permission matrix of docs/permissions.md ("Charter"), cell by cell, against the
rules and against the pages: who may NOT read, write, comment, adopt or sign is refused."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from openpromotor.charters import adoption
from openpromotor.charters.models import Comment, Signature, Version
from tests.charters.helpers import section_post, write_section
from tests.permission_matrix import PRINCIPALS, read_matrix, registered_permissions
from tests.projects.factories import PUBLIC_PARTS

MEMBERS = PRINCIPALS[:6]
OTHERS = PRINCIPALS[6:]

pytestmark = pytest.mark.django_db


MATRIX = read_matrix("charters")
OUTCOMES = {
    "✓": (True, True, True),
    "\N{EN DASH}": (False, False, False),
    "if public": (False, False, True),
    "own": (False, True, False),
}


def test_the_docs_list_every_permission_of_the_rules():

    from openpromotor.charters import rules as charter_rules  # noqa: F401 (registers them)

    registered = registered_permissions("charters")
    assert registered == set(MATRIX)
    assert all(cell in OUTCOMES for row in MATRIX.values() for cell in row.values())


def _allowed(user, permission, obj) -> bool:
    """A fresh user object each time, so no role cached from an earlier check counts."""
    if user.is_authenticated:
        user = type(user).objects.get(pk=user.pk)
    return user.has_perm(f"charters.{permission}", obj)


def _make_public(project):
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()


@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_each_cell_of_the_matrix(team, permission):
    """Each cell: on a members-only project with someone else's comment, with the person's own
    comment, and once more with every part public."""
    project = team["project"]
    section = write_section(project, team["coordinator"], "Wonen", ("Samen", "agreed"))
    if permission == "change_comment":
        objects = {
            p: Comment.objects.create(section=section, author=team[p], body="Mijn reactie")
            for p in PRINCIPALS
            if team[p].is_authenticated
        }
    else:
        objects = dict.fromkeys(PRINCIPALS, project)

    def others(principal):
        return objects["expert" if principal == "member" else "member"]

    def check(principal, obj):
        return _allowed(team[principal], permission, obj)

    private = {p: check(p, others(p)) for p in PRINCIPALS}
    own = {p: check(p, objects.get(p, others(p))) for p in PRINCIPALS}
    _make_public(project)
    public = {p: check(p, others(p)) for p in PRINCIPALS}
    for principal in PRINCIPALS:
        expected = MATRIX[permission][principal]
        outcome = (private[principal], own[principal], public[principal])
        assert outcome == OUTCOMES[expected], (permission, principal, expected)


def test_a_deleted_comment_can_no_longer_be_changed(team):
    project, member = team["project"], team["member"]
    section = write_section(project, member, "Wonen")
    comment = Comment.objects.create(section=section, author=member, body="Weg ermee")
    assert _allowed(member, "change_comment", comment)
    comment.deleted_at = comment.created_at
    comment.save()
    assert not _allowed(member, "change_comment", comment)


# --- The same matrix on the pages ----------------------------------------------------------


def _status(client, user, url, method="get", data=None) -> int:
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return 403
    return response.status_code


PAGES = {
    "view_adopted_version": lambda p: reverse("charters:charter", args=[p.pk]),
    "view_drafts": lambda p: reverse("charters:versions", args=[p.pk]),
    "edit_section": lambda p: reverse("charters:add_section", args=[p.pk]),
}


@pytest.mark.parametrize("permission", sorted(PAGES))
def test_pages_follow_the_matrix(client, team, permission):
    project = team["project"]
    url = PAGES[permission](project)
    for principal in PRINCIPALS:
        allowed = MATRIX[permission][principal] == "✓"
        status = _status(client, team[principal], url)
        assert (status == 200) == allowed, (permission, principal, status)
        assert status in {200, 403}


def test_the_compare_page_is_for_members_only(client, team):
    project = team["project"]
    write_section(project, team["coordinator"], "Wonen", ("Samen", "agreed"))
    write_section(project, team["coordinator"], "Tuin", ("Open", "divergent"))
    url = reverse("charters:compare", args=[project.pk])
    _make_public(project)
    for principal in PRINCIPALS:
        expected = 200 if principal in MEMBERS else 403
        assert _status(client, team[principal], url) == expected, principal


def test_a_public_charter_opens_its_page_to_everyone(client, team):
    project = team["project"]
    _make_public(project)
    for principal in PRINCIPALS:
        assert _status(client, team[principal], PAGES["view_adopted_version"](project)) == 200


def test_objects_of_the_charter_answer_404_to_non_members_even_when_public(client, team):
    project, coordinator = team["project"], team["coordinator"]
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    version = project.charter_versions.get()
    adoption.adopt(version, coordinator)
    comment = Comment.objects.create(section=section, author=team["member"], body="Ja")
    _make_public(project)
    urls = [
        section.get_absolute_url(),
        version.get_absolute_url(),
    ]
    for url in urls:
        for principal in ("outsider", "moderator", "anonymous"):
            assert _status(client, team[principal], url) == 404, (url, principal)
        assert _status(client, team["observer"], url) == 200
    for url in (
        reverse("charters:edit_section", args=[project.pk, section.pk]),
        reverse("charters:edit_comment", args=[project.pk, comment.pk]),
    ):
        for principal in ("outsider", "moderator"):
            assert _status(client, team[principal], url) == 404, (url, principal)


def test_writing_needs_the_right_role(client, team):
    """Each write, tried by every principal: only those the matrix allows change anything."""
    project, coordinator = team["project"], team["coordinator"]
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    add_url = reverse("charters:add_section", args=[project.pk])
    for principal in PRINCIPALS:
        before = project.charter_sections.count()
        _status(client, team[principal], add_url, "post", section_post(f"Deel van {principal}"))
        added = project.charter_sections.count() > before
        assert added == (MATRIX["edit_section"][principal] == "✓"), principal

        before = section.comments.count()
        _status(client, team[principal], section.get_absolute_url(), "post", {"body": "Hm"})
        commented = section.comments.count() > before
        assert commented == (MATRIX["comment"][principal] == "✓"), principal

    newest = project.charter_versions.first()
    adopt_url = reverse("charters:adopt", args=[project.pk, newest.pk])
    for principal in [p for p in PRINCIPALS if p != "coordinator"]:
        assert _status(client, team[principal], adopt_url, "post") in {403, 404}, principal
    assert not Version.objects.adopted().exists()
    assert _status(client, coordinator, adopt_url, "post") == 302
    newest.refresh_from_db()
    assert newest.is_adopted

    sign_url = reverse("charters:sign", args=[project.pk, newest.pk])
    for principal in PRINCIPALS:
        _status(client, team[principal], sign_url, "post")
    signers = {s.user.display_name for s in Signature.objects.select_related("user")}
    assert signers == {team[p].display_name for p in PRINCIPALS if MATRIX["sign_version"][p] == "✓"}


def test_only_the_author_changes_a_comment(client, team):
    project, member = team["project"], team["member"]
    section = write_section(project, member, "Wonen")
    comment = Comment.objects.create(section=section, author=member, body="Origineel")
    edit = reverse("charters:edit_comment", args=[project.pk, comment.pk])
    delete = reverse("charters:delete_comment", args=[project.pk, comment.pk])
    for principal in ("coordinator", "expert", "observer"):
        assert _status(client, team[principal], edit, "post", {"body": "Overschreven"}) == 403
        assert _status(client, team[principal], delete, "post") == 403
    comment.refresh_from_db()
    assert comment.body == "Origineel" and not comment.is_deleted
    assert _status(client, member, edit, "post", {"body": "Aangepast"}) == 302
    comment.refresh_from_db()
    assert comment.body == "Aangepast" and comment.edited_at is not None


def test_an_unverified_member_can_read_but_not_write(client, team):
    project, member = team["project"], team["member"]
    section = write_section(project, team["coordinator"], "Wonen", ("Samen", "agreed"))
    EmailAddress.objects.filter(user=member).update(verified=False)
    client.force_login(member)
    assert client.get(reverse("charters:charter", args=[project.pk])).status_code == 200
    add = reverse("charters:add_section", args=[project.pk])
    assert client.post(add, section_post("Nieuw")).status_code == 403
    assert client.post(section.get_absolute_url(), {"body": "Hallo"}).status_code == 403
    assert project.charter_sections.count() == 1 and not section.comments.exists()


def test_members_who_only_read_or_speak_cannot_change_a_section(client, team):
    project, coordinator = team["project"], team["coordinator"]
    section = write_section(project, coordinator, "Wonen", ("Samen", "agreed"))
    args = [project.pk, section.pk]
    attempts = [
        (reverse("charters:edit_section", args=args), section_post("Weg", [], revision=1)),
        (reverse("charters:move_section", args=args), {"direction": "down"}),
        (reverse("charters:remove_section", args=args), {}),
        (reverse("charters:restore_section", args=args), {}),
    ]
    for principal in ("owner", "municipality", "observer", "outsider", "moderator", "anonymous"):
        for url, data in attempts:
            status = _status(client, team[principal], url, "post", data)
            expected = {403} if principal in MEMBERS or principal == "anonymous" else {404}
            assert status in expected, (principal, url, status)
    section.refresh_from_db()
    assert (section.title, section.revision, section.is_removed) == ("Wonen", 1, False)
    assert project.charter_versions.count() == 1

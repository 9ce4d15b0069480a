"""Discussions: threads about a phase or task, sanitised Markdown, @mentions that notify
members only, editing and deleting one's own comments, and hiding with a reason."""

import pytest
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.projects import discussions
from openpromotor.projects.models import Mention, Role, Thread
from tests.factories import UserFactory
from tests.projects.factories import PUBLIC_PARTS, add_member, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    coordinator = UserFactory(display_name="Cora Coördinator")
    project = make_project(coordinator)
    member = add_member(project, display_name="Lotte Peeters")
    expert = add_member(project, Role.EXPERT, display_name="Sofie Claes")
    outsider = UserFactory(display_name="Oscar Buiten")
    return project, coordinator, member, expert, outsider


def test_a_thread_about_a_phase_with_a_mention_notifies_only_the_mentioned_member(
    client, people, on_commit
):
    project, coordinator, member, expert, outsider = people
    phase = project.phases.first()
    client.force_login(coordinator)
    with on_commit(execute=True):
        response = client.post(
            reverse("projects:start_thread", args=[project.pk]),
            {
                "title": "Sleutel van de kapel",
                "body": "@lotte peeters, heb jij de sleutel? @Oscar Buiten weet het ook.",
                "phase": phase.pk,
            },
        )
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url() and thread.phase == phase
    mention = Notification.objects.get(recipient=member)
    assert "mentioned Lotte Peeters" in mention.message
    assert mention.url.startswith(thread.get_absolute_url())
    # The other member hears about the new discussion; the outsider hears nothing at all.
    assert "started the discussion" in Notification.objects.get(recipient=expert).message
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert not Notification.objects.filter(recipient=coordinator).exists()


def test_markdown_is_sanitised(client, people):
    project, coordinator, *_ = people
    thread = discussions.start_thread(
        project, coordinator, "Test", "**vet** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    client.force_login(coordinator)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>vet</strong>" in page
    assert "<script>alert(1)" not in page and "javascript:alert" not in page


def test_editing_a_comment_notifies_only_new_mentions(people, on_commit):
    project, coordinator, member, expert, _ = people
    with on_commit(execute=True):
        thread = discussions.start_thread(project, coordinator, "Plan", "Hallo @Lotte Peeters")
    comment = thread.comments.get()
    before = Notification.objects.filter(recipient=member).count()
    with on_commit(execute=True):
        discussions.edit_comment(comment, "Hallo @Lotte Peeters en @Sofie Claes", coordinator)
    assert Notification.objects.filter(recipient=member).count() == before
    assert Notification.objects.filter(recipient=expert, message__contains="mentioned").exists()
    assert set(Mention.objects.values_list("user__display_name", flat=True)) == {
        "Lotte Peeters",
        "Sofie Claes",
    }


def test_only_the_author_edits_and_deletes(client, people):
    project, coordinator, member, *_ = people
    thread = discussions.start_thread(project, member, "Plan", "Mijn tekst")
    comment = thread.comments.get()
    edit = reverse("projects:edit_comment", args=[project.pk, comment.pk])
    delete = reverse("projects:delete_comment", args=[project.pk, comment.pk])
    client.force_login(coordinator)
    assert client.post(edit, {"body": "Overschreven"}).status_code == 403
    assert client.post(delete).status_code == 403
    client.force_login(member)
    client.post(edit, {"body": "Verbeterde tekst"})
    comment.refresh_from_db()
    assert comment.body == "Verbeterde tekst" and comment.edited_at
    client.post(delete)
    comment.refresh_from_db()
    assert comment.is_deleted and comment.body == ""
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This comment was deleted by its author." in page
    # A deleted comment cannot be edited again.
    assert client.post(edit, {"body": "Terug"}).status_code == 403


def test_a_coordinator_hides_a_comment_with_a_reason(client, people, on_commit):
    project, coordinator, member, *_ = people
    thread = discussions.start_thread(project, coordinator, "Plan", "Begin")
    comment = discussions.post_comment(thread, member, "Onvriendelijke tekst")
    url = reverse("projects:hide_comment", args=[project.pk, comment.pk])
    client.force_login(coordinator)
    client.post(url, {"reason": ""})
    comment.refresh_from_db()
    assert not comment.is_hidden  # a reason is required
    with on_commit(execute=True):
        client.post(url, {"reason": "Niet respectvol"})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Niet respectvol"
    assert Notification.objects.filter(recipient=member, message__contains="hidden").exists()
    # Another member sees the reason, not the text; the author still sees their own text.
    other = add_member(project)
    client.force_login(other)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: Niet respectvol" in page
    assert "Onvriendelijke tekst" not in page
    client.force_login(member)
    assert "Onvriendelijke tekst" in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    client.post(reverse("projects:unhide_comment", args=[project.pk, comment.pk]))
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_a_platform_moderator_hides_only_in_public_discussions(client, people):
    project, coordinator, *_ = people
    moderator = UserFactory(moderator=True)
    thread = discussions.start_thread(project, coordinator, "Plan", "Tekst")
    comment = thread.comments.get()
    url = reverse("projects:hide_comment", args=[project.pk, comment.pk])
    client.force_login(moderator)
    assert client.post(url, {"reason": "Spam"}).status_code == 404
    project.discussions_are_public = True
    project.save()
    client.post(url, {"reason": "Spam"})
    comment.refresh_from_db()
    assert comment.is_hidden


def test_observers_read_but_do_not_comment(client, people):
    project, coordinator, *_ = people
    observer = add_member(project, Role.OBSERVER)
    thread = discussions.start_thread(project, coordinator, "Plan", "Tekst")
    client.force_login(observer)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert client.post(thread.get_absolute_url(), {"body": "Ik ook"}).status_code == 403
    assert thread.comments.count() == 1


def test_an_empty_comment_is_refused_and_nothing_is_posted(client, people):
    project, coordinator, *_ = people
    thread = discussions.start_thread(project, coordinator, "Plan", "Tekst")
    client.force_login(coordinator)
    assert client.post(thread.get_absolute_url(), {"body": ""}).status_code == 400
    assert thread.comments.count() == 1


def test_public_discussions_are_readable_but_not_writable_for_outsiders(client, people):
    project, coordinator, _member, _expert, outsider = people
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()
    thread = discussions.start_thread(project, coordinator, "Open gesprek", "Iedereen leest mee")
    client.force_login(outsider)
    assert "Iedereen leest mee" in client.get(thread.get_absolute_url()).content.decode()
    assert client.post(thread.get_absolute_url(), {"body": "Ik ook"}).status_code == 403

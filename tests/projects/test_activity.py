"""Activity and notifications: per-user settings per kind of event, digests grouped per
project with the newest first and never empty, and nothing members-only for non-members."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from openpromotor.core.models import Notification
from openpromotor.projects import activity, digests, discussions, membership, news
from openpromotor.projects.models import (
    Activity,
    DigestItem,
    EventKind,
    Frequency,
    NotificationSetting,
    Part,
    ProjectFollow,
)
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _choose(user, kind, frequency):
    NotificationSetting.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )


@pytest.fixture
def group():
    coordinator = UserFactory(display_name="Cora")
    project = make_project(coordinator, name="De Kapel")
    member = add_member(project, display_name="Mats")
    return project, coordinator, member


def test_the_settings_page_saves_a_choice_per_kind(client, user):
    client.force_login(user)
    url = reverse("projects:notification_settings")
    data = {kind: Frequency.WEEKLY for kind in EventKind.values} | {"mention": "off"}
    assert client.post(url, data).status_code == 302
    assert activity.frequency_for(user, EventKind.MENTION) == Frequency.OFF
    assert activity.frequency_for(user, EventKind.DOCUMENT) == Frequency.WEEKLY
    assert client.post(url, data | {"news": "hourly"}).status_code == 200  # not a choice
    assert activity.frequency_for(user, EventKind.NEWS) == Frequency.WEEKLY


@pytest.mark.parametrize(
    ("frequency", "notices", "mails", "waiting"),
    [("instant", 1, 1, 0), ("daily", 1, 0, 1), ("weekly", 1, 0, 1), ("off", 0, 0, 0)],
)
def test_a_frequency_decides_how_a_member_hears(
    group, on_commit, frequency, notices, mails, waiting
):
    project, coordinator, member = group
    _choose(member, EventKind.DISCUSSION, frequency)
    with on_commit(execute=True):
        discussions.start_thread(project, coordinator, "Vergadering", "Dinsdag?")
    assert Notification.objects.filter(recipient=member).count() == notices
    assert len([m for m in mail.outbox if member.email in m.to]) == mails
    assert DigestItem.objects.filter(user=member, sent_at__isnull=True).count() == waiting


def _at(activity_item, minutes_ago):
    Activity.objects.filter(pk=activity_item.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )


def test_a_digest_is_grouped_per_project_newest_first(group, on_commit):
    project, coordinator, member = group
    other = make_project(coordinator, name="De School")
    add_member(other, user=member)
    _choose(member, EventKind.DISCUSSION, Frequency.DAILY)
    with on_commit(execute=True):
        old = discussions.start_thread(project, coordinator, "Oud onderwerp", "x")
        new = discussions.start_thread(project, coordinator, "Nieuw onderwerp", "x")
        school = discussions.start_thread(other, coordinator, "School onderwerp", "x")
    items = {a.params["thread"]: a for a in Activity.objects.filter(kind=EventKind.DISCUSSION)}
    _at(items[old.title], 50)
    _at(items[new.title], 10)
    _at(items[school.title], 30)
    mail.outbox.clear()
    assert digests.send_digests(Frequency.DAILY) == 1
    body = mail.outbox[0].body
    assert "3 things happened" in mail.outbox[0].subject
    # De Kapel has the newest activity, so it comes first; inside it, newest first.
    assert body.index("De Kapel") < body.index("De School")
    assert body.index("Nieuw onderwerp") < body.index("Oud onderwerp")
    assert body.index("Oud onderwerp") < body.index("School onderwerp")
    # Sent once: the next run has nothing to send, so no empty digest.
    assert digests.send_digests(Frequency.DAILY) == 0
    assert len(mail.outbox) == 1


def test_no_digest_without_news_or_after_leaving(group, on_commit):
    project, coordinator, member = group
    assert digests.send_digests(Frequency.WEEKLY) == 0
    _choose(member, EventKind.DISCUSSION, Frequency.WEEKLY)
    with on_commit(execute=True):
        discussions.start_thread(project, coordinator, "Onderwerp", "x")
    membership.leave(project, member)
    mail.outbox.clear()
    call_command("send_project_digests", "weekly")
    assert mail.outbox == []  # the only item is no longer for them: nothing is sent
    assert not DigestItem.objects.filter(sent_at__isnull=True).exists()


def test_followers_hear_only_public_news(group, on_commit):
    project, coordinator, _member = group
    follower = UserFactory()
    ProjectFollow.objects.create(project=project, user=follower)
    _choose(follower, EventKind.NEWS, Frequency.INSTANT)
    with on_commit(execute=True):
        news.post_update(project, coordinator, "Open dag", "Welkom", is_public=True)
        news.post_update(project, coordinator, "Interne planning", "Geheim", is_public=False)
        discussions.start_thread(project, coordinator, "Intern gesprek", "x")
        activity.record(
            project, coordinator, EventKind.NEWS, Part.DOCUMENTS, "{project}: intern", {}
        )
    received = list(
        Notification.objects.filter(recipient=follower).values_list("message", flat=True)
    )
    assert received == ["News from “De Kapel”: Open dag"]
    assert all(
        "Interne" not in m.body and "Intern gesprek" not in m.body
        for m in mail.outbox
        if follower.email in m.to
    )


def test_a_follower_digest_holds_only_public_news(group, on_commit):
    project, coordinator, _member = group
    follower = UserFactory()
    ProjectFollow.objects.create(project=project, user=follower)
    with on_commit(execute=True):
        news.post_update(project, coordinator, "Open dag", "Welkom", is_public=True)
    # An item that should never have reached the follower is dropped at sending time too.
    secret = activity.record(project, coordinator, EventKind.NEWS, "internal", "Geheim nieuws", {})
    DigestItem.objects.create(user=follower, activity=secret, frequency=Frequency.WEEKLY)
    mail.outbox.clear()
    digests.send_digests(Frequency.WEEKLY)
    body = mail.outbox[0].body
    assert "Open dag" in body and "Geheim" not in body


def test_the_activity_stream_is_for_members(client, group):
    project, coordinator, member = group
    discussions.start_thread(project, coordinator, "Onderwerp", "x")
    client.force_login(member)
    page = client.get(reverse("projects:activity", args=[project.pk])).content.decode()
    assert "started the discussion “Onderwerp”" in page
    client.force_login(UserFactory())
    assert client.get(reverse("projects:activity", args=[project.pk])).status_code == 403


def test_an_activity_reads_in_the_viewers_language(group):
    project, coordinator, _member = group
    item = discussions.start_thread(project, coordinator, "Onderwerp", "x")
    message = Activity.objects.get(kind=EventKind.DISCUSSION).message("en")
    assert message == f"{coordinator.display_name} started the discussion “{item.title}”."


def test_a_role_in_an_activity_is_shown_in_the_readers_language(group):
    project, coordinator, _member = group
    newcomer = UserFactory(display_name="Nina")
    invitation = membership.invite(project, coordinator, newcomer.email, "expert")
    membership.accept_invitation(invitation, newcomer)
    joined = Activity.objects.get(template__contains="joined")
    assert joined.params["role"] == "expert"
    assert joined.message("en") == "Nina joined “De Kapel” as expert adviser."

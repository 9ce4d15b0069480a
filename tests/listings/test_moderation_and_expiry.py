"""Moderation of first listings and abuse reports in the shared queue; expiry with a reminder."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from openpromotor.core.models import Notification
from openpromotor.listings.models import ListingReport
from openpromotor.listings.vocabulary import ClosedReason, Status
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def pending_listing():
    return ListingFactory(status=Status.PENDING, published_at=None, expires_at=None)


def test_the_queue_shows_held_listings_and_a_moderator_publishes_one(client, moderator, on_commit):
    listing = pending_listing()
    client.force_login(moderator)
    html = client.get(reverse("places:moderation")).content.decode()
    assert listing.title in html
    with on_commit(execute=True):
        response = client.post(reverse("listings:approve", args=[listing.pk]))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED and listing.published_at and listing.expires_at
    assert Notification.objects.filter(recipient=listing.author).exists()


def test_a_moderator_rejects_with_a_reason(client, moderator, on_commit):
    listing = pending_listing()
    client.force_login(moderator)
    with on_commit(execute=True):
        client.post(reverse("listings:reject", args=[listing.pk]), {"note": "Reclame."})
    listing.refresh_from_db()
    assert (listing.status, listing.closed_reason) == (Status.CLOSED, ClosedReason.REMOVED)
    assert "Reclame." in Notification.objects.get(recipient=listing.author).message
    # The author cannot publish it again on their own.
    client.force_login(listing.author)
    assert client.post(reverse("listings:publish", args=[listing.pk])).status_code == 403


def test_an_abuse_report_goes_to_the_same_queue_and_removes_the_listing(
    client, user, moderator, on_commit
):
    listing = ListingFactory()
    client.force_login(user)
    client.post(reverse("listings:report", args=[listing.pk]), {"text": "Dit is oplichting."})
    report = ListingReport.objects.get()
    assert report.author == user and report.state == ListingReport.State.OPEN
    client.force_login(moderator)
    assert "Dit is oplichting." in client.get(reverse("places:moderation")).content.decode()
    with on_commit(execute=True):
        client.post(reverse("listings:decide_report", args=[report.pk]), {"accept": "1"})
    listing.refresh_from_db()
    assert listing.status == Status.CLOSED and listing.closed_reason == ClosedReason.REMOVED
    assert Notification.objects.filter(recipient=user).exists()


def test_who_may_not_moderate_or_report(client, user):
    listing = pending_listing()
    published = ListingFactory()
    client.force_login(user)
    assert client.post(reverse("listings:approve", args=[listing.pk])).status_code == 403
    assert client.get(reverse("listings:reject", args=[listing.pk])).status_code == 403
    client.force_login(published.author)  # not one's own listing
    assert client.get(reverse("listings:report", args=[published.pk])).status_code == 403
    client.force_login(UserFactory(verified=False))
    response = client.post(reverse("listings:report", args=[published.pk]), {"text": "x"})
    assert response.status_code == 403
    assert not ListingReport.objects.exists()
    listing.refresh_from_db()
    assert listing.status == Status.PENDING


def test_expiry_reminds_a_week_before_then_expires_and_renewal_brings_it_back(client, on_commit):
    now = timezone.now()
    soon = ListingFactory(title="Bijna verlopen", expires_at=now + timedelta(days=3))
    later = ListingFactory(title="Nog lang online", expires_at=now + timedelta(days=60))
    past = ListingFactory(title="Verlopen", expires_at=now - timedelta(hours=1))

    with on_commit(execute=True):
        call_command("listings", "expire")

    soon.refresh_from_db(), later.refresh_from_db(), past.refresh_from_db()
    assert soon.status == Status.PUBLISHED and soon.reminder_sent_at is not None
    assert later.reminder_sent_at is None
    assert past.status == Status.EXPIRED
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted([soon.author.email, past.author.email])
    assert any(soon.get_absolute_url() in message.body for message in mail.outbox)

    with on_commit(execute=True):
        call_command("listings", "expire")  # a second run sends no second reminder
    assert len(mail.outbox) == 2

    client.force_login(past.author)
    client.post(reverse("listings:publish", args=[past.pk]))
    past.refresh_from_db()
    assert past.status == Status.PUBLISHED and past.expires_at > now + timedelta(days=89)

"""What happens to a listing: publication (the first one of a new author held for moderation),
expiry with a reminder, closing, moderation and abuse reports.

Each function is one atomic change; notices (in-app and e-mail) and alerts are queued as
background tasks once the change is committed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_noop

from openpromotor.listings.models import LIFETIME, REMINDER_BEFORE, Listing, ListingReport
from openpromotor.listings.tasks import alert_new_listing, notify_user
from openpromotor.listings.vocabulary import ClosedReason, Status

REPORT_MESSAGES = {
    True: gettext_noop("Your report about “{title}” was accepted; the listing is removed."),
    False: gettext_noop("Your report about “{title}” was reviewed; the listing stays online."),
}


def is_new_author(user) -> bool:
    """Nobody has published a listing of this person yet."""
    return not Listing.objects.filter(author=user, published_at__isnull=False).exists()


@transaction.atomic
def publish(listing: Listing) -> None:
    """The author publishes: live at once, or held for a moderator on a new author's first."""
    if listing.published_at is None and is_new_author(listing.author):
        listing.status = Status.PENDING
        listing.closed_reason = ""
        listing.save()
        return
    _go_live(listing)


@transaction.atomic
def approve(listing: Listing) -> None:
    _go_live(listing)
    _tell(listing.author_id, gettext_noop("Your listing “{title}” is published."), listing)


@transaction.atomic
def reject(listing: Listing, note: str) -> None:
    listing.status = Status.CLOSED
    listing.closed_reason = ClosedReason.REMOVED
    listing.moderation_note = note
    listing.save()
    template = gettext_noop("Your listing “{title}” was not published. Reason: {reason}")
    _tell(listing.author_id, template, listing, reason=note)


@transaction.atomic
def close(listing: Listing, reason: str) -> None:
    listing.status = Status.CLOSED
    listing.closed_reason = reason
    listing.save()


@transaction.atomic
def decide_report(report: ListingReport, moderator, accept: bool) -> None:
    """Accepting an abuse report removes the listing; the reporter hears the decision."""
    report.state = ListingReport.State.ACCEPTED if accept else ListingReport.State.DECLINED
    report.decided_by = moderator
    report.decided_at = timezone.now()
    report.save(update_fields=["state", "decided_by", "decided_at"])
    listing = report.listing
    if accept:
        listing.status = Status.CLOSED
        listing.closed_reason = ClosedReason.REMOVED
        listing.moderation_note = report.text
        listing.save()
    if report.author_id:
        _tell(report.author_id, REPORT_MESSAGES[accept], listing)


def expire_due(now=None) -> tuple[int, int]:
    """Remind authors a week before their listing expires, and expire what is past its date.

    Returns (reminded, expired). Run daily by ``openpromotor listings expire`` or the task.
    """
    now = now or timezone.now()
    published = Listing.objects.published()
    reminded = 0
    for listing in published.filter(
        expires_at__gt=now, expires_at__lte=now + REMINDER_BEFORE, reminder_sent_at__isnull=True
    ):
        with transaction.atomic():
            listing.reminder_sent_at = now
            listing.save(update_fields=["reminder_sent_at"])
            template = gettext_noop(
                "Your listing “{title}” expires on {date}. Renew it to keep it online."
            )
            _tell(listing.author_id, template, listing, date=date_format(listing.expires_at))
        reminded += 1
    expired = 0
    for listing in published.filter(expires_at__lte=now):
        with transaction.atomic():
            listing.status = Status.EXPIRED
            listing.save(update_fields=["status", "updated_at"])
            template = gettext_noop("Your listing “{title}” has expired. You can renew it.")
            _tell(listing.author_id, template, listing)
        expired += 1
    return reminded, expired


def _go_live(listing: Listing) -> None:
    """Published for ``LIFETIME`` from now; a first publication also goes out as alerts."""
    first = listing.published_at is None
    now = timezone.now()
    listing.status = Status.PUBLISHED
    listing.closed_reason = ""
    listing.published_at = listing.published_at or now
    listing.expires_at = now + LIFETIME
    listing.reminder_sent_at = None
    listing.save()
    if first:
        transaction.on_commit(lambda: alert_new_listing.enqueue(listing.pk))


def _tell(user_id: int, template: str, listing: Listing, **extra) -> None:
    params = {"title": listing.title, **extra}
    url = listing.get_absolute_url()
    transaction.on_commit(lambda: notify_user.enqueue(user_id, template, params, url))

"""What happens to a place: reporting, moderation, claims, corrections and their notices.

Every function here is one atomic change that also writes the change history and queues the
notices (in-app and e-mail through background tasks) once the change is committed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from openpromotor.geo.distance import bbox_around, haversine_km
from openpromotor.places.filters import within_bbox
from openpromotor.places.models import (
    ModerationItem,
    Place,
    PlaceChange,
    PlacePhoto,
    Source,
    Status,
)
from openpromotor.places.tasks import notify_followers, notify_user

DUPLICATE_RADIUS_KM = 0.05
DECISION_MESSAGES = {
    (ModerationItem.Kind.CLAIM, True): gettext_noop("You are now the owner of “{title}”."),
    (ModerationItem.Kind.CLAIM, False): gettext_noop("Your claim on “{title}” was declined."),
    (ModerationItem.Kind.CORRECTION, True): gettext_noop(
        "Your correction of “{title}” was accepted. Thank you!"
    ),
    (ModerationItem.Kind.CORRECTION, False): gettext_noop(
        "Your correction of “{title}” was not accepted."
    ),
    (ModerationItem.Kind.ABUSE, True): gettext_noop(
        "Your report about “{title}” was accepted; the place is no longer shown."
    ),
    (ModerationItem.Kind.ABUSE, False): gettext_noop(
        "Your report about “{title}” was reviewed; the place stays online."
    ),
}
THUMBNAIL_SIZE = (480, 360)
PHOTO_SIZE = (1600, 1200)


def possible_duplicates(latitude: float, longitude: float, exclude_pk=None) -> list[Place]:
    """Published places within 50 m of a point, nearest first."""
    nearby = within_bbox(Place.objects.published(), bbox_around(latitude, longitude, 0.06))
    if exclude_pk:
        nearby = nearby.exclude(pk=exclude_pk)
    found = [
        (haversine_km(latitude, longitude, p.public_latitude, p.public_longitude), p)
        for p in nearby.select_related("municipality")[:50]
    ]
    found.sort(key=lambda pair: pair[0])
    return [place for distance, place in found if distance <= DUPLICATE_RADIUS_KM]


@transaction.atomic
def report_place(place: Place, reporter, photos=()) -> Place:
    """Save a new citizen report; it waits for a moderator."""
    place.reporter = reporter
    place.source = place.source or Source.CITIZEN
    place.status = Status.PENDING
    place.save()
    for photo in photos:
        add_photo(place, reporter, **photo, record=False)
    record(place, PlaceChange.Kind.REPORTED, reporter)
    return place


def add_photo(place, user, image, rights_holder, caption="", record=True) -> PlacePhoto:
    """``image`` is an already re-encoded file (see ``forms.PhotoForm``)."""
    from openpromotor.core.images import reencode_image

    photo = PlacePhoto(place=place, rights_holder=rights_holder, caption=caption)
    photo.uploaded_by = user
    photo.image = image
    image.seek(0)
    photo.thumbnail = reencode_image(image, THUMBNAIL_SIZE, quality=80)
    photo.save()
    if record:
        record_change(place, PlaceChange.Kind.PHOTO, user, notify=True)
    return photo


@transaction.atomic
def publish(place: Place, moderator) -> None:
    place.status = Status.PUBLISHED
    place.published_at = place.published_at or timezone.now()
    place.rejection_reason = ""
    place.save(update_fields=["status", "published_at", "rejection_reason", "updated_at"])
    record(place, PlaceChange.Kind.PUBLISHED, moderator)
    _tell_reporter(place, gettext_noop("Your report “{title}” is now published on the map."))


@transaction.atomic
def reject(place: Place, moderator, reason: str) -> None:
    place.status = Status.REJECTED
    place.rejection_reason = reason
    place.save(update_fields=["status", "rejection_reason", "updated_at"])
    record(place, PlaceChange.Kind.REJECTED, moderator, note=reason)
    _tell_reporter(
        place, gettext_noop("Your report “{title}” was not published. Reason: {reason}"), reason
    )


@transaction.atomic
def set_status(place: Place, user, status: str, note: str = "") -> None:
    """Archive a place or mark it no longer vacant; followers hear about it."""
    place.status = status
    place.save(update_fields=["status", "updated_at"])
    record_change(place, PlaceChange.Kind.STATUS, user, note=note, notify=True)


@transaction.atomic
def save_edit(place: Place, user, changed_fields: list[str]) -> None:
    """Record an edit by an owner or a moderator; tell followers when availability opened."""
    place.save()
    became_available = any(
        field in changed_fields
        for field in ("for_sale", "for_rent", "temporary_use", "cooperative")
    ) and bool(place.availabilities)
    record_change(
        place, PlaceChange.Kind.EDITED, user, fields=changed_fields, notify=became_available
    )


@transaction.atomic
def merge(duplicate: Place, into: Place, moderator) -> None:
    """Keep ``into``: move photos, followers and open items there, archive the duplicate."""
    duplicate.photos.update(place=into)
    duplicate.moderation_items.update(place=into)
    for follow in duplicate.follow_set.exclude(user__in=into.followers.all()):
        follow.place = into
        follow.save(update_fields=["place"])
    duplicate.follow_set.all().delete()
    duplicate.status = Status.ARCHIVED
    duplicate.save(update_fields=["status", "updated_at"])
    note = f"#{duplicate.pk} → #{into.pk}"
    record(duplicate, PlaceChange.Kind.MERGED, moderator, note=note)
    record(into, PlaceChange.Kind.MERGED, moderator, note=note)


@transaction.atomic
def decide(item: ModerationItem, moderator, accept: bool) -> None:
    """Accept or decline a correction, an abuse report or an ownership claim."""
    item.state = ModerationItem.State.ACCEPTED if accept else ModerationItem.State.DECLINED
    item.decided_by = moderator
    item.decided_at = timezone.now()
    item.save(update_fields=["state", "decided_by", "decided_at"])
    place = item.place
    if accept and item.kind == ModerationItem.Kind.CLAIM:
        place.owner = item.author
        place.save(update_fields=["owner", "updated_at"])
        record(place, PlaceChange.Kind.CLAIMED, moderator)
    elif accept and item.kind == ModerationItem.Kind.CORRECTION:
        _apply_correction(place, item, moderator)
    elif accept and item.kind == ModerationItem.Kind.ABUSE:
        place.status = Status.ARCHIVED
        place.save(update_fields=["status", "updated_at"])
        record_change(place, PlaceChange.Kind.STATUS, moderator, note=item.text, notify=True)
    if item.author_id:
        template = DECISION_MESSAGES[(item.kind, accept)]
        params = {"title": place.title}
        url = place.get_absolute_url()
        transaction.on_commit(lambda: notify_user.enqueue(item.author_id, template, params, url))


def _apply_correction(place: Place, item: ModerationItem, moderator) -> None:
    fields = []
    if item.no_longer_vacant:
        place.status = Status.NO_LONGER_VACANT
        fields.append("status")
    if item.proposed_occupancy:
        place.occupancy = item.proposed_occupancy
        fields.append("occupancy")
    place.save(update_fields=[*fields, "updated_at"])
    record_change(
        place, PlaceChange.Kind.CORRECTED, moderator, fields=fields, note=item.text, notify=True
    )


def record(place, kind, actor, fields=(), note="") -> PlaceChange:
    return PlaceChange.objects.create(
        place=place, kind=kind, actor=actor, fields=list(fields), note=note
    )


def record_change(place, kind, actor, fields=(), note="", notify=False) -> PlaceChange:
    """Record a change and, if asked, tell the followers once the change is committed."""
    change = record(place, kind, actor, fields, note)
    if notify:
        transaction.on_commit(lambda: notify_followers.enqueue(change.pk))
    return change


def _tell_reporter(place: Place, template: str, reason: str = "") -> None:
    if place.reporter_id:
        params = {"title": place.title, "reason": reason}
        url = place.get_absolute_url()
        transaction.on_commit(lambda: notify_user.enqueue(place.reporter_id, template, params, url))

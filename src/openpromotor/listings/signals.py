"""Listings that follow what happens elsewhere: buildings being published, accounts deleted.

Alerts about buildings: the places app knows nothing of saved searches; a receiver watches its
saves instead. A place's state before the save is read in ``pre_save``, so an edit of an
already published place is no news, while publication by a moderator (or republication after an
archive) is.

A deleted account: its listings were contributions that others read, answered and linked to,
so they stay (``Listing.author`` becomes NULL, shown as "former member"), but nobody can answer
a former member, so a published one is closed as withdrawn. Drafts and listings still waiting
for a moderator were never public: they go with the account.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from openpromotor.listings.models import Listing
from openpromotor.listings.tasks import alert_new_place
from openpromotor.listings.vocabulary import ClosedReason
from openpromotor.listings.vocabulary import Status as ListingStatus
from openpromotor.places.models import Place, Status


@receiver(pre_save, sender=Place, dispatch_uid="listings_place_state_before")
def remember_state(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._was_published = False
        return
    before = Place.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    instance._was_published = before == Status.PUBLISHED


@receiver(post_save, sender=Place, dispatch_uid="listings_place_published")
def alert_when_published(sender, instance, raw=False, **kwargs):
    if raw or instance.status != Status.PUBLISHED or getattr(instance, "_was_published", True):
        return
    transaction.on_commit(lambda: alert_new_place.enqueue(instance.pk))


@receiver(pre_delete, sender=get_user_model(), dispatch_uid="listings_author_deleted")
def close_listings_of_deleted_account(sender, instance, **kwargs):
    """Runs inside the deletion's transaction, before the author becomes NULL."""
    own = Listing.objects.filter(author=instance)
    own.filter(status__in=[ListingStatus.DRAFT, ListingStatus.PENDING]).delete()
    own.filter(status=ListingStatus.PUBLISHED).update(
        status=ListingStatus.CLOSED, closed_reason=ClosedReason.WITHDRAWN, updated_at=timezone.now()
    )

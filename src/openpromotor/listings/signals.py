"""Alerts about buildings: when a place becomes published, instant saved searches hear of it.

The places app knows nothing of saved searches; this receiver watches its saves instead. A
place's state before the save is read in ``pre_save``, so an edit of an already published place
is no news, while publication by a moderator (or republication after an archive) is.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from openpromotor.listings.tasks import alert_new_place
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

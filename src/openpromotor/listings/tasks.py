"""Background work for listings: notices, alerts, digests and expiry.

The worker runs these when they are enqueued; ``openpromotor listings expire`` and
``openpromotor listings digest`` run the periodic ones from cron (or enqueue them).
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from openpromotor.core.notify import notify


@task()
def notify_user(user_id: int, template: str, params: dict, url: str) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user:
        notify(user, template, params, url)


@task()
def alert_new_listing(listing_id: int) -> int:
    """Instant alerts about a listing that was just published for the first time."""
    from openpromotor.listings import alerts

    return alerts.alert_instantly("listing", listing_id)


@task()
def alert_new_place(place_id: int) -> int:
    """Instant alerts about a place that was just published."""
    from openpromotor.listings import alerts

    return alerts.alert_instantly("place", place_id)


@task()
def send_digests(frequency: str) -> int:
    from openpromotor.listings import alerts

    return alerts.send_digests(frequency)[0]


@task()
def expire_listings() -> list[int]:
    from openpromotor.listings import services

    return list(services.expire_due())

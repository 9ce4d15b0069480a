"""Background notices about places."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_noop
from django_tasks import task

from openpromotor.core.notify import notify

FOLLOWER_MESSAGES = {
    "photo": gettext_noop("“{title}” has a new photo."),
    "status": gettext_noop("“{title}” changed state: {status}."),
    "edited": gettext_noop("“{title}” is now available: {availability}."),
    "corrected": gettext_noop("“{title}” was corrected: {status}."),
}


@task()
def notify_user(user_id: int, template: str, params: dict, url: str) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user:
        notify(user, template, params, url)


@task()
def notify_followers(change_id: int) -> int:
    """Tell everyone who follows a place about one change (not the person who made it)."""
    from openpromotor.places.models import PlaceChange

    change = PlaceChange.objects.select_related("place").get(pk=change_id)
    place = change.place
    params = {
        "title": place.title,
        "status": place.get_status_display(),
        "availability": ", ".join(str(label) for label in place.availability_labels()),
    }
    followers = place.followers.filter(is_active=True).exclude(pk=change.actor_id)
    for follower in followers:
        notify(follower, FOLLOWER_MESSAGES[change.kind], params, place.get_absolute_url())
    return len(followers)

"""Record what happens in a project and tell the right people, each as they chose.

``record`` writes an activity inside the caller's transaction and, once that commits, queues
its delivery. Delivery checks again who may see it: members, or (for public news only)
followers. So an activity of a members-only part never reaches a non-member, even when someone
left the project between the event and the delivery.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation

from openpromotor.core.models import Notification
from openpromotor.projects.models import Activity, DigestItem, Frequency, NotificationSetting
from openpromotor.projects.models.activity import DEFAULT_FREQUENCIES, PUBLIC_NEWS

MEMBERS = "members"
"""Audience: every member of the project except the actor."""
MEMBERS_AND_FOLLOWERS = "members_and_followers"
"""Audience of public news: members and followers, except the actor."""


def record(project, actor, kind, part, template, params, url="", audience=MEMBERS) -> Activity:
    """Write one activity; ``audience`` is ``MEMBERS``, ``MEMBERS_AND_FOLLOWERS`` or a list of
    users (for mentions and assignments; only those who are members get it)."""
    activity = Activity.objects.create(
        project=project,
        actor=actor,
        kind=kind,
        part=part,
        template=template,
        params={"project": project.name, **params},
        url=url,
    )
    explicit = None if isinstance(audience, str) else [user.pk for user in audience]
    with_followers = audience == MEMBERS_AND_FOLLOWERS

    def enqueue():
        from openpromotor.projects.tasks import deliver_activity

        deliver_activity.enqueue(activity.pk, explicit, with_followers)

    transaction.on_commit(enqueue)
    return activity


def recipients(activity, explicit_ids=None, with_followers=False) -> list:
    """Who may hear about an activity now: active members (and followers of public news)."""
    users = get_user_model().objects.filter(is_active=True).exclude(pk=activity.actor_id)
    members = users.filter(project_memberships__project=activity.project_id)
    if explicit_ids is not None:
        return list(members.filter(pk__in=explicit_ids))
    found = {user.pk: user for user in members}
    if with_followers and activity.part == PUBLIC_NEWS:
        for user in users.filter(followed_projects=activity.project_id):
            found.setdefault(user.pk, user)
    return list(found.values())


def frequency_for(user, kind) -> str:
    chosen = NotificationSetting.objects.filter(user=user, kind=kind).values_list(
        "frequency", flat=True
    )
    return chosen.first() or DEFAULT_FREQUENCIES[kind]


def deliver(activity, explicit_ids=None, with_followers=False) -> int:
    """In-app notification for each recipient, and an e-mail now or in a digest."""
    delivered = 0
    for user in recipients(activity, explicit_ids, with_followers):
        frequency = frequency_for(user, activity.kind)
        if frequency == Frequency.OFF:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            message = activity.message()
        Notification.objects.create(recipient=user, message=message[:300], url=activity.url)
        if frequency == Frequency.INSTANT:
            link = f"{settings.SITE_URL}{activity.url}"
            send_mail(
                subject=message[:78],
                message=f"{message}\n\n{link}\n\n— Open Promotor",
                from_email=None,
                recipient_list=[user.email],
            )
        else:
            DigestItem.objects.get_or_create(
                user=user, activity=activity, defaults={"frequency": frequency}
            )
        delivered += 1
    return delivered

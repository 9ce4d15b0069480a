"""Daily and weekly e-mail digests: what waited for each person, grouped per project, newest
first. A digest with nothing (left) to tell is never sent.

Run ``openpromotor send_project_digests daily`` once a day and ``… weekly`` once a week (cron or
a systemd timer next to the worker).
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from openpromotor.projects.models import DigestItem, Frequency, Membership, ProjectFollow
from openpromotor.projects.models.activity import PUBLIC_NEWS


def send_digests(frequency: str) -> int:
    """Send every pending digest of this frequency; returns how many e-mails went out."""
    if frequency not in {Frequency.DAILY, Frequency.WEEKLY}:
        raise ValueError(f"No digests for {frequency!r}")
    pending = DigestItem.objects.filter(frequency=frequency, sent_at__isnull=True)
    sent = 0
    for user_id in pending.values_list("user_id", flat=True).distinct():
        if _send_one(user_id, frequency):
            sent += 1
    return sent


@transaction.atomic
def _send_one(user_id: int, frequency: str) -> bool:
    items = list(
        DigestItem.objects.select_for_update()
        .filter(user_id=user_id, frequency=frequency, sent_at__isnull=True)
        .select_related("user", "activity__project")
    )
    if not items:
        return False
    DigestItem.objects.filter(pk__in=[item.pk for item in items]).update(sent_at=timezone.now())
    user = items[0].user
    visible = [item.activity for item in items if _still_visible(user, item.activity)]
    if not visible or not user.is_active:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = compose(frequency, visible)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
    return True


def _still_visible(user, activity) -> bool:
    """Members see their project's activities; followers only its public news."""
    project_id = activity.project_id
    if Membership.objects.filter(project_id=project_id, user=user).exists():
        return True
    return (
        activity.part == PUBLIC_NEWS
        and ProjectFollow.objects.filter(project_id=project_id, user=user).exists()
    )


def compose(frequency: str, activities: list) -> tuple[str, str]:
    """The subject and text of a digest: per project (latest first), newest activity first."""
    groups = defaultdict(list)
    for activity in activities:
        groups[activity.project].append(activity)
    for items in groups.values():
        items.sort(key=lambda activity: (activity.created_at, activity.pk), reverse=True)
    projects = sorted(groups, key=lambda project: groups[project][0].created_at, reverse=True)
    if frequency == Frequency.DAILY:
        subject = ngettext(
            "Your daily digest: %(count)d thing happened in your projects",
            "Your daily digest: %(count)d things happened in your projects",
            len(activities),
        ) % {"count": len(activities)}
    else:
        subject = ngettext(
            "Your weekly digest: %(count)d thing happened in your projects",
            "Your weekly digest: %(count)d things happened in your projects",
            len(activities),
        ) % {"count": len(activities)}
    lines = []
    for project in projects:
        lines += [project.name, "=" * len(project.name)]
        for activity in groups[project]:
            when = date_format(timezone.localtime(activity.created_at), "j M H:i")
            lines.append(f"- {when} · {activity.message()}")
            if activity.url:
                lines.append(f"  {settings.SITE_URL}{activity.url}")
        lines.append("")
    lines.append(
        gettext("Choose what you hear about and how often: %(url)s")
        % {"url": f"{settings.SITE_URL}/projecten/meldingen/"}
    )
    lines.append("— Open Promotor")
    return subject, "\n".join(lines)

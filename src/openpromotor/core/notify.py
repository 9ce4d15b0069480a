"""Tell a person something: an in-app notification and an e-mail (sent by a background task).

Messages are gettext templates with named placeholders, rendered in the platform's language.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext

from openpromotor.core.models import Notification


def notify(user, template: str, params: dict, url: str = "") -> Notification:
    with translation.override(settings.LANGUAGE_CODE):
        message = gettext(template).format(**params)
        notification = Notification.objects.create(recipient=user, message=message, url=url)
        link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
        send_mail(
            subject=message[:78],
            message=f"{message}\n\n{link}\n\n— Open Promotor",
            from_email=None,
            recipient_list=[user.email],
        )
    return notification

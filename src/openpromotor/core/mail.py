"""E-mail goes out through a background task, so a slow mail server never slows a page down.

``TaskEmailBackend`` is the project's ``EMAIL_BACKEND``: it turns each message into plain data
and enqueues :func:`openpromotor.core.tasks.deliver_email`, which hands it to the real backend
named by ``EMAIL_URL`` (``DELIVERY_EMAIL_BACKEND``).
"""

import base64

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend


def message_to_data(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [name, base64.b64encode(_as_bytes(content)).decode(), mimetype]
            for name, content, mimetype in message.attachments
        ],
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


def deliver(data: dict) -> int:
    """Send one message, described as data, with the configured delivery backend."""
    from django.conf import settings

    connection = get_connection(settings.DELIVERY_EMAIL_BACKEND)
    return connection.send_messages([message_from_data(data)])


def _as_bytes(content) -> bytes:
    return content.encode() if isinstance(content, str) else bytes(content)


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from openpromotor.core.tasks import deliver_email

        for message in email_messages:
            deliver_email.enqueue(message_to_data(message))
        return len(email_messages)

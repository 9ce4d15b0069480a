import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django_tasks_db.models import DBTaskResult

from openpromotor.core.mail import TaskEmailBackend, message_from_data, message_to_data


def _message():
    message = EmailMultiAlternatives(
        "Onderwerp", "Tekst", "from@example.org", ["to@example.org"], reply_to=["r@example.org"]
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("plan.bin", b"bytes \x00 here", "application/octet-stream")
    return message


def test_a_message_survives_the_trip_through_task_data():
    copy = message_from_data(message_to_data(_message()))
    assert copy.subject == "Onderwerp"
    assert copy.to == ["to@example.org"] and copy.reply_to == ["r@example.org"]
    assert copy.alternatives[0][0] == "<p>Tekst</p>"
    assert copy.attachments[0][1] == b"bytes \x00 here"


@pytest.mark.django_db
def test_the_email_backend_queues_a_task_instead_of_sending(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert TaskEmailBackend().send_messages([_message()]) == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "openpromotor.core.tasks.deliver_email"
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_task_delivers_with_the_configured_backend(settings):
    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    TaskEmailBackend().send_messages([_message()])  # the immediate backend runs the task now
    assert [m.subject for m in mail.outbox] == ["Onderwerp"]

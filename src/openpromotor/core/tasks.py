"""Background tasks shared by every app."""

from django_tasks import task

from openpromotor.core import mail


@task()
def deliver_email(data: dict) -> int:
    return mail.deliver(data)

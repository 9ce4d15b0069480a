"""``openpromotor send_project_digests daily|weekly``: send the pending e-mail digests."""

from django.core.management.base import BaseCommand

from openpromotor.projects.digests import send_digests
from openpromotor.projects.models import Frequency


class Command(BaseCommand):
    help = "Send the daily or weekly digests of project activity (never an empty one)."

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[Frequency.DAILY, Frequency.WEEKLY])

    def handle(self, *args, frequency, **options):
        sent = send_digests(frequency)
        self.stdout.write(f"{sent} {frequency} digest(s) sent.")

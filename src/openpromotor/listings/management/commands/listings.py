"""``openpromotor listings expire`` and ``openpromotor listings digest daily|weekly``.

Run them from cron (expire and the daily digest once a day, the weekly digest once a week), or
give ``--enqueue`` to hand the work to the background worker instead.
"""

from django.core.management.base import BaseCommand

from openpromotor.listings import alerts, services, tasks
from openpromotor.listings.vocabulary import Frequency


class Command(BaseCommand):
    help = "Expire listings (with reminders) or send the saved-search digests."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("expire", help="Remind a week ahead, expire what is past its date.")
        digest = actions.add_parser("digest", help="E-mail what is new for saved searches.")
        digest.add_argument("frequency", choices=[Frequency.DAILY, Frequency.WEEKLY])
        for action in (actions.choices["expire"], digest):
            action.add_argument(
                "--enqueue", action="store_true", help="Let the background worker do it."
            )

    def handle(self, *args, action, enqueue=False, **options):
        if action == "expire":
            if enqueue:
                tasks.expire_listings.enqueue()
                self.stdout.write("Expiry enqueued.")
                return
            reminded, expired = services.expire_due()
            self.stdout.write(f"Reminded {reminded} authors; {expired} listings expired.")
            return
        frequency = options["frequency"]
        if enqueue:
            tasks.send_digests.enqueue(frequency)
            self.stdout.write(f"{frequency} digest enqueued.")
            return
        sent, looked = alerts.send_digests(frequency)
        self.stdout.write(f"{sent} digests sent for {looked} saved searches.")

"""``openpromotor close_due_proposals``: mark the proposals past their closing time closed.

Votes are refused and results shown from the closing time on, whether or not this has run;
running it (every few minutes, e.g. from cron) keeps the results final and tells the members.
"""

from django.core.management.base import BaseCommand

from openpromotor.decisions.proposals import close_due


class Command(BaseCommand):
    help = "Close the proposals whose closing time has passed and notify their members."

    def handle(self, *args, **options):
        closed = close_due()
        self.stdout.write(f"{closed} proposal(s) closed.")

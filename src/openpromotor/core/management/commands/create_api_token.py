"""``openpromotor create_api_token EMAIL [--name NAME]``: make a personal API key.

The key is printed once on standard output and only its hash is kept, so pipe it straight to
where it is needed.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from openpromotor.core.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for a user and print its key (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the e-mail address of the token's user")
        parser.add_argument("--name", default="command line", help="a name to recognise it by")

    def handle(self, *args, email, name, **options):
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with the e-mail address {email}.")
        if not user.is_active:
            raise CommandError(f"The account {email} is not active.")
        _, key = ApiToken.issue(user, name)
        self.stdout.write(key)
        self.stderr.write(f"Token “{name}” created for {user.email}; the key is not shown again.")

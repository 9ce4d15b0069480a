"""``openpromotor demo``: load the demo world (idempotent: run it as often as you like)."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from openpromotor.accounts.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load (or refresh) the Dutch-language demo world and print the demo logins."

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            for module in demo_modules():
                logins += module.load() or []
        self.stdout.write(self.style.SUCCESS("Demo world loaded. Demo logins:"))
        for email, description in logins:
            self.stdout.write(f"  {email:<34} {description}")
        self.stdout.write(f"Every demo login uses the password: {DEMO_PASSWORD}")


def demo_modules():
    """Each app may hold a ``demo`` module with a ``load()``; apps load in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("openpromotor.") and importlib.util.find_spec(name):
            yield importlib.import_module(name)

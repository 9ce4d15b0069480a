from django.core.management.base import BaseCommand

from openpromotor.municipalities import loader
from openpromotor.municipalities.models import AdministrativeUnit, PostalCode


class Command(BaseCommand):
    help = (
        "Load (or refresh) Belgium's administrative units and postal codes from the bundled data."
    )

    def handle(self, *args, **options):
        units, postal_codes = loader.load(AdministrativeUnit, PostalCode)
        self.stdout.write(f"{units} administrative units and {postal_codes} postal codes loaded.")

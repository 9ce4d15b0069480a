"""Demo feasibility plan: Lotte's group works out the Antwerp school example (idempotent)."""

from openpromotor.accounts.models import User
from openpromotor.feasibility.models import Plan
from openpromotor.feasibility.report import example_scenario

DEMO_OWNER = "lotte@demo.openpromotor.be"
TITLE = "Oude school Borgerhout: coöperatief wonen"


def load() -> list:
    owner = User.objects.filter(email=DEMO_OWNER).first()
    if owner is None:
        return []
    plan, _created = Plan.objects.get_or_create(owner=owner, title=TITLE)
    if not plan.versions.exists():
        plan.versions.create(
            scenario=example_scenario() | {"name": TITLE}, note="Eerste raming (voorbeeld)"
        )
    return []

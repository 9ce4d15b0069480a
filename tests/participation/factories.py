"""Stakeholders for tests, saved directly (the services are tested on their own)."""

from openpromotor.participation.models import Stakeholder


def make_stakeholder(project, name="Buurtbewoners", **fields) -> Stakeholder:
    values = {
        "kind": "organisation",
        "group": "residents",
        "influence": 3,
        "interest": 3,
        "attitude": "neutral",
        "level": "micro",
        **fields,
    }
    return Stakeholder.objects.create(project=project, name=name, **values)

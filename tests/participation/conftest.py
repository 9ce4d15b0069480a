import pytest

from openpromotor.participation.models import Relation
from tests.participation.factories import make_stakeholder
from tests.projects.conftest import _workspace_settings, on_commit, team  # noqa: F401


@pytest.fixture
def mapped(request):
    """The team's project with three stakeholders and a relation between two of them."""
    people = request.getfixturevalue("team")
    project = people["project"]
    buurt = make_stakeholder(project, "Buurtcomité Bruul", group="associations", influence=2)
    schepen = make_stakeholder(
        project, "Schepen van Cultuur", group="elected_officials", influence=5, interest=4
    )
    bank = make_stakeholder(
        project, "Coöperatieve bank", group="financial_partners", attitude="critical"
    )
    Relation.objects.create(source=buurt, kind="works_with", target=schepen, strength=2)
    return {**people, "buurt": buurt, "schepen": schepen, "bank": bank}

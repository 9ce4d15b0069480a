"""The demo charters: an adopted and partly signed charter with a newer draft for the school,
a first draft for the chapel, points in all three statuses; loading twice adds nothing."""

import pytest

from openpromotor.accounts import demo as accounts_demo
from openpromotor.charters import adoption
from openpromotor.charters import demo as charters_demo
from openpromotor.charters.models import Comment, Version
from openpromotor.projects import demo as projects_demo
from openpromotor.projects.models import Project

pytestmark = pytest.mark.django_db


def test_the_demo_world_has_charters_in_different_states():
    accounts_demo.load()
    projects_demo.load()
    charters_demo.load()
    charters_demo.load()

    school = Project.objects.get(name="Samenhuizen in de oude school")
    adopted = school.charter_versions.adopted().get()
    assert adopted.number == 4
    newest = school.charter_versions.first()
    assert newest.number == 5 and not newest.is_adopted
    assert [s.user.display_name for s in adopted.signatures.all()] == ["Lotte Peeters"]
    assert [user.display_name for user in adoption.not_signed(adopted)] == ["Amina El Idrissi"]
    statuses = {p["status"] for s in adopted.sections() for p in s["points"]}
    assert statuses == {"agreed", "reconcilable", "divergent"}
    assert len(newest.sections()) == len(adopted.sections()) + 1
    assert Comment.objects.filter(section__project=school).count() == 2

    chapel = Project.objects.get(name="Buurtkapel Mechelen")
    assert chapel.charter_sections.count() == 2
    assert not chapel.charter_versions.adopted().exists()
    assert Version.objects.count() == 5 + 2


def test_the_demo_command_loads_the_charters_after_the_projects():
    from openpromotor.core.management.commands.demo import demo_modules

    names = [module.__name__ for module in demo_modules()]
    assert names.index("openpromotor.charters.demo") > names.index("openpromotor.projects.demo")

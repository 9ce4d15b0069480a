"""The demo world's stakeholder maps, plans and bodies; loading twice adds nothing."""

import pytest

from openpromotor.accounts import demo as accounts_demo
from openpromotor.participation import demo
from openpromotor.participation.models import Body, Meeting, PlanCell, Relation
from openpromotor.projects import demo as projects_demo
from openpromotor.projects.models import Activity, EventKind, Project

pytestmark = pytest.mark.django_db


def test_two_demo_projects_get_a_map_a_plan_and_bodies():
    accounts_demo.load()
    projects_demo.load()
    demo.load()
    counts = (Relation.objects.count(), PlanCell.objects.count(), Meeting.objects.count())
    demo.load()
    assert (Relation.objects.count(), PlanCell.objects.count(), Meeting.objects.count()) == counts
    for name in ("Buurtkapel Mechelen", "Samenhuizen in de oude school"):
        project = Project.objects.get(name=name)
        assert 8 <= project.stakeholders.count() <= 12
        assert {s.category for s in project.stakeholders.all()} >= {"local", "institutional"}
        assert project.stakeholders.filter(attitude="critical").exists()
        assert project.stakeholders.filter(user__isnull=False).exists()
        assert Relation.objects.filter(source__project=project, kind="in_conflict").exists()
        phases = PlanCell.objects.filter(phase__project=project).values("phase").distinct()
        assert phases.count() >= 2
        steering = project.bodies.get(kind="steering_committee")
        coordinator = project.memberships.get(role="coordinator").user
        assert steering.members.filter(user=coordinator, function="project_coordinator").exists()
        group = project.bodies.get(kind="working_group")
        assert group.members.filter(stakeholder__isnull=False).exists()
        assert group.meetings.get().minutes
        assert steering.meetings.get().agenda and not steering.meetings.get().minutes
        assert Activity.objects.filter(project=project, kind=EventKind.PARTICIPATION).exists()
    workshop = Project.objects.get(name="Kinderatelier in de lege winkel")
    assert not workshop.stakeholders.exists() and not Body.objects.filter(project=workshop)


def test_without_the_projects_demo_nothing_happens():
    demo.load()
    assert not Relation.objects.exists() and not Body.objects.exists()

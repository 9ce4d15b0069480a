"""The demo world's three projects, at three points of the roadmap; loading twice adds none."""

import pytest

from openpromotor.accounts import demo as accounts_demo
from openpromotor.projects import demo
from openpromotor.projects.models import Project

pytestmark = pytest.mark.django_db


def test_three_demo_projects_at_different_phases():
    accounts_demo.load()
    demo.load()
    demo.load()
    projects = {project.name: project for project in Project.objects.all()}
    phases = {name: project.current_phase.number for name, project in projects.items()}
    assert phases == {
        "Buurtkapel Mechelen": 1,
        "Samenhuizen in de oude school": 4,
        "Kinderatelier in de lege winkel": 6,
    }
    for project in projects.values():
        assert project.memberships.count() >= 3
        assert project.tasks.filter(assignee__isnull=False).exists()
        assert project.threads.get().comments.count() == 2
        assert project.threads.get().comments.first().mentions.exists()
        assert project.documents.get().versions.get().content_type == "application/pdf"
        assert project.updates.filter(is_public=True).exists()
    school = projects["Samenhuizen in de oude school"]
    assert school.phases.filter(state="closed").count() == 3
    assert school.phases.first().evaluations.exists()

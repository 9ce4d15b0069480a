import pytest
from django.contrib.auth.models import AnonymousUser

from openpromotor.projects.models import Role
from tests.factories import UserFactory
from tests.projects.factories import PRIVATE_PARTS, add_member, make_project


@pytest.fixture(autouse=True)
def _workspace_settings(settings):
    """Pages and notices are in English, the language of the source strings, so the tests do
    not depend on the translations (documents go to a temporary folder: tests/conftest.py)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what a service queues for after its transaction (deliveries, e-mails)."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def team(db):
    """A members-only project with one person per role, an outsider, a moderator and nobody."""
    coordinator = UserFactory(display_name="Cora Coordinator")
    project = make_project(coordinator, **PRIVATE_PARTS)
    people = {"coordinator": coordinator}
    names = {
        Role.MEMBER: "Mats Member",
        Role.EXPERT: "Eva Expert",
        Role.OWNER: "Otto Owner",
        Role.MUNICIPALITY: "Gina Gemeente",
        Role.OBSERVER: "Olga Observer",
    }
    for role, name in names.items():
        people[str(role)] = add_member(project, role, display_name=name)
    people["outsider"] = UserFactory(display_name="Oscar Outsider")
    people["moderator"] = UserFactory(display_name="Mona Moderator", moderator=True)
    people["anonymous"] = AnonymousUser()
    people["project"] = project
    return people

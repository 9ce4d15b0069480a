"""Projects for tests: started through the service, so they have their coordinator and the
default roadmap (seven phases with goals) exactly as a real project does."""

from openpromotor.municipalities.models import Municipality
from openpromotor.projects import roadmap
from openpromotor.projects.models import Membership, Project, Role
from tests.factories import UserFactory

PUBLIC_PARTS = {
    "story_is_public": True,
    "members_are_public": True,
    "roadmap_is_public": True,
    "discussions_are_public": True,
    "documents_are_public": True,
    "participation_plan_is_public": True,
    "charter_is_public": True,
}
PRIVATE_PARTS = {field: False for field in PUBLIC_PARTS}


def make_project(coordinator=None, places=(), template=None, **fields) -> Project:
    values = {
        "name": "Samen in de oude school",
        "summary": "Zes gezinnen zoeken een school om samen te wonen.",
        "story": "Ons verhaal.",
        "purpose": "co_housing",
        "municipality": Municipality.objects.get(nis_code="11002"),
        **fields,
    }
    return roadmap.start_project(
        Project(**values), coordinator or UserFactory(), places=list(places), template=template
    )


def add_member(project, role=Role.MEMBER, user=None, **user_fields):
    user = user or UserFactory(**user_fields)
    Membership.objects.create(project=project, user=user, role=role)
    return user

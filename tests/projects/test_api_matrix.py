"""The API part of the permission matrix: ``GET /api/v1/projects`` and ``/api/v1/projects/{id}``
answer everyone the same public data, whoever asks and however (no login, a session or an API
token): a member gets no members-only part either, and every members-only thing of the project
stays out, part by part."""

import json

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from openpromotor.core.models import ApiToken
from openpromotor.places.models import Status
from openpromotor.projects import discussions, documents, filetypes, membership, news, roadmap
from openpromotor.projects.models import JoinRequest, Milestone, Task
from tests.factories import UserFactory
from tests.permission_matrix import PRINCIPALS
from tests.places.factories import PlaceFactory
from tests.projects.factories import PUBLIC_PARTS
from tests.projects.test_documents import PDF_BYTES

pytestmark = pytest.mark.django_db

TEAM_NAMES = [
    "Cora Coordinator",
    "Mats Member",
    "Eva Expert",
    "Otto Owner",
    "Gina Gemeente",
    "Olga Observer",
]
"""The members part: while it is members-only, no member's name is in the API."""
ROADMAP_SECRETS = ["GEHEIM-DOEL", "GEHEIM-MIJLPAAL", "GEHEIM-EVALUATIE"]
ALWAYS_MEMBERS_ONLY = [
    "GEHEIM-TAAK",
    "GEHEIM-GESPREK",
    "GEHEIM-REACTIE",
    "GEHEIM-DOCUMENT",
    "geheim-document.pdf",
    "GEHEIM-NIEUWS",
    "geheim-genodigde@example.org",
    "GEHEIM-AANVRAAG",
    "GEHEIM-PAND",
]
"""Tasks, discussions and documents (not in the API even when public), members-only news,
invitations, requests to join, and a linked building that is not published."""
ASKERS = [
    (person, how)
    for person in [*PRINCIPALS, "operator"]
    if person != "anonymous"
    for how in ("session", "token")
]
"""Everyone of the team, and a platform operator, each with a session and with a token; the
anonymous answer is what they all must get."""


@pytest.fixture
def secretive_team(team):
    """The team's members-only project, with a secret in each of its parts."""
    project, coordinator = team["project"], team["coordinator"]
    project.story = "GEHEIM-VERHAAL"
    project.save()
    project.places.add(PlaceFactory(title="GEHEIM-PAND", status=Status.PENDING))
    phase = project.phases.get(number=1)
    roadmap.add_goal(phase, "GEHEIM-DOEL")
    Milestone.objects.create(phase=phase, title="GEHEIM-MIJLPAAL", due_date="2030-01-01")
    roadmap.close_phase(phase, coordinator, "GEHEIM-EVALUATIE")
    Task.objects.create(project=project, phase=phase, title="GEHEIM-TAAK")
    thread = discussions.start_thread(project, coordinator, "GEHEIM-GESPREK", "tekst")
    discussions.post_comment(thread, team["member"], "GEHEIM-REACTIE")
    upload = ContentFile(PDF_BYTES, "geheim-document.pdf")
    documents.add_document(project, coordinator, "GEHEIM-DOCUMENT", upload, filetypes.PDF)
    news.post_update(project, coordinator, "GEHEIM-NIEUWS", "intern", is_public=False)
    news.post_update(project, coordinator, "Open dag", "Iedereen welkom", is_public=True)
    membership.invite(project, coordinator, "geheim-genodigde@example.org", "member")
    JoinRequest.objects.create(project=project, user=UserFactory(), message="GEHEIM-AANVRAAG")
    return {**team, "operator": UserFactory(is_staff=True, is_superuser=True)}


def _client(person, how) -> Client:
    """A client that asks as the person: with a session or with a personal API token."""
    if how == "session":
        client = Client()
        client.force_login(person)
        return client
    _token, key = ApiToken.issue(person, "script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _answers(client, project) -> list[dict]:
    answers = []
    for url in ("/api/v1/projects", f"/api/v1/projects/{project.pk}"):
        response = client.get(url)
        assert response.status_code == 200, url
        answers.append(response.json())
    return answers


def test_no_members_only_part_reaches_anyone(secretive_team):
    project = secretive_team["project"]
    anonymous = _answers(Client(), project)
    for person, how in ASKERS:
        answers = _answers(_client(secretive_team[person], how), project)
        assert answers == anonymous, (person, how)  # a login or a token changes nothing
    text = json.dumps(anonymous)
    for secret in ["GEHEIM-VERHAAL", *TEAM_NAMES, *ROADMAP_SECRETS, *ALWAYS_MEMBERS_ONLY]:
        assert secret not in text, secret
    detail = anonymous[1]
    assert detail["public_parts"] == []
    assert detail["story"] is None and detail["members"] is None and detail["roadmap"] is None
    assert detail["places"] == [] and detail["location"] is None
    assert [update["title"] for update in detail["news"]] == ["Open dag"]
    assert detail["member_count"] == 6 and detail["current_phase"]["number"] == 2


def test_public_parts_reach_everyone_alike_and_nothing_more(secretive_team):
    project = secretive_team["project"]
    for name, value in PUBLIC_PARTS.items():
        setattr(project, name, value)
    project.save()
    anonymous = _answers(Client(), project)
    for person, how in ASKERS:
        assert _answers(_client(secretive_team[person], how), project) == anonymous, (person, how)
    detail = anonymous[1]
    assert detail["story"] == "GEHEIM-VERHAAL"
    assert sorted(member["name"] for member in detail["members"]) == sorted(TEAM_NAMES)
    roadmap_text = json.dumps(detail["roadmap"])
    assert all(secret in roadmap_text for secret in ("GEHEIM-DOEL", "GEHEIM-MIJLPAAL"))
    text = json.dumps(anonymous)
    for secret in ALWAYS_MEMBERS_ONLY:
        assert secret not in text, secret

"""Download my data: the workspace's part holds what it keeps about the person and what they
wrote, in every project, and nothing of anyone else (nor the files themselves)."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from openpromotor.accounts.privacy import export_personal_data
from openpromotor.projects import discussions, documents, filetypes, membership, news, roadmap
from openpromotor.projects.models import (
    EventKind,
    Frequency,
    JoinRequest,
    NotificationSetting,
    ProjectFollow,
    Role,
    Task,
)
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project
from tests.projects.test_documents import PDF_BYTES

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    """Lotte coordinates one project and asked to join another; Mats works alongside her."""
    lotte = UserFactory(display_name="Lotte", email="lotte@example.org")
    school = make_project(lotte, name="De oude school")
    mats = add_member(school, Role.MEMBER, display_name="Mats")
    chapel = make_project(name="De kapel")
    phase = school.phases.get(number=1)

    membership.invite(school, lotte, "nieuw@example.org", Role.EXPERT, "Kom erbij!")
    membership.invite(chapel, chapel.created_by, "LOTTE@example.org", Role.OBSERVER)
    JoinRequest.objects.create(project=chapel, user=lotte, message="Ik woon om de hoek.")
    ProjectFollow.objects.create(project=chapel, user=lotte)
    Task.objects.create(project=school, phase=phase, title="Sleutel ophalen", assignee=lotte)
    Task.objects.create(project=school, phase=phase, title="Taak van Mats", assignee=mats)
    thread = discussions.start_thread(school, lotte, "Sleutel", "Wie heeft de sleutel?")
    discussions.post_comment(thread, mats, "Ik, van Mats.")
    upload = ContentFile(PDF_BYTES, "plan.pdf")
    documents.add_document(school, lotte, "Financieringsplan", upload, filetypes.PDF, note="v1")
    news.post_update(school, lotte, "Open dag", "Iedereen welkom", is_public=True)
    news.post_update(school, mats, "Nieuws van Mats", "tekst", is_public=True)
    roadmap.close_phase(phase, lotte, "Het gebouw is bezocht.", "Verder met de visie.")
    NotificationSetting.objects.create(user=lotte, kind=EventKind.NEWS, frequency=Frequency.OFF)
    NotificationSetting.objects.create(user=mats, kind=EventKind.TASK, frequency=Frequency.OFF)
    return lotte, school, chapel


def test_the_export_holds_the_persons_workspace_data(person):
    lotte, school, chapel = person
    data = export_personal_data(lotte)["projects"]
    json.dumps(data)  # the export is JSON

    school_ref, chapel_ref = (
        {"id": school.pk, "name": "De oude school"},
        {"id": chapel.pk, "name": "De kapel"},
    )
    assert [(m["project"], m["role"]) for m in data["memberships"]] == [(school_ref, "coordinator")]
    assert [(i["email"], i["role"], i["message"]) for i in data["invitations_sent"]] == [
        ("nieuw@example.org", "expert", "Kom erbij!")
    ]
    assert [(i["project"], i["role"]) for i in data["invitations_received"]] == [
        (chapel_ref, "observer")
    ]
    assert [(r["project"], r["message"], r["state"]) for r in data["join_requests"]] == [
        (chapel_ref, "Ik woon om de hoek.", "open")
    ]
    assert data["followed_projects"] == [chapel_ref]
    assert [(t["title"], t["phase"], t["status"]) for t in data["tasks_assigned"]] == [
        ("Sleutel ophalen", 1, "todo")
    ]
    assert [t["title"] for t in data["discussions_started"]] == ["Sleutel"]
    assert [(c["discussion"], c["body"]) for c in data["comments"]] == [
        ("Sleutel", "Wie heeft de sleutel?")
    ]
    assert [(e["phase"], e["reached"]) for e in data["phase_evaluations"]] == [
        (1, "Het gebouw is bezocht.")
    ]
    [version] = data["documents_uploaded"]
    assert version | {"uploaded_at": None} == {
        "project": school_ref,
        "document": "Financieringsplan",
        "version": 1,
        "file_name": "plan.pdf",
        "content_type": "application/pdf",
        "size": len(PDF_BYTES),
        "note": "v1",
        "uploaded_at": None,
    }
    assert [(u["title"], u["public"]) for u in data["news_posts"]] == [("Open dag", True)]
    assert data["notification_settings"] == {"news": "off"}

    # Nothing of anyone else, and not the files' content.
    text = json.dumps(data)
    for other in ("Taak van Mats", "Ik, van Mats.", "Nieuws van Mats", "%PDF"):
        assert other not in text


def test_download_my_data_includes_the_workspace(client, person):
    lotte, school, _chapel = person
    client.force_login(lotte)
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    data = json.loads(response.content)["projects"]
    assert data["memberships"][0]["project"]["id"] == school.pk
    assert data["comments"][0]["body"] == "Wie heeft de sleutel?"


def test_someone_without_projects_gets_empty_lists(db):
    data = export_personal_data(UserFactory())["projects"]
    assert data["notification_settings"] == {}
    assert all(value == [] for key, value in data.items() if key != "notification_settings")

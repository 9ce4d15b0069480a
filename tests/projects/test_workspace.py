"""The workspace dashboard, the project's settings (links and visibility) and news posts."""

import pytest
from django.urls import reverse

from openpromotor.feasibility.models import Plan
from openpromotor.projects.models import Role, Task, Update
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _settings_data(project, **changes):
    data = {
        "name": project.name,
        "summary": project.summary,
        "story": project.story,
        "purpose": project.purpose,
        "legal_form": project.legal_form,
        "municipality": project.municipality_id,
        "status": project.status,
        "current_phase": project.current_phase_id,
        "keep_places": [place.pk for place in project.places.all()],
        "story_is_public": "on",
        "roadmap_is_public": "on",
    }
    return data | changes


def test_the_dashboard_shows_my_tasks_the_phase_and_the_plans(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    member = add_member(project)
    Task.objects.create(project=project, title="Mijn taak", assignee=member)
    Task.objects.create(project=project, title="Andermans taak", assignee=coordinator)
    own = Plan.objects.create(owner=member, title="Mijn raming")
    shared = Plan.objects.create(owner=coordinator, title="Gedeelde raming")
    shared.share()
    private = Plan.objects.create(owner=coordinator, title="Privé raming")
    project.plans.set([own, shared, private])
    client.force_login(member)
    page = client.get(reverse("projects:workspace", args=[project.pk])).content.decode()
    assert "Mijn taak" in page and "Andermans taak" not in page
    assert "Current phase: 1. Verkennen en diagnose" in page
    assert own.get_absolute_url() in page
    assert reverse("feasibility:shared", args=[shared.share_token]) in page
    assert "Privé raming" in page and private.get_absolute_url() not in page


def test_coordinators_link_buildings_and_choose_what_is_public(client):
    coordinator = UserFactory()
    first, second = PlaceFactory(), PlaceFactory()
    project = make_project(coordinator, places=[first])
    plan = Plan.objects.create(owner=coordinator, title="Mijn plan")
    foreign = Plan.objects.create(owner=UserFactory(), title="Andermans plan")
    client.force_login(coordinator)
    url = reverse("projects:edit", args=[project.pk])
    data = _settings_data(
        project,
        keep_places=[],
        add_place=f"https://example.org/panden/{second.pk}/",
        plans=[plan.pk],
        members_are_public="on",
        status="paused",
    )
    assert client.post(url, data).status_code == 302
    project.refresh_from_db()
    assert list(project.places.all()) == [second]
    assert list(project.plans.all()) == [plan]
    assert project.members_are_public and not project.documents_are_public
    assert project.status == "paused"
    # Someone else's plan and an unknown building are refused, and nothing changes.
    response = client.post(url, data | {"plans": [foreign.pk], "add_place": "99999"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No published building has this number or address." in page
    assert list(project.plans.all()) == [plan]
    other_page = client.post(url, data | {"add_place": f"/projecten/{second.pk}/"})
    assert "No published building has this number or address." in other_page.content.decode()


def test_the_current_phase_is_one_of_the_projects_phases(client):
    coordinator = UserFactory()
    project, other = make_project(coordinator), make_project()
    client.force_login(coordinator)
    url = reverse("projects:edit", args=[project.pk])
    third = project.phases.get(number=3)
    client.post(url, _settings_data(project, current_phase=other.phases.first().pk))
    project.refresh_from_db()
    assert project.current_phase.number == 1
    client.post(url, _settings_data(project, current_phase=third.pk))
    project.refresh_from_db()
    assert project.current_phase == third


def test_news_posts_public_or_for_members(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    expert = add_member(project, Role.EXPERT)
    url = reverse("projects:post_update", args=[project.pk])
    client.force_login(expert)
    assert client.post(url, {"title": "X", "body": "Y", "is_public": "on"}).status_code == 403
    client.force_login(coordinator)
    client.post(url, {"title": "Open dag", "body": "Welkom", "is_public": "on"})
    client.post(url, {"title": "Intern", "body": "Alleen leden"})
    assert list(Update.objects.values_list("title", "is_public")) == [
        ("Intern", False),
        ("Open dag", True),
    ]
    assert client.post(url, {"title": "", "body": ""}).status_code == 400
    client.logout()
    page = client.get(reverse("projects:updates", args=[project.pk])).content.decode()
    assert "Open dag" in page and "Intern" not in page


def test_invalid_settings_answer_400_and_change_nothing(client):
    coordinator = UserFactory()
    project = make_project(coordinator, name="De oude school")
    client.force_login(coordinator)
    url = reverse("projects:edit", args=[project.pk])
    activities = project.activities.count()
    data = _settings_data(project, name="", summary="Een nieuwe samenvatting.", status="gone")
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please correct the fields marked below." in page
    assert "Een nieuwe samenvatting." in page  # what was typed stays in the form
    assert set(response.context["form"].errors) == {"name", "status"}
    project.refresh_from_db()
    assert project.name == "De oude school" and project.summary != "Een nieuwe samenvatting."
    assert project.activities.count() == activities

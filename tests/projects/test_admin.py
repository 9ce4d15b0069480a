"""Operators manage the roadmap templates and the step-card library in the admin, and what
they change there is what new projects and the boards get; nobody else gets in."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from openpromotor.projects import roadmap
from openpromotor.projects.models import RoadmapTemplate, StepCard
from tests.factories import UserFactory
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

TEMPLATES = reverse("admin:projects_roadmaptemplate_changelist")
CARDS = reverse("admin:projects_stepcard_changelist")
LIBRARY_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("roadmaptemplate", "templatephase", "stepcard")
    for action in ("view", "add", "change", "delete")
]


@pytest.fixture(params=["superuser", "staff"])
def operator(request):
    """An operator: a superuser, or a staff member given the library's permissions."""
    if request.param == "superuser":
        return UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory(is_staff=True)
    person.user_permissions.set(Permission.objects.filter(codename__in=LIBRARY_PERMISSIONS))
    return person


def _phases(*phases, initial=0, template=None) -> dict:
    """The inline form set of a template's phases: ``(id or None, number, title, goals)``."""
    data = {
        "phases-TOTAL_FORMS": str(len(phases)),
        "phases-INITIAL_FORMS": str(initial),
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
    }
    for index, (pk, number, title, goals) in enumerate(phases):
        prefix = f"phases-{index}-"
        data |= {
            f"{prefix}number": str(number),
            f"{prefix}title": title,
            f"{prefix}description": "",
            f"{prefix}goals": goals,
        }
        if pk:
            data |= {f"{prefix}id": str(pk), f"{prefix}template": str(template.pk)}
    return data


def _card_data(**changes) -> dict:
    return {
        "title": "Gesprek met de buren",
        "explanation": "Stel het project voor aan de buurt.",
        "guidance_links": "https://example.org/buren",
        "category": "people",
        "suggested_phase": "1",
        "is_active": "on",
        "order": "5",
        **changes,
    }


def test_operators_list_add_and_change_templates(client, operator):
    client.force_login(operator)
    listing = client.get(TEMPLATES)
    assert listing.status_code == 200
    assert roadmap.default_template().name in listing.content.decode()
    assert client.get(reverse("admin:projects_roadmaptemplate_add")).status_code == 200

    data = {"name": "Tijdelijk gebruik", "description": "Kort traject."}
    phases = _phases((None, 1, "Afspraken", "Contract\nVerzekering"), (None, 2, "Gebruik", ""))
    response = client.post(reverse("admin:projects_roadmaptemplate_add"), data | phases)
    assert response.status_code == 302, response.context["errors"]
    template = RoadmapTemplate.objects.get(name="Tijdelijk gebruik")
    first, second = template.phases.order_by("number")
    assert first.goal_list() == ["Contract", "Verzekering"]
    earlier = make_project(template=template)

    change = reverse("admin:projects_roadmaptemplate_change", args=[template.pk])
    assert client.get(change).status_code == 200
    phases = _phases(
        (first.pk, 1, "Afspraken", "Contract"),
        (second.pk, 2, "Samen gebruiken", ""),
        initial=2,
        template=template,
    )
    assert client.post(change, data | phases).status_code == 302
    second.refresh_from_db()
    assert second.title == "Samen gebruiken"

    # A project started from it now gets the new phases; a running project keeps its own.
    project = make_project(template=template)
    assert list(project.phases.values_list("title", flat=True)) == ["Afspraken", "Samen gebruiken"]
    assert list(project.phases.get(number=1).goals.values_list("text", flat=True)) == ["Contract"]
    assert list(earlier.phases.values_list("title", flat=True)) == ["Afspraken", "Gebruik"]


def test_operators_list_add_and_change_step_cards(client, operator):
    client.force_login(operator)
    listing = client.get(CARDS)
    assert listing.status_code == 200 and "Bouwkundige opname" in listing.content.decode()
    response = client.post(reverse("admin:projects_stepcard_add"), _card_data())
    assert response.status_code == 302
    card = StepCard.objects.get(title="Gesprek met de buren")
    assert card.link_list() == ["https://example.org/buren"]

    project = make_project()
    coordinator = Client()
    coordinator.force_login(project.created_by)
    board = reverse("projects:board", args=[project.pk])
    assert "Gesprek met de buren" in coordinator.get(board).content.decode()

    # Taking the card out of the library takes it off the boards.
    change = reverse("admin:projects_stepcard_change", args=[card.pk])
    assert client.get(change).status_code == 200
    data = _card_data(title="Buurtgesprek")
    del data["is_active"]
    assert client.post(change, data).status_code == 302
    card.refresh_from_db()
    assert card.title == "Buurtgesprek" and not card.is_active
    assert "Buurtgesprek" not in coordinator.get(board).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "verified", "moderator", "staff without rights"])
def test_nobody_else_manages_the_library(client, who):
    if who == "verified":
        client.force_login(UserFactory())
    elif who == "moderator":
        client.force_login(UserFactory(moderator=True))
    elif who == "staff without rights":
        client.force_login(UserFactory(is_staff=True))
    templates, cards = RoadmapTemplate.objects.count(), StepCard.objects.count()
    add_template = reverse("admin:projects_roadmaptemplate_add")
    add_card = reverse("admin:projects_stepcard_add")
    default = roadmap.default_template()
    change_template = reverse("admin:projects_roadmaptemplate_change", args=[default.pk])
    for url in (TEMPLATES, CARDS, add_template, add_card, change_template):
        response = client.get(url)
        refused = response.status_code == 403 or "/admin/login/" in response.get("Location", "")
        assert refused, (url, response.status_code)
    client.post(add_template, {"name": "Van een buitenstaander"} | _phases())
    client.post(add_card, _card_data())
    client.post(change_template, {"name": "Gekaapt"} | _phases())
    assert RoadmapTemplate.objects.count() == templates and StepCard.objects.count() == cards
    default.refresh_from_db()
    assert default.name != "Gekaapt"

"""The roadmap: phases from the template, step cards on the board (htmx and keyboard), goals,
milestones, closing with an evaluation (not twice), reopening, and the timeline."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from openpromotor.projects import roadmap
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Phase, PhaseEvaluation, StepCard, Task
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project(UserFactory(display_name="Cora"))


@pytest.fixture
def coordinator_client(client, project):
    client.force_login(project.created_by)
    return client


def test_a_new_project_gets_the_seven_phases_of_the_default_template(project):
    phases = list(project.phases.all())
    assert [phase.number for phase in phases] == [1, 2, 3, 4, 5, 6, 7]
    assert phases[0].title == "Verkennen en diagnose"
    assert phases[-1].title == "Uitbating en cobeheer"
    assert all(phase.goals.exists() for phase in phases)
    assert project.current_phase == phases[0]
    assert project.memberships.get().user == project.created_by


def test_the_library_holds_the_cards_of_the_issue():
    titles = set(StepCard.objects.values_list("title", flat=True))
    for title in (
        "Bouwkundige opname",
        "Asbestinventaris",
        "Eerste gesprek met de eigenaar",
        "Ontwerp van coöperatieve statuten",
        "Gesprek met de bank",
        "Aanvraag omgevingsvergunning",
        "Overeenkomst tijdelijk gebruik",
    ):
        assert title in titles


def _card(title="Bouwkundige opname"):
    return StepCard.objects.get(title=title)


def test_laying_a_card_with_the_keyboard_form_makes_a_task(coordinator_client, project):
    phase = project.phases.get(number=1)
    url = reverse("projects:lay_card", args=[project.pk, _card().pk])
    response = coordinator_client.post(url, {"phase": phase.pk})
    assert response["Location"] == reverse("projects:board", args=[project.pk])
    task = Task.objects.get()
    assert (task.phase, task.card, task.title) == (phase, _card(), "Bouwkundige opname")
    assert "Building survey" not in task.description  # the card's own explanation is copied
    assert task.description == _card().explanation


def test_laying_a_card_with_htmx_answers_the_new_board(coordinator_client, project):
    phase = project.phases.get(number=1)
    url = reverse("projects:lay_card", args=[project.pk, _card("Stakeholderkaart").pk])
    response = coordinator_client.post(url, {"phase": phase.pk}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="board"')
    assert 'hx-swap-oob="innerHTML"' in page and "is now a task in phase 1" in page
    assert "Stakeholderkaart" in page


def test_a_card_cannot_be_laid_into_another_projects_phase(coordinator_client, project):
    foreign = make_project().phases.first()
    url = reverse("projects:lay_card", args=[project.pk, _card().pk])
    coordinator_client.post(url, {"phase": foreign.pk})
    assert not Task.objects.exists()


def test_the_board_shows_the_library_and_the_tasks_to_members(coordinator_client, project):
    roadmap.lay_card(project, _card(), project.phases.first(), project.created_by)
    page = coordinator_client.get(reverse("projects:board", args=[project.pk])).content.decode()
    assert 'data-drop-phase="' in page and 'draggable="true"' in page
    assert "Asbestinventaris" in page  # the library
    assert 'for="card-' in page  # each card's phase select has its own label


def test_moving_a_task_to_another_phase(coordinator_client, project):
    task = roadmap.lay_card(project, _card(), project.phases.first(), project.created_by)
    second = project.phases.get(number=2)
    url = reverse("projects:move_task", args=[project.pk, task.pk])
    coordinator_client.post(url, {"phase": second.pk}, HTTP_HX_REQUEST="true")
    task.refresh_from_db()
    assert task.phase == second and task.version == 2


def test_a_due_date_in_1900_is_refused_and_the_form_keeps_its_text(coordinator_client, project):
    response = coordinator_client.post(
        reverse("projects:add_task", args=[project.pk]),
        {
            "title": "Bank bellen",
            "description": "Vraag naar de voorwaarden",
            "status": "todo",
            "due_date": "1900-03-01",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a date between the year 2000 and" in page
    assert "Vraag naar de voorwaarden" in page and 'value="Bank bellen"' in page
    assert not Task.objects.exists()


def test_a_milestone_in_1900_is_refused(coordinator_client, project):
    phase = project.phases.first()
    response = coordinator_client.post(
        reverse("projects:add_milestone", args=[project.pk, phase.pk]),
        {"title": "Eerste bezoek", "due_date": "1900-01-01"},
    )
    assert response.status_code == 400
    assert "Choose a date between the year 2000" in response.content.decode()
    assert not phase.milestones.exists()


def test_goals_and_milestones(coordinator_client, project):
    phase = project.phases.first()
    coordinator_client.post(
        reverse("projects:add_goal", args=[project.pk, phase.pk]), {"text": "Buren bevraagd"}
    )
    goal = phase.goals.get(text="Buren bevraagd")
    coordinator_client.post(reverse("projects:set_goal", args=[project.pk, goal.pk]), {"done": "1"})
    goal.refresh_from_db()
    assert goal.done
    date = datetime.date.today() + datetime.timedelta(days=30)
    coordinator_client.post(
        reverse("projects:add_milestone", args=[project.pk, phase.pk]),
        {"title": "Rondgang", "due_date": date.isoformat()},
    )
    milestone = phase.milestones.get()
    coordinator_client.post(
        reverse("projects:set_milestone", args=[project.pk, milestone.pk]), {"reached": "1"}
    )
    milestone.refresh_from_db()
    assert milestone.reached_at == datetime.date.today()


def test_closing_a_phase_with_an_evaluation_then_reopening_it(coordinator_client, project):
    first, second = project.phases.get(number=1), project.phases.get(number=2)
    member = add_member(project)
    url = reverse("projects:close_phase", args=[project.pk, first.pk])
    response = coordinator_client.post(url, {"reached": "We kennen het gebouw.", "changes": ""})
    assert response.status_code == 302
    first.refresh_from_db()
    project.refresh_from_db()
    assert first.is_closed and project.current_phase == second
    evaluation = first.evaluations.get()
    assert evaluation.reached == "We kennen het gebouw."
    assert mail.outbox == [] or all(member.email in m.to for m in mail.outbox)

    coordinator_client.post(
        reverse("projects:reopen_phase", args=[project.pk, first.pk]), {"reason": "Asbest!"}
    )
    first.refresh_from_db()
    project.refresh_from_db()
    evaluation.refresh_from_db()
    assert not first.is_closed and project.current_phase == first
    assert evaluation.reopen_reason == "Asbest!" and evaluation.reopened_at is not None

    # The roadmap is iterative: the phase closes again, with a second evaluation.
    coordinator_client.post(url, {"reached": "Asbest geïnventariseerd.", "changes": "Budget"})
    assert PhaseEvaluation.objects.filter(phase=first).count() == 2
    page = coordinator_client.get(first.get_absolute_url()).content.decode()
    assert "Asbest geïnventariseerd." in page and "We kennen het gebouw." in page


def test_a_phase_closed_twice_keeps_the_second_text_and_says_why(coordinator_client, project):
    phase = project.phases.first()
    roadmap.close_phase(phase, project.created_by, "Eerste evaluatie")
    url = reverse("projects:close_phase", args=[project.pk, phase.pk])
    response = coordinator_client.post(url, {"reached": "Mijn tweede tekst", "changes": "X"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "This phase was already closed on" in page
    assert "Mijn tweede tekst" in page  # nothing lost
    assert phase.evaluations.count() == 1
    with pytest.raises(ActionRefused):
        roadmap.close_phase(phase, project.created_by, "nog eens")


def test_reopening_an_open_phase_is_refused(project):
    with pytest.raises(ActionRefused):
        roadmap.reopen_phase(project.phases.first(), project.created_by)


def test_closing_the_last_open_phase_keeps_it_current(project):
    phases = list(project.phases.all())
    for phase in phases:
        roadmap.close_phase(phase, project.created_by, "Klaar")
    project.refresh_from_db()
    assert project.current_phase == phases[-1]
    assert roadmap.project_progress(project).percent == 100


def test_the_timeline_lists_dates_in_order(coordinator_client, project):
    phase = project.phases.first()
    today = datetime.date.today()
    roadmap.add_milestone(phase, "Later", today + datetime.timedelta(days=60))
    roadmap.add_milestone(phase, "Eerder", today + datetime.timedelta(days=5))
    Task.objects.create(
        project=project, phase=phase, title="Taak", due_date=today + datetime.timedelta(10)
    )
    roadmap.close_phase(phase, project.created_by, "Klaar")
    page = coordinator_client.get(reverse("projects:timeline", args=[project.pk])).content.decode()
    assert (
        page.index("phase closed") < page.index("Eerder") < page.index("Taak") < page.index("Later")
    )


def test_phase_progress_counts_goals_and_tasks(project):
    phase = project.phases.first()
    Task.objects.create(project=project, phase=phase, title="A", status="done")
    phase.goals.filter(pk=phase.goals.first().pk).update(done=True)
    counted = next(
        p for p in roadmap.phases_with_counts(project, with_tasks=True) if p.pk == phase.pk
    )
    assert (counted.progress.done, counted.progress.total) == (2, phase.goals.count() + 1)
    public = next(
        p for p in roadmap.phases_with_counts(project, with_tasks=False) if p.pk == phase.pk
    )
    assert public.progress.total == phase.goals.count()


def test_an_empty_library_falls_back_to_the_built_in_template():
    from openpromotor.projects.models import RoadmapTemplate

    RoadmapTemplate.objects.all().delete()
    project = make_project()
    assert project.phases.count() == 7
    assert Phase.objects.filter(project=project, number=6, title="Werken").exists()

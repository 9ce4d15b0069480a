"""Opening a proposal: its options per poll type, and bad input that saves nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from openpromotor.decisions.models import Option, PollType, Proposal, Stance
from tests.decisions.factories import make_proposal
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


def _form(project, **changes) -> dict:
    closes = timezone.localtime() + datetime.timedelta(days=3)
    return {
        "title": "Welke naam geven we het atelier?",
        "description": "Kies een naam voor **ons** atelier.",
        "poll_type": PollType.SINGLE_CHOICE,
        "options": "De Knutselwinkel\nAtelier Om de Hoek\n",
        "score_min": 0,
        "score_max": 5,
        "closes_at": closes.strftime("%Y-%m-%dT%H:%M"),
        "quorum": 50,
        "phase": project.current_phase_id,
        **changes,
    }


@pytest.mark.parametrize(
    ("poll_type", "stances"),
    [
        (PollType.PROPOSAL, ["agree", "abstain", "disagree"]),
        (PollType.CONSENT, ["consent", "object"]),
        (PollType.CONSENSUS, ["agree", "abstain", "disagree", "block"]),
    ],
)
def test_fixed_answers_become_the_options(team, poll_type, stances):
    proposal = make_proposal(team["project"], poll_type=poll_type, options="ignored\nlines")
    assert [option.stance for option in proposal.options.all()] == stances
    assert all(not option.text for option in proposal.options.all())
    assert str(proposal.options.first().label) == Stance(stances[0]).label


def test_written_options_keep_their_order(team):
    proposal = make_proposal(
        team["project"], poll_type=PollType.SCORE, options="Tuin\n\n  Fietsenstalling \nDak"
    )
    assert [o.text for o in proposal.options.all()] == ["Tuin", "Fietsenstalling", "Dak"]
    assert [o.position for o in proposal.options.all()] == [1, 2, 3]


def test_a_coordinator_opens_a_proposal_with_the_form(client, team):
    project = team["project"]
    client.force_login(team["member"])
    response = client.post(reverse("decisions:open", args=[project.pk]), _form(project))
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    assert proposal.proposer == team["member"] and proposal.phase == project.current_phase
    assert proposal.poll_type == PollType.SINGLE_CHOICE and proposal.is_open
    assert proposal.options.count() == 2


def test_the_form_page_offers_the_phases_of_the_project(client, team):
    client.force_login(team["coordinator"])
    response = client.get(reverse("decisions:open", args=[team["project"].pk]))
    assert response.status_code == 200
    assert team["project"].phases.first().title in response.text
    assert 'type="datetime-local"' in response.text


BAD_INPUT = [
    ({"options": "Alleen deze"}, "options", "at least two options"),
    ({"options": ""}, "options", "at least two options"),
    ({"options": "Ja\nja"}, "options", "must be different"),
    ({"poll_type": PollType.SCORE, "options": "Eén"}, "options", "at least two options"),
    ({"quorum": 150}, "quorum", "from 0 to 100"),
    ({"quorum": -5}, "quorum", "from 0 to 100"),
    ({"closes_at": "2020-01-01T10:00"}, "closes_at", "in the future"),
    ({"closes_at": ""}, "closes_at", "required"),
    ({"title": ""}, "title", "required"),
    ({"description": ""}, "description", "required"),
    ({"poll_type": "lottery"}, "poll_type", "valid choice"),
    ({"poll_type": PollType.SCORE, "score_min": 5, "score_max": 5}, "score_max", "above"),
    ({"poll_type": PollType.SCORE, "score_max": 11}, "score_max", "10"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(
    client, team, changes, field, message
):
    project = team["project"]
    client.force_login(team["coordinator"])
    response = client.post(reverse("decisions:open", args=[project.pk]), _form(project, **changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert "The proposal was not opened" in response.text
    assert not Proposal.objects.exists() and not Option.objects.exists()


def test_a_phase_of_another_project_is_refused(client, team):
    project = team["project"]
    elsewhere = make_project(team["coordinator"], name="Elders")
    client.force_login(team["coordinator"])
    data = _form(project, phase=elsewhere.phases.first().pk)
    response = client.post(reverse("decisions:open", args=[project.pk]), data)
    assert response.status_code == 400 and "phase" in response.context["form"].errors
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("fields", "options"),
    [
        ({"poll_type": PollType.MULTIPLE_CHOICE}, "Eén optie"),
        ({"quorum": 150}, ""),
        ({"closes_at": timezone.now() - datetime.timedelta(hours=1)}, ""),
    ],
)
def test_the_service_refuses_the_same_bad_input(team, fields, options):
    with pytest.raises(ValidationError):
        make_proposal(team["project"], options=options, **fields)
    assert not Proposal.objects.exists() and not Option.objects.exists()


def test_the_database_refuses_a_quorum_above_100(team):
    from django.db import IntegrityError, transaction

    proposal = make_proposal(team["project"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(quorum=150)


def test_a_proposal_about_a_charter_section_shows_in_the_decision_log(client, team):
    from openpromotor.charters.models import Section

    project = team["project"]
    section = Section.objects.create(project=project, title="Betaalbaar wonen")
    elsewhere = Section.objects.create(project=make_project(), title="Elders")
    client.force_login(team["member"])
    url = reverse("decisions:open", args=[project.pk])
    response = client.post(url, _form(project, charter_section=elsewhere.pk))
    assert response.status_code == 400 and not Proposal.objects.exists()
    client.post(url, _form(project, charter_section=section.pk))
    proposal = Proposal.objects.get()
    assert proposal.charter_section == section
    Proposal.objects.filter(pk=proposal.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = client.get(reverse("decisions:log", args=[project.pk])).content.decode()
    assert section.get_absolute_url() in page and "charter: Betaalbaar wonen" in page
    client.force_login(team["observer"])
    page = client.get(section.get_absolute_url()).content.decode()
    assert proposal.get_absolute_url() in page  # the section links back to its decisions

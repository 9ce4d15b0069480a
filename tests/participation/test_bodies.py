"""Governance bodies: setting them up (a steering committee starts with the coordinators), one
of each kind except working groups, seats for members and stakeholders, meetings, minutes in
sanitised Markdown that nobody overwrites by accident, and removing a body."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from openpromotor.participation import bodies
from openpromotor.participation.editing import EditConflict
from openpromotor.participation.models import Body, BodyMember, Meeting
from openpromotor.projects.models import Role
from tests.participation.factories import make_stakeholder
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _set_up(client, project, kind, name, **extra):
    url = reverse("participation:add_body", args=[project.pk])
    return client.post(url, {"kind": kind, "name": name, **extra})


def test_a_steering_committee_starts_with_the_coordinators(client, team):
    project = team["project"]
    second = add_member(project, Role.COORDINATOR, display_name="Chris Coordinator")
    client.force_login(team["member"])
    response = _set_up(
        client,
        project,
        "steering_committee",
        "Stuurgroep",
        mandate="Keurt **elke fase** goed.",
        meeting_rhythm="Maandelijks",
    )
    body = project.bodies.get()
    assert response["Location"] == body.get_absolute_url()
    seats = {seat.user: seat.function for seat in body.members.all()}
    assert seats == {team["coordinator"]: "project_coordinator", second: "project_coordinator"}
    page = client.get(body.get_absolute_url()).content.decode()
    assert "<strong>elke fase</strong>" in page and "Maandelijks" in page
    assert "Cora Coordinator" in page and "project coordinator" in page


def test_a_working_group_starts_empty(team):
    body = bodies.create_body(
        Body(project=team["project"], kind="working_group", name="Werkgroep tuin"), team["member"]
    )
    assert not body.members.exists()


def test_one_body_of_each_kind_but_many_working_groups(client, team):
    project = team["project"]
    client.force_login(team["coordinator"])
    assert _set_up(client, project, "steering_committee", "Stuurgroep").status_code == 302
    again = _set_up(client, project, "steering_committee", "Tweede stuurgroep")
    assert again.status_code == 400
    assert "already has a steering committee" in again.content.decode()
    assert _set_up(client, project, "working_group", "Werkgroep tuin").status_code == 302
    assert _set_up(client, project, "working_group", "Werkgroep energie").status_code == 302
    same_name = _set_up(client, project, "working_group", "werkgroep TUIN")
    assert "already has a body with this name" in same_name.content.decode()
    bad = _set_up(client, project, "senate", "Senaat")
    assert bad.status_code == 400 and "Select a valid choice." in bad.content.decode()
    assert project.bodies.count() == 3


def test_the_database_keeps_one_steering_committee(team):
    project = team["project"]
    Body.objects.create(project=project, kind="steering_committee", name="Stuurgroep")
    with pytest.raises(IntegrityError), transaction.atomic():
        Body.objects.create(project=project, kind="steering_committee", name="Nog een")
    Body.objects.create(project=project, kind="working_group", name="Werkgroep 1")
    Body.objects.create(project=project, kind="working_group", name="Werkgroep 2")


def test_the_list_offers_the_kinds_still_missing(client, team):
    project = team["project"]
    Body.objects.create(project=project, kind="steering_committee", name="Stuurgroep")
    client.force_login(team["coordinator"])
    page = client.get(reverse("participation:bodies", args=[project.pk])).content.decode()
    assert "Set up a project team" in page and "Set up a steering committee" not in page
    form = client.get(reverse("participation:add_body", args=[project.pk]) + "?kind=project_team")
    assert form.context["form"]["kind"].value() == "project_team"


def test_editing_a_body(client, team):
    project = team["project"]
    body = Body.objects.create(project=project, kind="project_team", name="Team")
    client.force_login(team["expert"])
    url = reverse("participation:edit_body", args=[project.pk, body.pk])
    data = {"kind": "project_team", "name": "Ontwerpteam", "mandate": "Ontwerpt met de bewoners."}
    assert client.post(url, data).status_code == 302
    body.refresh_from_db()
    assert (body.name, body.mandate) == ("Ontwerpteam", "Ontwerpt met de bewoners.")
    assert client.post(url, {**data, "name": ""}).status_code == 400


@pytest.fixture
def body(mapped):
    return Body.objects.create(project=mapped["project"], kind="working_group", name="Werkgroep")


def _seat(client, project, body, **data):
    url = reverse("participation:add_seat", args=[project.pk, body.pk])
    return client.post(url, {"function": "member", **data})


def test_seats_for_members_and_for_stakeholders(client, mapped, body):
    project = mapped["project"]
    client.force_login(mapped["coordinator"])
    assert (
        _seat(client, project, body, member=mapped["owner"].pk, function="chair").status_code == 302
    )
    assert _seat(client, project, body, stakeholder=mapped["schepen"].pk).status_code == 302
    seats = list(body.members.select_related("user", "stakeholder"))
    assert [(seat.name, seat.function) for seat in seats] == [
        ("Otto Owner", "chair"),
        ("Schepen van Cultuur", "member"),
    ]
    page = client.get(body.get_absolute_url()).content.decode()
    assert "Schepen van Cultuur" in page and "(stakeholder)" in page
    remove = reverse("participation:remove_seat", args=[project.pk, body.pk, seats[0].pk])
    assert client.post(remove).status_code == 302
    assert body.members.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda m: {}, "Choose a project member or a stakeholder."),
        (lambda m: {"member": m["owner"].pk, "stakeholder": m["bank"].pk}, "not both"),
        (lambda m: {"member": m["outsider"].pk}, "Choose a member of this project."),
        (lambda m: {"stakeholder": m["elsewhere"].pk}, "Choose a stakeholder of this project"),
        (lambda m: {"member": m["owner"].pk, "function": "emperor"}, "Select a valid choice."),
    ],
    ids=["nobody", "both", "an outsider", "another project's stakeholder", "unknown function"],
)
def test_bad_seats_are_refused(client, mapped, body, data, message):
    project = mapped["project"]
    other = make_project(mapped["outsider"], name="Ander project")
    mapped = {**mapped, "elsewhere": make_stakeholder(other, "Elders")}
    client.force_login(mapped["coordinator"])
    response = _seat(client, project, body, **data(mapped))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not body.members.exists()


def test_nobody_gets_two_seats_in_one_body(client, mapped, body):
    project = mapped["project"]
    client.force_login(mapped["coordinator"])
    _seat(client, project, body, member=mapped["owner"].pk)
    response = _seat(client, project, body, member=mapped["owner"].pk)
    assert response.status_code == 400  # no longer among the choices
    assert body.members.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyMember.objects.create(body=body, user=mapped["owner"])
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyMember.objects.create(body=body)  # neither a member nor a stakeholder
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyMember.objects.create(body=body, user=mapped["expert"], stakeholder=mapped["bank"])


def test_planning_a_meeting_linked_to_a_phase(client, mapped, body):
    project = mapped["project"]
    phase = project.phases.get(number=2)
    client.force_login(mapped["member"])
    url = reverse("participation:plan_meeting", args=[project.pk, body.pk])
    response = client.post(
        url,
        {
            "date": "2030-05-12",
            "time": "19:30",
            "place": "De refter",
            "phase": phase.pk,
            "agenda": "1. Welkom\n2. De tuin",
        },
    )
    meeting = body.meetings.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert (str(meeting.date), meeting.phase, meeting.created_by) == (
        "2030-05-12",
        phase,
        mapped["member"],
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "<li>De tuin</li>" in page and "De refter" in page and "No minutes yet." in page


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": ""}, "date"),
        ({"date": "1999-12-31"}, "date"),
        ({"date": "2030-02-30"}, "date"),
        ({"date": "2030-05-12", "time": "25:00"}, "time"),
        ({"date": "2030-05-12", "phase": 999999}, "phase"),
    ],
)
def test_bad_meetings_are_refused(client, mapped, body, data, field):
    project = mapped["project"]
    client.force_login(mapped["member"])
    url = reverse("participation:plan_meeting", args=[project.pk, body.pk])
    response = client.post(url, data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not body.meetings.exists()


def test_a_phase_of_another_project_cannot_be_linked(client, mapped, body):
    project = mapped["project"]
    other = make_project(mapped["outsider"], name="Ander project")
    client.force_login(mapped["member"])
    url = reverse("participation:plan_meeting", args=[project.pk, body.pk])
    response = client.post(url, {"date": "2030-05-12", "phase": other.phases.first().pk})
    assert "Choose a phase of this project." in response.content.decode()


def test_editing_a_meeting_keeps_its_minutes(client, mapped, body):
    project = mapped["project"]
    meeting = Meeting.objects.create(body=body, date="2030-05-12", minutes="Verslag")
    client.force_login(mapped["member"])
    url = reverse("participation:edit_meeting", args=[project.pk, body.pk, meeting.pk])
    assert client.post(url, {"date": "2030-05-19", "agenda": "Nieuw"}).status_code == 302
    meeting.refresh_from_db()
    assert (str(meeting.date), meeting.agenda, meeting.minutes) == (
        "2030-05-19",
        "Nieuw",
        "Verslag",
    )


def _minutes_url(project, body, meeting):
    return reverse("participation:write_minutes", args=[project.pk, body.pk, meeting.pk])


def test_minutes_are_sanitised_markdown(client, mapped, body):
    project = mapped["project"]
    meeting = Meeting.objects.create(body=body, date="2030-05-12")
    client.force_login(mapped["expert"])
    minutes = (
        "**Besluit:** de tuin is gedeeld.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"
    )
    response = client.post(_minutes_url(project, body, meeting), {"minutes": minutes, "version": 1})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.minutes_by, meeting.version) == (mapped["expert"], 2)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "<strong>Besluit:</strong>" in page
    assert "<script>alert" not in page and "javascript:" not in page
    assert "Written by Eva Expert" in page


def test_a_second_minute_taker_is_told_and_overwrites_nothing(client, mapped, body):
    project = mapped["project"]
    meeting = Meeting.objects.create(body=body, date="2030-05-12")
    url = _minutes_url(project, body, meeting)
    client.force_login(mapped["member"])
    assert client.post(url, {"minutes": "Versie van Mats", "version": 1}).status_code == 302
    client.force_login(mapped["expert"])
    response = client.post(url, {"minutes": "Versie van Eva", "version": 1})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Mats Member saved it" in content
    assert "Versie van Mats" in content and "Versie van Eva" in content
    meeting.refresh_from_db()
    assert meeting.minutes == "Versie van Mats"
    assert client.post(url, {"minutes": "Samen", "version": 2}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Samen"


def test_the_service_refuses_an_old_version(mapped, body):
    meeting = Meeting.objects.create(body=body, date="2030-05-12")
    bodies.write_minutes(meeting, 1, "Eerste", mapped["member"])
    with pytest.raises(EditConflict):
        bodies.write_minutes(meeting, 1, "Tweede", mapped["expert"])


def test_only_a_coordinator_removes_a_body_after_confirming(client, mapped, body):
    project = mapped["project"]
    Meeting.objects.create(body=body, date="2030-05-12", minutes="Verslag")
    url = reverse("participation:delete_body", args=[project.pk, body.pk])
    client.force_login(mapped["member"])
    assert client.get(url).status_code == 403
    assert "Remove the body" not in client.get(body.get_absolute_url()).content.decode()
    client.force_login(mapped["coordinator"])
    confirm = client.get(url)
    assert "its 1 meetings" in confirm.content.decode()
    assert Body.objects.filter(pk=body.pk).exists()
    assert client.post(url).status_code == 302
    assert not Body.objects.filter(pk=body.pk).exists() and not Meeting.objects.exists()


def test_a_seat_of_someone_who_left_the_project_says_so(client, mapped, body):
    project = mapped["project"]
    BodyMember.objects.create(body=body, user=mapped["owner"])
    project.memberships.filter(user=mapped["owner"]).delete()
    client.force_login(mapped["coordinator"])
    page = client.get(body.get_absolute_url()).content.decode()
    assert "no longer a member of the project" in page

"""What the activity stream and the notifications say about participation, and to whom: the
members only, never followers or anyone else; and the map never leaks into a public place."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.participation import bodies, plan, stakeholders
from openpromotor.participation.models import Body, Meeting, Stakeholder
from openpromotor.projects.models import Activity, EventKind, ProjectFollow
from tests.participation.factories import make_stakeholder

pytestmark = pytest.mark.django_db


def _messages(project) -> list[str]:
    return [
        activity.message()
        for activity in Activity.objects.filter(project=project, kind=EventKind.PARTICIPATION)
    ]


def test_each_event_is_recorded_with_a_link(team, on_commit):
    project, coordinator = team["project"], team["coordinator"]
    with on_commit(execute=True):
        stakeholder = stakeholders.add_stakeholder(
            Stakeholder(project=project, name="Buurtcomité", group="associations"), coordinator
        )
        plan.save_cell(
            project.phases.first(), "associations", 0, {"level": "consultation"}, coordinator
        )
        body = bodies.create_body(
            Body(project=project, kind="working_group", name="Werkgroep"), coordinator
        )
        meeting = bodies.plan_meeting(
            Meeting(body=body, date=datetime.date(2030, 5, 12)), coordinator
        )
        bodies.write_minutes(meeting, 1, "Verslag", team["member"])
        bodies.write_minutes(meeting, 2, "Verslag, aangevuld", team["member"])
    activities = Activity.objects.filter(project=project, kind=EventKind.PARTICIPATION)
    by_message = {activity.message(): activity.url for activity in activities}
    phase = project.phases.first()
    plan_url = reverse("participation:plan", args=[project.pk]) + f"#phase-{phase.pk}"
    on_the_day = "the meeting of “Werkgroep” on 2030-05-12"
    cora = "Cora Coordinator"
    assert by_message == {
        f"{cora} added “Buurtcomité” to the stakeholder map.": stakeholder.get_absolute_url(),
        f"Cora Coordinator changed the participation plan for phase 1, “{phase.title}”.": plan_url,
        "Cora Coordinator set up the governance body “Werkgroep”.": body.get_absolute_url(),
        f"{cora} planned a meeting of “Werkgroep” on 2030-05-12.": meeting.get_absolute_url(),
        f"Mats Member wrote the minutes of {on_the_day}.": meeting.get_absolute_url(),
        f"Mats Member changed the minutes of {on_the_day}.": meeting.get_absolute_url(),
    }


def test_only_members_hear_about_it(team, on_commit, settings):
    project, coordinator = team["project"], team["coordinator"]
    project.participation_plan_is_public = True
    project.save()
    ProjectFollow.objects.create(user=team["outsider"], project=project)
    ProjectFollow.objects.create(user=team["moderator"], project=project)
    with on_commit(execute=True):
        stakeholders.add_stakeholder(
            Stakeholder(project=project, name="GEHEIM-BELANGHEBBENDE", group="residents"),
            coordinator,
        )
        plan.save_cell(
            project.phases.first(), "residents", 0, {"level": "information"}, coordinator
        )
    for person in ("outsider", "moderator"):
        assert not Notification.objects.filter(recipient=team[person]).exists()
    assert not any(team["outsider"].email in message.to for message in mail.outbox)
    notified = set(Notification.objects.values_list("recipient", flat=True).distinct())
    members = set(project.memberships.exclude(user=coordinator).values_list("user", flat=True))
    assert notified == members
    assert Notification.objects.filter(message__contains="GEHEIM-BELANGHEBBENDE").count() == 5


def test_the_workspace_stream_shows_it_to_members_only(client, team, on_commit):
    project = team["project"]
    stakeholders.add_stakeholder(
        Stakeholder(project=project, name="GEHEIM-BELANGHEBBENDE", group="residents"),
        team["coordinator"],
    )
    url = reverse("projects:activity", args=[project.pk])
    client.force_login(team["observer"])
    assert "GEHEIM-BELANGHEBBENDE" in client.get(url).content.decode()
    client.force_login(team["outsider"])
    assert client.get(url).status_code == 403


def test_the_map_never_appears_in_public_places(client, mapped):
    """Not on the public page, the news feed, the projects overview or the API, not even with
    every part of the project public and the plan filled in."""
    from openpromotor.participation.models import PlanCell
    from tests.projects.factories import PUBLIC_PARTS

    project = mapped["project"]
    for field, value in PUBLIC_PARTS.items():
        setattr(project, field, value)
    project.save()
    make_stakeholder(
        project, "GEHEIM-BELANGHEBBENDE", interests="GEHEIM-BELANG", group="associations"
    )
    PlanCell.objects.create(phase=project.phases.first(), group="associations", level="negotiation")
    body = Body.objects.create(project=project, kind="working_group", name="GEHEIM-ORGAAN")
    Meeting.objects.create(body=body, date="2030-05-12", minutes="GEHEIM-VERSLAG")
    secrets = [
        "GEHEIM-BELANGHEBBENDE",
        "GEHEIM-BELANG",
        "GEHEIM-ORGAAN",
        "GEHEIM-VERSLAG",
        "Buurtcomité Bruul",
        "Schepen van Cultuur",
    ]
    places = [
        project.get_absolute_url(),
        reverse("projects:feed", args=[project.pk]),
        reverse("projects:list") + "?q=GEHEIM",
        reverse("projects:updates", args=[project.pk]),
        reverse("participation:plan", args=[project.pk]),
        f"/api/v1/projects/{project.pk}",
        "/api/v1/projects",
    ]
    for principal in ("outsider", "anonymous", "moderator", "coordinator"):
        client.logout()
        if mapped[principal].is_authenticated:
            client.force_login(mapped[principal])
        for url in places:
            if url.endswith("/participatieplan/") and principal == "coordinator":
                continue  # members see their own map's names in their plan
            response = client.get(url)
            assert response.status_code == 200, (principal, url)
            content = response.content.decode()
            for secret in secrets:
                assert secret not in content, (principal, url, secret)
    exports = ["participation:export_stakeholders", "participation:export_relations"]
    for principal in ("outsider", "moderator", "anonymous"):
        client.logout()
        if mapped[principal].is_authenticated:
            client.force_login(mapped[principal])
        for name in exports:
            response = client.get(reverse(name, args=[project.pk]))
            assert response.status_code in {302, 403}, (principal, name)
            assert "GEHEIM-BELANGHEBBENDE" not in response.content.decode()

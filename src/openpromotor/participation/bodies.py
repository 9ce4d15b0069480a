"""Governance bodies: setting one up, its seats, its meetings and their minutes.

A steering committee starts with the project's coordinators in it (seed 002: the project
coordinator is defined within the coordinating structure at the start of the project).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.participation.editing import save_versioned
from openpromotor.participation.models import Body, BodyMember, Meeting
from openpromotor.participation.stakeholders import PART
from openpromotor.participation.vocabulary import BodyKind, Function
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import EventKind, Role


def _saved(instance, refusal: str):
    """Save, turning a constraint that someone else's save just broke into a refusal."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as clash:
        raise ActionRefused(refusal) from clash
    return instance


@transaction.atomic
def create_body(body: Body, actor) -> Body:
    body.created_by = actor
    _saved(body, _("The project already has a body of this kind or with this name."))
    if body.kind == BodyKind.STEERING_COMMITTEE:
        coordinators = body.project.memberships.filter(role=Role.COORDINATOR)
        BodyMember.objects.bulk_create(
            BodyMember(body=body, user_id=membership.user_id, function=Function.PROJECT_COORDINATOR)
            for membership in coordinators
        )
    activity.record(
        body.project,
        actor,
        EventKind.PARTICIPATION,
        PART,
        gettext_noop("{name} set up the governance body “{body}”."),
        {"name": actor.display_name, "body": body.name},
        body.get_absolute_url(),
    )
    return body


@transaction.atomic
def change_body(body: Body) -> Body:
    return _saved(body, _("The project already has a body of this kind or with this name."))


@transaction.atomic
def delete_body(body: Body) -> None:
    """Remove a body with its seats and its meetings (and their minutes)."""
    body.delete()


@transaction.atomic
def add_seat(body: Body, function: str, user=None, stakeholder=None) -> BodyMember:
    seat = BodyMember(body=body, user=user, stakeholder=stakeholder, function=function)
    return _saved(seat, _("This person already has a seat in this body."))


def remove_seat(seat: BodyMember) -> None:
    seat.delete()


@transaction.atomic
def plan_meeting(meeting: Meeting, actor) -> Meeting:
    meeting.created_by = actor
    meeting.save()
    activity.record(
        meeting.body.project,
        actor,
        EventKind.PARTICIPATION,
        PART,
        gettext_noop("{name} planned a meeting of “{body}” on {date}."),
        {"name": actor.display_name, "body": meeting.body.name, "date": meeting.date.isoformat()},
        meeting.get_absolute_url(),
    )
    return meeting


def change_meeting(meeting: Meeting) -> Meeting:
    """Date, place, phase and agenda; the minutes have their own versioned save."""
    meeting.save(update_fields=["date", "time", "place", "phase", "agenda"])
    return meeting


@transaction.atomic
def write_minutes(meeting: Meeting, expected_version: int, minutes: str, actor) -> Meeting:
    """Save the minutes unless someone saved them since ``expected_version``."""
    before = Meeting.objects.select_for_update().get(pk=meeting.pk).minutes
    saved = save_versioned(
        Meeting.objects.all(),
        meeting.pk,
        expected_version,
        {"minutes": minutes, "minutes_by": actor, "minutes_at": timezone.now()},
    )
    template = (
        gettext_noop("{name} wrote the minutes of the meeting of “{body}” on {date}.")
        if not before
        else gettext_noop("{name} changed the minutes of the meeting of “{body}” on {date}.")
    )
    activity.record(
        saved.body.project,
        actor,
        EventKind.PARTICIPATION,
        PART,
        template,
        {"name": actor.display_name, "body": saved.body.name, "date": saved.date.isoformat()},
        saved.get_absolute_url(),
    )
    return saved

"""Governance bodies: the list, setting up and editing a body, its seats, planning a meeting,
and writing its minutes (without overwriting someone else's). For members only, always."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.participation import bodies
from openpromotor.participation.editing import EditConflict
from openpromotor.participation.forms import BodyForm, BodyMemberForm, MeetingForm, MinutesForm
from openpromotor.participation.models import Body, BodyMember, Meeting
from openpromotor.participation.views.access import (
    differences,
    hidden_unless,
    page_context,
    project_for,
    refuse_unless,
)
from openpromotor.participation.vocabulary import BodyKind
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.views.access import object_in


def body_list(request, pk):
    project = project_for(request, pk, "view_bodies")
    today = timezone.localdate()
    found = list(project.bodies.annotate(seat_count=Count("members")))
    upcoming = {}
    meetings = Meeting.objects.filter(body__project=project, date__gte=today).select_related("body")
    for meeting in meetings.order_by("date", "time"):
        upcoming.setdefault(meeting.body_id, meeting)
    for body in found:
        body.next_meeting = upcoming.get(body.pk)
    missing = [kind for kind in BodyKind if kind not in {body.kind for body in found}]
    context = page_context(request, project, "bodies", bodies=found, missing=missing)
    return render(request, "participation/bodies.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_body(request, pk):
    project = project_for(request, pk, "change_bodies")
    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind in BodyKind.values else {}
    if kind in BodyKind.values:
        initial["name"] = BodyKind(kind).label.capitalize()
    form = BodyForm(
        request.POST or None, project=project, instance=Body(project=project), initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                body = bodies.create_body(form.save(commit=False), request.user)
            except ActionRefused as refusal:
                form.add_error(None, refusal.message)
                status = 409
            else:
                messages.success(request, _("“%(body)s” is set up.") % {"body": body.name})
                return redirect(body)
        else:
            status = 400
    context = page_context(request, project, "bodies", form=form, body=None)
    return render(request, "participation/body_form.html", context, status=status)


def _body(request, pk, body_pk, permission=None):
    """The project and one of its bodies (404 to whoever may not see the bodies)."""
    project = project_for(request, pk)
    hidden_unless(request, "view_bodies", project)
    body = object_in(Body, project, body_pk)
    if permission:
        refuse_unless(request, permission, project)
    return project, body


def _body_page(request, project, body, seat_form=None, status=200):
    seats = body.members.select_related("user", "stakeholder")
    members = set(project.memberships.values_list("user_id", flat=True))
    for seat in seats:
        seat.left_project = seat.user_id is not None and seat.user_id not in members
    context = page_context(
        request,
        project,
        "bodies",
        body=body,
        seats=seats,
        meetings=body.meetings.select_related("phase"),
        seat_form=seat_form or BodyMemberForm(body=body),
        today=timezone.localdate(),
    )
    return render(request, "participation/body.html", context, status=status)


def body_detail(request, pk, body_pk):
    project, body = _body(request, pk, body_pk)
    return _body_page(request, project, body)


@login_required
@require_http_methods(["GET", "POST"])
def edit_body(request, pk, body_pk):
    project, body = _body(request, pk, body_pk, "change_bodies")
    form = BodyForm(request.POST or None, project=project, instance=copy(body))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bodies.change_body(form.save(commit=False))
            except ActionRefused as refusal:
                form.add_error(None, refusal.message)
                status = 409
            else:
                messages.success(request, _("The body has been saved."))
                return redirect(body)
        else:
            status = 400
    context = page_context(request, project, "bodies", form=form, body=body)
    return render(request, "participation/body_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_body(request, pk, body_pk):
    project, body = _body(request, pk, body_pk, "delete_body")
    if request.method == "POST":
        bodies.delete_body(body)
        messages.success(request, _("“%(body)s” is removed.") % {"body": body.name})
        return redirect("participation:bodies", project.pk)
    context = page_context(
        request,
        project,
        "bodies",
        body=body,
        meeting_count=body.meetings.count(),
        seat_count=body.members.count(),
    )
    return render(request, "participation/body_delete.html", context)


@login_required
@require_POST
def add_seat(request, pk, body_pk):
    project, body = _body(request, pk, body_pk, "change_bodies")
    form = BodyMemberForm(request.POST, body=body)
    if form.is_valid():
        data = form.cleaned_data
        try:
            seat = bodies.add_seat(body, data["function"], data["member"], data["stakeholder"])
        except ActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("%(name)s has a seat in this body.") % {"name": seat.name})
            return redirect(body)
    return _body_page(request, project, body, seat_form=form, status=400)


@login_required
@require_POST
def remove_seat(request, pk, body_pk, seat_pk):
    _project, body = _body(request, pk, body_pk, "change_bodies")
    seat = get_object_or_404(
        BodyMember.objects.select_related("user", "stakeholder"), pk=seat_pk, body=body
    )
    bodies.remove_seat(seat)
    messages.success(
        request, _("%(name)s no longer has a seat in this body.") % {"name": seat.name}
    )
    return redirect(body)


@login_required
@require_http_methods(["GET", "POST"])
def plan_meeting(request, pk, body_pk):
    project, body = _body(request, pk, body_pk, "change_bodies")
    meeting = Meeting(body=body, phase=project.current_phase)
    form = MeetingForm(request.POST or None, project=project, instance=meeting)
    if request.method == "POST":
        if form.is_valid():
            meeting = bodies.plan_meeting(form.save(commit=False), request.user)
            messages.success(request, _("The meeting is planned."))
            return redirect(meeting)
        status = 400
    else:
        status = 200
    context = page_context(request, project, "bodies", body=body, form=form, meeting=None)
    return render(request, "participation/meeting_form.html", context, status=status)


def _meeting(request, pk, body_pk, meeting_pk, permission=None):
    project, body = _body(request, pk, body_pk, permission)
    meeting = get_object_or_404(
        Meeting.objects.select_related("phase", "minutes_by", "body"), pk=meeting_pk, body=body
    )
    return project, body, meeting


def meeting_detail(request, pk, body_pk, meeting_pk):
    project, body, meeting = _meeting(request, pk, body_pk, meeting_pk)
    context = page_context(request, project, "bodies", body=body, meeting=meeting)
    return render(request, "participation/meeting.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_meeting(request, pk, body_pk, meeting_pk):
    project, body, meeting = _meeting(request, pk, body_pk, meeting_pk, "change_bodies")
    form = MeetingForm(request.POST or None, project=project, instance=copy(meeting))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            bodies.change_meeting(form.save(commit=False))
            messages.success(request, _("The meeting has been saved."))
            return redirect(form.instance)
        status = 400
    context = page_context(request, project, "bodies", body=body, form=form, meeting=meeting)
    return render(request, "participation/meeting_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def write_minutes(request, pk, body_pk, meeting_pk):
    project, body, meeting = _meeting(request, pk, body_pk, meeting_pk, "change_bodies")
    form = MinutesForm(request.POST or None, instance=copy(meeting))
    conflict, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bodies.write_minutes(
                    meeting, form.started_from(), form.cleaned_data["minutes"], request.user
                )
            except EditConflict as clash:
                current = clash.current
                conflict = {
                    "by": current.minutes_by,
                    "at": current.minutes_at,
                    "differences": differences(form, current, ["minutes"]),
                }
                data = request.POST.copy()
                data["version"] = clash.current.version
                form = MinutesForm(data, instance=clash.current)
                form.is_valid()
                status = 409
            else:
                messages.success(request, _("The minutes have been saved."))
                return redirect(meeting)
        else:
            status = 400
    context = page_context(
        request, project, "bodies", body=body, meeting=meeting, form=form, conflict=conflict
    )
    return render(request, "participation/minutes_form.html", context, status=status)

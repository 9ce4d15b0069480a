"""Members: the list, invitations (also for people without an account), requests to join,
role changes, removal, hand-over of coordination and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.projects import membership
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.forms import HandOverForm, InviteForm, JoinRequestForm, RoleForm
from openpromotor.projects.models import Invitation, JoinRequest, Membership, Role
from openpromotor.projects.views.access import object_in, project_for, workspace_context

INVITE_RATE = "30/h"
JOIN_RATE = "10/h"


def _members_page(request, project, invite_form=None, status=200):
    can_manage = request.user.has_perm("projects.manage_members", project)
    context = workspace_context(
        request,
        project,
        "members",
        memberships=project.memberships.select_related("user"),
        invite_form=invite_form or InviteForm(),
        role_form=RoleForm(),
        hand_over_form=HandOverForm(project=project, user=request.user) if can_manage else None,
        invitations=project.invitations.filter(state=Invitation.State.PENDING)
        if can_manage
        else [],
        join_requests=project.join_requests.filter(state=JoinRequest.State.OPEN).select_related(
            "user"
        )
        if can_manage
        else [],
    )
    return render(request, "projects/members.html", context, status=status)


def members(request, pk):
    project = project_for(request, pk, "view_members")
    return _members_page(request, project)


@login_required
@require_POST
def invite(request, pk):
    project = project_for(request, pk, "manage_members")
    if limited(request, "projects.invite", INVITE_RATE):
        return too_many(request)
    form = InviteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            membership.invite(project, request.user, data["email"], data["role"], data["message"])
        except ActionRefused as refusal:
            form.add_error("email", refusal.message)
        else:
            messages.success(
                request,
                _("The invitation was sent to %(email)s.") % {"email": data["email"]},
            )
            return redirect("projects:members", project.pk)
    messages.error(request, _("The invitation was not sent: correct the form below."))
    return _members_page(request, project, invite_form=form, status=400)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link from the invitation e-mail: log in (or sign up) first, then accept or decline."""
    found = Invitation.from_token(token)
    if found is None or found.state != Invitation.State.PENDING:
        return render(request, "projects/invitation.html", {"invitation": found}, status=404)
    if not request.user.is_authenticated:
        return render(request, "projects/invitation.html", {"invitation": found})
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept":
                membership.accept_invitation(found, request.user)
                messages.success(request, _("Welcome to the project!"))
                return redirect("projects:workspace", found.project_id)
            membership.decline_invitation(found, request.user)
            messages.info(request, _("You declined the invitation."))
            return redirect(found.project)
        except ActionRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(found.project)
    return render(request, "projects/invitation.html", {"invitation": found})


@login_required
@require_POST
def revoke_invitation(request, pk, invitation_pk):
    project = project_for(request, pk, "manage_members")
    try:
        membership.revoke_invitation(object_in(Invitation, project, invitation_pk))
        messages.success(request, _("The invitation was withdrawn; its link no longer works."))
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    return redirect("projects:members", project.pk)


@require_http_methods(["GET", "POST"])
def request_to_join(request, pk):
    project = project_for(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("projects.request_to_join", project):
        messages.info(request, _("You cannot ask to join this project."))
        return redirect(project)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST":
        if limited(request, "projects.join", JOIN_RATE):
            return too_many(request)
        if form.is_valid():
            try:
                membership.request_to_join(project, request.user, form.cleaned_data["message"])
                messages.success(request, _("Your request was sent to the coordinators."))
            except ActionRefused as refusal:
                messages.info(request, refusal.message)
            return redirect(project)
    status = 400 if request.method == "POST" else 200
    context = {"project": project, "form": form}
    return render(request, "projects/join_request.html", context, status=status)


@login_required
@require_POST
def decide_request(request, pk, request_pk):
    project = project_for(request, pk, "manage_members")
    join_request = object_in(JoinRequest, project, request_pk)
    accept = request.POST.get("answer") == "accept"
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else Role.MEMBER
    try:
        membership.decide_join_request(join_request, request.user, accept, role)
        messages.success(request, _("Your decision has been saved."))
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    return redirect("projects:members", project.pk)


@login_required
@require_POST
def change_role(request, pk, member_pk):
    project = project_for(request, pk, "manage_members")
    member = object_in(Membership, project, member_pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    else:
        try:
            membership.change_role(member, form.cleaned_data["role"], request.user)
            messages.success(request, _("The role has been changed."))
        except ActionRefused as refusal:
            messages.error(request, refusal.message)
    return redirect("projects:members", project.pk)


@login_required
@require_POST
def remove_member(request, pk, member_pk):
    project = project_for(request, pk, "manage_members")
    try:
        membership.remove_member(object_in(Membership, project, member_pk), request.user)
        messages.success(request, _("The member has been removed."))
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
    return redirect("projects:members", project.pk)


@login_required
@require_POST
def hand_over(request, pk):
    project = project_for(request, pk, "manage_members")
    form = HandOverForm(request.POST, project=project, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose another member of this project."))
    else:
        try:
            membership.hand_over(project, request.user, form.cleaned_data["successor"])
            messages.success(request, _("Coordination has been handed over."))
        except ActionRefused as refusal:
            messages.error(request, refusal.message)
    return redirect("projects:members", project.pk)


@login_required
@require_POST
def leave(request, pk):
    project = project_for(request, pk, "leave_project")
    try:
        membership.leave(project, request.user)
    except ActionRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("projects:members", project.pk)
    messages.success(request, _("You left the project."))
    return redirect(project)

"""Members and roles: invitations, requests to join, leaving, role changes and hand-over.

Every function is one transaction that first locks the project's row, so two coordinators
acting at once are serialised and a project never ends up without a coordinator.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.core.models import Notification
from openpromotor.core.notify import notify
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import (
    EventKind,
    Invitation,
    JoinRequest,
    Membership,
    Part,
    Project,
    Role,
    Task,
)
from openpromotor.projects.models.activity import INTERNAL
from openpromotor.projects.models.project import new_nonce

LAST_COORDINATOR = gettext_noop(
    "A project always has a coordinator: hand over coordination to another member first."
)


def _lock(project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


def _members_url(project) -> str:
    return reverse("projects:members", args=[project.pk])


def coordinators(project) -> list:
    chosen = project.memberships.filter(role=Role.COORDINATOR).select_related("user")
    return [membership.user for membership in chosen]


def _is_last_coordinator(membership) -> bool:
    return (
        membership.role == Role.COORDINATOR
        and membership.project.memberships.filter(role=Role.COORDINATOR).count() == 1
    )


def _joined(project, user, role, actor) -> None:
    activity.record(
        project,
        actor,
        EventKind.MEMBERS,
        Part.MEMBERS,
        gettext_noop("{name} joined “{project}” as {role}."),
        {"name": user.display_name, "role": role},
        _members_url(project),
    )


def _unassign_open_tasks(project, user) -> None:
    Task.objects.filter(project=project, assignee=user).exclude(status=Task.Status.DONE).update(
        assignee=None, version=F("version") + 1
    )


# --- Invitations -----------------------------------------------------------------------------


@transaction.atomic
def invite(project, inviter, email: str, role: str, message: str = "") -> Invitation:
    """Invite an e-mail address; inviting it again renews the invitation (old links die)."""
    project = _lock(project)
    email = get_user_model().objects.normalize_email(email).lower()
    if project.memberships.filter(user__email__iexact=email).exists():
        raise ActionRefused(_("%(email)s is already a member of this project.") % {"email": email})
    invitation = project.invitations.filter(
        email__iexact=email, state=Invitation.State.PENDING
    ).first() or Invitation(project=project, email=email)
    invitation.role, invitation.message, invitation.invited_by = role, message, inviter
    invitation.created_at = timezone.now()
    invitation.nonce = new_nonce()
    invitation.save()
    activity.record(
        project,
        inviter,
        EventKind.MEMBERS,
        INTERNAL,
        gettext_noop("{name} invited {email} as {role}."),
        {"name": inviter.display_name, "email": email, "role": role},
        _members_url(project),
        audience=[],
    )
    transaction.on_commit(lambda: send_invitation(invitation))
    return invitation


def send_invitation(invitation) -> None:
    """The e-mail with the link, and an in-app notice when the address has an account."""
    project = invitation.project
    link = f"{settings.SITE_URL}{invitation.get_absolute_url()}"
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(name)s invites you to the project “%(project)s”") % {
            "name": invitation.invited_by.display_name,
            "project": project.name,
        }
        lines = [
            subject + ".",
            _("Your role: %(role)s.") % {"role": invitation.get_role_display()},
        ]
        if invitation.message:
            lines += ["", invitation.message]
        lines += [
            "",
            _("Accept or decline the invitation here (the link works for 30 days):"),
            link,
            "",
            _("No account yet? The link lets you create one first."),
            "— Open Promotor",
        ]
        send_mail(subject[:78], "\n".join(lines), None, [invitation.email])
        user = get_user_model().objects.filter(email__iexact=invitation.email).first()
        if user is not None:
            Notification.objects.create(
                recipient=user, message=subject[:300], url=invitation.get_absolute_url()
            )


@transaction.atomic
def accept_invitation(invitation, user) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.PENDING:
        raise ActionRefused(_("This invitation has already been answered or was withdrawn."))
    project = _lock(invitation.project)
    membership, created = Membership.objects.get_or_create(
        project=project, user=user, defaults={"role": invitation.role}
    )
    invitation.state, invitation.accepted_by = Invitation.State.ACCEPTED, user
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["state", "accepted_by", "decided_at"])
    project.join_requests.filter(user=user, state=JoinRequest.State.OPEN).update(
        state=JoinRequest.State.ACCEPTED, decided_at=timezone.now()
    )
    if created:
        _joined(project, user, membership.role, user)
    return membership


@transaction.atomic
def decline_invitation(invitation, user) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.PENDING:
        raise ActionRefused(_("This invitation has already been answered or was withdrawn."))
    invitation.state, invitation.decided_at = Invitation.State.DECLINED, timezone.now()
    invitation.save(update_fields=["state", "decided_at"])
    project = invitation.project
    activity.record(
        project,
        user,
        EventKind.MEMBERS,
        INTERNAL,
        gettext_noop("{email} declined the invitation."),
        {"email": invitation.email},
        _members_url(project),
        audience=coordinators(project),
    )


@transaction.atomic
def revoke_invitation(invitation) -> None:
    updated = Invitation.objects.filter(pk=invitation.pk, state=Invitation.State.PENDING).update(
        state=Invitation.State.REVOKED, decided_at=timezone.now()
    )
    if not updated:
        raise ActionRefused(_("This invitation has already been answered or was withdrawn."))


# --- Requests to join ------------------------------------------------------------------------


@transaction.atomic
def request_to_join(project, user, message: str = "") -> JoinRequest:
    project = _lock(project)
    if project.memberships.filter(user=user).exists():
        raise ActionRefused(_("You are already a member of this project."))
    if project.join_requests.filter(user=user, state=JoinRequest.State.OPEN).exists():
        raise ActionRefused(_("Your request to join is already waiting for a coordinator."))
    join_request = JoinRequest.objects.create(project=project, user=user, message=message)
    activity.record(
        project,
        user,
        EventKind.MEMBERS,
        INTERNAL,
        gettext_noop("{name} asks to join “{project}”."),
        {"name": user.display_name},
        _members_url(project),
        audience=coordinators(project),
    )
    return join_request


@transaction.atomic
def decide_join_request(join_request, coordinator, accept: bool, role=Role.MEMBER) -> None:
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    project = _lock(join_request.project)
    if join_request.state != JoinRequest.State.OPEN:
        raise ActionRefused(_("Someone already decided on this request."))
    join_request.state = JoinRequest.State.ACCEPTED if accept else JoinRequest.State.DECLINED
    join_request.decided_by, join_request.decided_at = coordinator, timezone.now()
    join_request.save(update_fields=["state", "decided_by", "decided_at"])
    user = join_request.user
    if accept:
        if not project.memberships.filter(user=user).exists():
            Membership.objects.create(project=project, user=user, role=role)
            _joined(project, user, role, coordinator)
        template = gettext_noop("Welcome! Your request to join “{project}” was accepted.")
        url = reverse("projects:workspace", args=[project.pk])
    else:
        template = gettext_noop("Your request to join “{project}” was declined.")
        url = project.get_absolute_url()
    transaction.on_commit(lambda: notify(user, template, {"project": project.name}, url))


# --- Leaving, roles, hand-over ---------------------------------------------------------------


@transaction.atomic
def leave(project, user) -> None:
    project = _lock(project)
    membership = project.memberships.filter(user=user).first()
    if membership is None:
        raise ActionRefused(_("You are not a member of this project."))
    if _is_last_coordinator(membership):
        raise ActionRefused(_(LAST_COORDINATOR))
    membership.delete()
    _unassign_open_tasks(project, user)
    activity.record(
        project,
        user,
        EventKind.MEMBERS,
        Part.MEMBERS,
        gettext_noop("{name} left “{project}”."),
        {"name": user.display_name},
        _members_url(project),
    )


@transaction.atomic
def change_role(membership, role: str, by) -> Membership:
    project = _lock(membership.project)
    membership = project.memberships.select_related("user").get(pk=membership.pk)
    if membership.role == role:
        return membership
    if role != Role.COORDINATOR and _is_last_coordinator(membership):
        raise ActionRefused(_(LAST_COORDINATOR))
    membership.role = role
    membership.save(update_fields=["role"])
    if role == Role.OBSERVER:
        _unassign_open_tasks(project, membership.user)
    activity.record(
        project,
        by,
        EventKind.MEMBERS,
        Part.MEMBERS,
        gettext_noop("{name} is now {role} in “{project}”."),
        {"name": membership.user.display_name, "role": role},
        _members_url(project),
    )
    return membership


@transaction.atomic
def remove_member(membership, by) -> None:
    project = _lock(membership.project)
    membership = project.memberships.select_related("user").filter(pk=membership.pk).first()
    if membership is None:
        raise ActionRefused(_("This person is no longer a member."))
    if membership.user_id == by.pk:
        raise ActionRefused(_("Use “Leave the project” to leave it yourself."))
    if _is_last_coordinator(membership):
        raise ActionRefused(_(LAST_COORDINATOR))
    user = membership.user
    membership.delete()
    _unassign_open_tasks(project, user)
    activity.record(
        project,
        by,
        EventKind.MEMBERS,
        Part.MEMBERS,
        gettext_noop("{name} is no longer a member of “{project}”."),
        {"name": user.display_name},
        _members_url(project),
    )
    template = gettext_noop("You are no longer a member of “{project}”.")
    transaction.on_commit(
        lambda: notify(user, template, {"project": project.name}, project.get_absolute_url())
    )


@transaction.atomic
def hand_over(project, coordinator, successor_membership) -> None:
    """Make another member coordinator; the one handing over stays on as a member."""
    project = _lock(project)
    own = project.memberships.filter(user=coordinator, role=Role.COORDINATOR).first()
    successor = project.memberships.select_related("user").filter(pk=successor_membership.pk)
    successor = successor.first()
    if own is None:
        raise ActionRefused(_("Only a coordinator can hand over coordination."))
    if successor is None or successor.pk == own.pk:
        raise ActionRefused(_("Choose another member of this project."))
    successor.role = Role.COORDINATOR
    successor.save(update_fields=["role"])
    own.role = Role.MEMBER
    own.save(update_fields=["role"])
    activity.record(
        project,
        coordinator,
        EventKind.MEMBERS,
        Part.MEMBERS,
        gettext_noop("{name} handed over coordination of “{project}” to {successor}."),
        {"name": coordinator.display_name, "successor": successor.user.display_name},
        _members_url(project),
    )

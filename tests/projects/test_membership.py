"""Invitations (also for people without an account), requests to join, leaving, roles and the
hand-over of coordination; a project never loses its last coordinator."""

import html
import re
from urllib.parse import quote, unquote

import pytest
from allauth.account.models import EmailAddress
from django.core import mail, signing
from django.urls import reverse

from openpromotor.accounts.models import User
from openpromotor.core.models import Notification
from openpromotor.projects import membership
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Invitation, JoinRequest, Membership, Role, Task
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db


def _invite(client, project, **data):
    values = {"email": "nieuw@example.org", "role": "member", "message": "Kom erbij!"}
    return client.post(reverse("projects:invite", args=[project.pk]), values | data)


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/projecten/uitnodiging/\S+/)", message.body).group(1)


def test_an_invitation_reaches_someone_without_an_account(client, on_commit):
    coordinator = UserFactory(display_name="Lotte")
    project = make_project(coordinator)
    client.force_login(coordinator)
    with on_commit(execute=True):
        response = _invite(client, project)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "nieuw@example.org" and invitation.role == Role.MEMBER
    message = mail.outbox[-1]
    assert message.to == ["nieuw@example.org"] and "Kom erbij!" in message.body
    link = _link(message)

    # Without an account: the page asks to log in or sign up, and keeps the link as "next".
    client.logout()
    page = client.get(link).content.decode()
    assert "Sign up" in page and f"next={quote(link)}" in page

    # The newcomer signs up (here: the account exists and is verified), then accepts.
    newcomer = UserFactory(email="nieuw@example.org")
    client.force_login(newcomer)
    response = client.post(link, {"answer": "accept"})
    assert response["Location"] == reverse("projects:workspace", args=[project.pk])
    assert Membership.objects.get(project=project, user=newcomer).role == Role.MEMBER
    # A used link no longer works.
    assert client.get(link).status_code == 404


def _link_back(page: str, path: str, link: str) -> str:
    """The page's link to ``path`` that leads back to ``link`` afterwards."""
    found = re.search(rf'href="({re.escape(path)}\?next=[^"]*)"', page).group(1)
    found = html.unescape(found)
    assert unquote(found.split("?next=")[1]) == link
    return found


def test_a_newcomer_signs_up_verifies_the_address_and_accepts(client, on_commit):
    """The whole way of someone without an account, through the real sign-up and e-mails."""
    coordinator = UserFactory(display_name="Lotte")
    project = make_project(coordinator)
    client.force_login(coordinator)
    with on_commit(execute=True):
        _invite(client, project, email="nieuw@example.org", role="expert")
    link = _link(mail.outbox[-1])
    client.logout()

    # The link, logged out: sign up from there, with the address the invitation went to.
    signup = _link_back(client.get(link).content.decode(), reverse("account_signup"), link)
    assert client.get(signup).status_code == 200
    account = {
        "email": "nieuw@example.org",
        "password1": "een-lang-wachtwoord-77",
        "password2": "een-lang-wachtwoord-77",
        "display_name": "Nina Nieuw",
        "accept_terms": "on",
    }
    with on_commit(execute=True):
        assert client.post(signup, account).status_code == 302
    newcomer = User.objects.get(email="nieuw@example.org")
    assert not Membership.objects.filter(user=newcomer).exists()

    # The address is verified through the link in the e-mail.
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["nieuw@example.org"]
    confirm = re.search(r"https?://testserver(/account/confirm-email/\S+/)", confirmation.body)
    client.post(confirm.group(1))
    assert EmailAddress.objects.get(user=newcomer).verified

    # Back to the invitation: log in from there, which leads back to it, and accept.
    login = _link_back(client.get(link).content.decode(), reverse("account_login"), link)
    response = client.post(login, {"login": account["email"], "password": account["password1"]})
    assert response["Location"] == link
    assert "Accept the invitation" in client.get(link).content.decode()
    with on_commit(execute=True):
        response = client.post(link, {"answer": "accept"})
    assert response["Location"] == reverse("projects:workspace", args=[project.pk])
    assert Membership.objects.get(project=project, user=newcomer).role == Role.EXPERT
    assert Invitation.objects.get().state == Invitation.State.ACCEPTED
    assert client.get(reverse("projects:workspace", args=[project.pk])).status_code == 200


def test_an_existing_account_also_gets_an_in_app_notice(client, on_commit):
    coordinator, known = UserFactory(), UserFactory(email="gekend@example.org")
    project = make_project(coordinator)
    client.force_login(coordinator)
    with on_commit(execute=True):
        _invite(client, project, email="GEKEND@example.org", role="expert")
    notice = Notification.objects.get(recipient=known)
    assert notice.url.startswith("/projecten/uitnodiging/")


@pytest.mark.parametrize("email", ["geen-adres", "a@b", "iemand@@example.org", ""])
def test_an_invalid_address_is_refused_with_a_clear_message(client, email):
    coordinator = UserFactory()
    project = make_project(coordinator)
    client.force_login(coordinator)
    response = _invite(client, project, email=email, message="Mijn uitleg blijft staan")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The invitation was not sent" in page
    assert "Mijn uitleg blijft staan" in page  # nothing lost
    assert not Invitation.objects.exists() and not mail.outbox


def test_inviting_a_member_again_is_refused(client):
    coordinator = UserFactory(email="coord@example.org")
    project = make_project(coordinator)
    client.force_login(coordinator)
    response = _invite(client, project, email="Coord@Example.org")
    assert response.status_code == 400
    assert "already a member" in response.content.decode()


def test_inviting_again_renews_the_invitation_and_kills_the_old_link(client, on_commit):
    coordinator = UserFactory()
    project = make_project(coordinator)
    client.force_login(coordinator)
    with on_commit(execute=True):
        _invite(client, project)
    old_link = _link(mail.outbox[-1])
    with on_commit(execute=True):
        _invite(client, project, role="observer")
    assert Invitation.objects.get().role == Role.OBSERVER
    assert client.get(old_link).status_code == 404
    assert client.get(_link(mail.outbox[-1])).status_code == 200


def test_a_forged_expired_or_withdrawn_link_does_not_work(client, user, settings):
    project = make_project()
    invitation = membership.invite(project, project.created_by, "x@example.org", "member")
    client.force_login(user)
    assert client.get("/projecten/uitnodiging/nonsense/").status_code == 404
    token = signing.dumps([invitation.pk, invitation.nonce], salt="other")
    assert client.get(f"/projecten/uitnodiging/{token}/").status_code == 404
    link = invitation.get_absolute_url()
    membership.revoke_invitation(invitation)
    response = client.post(link, {"answer": "accept"})
    assert response.status_code == 404
    assert not project.memberships.filter(user=user).exists()


def test_declining_tells_the_coordinators(client, user, on_commit):
    project = make_project()
    invitation = membership.invite(project, project.created_by, user.email, "member")
    client.force_login(user)
    with on_commit(execute=True):
        client.post(invitation.get_absolute_url(), {"answer": "decline"})
    assert Invitation.objects.get().state == Invitation.State.DECLINED
    assert not project.memberships.filter(user=user).exists()
    assert Notification.objects.filter(recipient=project.created_by).exists()


def test_a_request_to_join_is_accepted_by_a_coordinator(client, user, on_commit):
    project = make_project()
    client.force_login(user)
    with on_commit(execute=True):
        client.post(
            reverse("projects:request_to_join", args=[project.pk]), {"message": "Ik help graag"}
        )
    join_request = JoinRequest.objects.get()
    assert join_request.message == "Ik help graag"
    assert Notification.objects.filter(recipient=project.created_by).exists()
    # Asking twice is refused politely.
    client.post(reverse("projects:request_to_join", args=[project.pk]), {})
    assert JoinRequest.objects.count() == 1

    client.force_login(project.created_by)
    url = reverse("projects:decide_request", args=[project.pk, join_request.pk])
    with on_commit(execute=True):
        client.post(url, {"answer": "accept", "role": "expert"})
    assert project.memberships.get(user=user).role == Role.EXPERT
    assert Notification.objects.filter(recipient=user, message__contains="accepted").exists()
    # Deciding again changes nothing.
    client.post(url, {"answer": "decline"})
    assert JoinRequest.objects.get().state == JoinRequest.State.ACCEPTED


def test_a_declined_request_adds_nobody(client, user):
    project = make_project()
    join_request = membership.request_to_join(project, user)
    client.force_login(project.created_by)
    client.post(
        reverse("projects:decide_request", args=[project.pk, join_request.pk]),
        {"answer": "decline"},
    )
    assert not project.memberships.filter(user=user).exists()


def test_the_last_coordinator_cannot_leave_or_be_demoted(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    member = add_member(project)
    own = project.memberships.get(user=coordinator)
    with pytest.raises(ActionRefused):
        membership.leave(project, coordinator)
    with pytest.raises(ActionRefused):
        membership.change_role(own, Role.MEMBER, coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("projects:leave", args=[project.pk]), follow=True)
    assert "A project always has a coordinator" in response.content.decode()
    assert project.memberships.filter(user=coordinator, role=Role.COORDINATOR).exists()
    # Another coordinator cannot remove the last one either.
    membership.change_role(project.memberships.get(user=member), Role.COORDINATOR, coordinator)
    membership.leave(project, coordinator)
    last = project.memberships.get(user=member)
    with pytest.raises(ActionRefused):
        membership.change_role(last, Role.OBSERVER, member)
    assert project.memberships.filter(role=Role.COORDINATOR).count() == 1


def test_hand_over_keeps_the_old_coordinator_as_a_member(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    successor = add_member(project)
    client.force_login(coordinator)
    client.post(
        reverse("projects:hand_over", args=[project.pk]),
        {"successor": project.memberships.get(user=successor).pk},
    )
    roles = dict(project.memberships.values_list("user_id", "role"))
    assert roles == {coordinator.pk: Role.MEMBER, successor.pk: Role.COORDINATOR}
    # Now the former coordinator may leave.
    membership.leave(project, coordinator)
    assert not project.memberships.filter(user=coordinator).exists()


def test_roles_change_and_members_are_removed_with_their_tasks_unassigned(client):
    coordinator = UserFactory()
    project = make_project(coordinator)
    member = add_member(project)
    task = Task.objects.create(project=project, title="Bellen", assignee=member)
    done = Task.objects.create(project=project, title="Gedaan", assignee=member, status="done")
    entry = project.memberships.get(user=member)
    client.force_login(coordinator)
    client.post(reverse("projects:change_role", args=[project.pk, entry.pk]), {"role": "expert"})
    assert project.memberships.get(user=member).role == Role.EXPERT
    client.post(reverse("projects:change_role", args=[project.pk, entry.pk]), {"role": "king"})
    assert project.memberships.get(user=member).role == Role.EXPERT
    client.post(reverse("projects:remove", args=[project.pk, entry.pk]))
    assert not project.memberships.filter(user=member).exists()
    task.refresh_from_db()
    done.refresh_from_db()
    assert task.assignee is None and task.version == 2
    assert done.assignee == member


def test_a_coordinator_cannot_remove_themselves_or_another_projects_member(client):
    coordinator = UserFactory()
    project, other = make_project(coordinator), make_project()
    client.force_login(coordinator)
    own = project.memberships.get(user=coordinator)
    client.post(reverse("projects:remove", args=[project.pk, own.pk]))
    assert project.memberships.filter(pk=own.pk).exists()
    foreign = other.memberships.get()
    response = client.post(reverse("projects:remove", args=[project.pk, foreign.pk]))
    assert response.status_code == 404
    assert other.memberships.filter(pk=foreign.pk).exists()


def test_leaving_the_project(client):
    project = make_project()
    member = add_member(project)
    client.force_login(member)
    response = client.post(reverse("projects:leave", args=[project.pk]))
    assert response["Location"] == project.get_absolute_url()
    assert not project.memberships.filter(user=member).exists()


def test_an_invitation_made_elsewhere_gets_a_fitting_nonce():
    invitation = Invitation.objects.create(project=make_project(), email="a@example.org")
    assert len(invitation.nonce) == 32
    assert Invitation.from_token(invitation.token) == invitation

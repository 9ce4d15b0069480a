"""Who may see and change a feasibility plan: the owner only; a share link reads, never writes."""

import pytest
from django.urls import reverse

from openpromotor.feasibility.models import Plan
from tests.factories import UserFactory
from tests.feasibility.helpers import make_plan, planner_data

pytestmark = pytest.mark.django_db

OWNER_PAGES = ("plan", "sensitivity", "pdf")


@pytest.fixture
def plan(user):
    return make_plan(user)


def test_permissions_of_the_rules(plan, user, unverified_user):
    other = UserFactory()
    assert user.has_perm("feasibility.add_plan")
    assert not unverified_user.has_perm("feasibility.add_plan")
    assert user.has_perm("feasibility.view_plan", plan)
    assert user.has_perm("feasibility.change_plan", plan)
    assert not other.has_perm("feasibility.view_plan", plan)
    assert not other.has_perm("feasibility.change_plan", plan)


@pytest.mark.parametrize("name", OWNER_PAGES)
def test_another_user_gets_404(client, plan, name):
    client.force_login(UserFactory())
    assert client.get(reverse(f"feasibility:{name}", args=[plan.pk])).status_code == 404


@pytest.mark.parametrize("name", OWNER_PAGES)
def test_anonymous_is_sent_to_log_in(client, plan, name):
    response = client.get(reverse(f"feasibility:{name}", args=[plan.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["plan", "calculate", "share", "delete"])
def test_another_user_cannot_post(client, plan, name):
    client.force_login(UserFactory())
    response = client.post(reverse(f"feasibility:{name}", args=[plan.pk]), {"action": "save"})
    assert response.status_code == 404
    assert plan.versions.count() == 1
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_owner_without_verified_email_may_read_but_not_change(client, unverified_user):
    plan = make_plan(unverified_user)
    client.force_login(unverified_user)
    assert client.get(plan.get_absolute_url()).status_code == 200
    data = planner_data(plan.current_version.scenario, action="save")
    assert client.post(plan.get_absolute_url(), data).status_code == 403
    assert client.get(reverse("feasibility:create")).status_code == 403
    assert plan.versions.count() == 1


def test_versions_of_other_people_are_left_out_of_a_comparison(client, plan):
    client.force_login(UserFactory())
    response = client.get(reverse("feasibility:compare"), {"v": plan.current_version.pk})
    assert response.status_code == 200
    assert response.context["versions"] == []
    assert b"Oude school" not in response.content


def test_share_link_reads_the_plan(client, plan):
    plan.share()
    response = client.get(reverse("feasibility:shared", args=[plan.share_token]))
    assert response.status_code == 200
    assert response.context["plan"] == plan
    pdf = client.get(reverse("feasibility:shared_pdf", args=[plan.share_token]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("name", ["shared", "shared_pdf", "shared_sensitivity"])
def test_share_link_refuses_a_post(client, plan, name):
    plan.share()
    data = planner_data(plan.current_version.scenario, action="save")
    response = client.post(reverse(f"feasibility:{name}", args=[plan.share_token]), data)
    assert response.status_code == 405
    assert plan.versions.count() == 1


def test_share_link_does_not_open_the_planner(client, plan):
    """The token gives no rights on the owner's URLs, even to a logged-in stranger."""
    plan.share()
    client.force_login(UserFactory())
    assert client.get(plan.get_absolute_url()).status_code == 404


def test_a_revoked_or_wrong_share_link_gives_404(client, plan, user):
    plan.share()
    token = plan.share_token
    client.force_login(user)
    client.post(reverse("feasibility:share", args=[plan.pk]), {"action": "stop"})
    client.logout()
    assert client.get(reverse("feasibility:shared", args=[token])).status_code == 404
    assert client.get(reverse("feasibility:shared", args=["not-a-token"])).status_code == 404


def test_sharing_again_makes_a_new_link(client, plan, user):
    client.force_login(user)
    client.post(reverse("feasibility:share", args=[plan.pk]), {"action": "start"})
    plan.refresh_from_db()
    first = plan.share_token
    assert first and len(first) >= 40
    client.post(reverse("feasibility:share", args=[plan.pk]), {"action": "start"})
    plan.refresh_from_db()
    assert plan.share_token != first
    assert client.get(reverse("feasibility:shared", args=[first])).status_code == 404


def test_deleting_the_account_deletes_the_plans(user, plan):
    user.delete()
    assert not Plan.objects.filter(pk=plan.pk).exists()


@pytest.mark.django_db
def test_my_plans_are_in_my_data(client):
    owner = UserFactory()
    client.force_login(owner)
    Plan.objects.create(owner=owner, title="Kapel Mechelen")
    data = client.get("/profiel/mijn-gegevens.json").json()
    assert data["feasibility"]["plans"][0]["title"] == "Kapel Mechelen"

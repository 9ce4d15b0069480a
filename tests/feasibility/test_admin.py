"""The admin shows plans and versions to operators, read only; nobody else gets in."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from openpromotor.feasibility.models import Plan
from tests.factories import UserFactory
from tests.feasibility.helpers import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(user):
    plan = make_plan(user, title="Oude school")
    plan.share()
    return plan


@pytest.fixture
def operator(db):
    operator = UserFactory(is_staff=True, is_superuser=True)
    return operator


def pages(plan) -> list[str]:
    version = plan.current_version
    return [
        reverse("admin:feasibility_plan_changelist"),
        reverse("admin:feasibility_plan_change", args=[plan.pk]),
        reverse("admin:feasibility_planversion_changelist"),
        reverse("admin:feasibility_planversion_change", args=[version.pk]),
    ]


def test_an_operator_can_look_into_plans_and_versions(client, operator, plan):
    client.force_login(operator)
    for url in pages(plan):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("admin:feasibility_plan_change", args=[plan.pk])).content.decode()
    assert "Oude school" in page
    assert plan.share_token not in page  # the link is a secret, the admin says only "shared"
    version = client.get(pages(plan)[3]).content.decode()
    assert "acquisition" in version  # the scenario is shown


def test_staff_with_the_view_permission_can_look_too(client, plan):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="feasibility", codename__in=["view_plan", "view_planversion"]
        )
    )
    client.force_login(staff)
    for url in pages(plan):
        assert client.get(url).status_code == 200, url


def test_the_admin_changes_nothing(client, operator, plan):
    client.force_login(operator)
    change = reverse("admin:feasibility_plan_change", args=[plan.pk])
    html = client.get(change).content.decode()
    assert 'name="title"' not in html
    assert 'name="_save"' not in html
    response = client.post(change, {"title": "Changed"})
    assert response.status_code == 403
    Plan.objects.get(title="Oude school")
    assert client.get(reverse("admin:feasibility_plan_add")).status_code == 403
    delete = reverse("admin:feasibility_planversion_delete", args=[plan.current_version.pk])
    assert client.get(delete).status_code == 403


def test_a_plan_can_be_deleted_on_request(client, operator, plan):
    client.force_login(operator)
    url = reverse("admin:feasibility_plan_delete", args=[plan.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Plan.objects.exists()


def test_others_cannot_open_the_admin(client, user, plan):
    for person in (None, user, UserFactory(moderator=True)):
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in pages(plan):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_permission_get_403(client, plan):
    client.force_login(UserFactory(is_staff=True))
    for url in pages(plan):
        assert client.get(url).status_code == 403, url

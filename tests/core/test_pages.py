import pytest
from django.db import DatabaseError
from django.urls import reverse

PAGES = ["core:home", "core:about", "core:privacy", "core:terms", "core:contact"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_information_pages_render_with_layout_and_attribution(client, name):
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="nl")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#content"' in html  # skip link
    assert "<main" in html and "<nav" in html and "<footer" in html
    assert "GeoNames" in html and "Statbel" in html and "OpenStreetMap" in html
    assert '<html lang="nl">' in html


@pytest.mark.django_db
def test_home_offers_sign_up_to_visitors_and_profile_to_members(client, user):
    assert reverse("account_signup") in client.get("/").content.decode()
    client.force_login(user)
    html = client.get("/").content.decode()
    assert reverse("accounts:profile_edit") in html
    assert reverse("account_signup") not in html


@pytest.mark.django_db
def test_pages_send_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_healthz_reports_database_and_task_backlog(client, settings):
    from openpromotor.core.tasks import deliver_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver_email.enqueue({"subject": "x"})
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "tasks": {"backlog": 1}}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    from openpromotor.core import views

    def broken(*args, **kwargs):
        raise DatabaseError("database is gone")

    monkeypatch.setattr(views.connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}  # no error text


@pytest.mark.django_db
def test_language_switch_is_remembered(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert '<html lang="nl">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_privacy_notice_names_the_controller_when_it_is_configured(client, settings):
    settings.LANGUAGE_CODE = "en"
    page = client.get(reverse("core:privacy"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "names no controller" in page
    settings.OPERATOR_NAME = "Open Promotor vzw"
    settings.OPERATOR_ADDRESS = "Voorbeeldstraat 1, 2000 Antwerpen"
    page = client.get(reverse("core:privacy"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The controller is Open Promotor vzw, Voorbeeldstraat 1, 2000 Antwerpen" in page

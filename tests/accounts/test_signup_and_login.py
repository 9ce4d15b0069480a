import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from openpromotor.accounts.models import User
from tests.factories import PASSWORD, UserFactory

SIGNUP = {
    "email": "nieuw@example.org",
    "password1": "een-lang-wachtwoord-77",
    "password2": "een-lang-wachtwoord-77",
    "display_name": "Nieuwe Buur",
    "accept_terms": "on",
}


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.django_db
def test_sign_up_verify_then_log_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Nieuwe Buur"
    assert "_auth_user_id" not in client.session  # not logged in before verification

    # Logging in before the address is verified only re-sends the verification.
    login(client, SIGNUP["email"], SIGNUP["password1"])
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://testserver(/account/confirm-email/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    client.post(link.group(1))
    assert EmailAddress.objects.get(email="nieuw@example.org").verified

    response = login(client, SIGNUP["email"], SIGNUP["password1"])
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_sign_up_requires_accepting_the_terms_and_a_display_name(client):
    data = {**SIGNUP, "display_name": "", "accept_terms": ""}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert not User.objects.exists()
    form = response.context["form"]
    assert {"display_name", "accept_terms"} <= set(form.errors)


@pytest.mark.django_db
def test_the_same_email_cannot_sign_up_twice(client, user):
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": user.email.upper()})
    assert User.objects.count() == 1
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_login_locks_out_after_repeated_failures(client):
    user = UserFactory()
    for _ in range(5):
        response = login(client, user.email, "wrong-password")
        assert "_auth_user_id" not in client.session
    response = login(client, user.email, PASSWORD)  # even the right password is refused now
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.django_db
def test_password_reset_is_rate_limited(client, user):
    url = reverse("account_reset_password")
    statuses = [client.post(url, {"email": user.email}).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_address(client, settings):
    codes = []
    for n in range(25):
        response = client.post(reverse("account_signup"), {**SIGNUP, "email": f"p{n}@example.org"})
        codes.append(response.status_code)
        client.logout()
    assert 429 in codes
    assert User.objects.count() == 20


@pytest.mark.django_db
def test_changing_the_email_address_takes_effect_once_the_new_one_is_verified(client):
    user = UserFactory(email="oud@example.org")
    client.force_login(user)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nieuw-adres@example.org"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "oud@example.org"  # nothing changes before the new address is verified
    assert mail.outbox[-1].to == ["nieuw-adres@example.org"]

    link = re.search(r"https?://testserver(/account/confirm-email/\S+/)", mail.outbox[-1].body)
    client.post(link.group(1))
    user.refresh_from_db()
    assert user.email == "nieuw-adres@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "nieuw-adres@example.org"
    ]


@pytest.mark.django_db
def test_nobody_changes_the_email_address_of_someone_else(client):
    client.post(reverse("account_email"), {"action_add": "", "email": "kaper@example.org"})
    assert not EmailAddress.objects.filter(email="kaper@example.org").exists()

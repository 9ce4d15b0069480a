import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from openpromotor.accounts.models import STAFF_GROUP, Role, User
from openpromotor.municipalities.models import Municipality
from tests.core.test_images import image_upload
from tests.factories import UserFactory


def profile_data(**changes):
    data = {
        "display_name": "Lotte P.",
        "bio": "Zoekt ruimte voor samenhuizen.",
        "home_municipality": Municipality.objects.get(nis_code="44021").pk,
        "roles": [Role.SEEKER, Role.EXPERT],
        "organisation": "Samenhuizen vzw",
        "profile_is_public": "on",
        "show_bio": "on",
        "show_roles": "on",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_anonymous_visitors_cannot_reach_profile_editing(client):
    for name in ["accounts:profile_edit", "accounts:data_export", "accounts:account_delete"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    client.post(reverse("accounts:profile_edit"), profile_data())
    assert not User.objects.filter(display_name="Lotte P.").exists()


@pytest.mark.django_db
def test_a_member_edits_their_profile(user_client, user):
    response = user_client.post(reverse("accounts:profile_edit"), profile_data(), follow=True)
    assert response.redirect_chain == [(reverse("accounts:profile_edit"), 302)]
    assert len(list(response.context["messages"])) == 1
    user.refresh_from_db()
    assert user.display_name == "Lotte P."
    assert user.home_municipality.nis_code == "44021"
    assert sorted(user.roles) == ["expert", "seeker"]


@pytest.mark.django_db
def test_the_profile_form_only_touches_the_logged_in_person(client):
    alice, bob = UserFactory(), UserFactory(display_name="Bob")
    client.force_login(alice)
    client.post(reverse("accounts:profile_edit"), profile_data(display_name="Hacked", pk=bob.pk))
    bob.refresh_from_db()
    assert bob.display_name == "Bob"


@pytest.mark.django_db
def test_ended_municipalities_are_not_offered(user_client):
    form = user_client.get(reverse("accounts:profile_edit")).context["form"]
    offered = form.fields["home_municipality"].queryset
    assert offered.filter(nis_code="44021").exists()  # Gent
    assert not offered.filter(nis_code="12030").exists()  # Puurs, merged in 2019
    assert offered.count() == 581


@pytest.mark.django_db
def test_an_avatar_is_re_encoded(user_client, user):
    data = profile_data(avatar=image_upload(size=(2000, 1500)))
    user_client.post(reverse("accounts:profile_edit"), data)
    user.refresh_from_db()
    assert user.avatar.name.startswith("avatars/") and user.avatar.name.endswith(".webp")


@pytest.mark.django_db
def test_a_fake_avatar_is_refused_and_nothing_is_saved(user_client, user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("me.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = user_client.post(reverse("accounts:profile_edit"), profile_data(avatar=fake))
    assert response.status_code == 200
    assert "avatar" in response.context["form"].errors
    user.refresh_from_db()
    assert user.display_name != "Lotte P." and not user.avatar


@pytest.mark.django_db
def test_public_profile_shows_only_what_the_person_chose(client):
    person = UserFactory(
        display_name="Sofie",
        bio="Architect.",
        organisation="Atelier X",
        profile_is_public=True,
        show_bio=True,
        show_organisation=False,
    )
    html = client.get(reverse("accounts:profile_public", args=[person.pk])).content.decode()
    assert "Sofie" in html and "Architect." in html
    assert "Atelier X" not in html
    assert person.email not in html


@pytest.mark.django_db
def test_a_private_profile_is_not_found_except_by_its_owner(client):
    person = UserFactory(profile_is_public=False)
    url = reverse("accounts:profile_public", args=[person.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(person)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_moderators_carry_a_visible_badge(client, moderator):
    moderator.profile_is_public = True
    moderator.save()
    html = client.get(reverse("accounts:profile_public", args=[moderator.pk])).content.decode()
    assert "badge-moderator" in html


@pytest.mark.django_db
def test_non_staff_cannot_use_the_admin(user_client):
    response = user_client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_download_my_data(user_client, user):
    user.set_roles([Role.OWNER])
    response = user_client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["accounts"]["email"] == user.email
    assert data["accounts"]["roles"] == ["owner"]
    assert data["accounts"]["email_addresses"][0]["verified"] is True


@pytest.mark.django_db
def test_moderators_and_the_team_carry_their_badge_on_what_they_write():
    from openpromotor.accounts.templatetags.people import person

    staff = UserFactory(display_name="Ilse Team")
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    moderator = UserFactory(display_name="Youssef", moderator=True)
    assert "badge-staff" in person(staff) and "Ilse Team" in person(staff)
    assert "badge-moderator" in person(moderator)
    assert "badge" not in person(UserFactory(display_name="Buur"))
    assert person(UserFactory(display_name="<b>x</b>")).startswith("&lt;b&gt;")

import pytest
from django.template import Context, Template
from django.urls import reverse

from openpromotor.accounts.models import User
from tests.core.test_images import image_upload
from tests.factories import PASSWORD


@pytest.mark.django_db
def test_deleting_needs_the_password(user_client, user):
    response = user_client.post(reverse("accounts:account_delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_deleting_removes_the_account_and_its_avatar(user_client, user):
    from openpromotor.accounts.forms import ProfileForm

    form = ProfileForm({"display_name": "X"}, {"avatar": image_upload()}, instance=user)
    assert form.is_valid(), form.errors
    form.save()
    storage, name = user.avatar.storage, user.avatar.name
    assert storage.exists(name)

    response = user_client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not storage.exists(name)
    assert "_auth_user_id" not in user_client.session


def test_contributions_of_a_deleted_account_show_former_member():
    template = Template("{% load people %}{{ author|person_name }}")
    assert template.render(Context({"author": None})) == "voormalig lid"

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


@pytest.mark.django_db
def test_what_a_deleted_person_contributed_stays():
    from openpromotor.accounts.privacy import delete_account
    from openpromotor.conversations import services as conversations
    from openpromotor.places.models import ModerationItem, Place
    from openpromotor.projects import discussions
    from tests.factories import UserFactory
    from tests.places.factories import PlaceFactory
    from tests.projects.factories import add_member, make_project

    person, other = UserFactory(), UserFactory()
    place = PlaceFactory(reporter=person)
    ModerationItem.objects.create(place=place, kind="correction", author=person, text="Verhuurd")
    conversation = conversations.start(
        person, other, "Is het nog vrij?", place=PlaceFactory(owner=other)
    )
    project = make_project(other)
    add_member(project, user=person)
    thread = discussions.start_thread(project, person, "Onderwerp", "Mijn eerste bericht")

    delete_account(person)
    place.refresh_from_db()
    assert Place.objects.filter(pk=place.pk).exists() and place.reporter is None
    assert ModerationItem.objects.get().author is None
    assert conversation.messages.get().sender is None
    comment = thread.comments.get()
    assert comment.author is None and comment.body == "Mijn eerste bericht"


@pytest.mark.django_db
def test_download_my_data_holds_my_feedback_on_buildings(user_client, user):
    import json

    from openpromotor.places.models import ModerationItem
    from tests.places.factories import PlaceFactory

    place = PlaceFactory()
    ModerationItem.objects.create(place=place, kind="claim", author=user, text="Ik ben eigenaar")
    data = json.loads(user_client.get(reverse("accounts:data_export")).content)
    items = data["places"]["claims_corrections_and_abuse_reports"]
    assert items[0]["text"] == "Ik ben eigenaar" and items[0]["place"] == place.pk
    assert data["places"]["photos_uploaded"] == []

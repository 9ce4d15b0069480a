"""Who may NOT act on a building, the moderation queue's scope and filter, the follower notices
of each kind of change, and an oversized photo through the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import ModerationItem, ModeratorScope, Place, Status
from tests.core.test_images import image_upload
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

GENT = "44021"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _status(client, user, method, url, data=None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return 403
    return response.status_code


def _item(place, kind=ModerationItem.Kind.CORRECTION, **fields):
    return ModerationItem.objects.create(
        place=place, kind=kind, author=UserFactory(), text="Niet meer leeg", **fields
    )


CONTRIBUTIONS = [
    ("places:follow", "post", {}),
    ("places:correct", "post", {"text": "Het pand is verhuurd."}),
    ("places:report_abuse", "post", {"text": "Dit is geen leegstand."}),
    ("places:claim", "post", {"text": "Ik ben de eigenaar."}),
]


@pytest.mark.parametrize(("name", "method", "data"), CONTRIBUTIONS)
def test_anonymous_and_unverified_people_cannot_contribute(client, name, method, data):
    place = PlaceFactory()
    url = reverse(name, args=[place.pk])
    for person in (None, UserFactory(verified=False)):
        assert _status(client, person, method, url, data) == 403, person
    assert not place.follow_set.exists() and not place.moderation_items.exists()


def test_only_reporter_owner_or_moderator_add_photos(client):
    place = PlaceFactory(reporter=UserFactory(), owner=UserFactory())
    url = reverse("places:add_photo", args=[place.pk])
    data = {"image": image_upload(), "rights_holder": "Iemand"}
    for person in (None, UserFactory(), UserFactory(verified=False)):
        assert _status(client, person, "post", url, dict(data, image=image_upload())) == 403
    assert not place.photos.exists()
    assert _status(client, place.owner, "post", url, dict(data, image=image_upload())) == 302
    assert place.photos.count() == 1


MODERATION = [
    ("places:publish", {}),
    ("places:reject", {"reason": "Geen leegstand."}),
    ("places:change_status", {"status": Status.ARCHIVED}),
    ("places:merge", {"into": ""}),
]


@pytest.mark.parametrize(("name", "data"), MODERATION)
def test_non_moderators_cannot_moderate(client, name, data):
    pending = PlaceFactory(status=Status.PENDING, reporter=UserFactory(), owner=UserFactory())
    url = reverse(name, args=[pending.pk])
    for person in (None, UserFactory(), pending.owner):
        # The reporter and the owner see their pending place (403); others do not (404).
        assert _status(client, person, "post", url, data) in {403, 404}, person
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_non_moderators_cannot_decide_items(client):
    item = _item(PlaceFactory(), no_longer_vacant=True)
    url = reverse("places:decide", args=[item.pk])
    for person in (None, UserFactory(), item.author):
        assert _status(client, person, "post", url, {"accept": "1"}) in {403, 404}
    item.refresh_from_db()
    assert item.state == ModerationItem.State.OPEN
    assert item.place.status == Status.PUBLISHED


def test_a_moderator_limited_to_a_municipality_stays_within_it(client):
    gent = Municipality.objects.get(nis_code=GENT)
    moderator = UserFactory(moderator=True)
    ModeratorScope.objects.create(moderator=moderator, municipality=gent)
    antwerp_pending = PlaceFactory(status=Status.PENDING, title="Pand in Antwerpen")
    gent_pending = PlaceFactory(
        status=Status.PENDING, title="Pand in Gent", municipality=gent, postal_code="9000"
    )
    item = _item(PlaceFactory(), no_longer_vacant=True)
    into = PlaceFactory()
    client.force_login(moderator)

    page = client.get(reverse("places:moderation")).content.decode()
    assert "Pand in Gent" in page and "Pand in Antwerpen" not in page
    assert f'value="{GENT}"' in page and 'value="11002"' not in page  # the filter too
    assert client.post(reverse("places:decide", args=[item.pk]), {"accept": "1"}).status_code in {
        403,
        404,
    }
    url = reverse("places:merge", args=[antwerp_pending.pk])
    assert client.post(url, {"into": into.pk}).status_code == 404
    url = reverse("places:merge", args=[gent_pending.pk])
    client.post(url, {"into": into.pk})  # into lies in Antwerpen: refused with a field error
    gent_pending.refresh_from_db()
    antwerp_pending.refresh_from_db()
    assert gent_pending.status == antwerp_pending.status == Status.PENDING
    item.refresh_from_db()
    assert item.state == ModerationItem.State.OPEN


def test_the_queue_filters_by_municipality(client):
    gent = Municipality.objects.get(nis_code=GENT)
    PlaceFactory(status=Status.PENDING, title="Pand in Antwerpen")
    PlaceFactory(status=Status.PENDING, title="Pand in Gent", municipality=gent)
    client.force_login(UserFactory(moderator=True))
    page = client.get(reverse("places:moderation") + f"?municipality={GENT}").content.decode()
    assert "Pand in Gent" in page and "Pand in Antwerpen" not in page


def test_the_owner_cannot_contact_themself_and_others_see_no_exact_location(client):
    owner = UserFactory()
    place = PlaceFactory(owner=owner, location_is_approximate=True, street="Geheimstraat")
    assert _status(client, owner, "get", reverse("conversations:start_place", args=[place.pk])) in {
        403,
        404,
    }
    exact = "Geheimstraat"
    client.force_login(UserFactory())
    assert exact not in client.get(place.get_absolute_url()).content.decode()
    client.force_login(owner)
    assert exact in client.get(place.get_absolute_url()).content.decode()


def _followed(place):
    follower = UserFactory()
    place.follow_set.create(user=follower)
    return follower


def test_followers_hear_of_a_new_state_a_photo_and_an_accepted_abuse_report(client, on_commit):
    moderator = UserFactory(moderator=True)
    client.force_login(moderator)

    place = PlaceFactory()
    follower = _followed(place)
    with on_commit(execute=True):
        client.post(
            reverse("places:change_status", args=[place.pk]), {"status": Status.NO_LONGER_VACANT}
        )
    assert (
        Notification.objects.filter(recipient=follower, url=place.get_absolute_url()).count() == 1
    )

    place = PlaceFactory()
    follower = _followed(place)
    with on_commit(execute=True):
        client.post(
            reverse("places:add_photo", args=[place.pk]),
            {"image": image_upload(), "rights_holder": "Moderator"},
        )
    assert Notification.objects.filter(recipient=follower).count() == 1

    place = PlaceFactory()
    follower = _followed(place)
    item = _item(place, kind=ModerationItem.Kind.ABUSE)
    with on_commit(execute=True):
        client.post(reverse("places:decide", args=[item.pk]), {"accept": "1"})
    place.refresh_from_db()
    assert place.status == Status.ARCHIVED
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_an_oversized_photo_is_refused_and_nothing_is_saved(user_client, settings):
    import io
    import os

    from PIL import Image

    from tests.places.test_workflow import report_data

    settings.LANGUAGE_CODE = "en"
    noise = Image.frombytes("RGB", (1900, 1900), os.urandom(1900 * 1900 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    assert buffer.tell() > 10 * 1024 * 1024
    big = SimpleUploadedFile("groot.png", buffer.getvalue(), content_type="image/png")
    response = user_client.post(
        reverse("places:report"),
        report_data(**{"photo-image": big, "photo-rights_holder": "Ik"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code in {200, 400}
    assert "The image is too large" in response.content.decode()
    assert not Place.objects.exists()

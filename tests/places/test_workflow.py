"""Reporting, moderation, claims, corrections, follows and owner contact, with who may NOT."""

import pytest
from django.core import mail
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import (
    ModerationItem,
    ModeratorScope,
    Place,
    PlaceChange,
    Status,
)
from tests.core.test_images import image_upload
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what a view queues for after its transaction (notices) inside the test."""
    return django_capture_on_commit_callbacks


def report_data(**changes):
    data = {
        "title": "Leegstaande kapel",
        "description": "Al **drie jaar** leeg. <script>alert(1)</script>",
        "street": "Kerkstraat",
        "house_number": "12",
        "postal_code": "2000",
        "latitude": "51.2201",
        "longitude": "4.4103",
        "building_type": "church",
        "occupancy": "vacant",
        "ownership_kind": "church_council",
        "floor_area_m2": "420",
        "temporary_use": "on",
    }
    data.update(changes)
    return data


def test_a_verified_person_reports_a_building_with_a_photo(user_client, user):
    data = report_data(**{"photo-image": image_upload(), "photo-rights_holder": "Lotte"})
    response = user_client.post(reverse("places:report"), data)
    place = Place.objects.get()
    assert response.status_code == 302 and response["Location"] == place.get_absolute_url()
    assert place.status == Status.PENDING
    assert place.reporter == user
    assert place.municipality.nis_code == "11002"  # derived from the postal code
    assert place.tile_key and place.public_tile_key == place.tile_key
    photo = place.photos.get()
    assert photo.image.name.endswith(".webp") and photo.thumbnail.name.endswith(".webp")
    assert place.changes.get().kind == PlaceChange.Kind.REPORTED
    # The reporter sees the state; the description is sanitised.
    html = user_client.get(place.get_absolute_url()).content.decode()
    assert "<strong>drie jaar</strong>" in html and "<script>alert" not in html


def test_the_postal_code_alone_gives_the_location(user_client):
    user_client.post(reverse("places:report"), report_data(latitude="", longitude=""))
    place = Place.objects.get()
    assert (round(place.latitude, 4), round(place.longitude, 4)) == (51.2199, 4.4035)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"latitude": "48.85", "longitude": "2.35"}, "latitude"),  # Paris
        ({"latitude": "", "longitude": "", "postal_code": ""}, "__all__"),
        ({"floor_area_m2": "-5"}, "floor_area_m2"),
        ({"floor_area_m2": "99999999"}, "floor_area_m2"),
        ({"building_type": "castle"}, "building_type"),
        ({"links": "javascript:alert(1)"}, "links"),
    ],
)
def test_bad_reports_get_a_clear_error_and_nothing_is_saved(user_client, changes, field):
    response = user_client.post(reverse("places:report"), report_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Place.objects.exists()


def test_a_fake_photo_is_refused_and_nothing_is_saved(user_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("kapel.jpg", b"#!/bin/sh\necho hi\n", content_type="image/jpeg")
    data = report_data(**{"photo-image": fake, "photo-rights_holder": "X"})
    response = user_client.post(reverse("places:report"), data)
    assert "image" in response.context["photo_form"].errors
    assert not Place.objects.exists()


def test_nearby_published_places_are_shown_before_saving(user_client):
    existing = PlaceFactory(latitude=51.22012, longitude=4.41032)
    response = user_client.post(reverse("places:report"), report_data())
    assert response.status_code == 200
    assert existing in response.context["duplicates"]
    assert Place.objects.count() == 1
    user_client.post(reverse("places:report"), report_data(not_a_duplicate="1"))
    assert Place.objects.count() == 2


def test_who_may_not_report(client, unverified_user):
    response = client.get(reverse("places:report"))
    assert response.status_code == 302  # to the log-in page
    client.force_login(unverified_user)
    assert client.post(reverse("places:report"), report_data()).status_code == 403
    assert not Place.objects.exists()


def test_pending_places_are_hidden_from_others(client, user):
    place = PlaceFactory(status=Status.PENDING, reporter=user)
    assert client.get(place.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(place.get_absolute_url()).status_code == 404
    client.force_login(user)
    assert client.get(place.get_absolute_url()).status_code == 200


def test_a_moderator_publishes_and_the_reporter_is_told(client, moderator, user, on_commit):
    place = PlaceFactory(status=Status.PENDING, reporter=user)
    client.force_login(moderator)
    assert place.title in client.get(reverse("places:moderation")).content.decode()
    with on_commit(execute=True):
        client.post(reverse("places:publish", args=[place.pk]))
    place.refresh_from_db()
    assert place.status == Status.PUBLISHED and place.published_at
    assert Notification.objects.filter(recipient=user).count() == 1
    assert mail.outbox[-1].to == [user.email]


def test_a_moderator_rejects_with_a_reason(client, moderator, user, on_commit):
    place = PlaceFactory(status=Status.PENDING, reporter=user)
    client.force_login(moderator)
    with on_commit(execute=True):
        client.post(reverse("places:reject", args=[place.pk]), {"reason": "Geen leegstand."})
    place.refresh_from_db()
    assert place.status == Status.REJECTED
    assert "Geen leegstand." in mail.outbox[-1].body


def test_people_who_are_not_moderators_cannot_moderate(user_client):
    place = PlaceFactory(status=Status.PENDING)
    assert user_client.get(reverse("places:moderation")).status_code == 403
    assert user_client.post(reverse("places:publish", args=[place.pk])).status_code == 404
    place.refresh_from_db()
    assert place.status == Status.PENDING


def test_moderators_can_be_limited_to_municipalities(client, moderator):
    gent = Municipality.objects.get(nis_code="44021")
    ModeratorScope.objects.create(moderator=moderator, municipality=gent)
    antwerp_place = PlaceFactory(status=Status.PENDING)
    client.force_login(moderator)
    assert antwerp_place.title not in client.get(reverse("places:moderation")).content.decode()
    assert client.post(reverse("places:publish", args=[antwerp_place.pk])).status_code == 404


def test_a_correction_changes_nothing_until_a_moderator_accepts_it(client, user, moderator):
    place = PlaceFactory()
    client.force_login(user)
    client.post(
        reverse("places:correct", args=[place.pk]),
        {"no_longer_vacant": "on", "text": "Er zit nu een bakker in."},
    )
    place.refresh_from_db()
    assert place.status == Status.PUBLISHED
    item = ModerationItem.objects.get()
    client.force_login(moderator)
    client.post(reverse("places:decide", args=[item.pk]), {"accept": "1"})
    place.refresh_from_db()
    assert place.status == Status.NO_LONGER_VACANT


def test_an_owner_claims_and_chooses_an_approximate_location(client, user, moderator):
    place = PlaceFactory()
    client.force_login(user)
    client.post(reverse("places:claim", args=[place.pk]), {"text": "Ik ben voorzitter."})
    assert not user.has_perm("places.change_place", place)  # nothing changes before approval
    client.force_login(moderator)
    item = ModerationItem.objects.get(kind=ModerationItem.Kind.CLAIM)
    client.post(reverse("places:decide", args=[item.pk]), {"accept": "1"})
    place.refresh_from_db()
    assert place.owner == user

    client.force_login(user)
    data = {
        **report_data(latitude=str(place.latitude), longitude=str(place.longitude)),
        "location_is_approximate": "on",
        "for_rent": "on",
        "asking_rent_month": "1800",
    }
    response = client.post(reverse("places:edit", args=[place.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    place.refresh_from_db()
    assert place.location_is_approximate
    assert (place.public_latitude, place.public_longitude) != (place.latitude, place.longitude)
    # The public never sees the owner's identity nor the street address.
    client.logout()
    html = client.get(place.get_absolute_url()).content.decode()
    assert user.display_name not in html and user.email not in html
    assert "Kerkstraat 12" not in html


def test_a_claim_cannot_be_made_twice_or_on_an_owned_place(user_client, user):
    owned = PlaceFactory(owner=UserFactory())
    assert user_client.get(reverse("places:claim", args=[owned.pk])).status_code == 403
    place = PlaceFactory()
    user_client.post(reverse("places:claim", args=[place.pk]), {"text": "Van mij."})
    assert user_client.get(reverse("places:claim", args=[place.pk])).status_code == 403


def test_only_owners_and_moderators_edit(user_client):
    place = PlaceFactory(owner=UserFactory())
    assert user_client.get(reverse("places:edit", args=[place.pk])).status_code == 403


def test_followers_hear_when_a_place_becomes_available(client, user, on_commit):
    owner, follower = UserFactory(), UserFactory()
    place = PlaceFactory(owner=owner)
    client.force_login(follower)
    client.post(reverse("places:follow", args=[place.pk]))
    assert place.followers.filter(pk=follower.pk).exists()
    client.force_login(owner)
    data = {
        **report_data(latitude=str(place.latitude), longitude=str(place.longitude)),
        "for_sale": "on",
    }
    with on_commit(execute=True):
        client.post(reverse("places:edit", args=[place.pk]), data)
    notice = Notification.objects.get(recipient=follower)
    assert "Leegstaande kapel" in notice.message
    assert notice.url == place.get_absolute_url()
    assert mail.outbox[-1].to == [follower.email]


def test_contacting_the_owner_goes_through_the_platforms_messages(client, user, on_commit):
    owner = UserFactory(email="eigenaar@example.org", display_name="Marc Eigenaar")
    place = PlaceFactory(owner=owner)
    client.force_login(user)
    detail = client.get(place.get_absolute_url()).content.decode()
    start = reverse("conversations:start_place", args=[place.pk])
    assert start in detail
    page = client.get(start).content.decode()
    assert owner.email not in page and "Marc Eigenaar" not in page
    with on_commit(execute=True):
        client.post(start, {"body": "Interesse!"})
    relayed = mail.outbox[-1]
    assert relayed.to == [owner.email] and relayed.reply_to == []
    assert user.email not in relayed.body and "Interesse!" not in relayed.body  # read it there
    client.force_login(owner)
    inbox = client.get(reverse("conversations:inbox")).content.decode()
    assert place.title in inbox  # the owner reads and answers on the platform


def test_contacting_owners_is_rate_limited(client, user):
    client.force_login(user)
    codes = []
    for n in range(12):
        place = PlaceFactory(owner=UserFactory())
        url = reverse("conversations:start_place", args=[place.pk])
        codes.append(client.post(url, {"body": f"Bericht {n}"}).status_code)
    assert codes[:10] == [302] * 10 and codes[10:] == [429, 429]


def test_nobody_contacts_a_place_without_owner(user_client):
    place = PlaceFactory()
    url = reverse("conversations:start_place", args=[place.pk])
    assert user_client.get(url).status_code == 404
    assert url not in user_client.get(place.get_absolute_url()).content.decode()


def test_merging_moves_photos_and_followers(client, moderator, user):
    keep, duplicate = PlaceFactory(), PlaceFactory()
    duplicate.follow_set.create(user=user)
    client.force_login(moderator)
    client.post(reverse("places:merge", args=[duplicate.pk]), {"into": keep.pk})
    duplicate.refresh_from_db()
    assert duplicate.status == Status.ARCHIVED
    assert keep.followers.filter(pk=user.pk).exists()

"""Posting listings on the web: each kind, drafts, the first publication held, bad input, and
who may NOT."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from openpromotor.listings.models import LIFETIME, Listing
from openpromotor.listings.vocabulary import Kind, Status
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def need_data(**changes):
    data = {
        "title": "Zes gezinnen zoeken een school",
        "description": "Samen wonen in **Berchem**. <script>alert(1)</script>",
        "uses": ["co_housing", "housing"],
        "min_area_m2": "800",
        "max_area_m2": "2500",
        "tenures": ["cooperative_project"],
        "max_price": "1900000",
        "postal_code": "2600",
        "radius_km": "5",
        "findable": "on",
        "action": "publish",
    }
    data.update(changes)
    return data


def create(client, kind, data):
    return client.post(reverse("listings:create", args=[kind]), data)


def test_a_new_member_posts_a_need_and_the_first_publication_waits(user_client, user):
    response = create(user_client, "seek_space", need_data())
    listing = Listing.objects.get()
    assert response.status_code == 302 and response["Location"] == listing.get_absolute_url()
    assert listing.status == Status.PENDING and listing.published_at is None
    assert listing.author == user and listing.kind == Kind.SEEK_SPACE
    assert listing.uses == ["housing", "co_housing"]  # the vocabulary's order
    assert listing.place_label == "Berchem"  # from the postal code
    assert listing.public_tile_key and listing.reach_min_lat < listing.public_latitude
    html = user_client.get(listing.get_absolute_url()).content.decode()
    assert "<strong>Berchem</strong>" in html and "<script>alert" not in html


def test_a_member_who_published_before_goes_live_at_once(user_client, user):
    ListingFactory(author=user)
    create(user_client, "seek_space", need_data(title="Tweede zoekertje"))
    listing = Listing.objects.get(title="Tweede zoekertje")
    assert listing.status == Status.PUBLISHED
    assert listing.expires_at.date() == (listing.published_at + LIFETIME).date()


def test_a_draft_stays_private_until_published(user_client):
    create(user_client, "seek_space", need_data(action="draft"))
    listing = Listing.objects.get()
    assert listing.status == Status.DRAFT
    assert Client().get(listing.get_absolute_url()).status_code == 404
    user_client.post(reverse("listings:publish", args=[listing.pk]))
    listing.refresh_from_db()
    assert listing.status == Status.PENDING


def test_each_kind_can_be_posted(user_client, user):
    ListingFactory(author=user)  # not a new author: everything goes live
    place = PlaceFactory(owner=user, building_type="school", floor_area_m2=900)
    cases = {
        "offer_space": {
            "place": place.pk,
            "tenures": ["temporary_use"],
            "asking_rent_month": "900",
        },
        "seek_partners": {"roles": ["architect"], "languages": ["nl"], "share_amount": "20000"},
        "offer_expertise": {
            "disciplines": ["legal"],
            "fee_model": "volunteer",
            "municipalities": ["44021", "11002"],
        },
    }
    for kind, fields in cases.items():
        data = {"title": f"Een {kind}", "description": "Tekst.", "action": "publish", **fields}
        response = create(user_client, kind, data)
        assert response.status_code == 302, response.context["form"].errors
    offer = Listing.objects.get(kind=Kind.OFFER_SPACE)
    assert offer.place == place and offer.floor_area_m2 == 900 and offer.building_type == "school"
    assert offer.public_latitude == place.public_latitude
    assert list(offer.municipalities.values_list("nis_code", flat=True)) == ["11002"]
    expertise = Listing.objects.get(kind=Kind.OFFER_EXPERTISE)
    assert expertise.municipalities.count() == 2
    assert all(listing.status == Status.PUBLISHED for listing in Listing.objects.all())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_area_m2": "900", "max_area_m2": "100"}, "max_area_m2"),
        ({"max_price": "-5"}, "max_price"),
        ({"max_rent_month": "-1"}, "max_rent_month"),
        ({"radius_km": "0"}, "radius_km"),
        ({"radius_km": "10000"}, "radius_km"),
        ({"uses": ["spaceport"]}, "uses"),
        ({"uses": []}, "uses"),
        ({"postal_code": "", "radius_km": "5"}, "radius_km"),
        (
            {"postal_code": "", "public_latitude": "48.85", "public_longitude": "2.35"},
            "public_latitude",
        ),
        ({"postal_code": "9999"}, "postal_code"),
        ({"wanted_from": "2026-09-01", "wanted_until": "2026-01-01"}, "wanted_until"),
        ({"municipalities": ["11002"]}, "municipalities"),  # and a point: not both
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_saved(user_client, changes, field):
    response = create(user_client, "seek_space", need_data(**changes))
    assert response.status_code == 400  # the form again, with its errors
    errors = response.context["form"].errors
    assert field in errors, errors
    assert all(str(message) for message in errors[field])
    assert not Listing.objects.exists()


def test_the_radius_errors_say_what_is_allowed(user_client):
    url = reverse("listings:create", args=["seek_space"])
    response = user_client.post(url, need_data(radius_km="0"), HTTP_ACCEPT_LANGUAGE="en")
    assert "more than 0 km" in str(response.context["form"].errors["radius_km"])
    response = user_client.post(url, need_data(radius_km="10000"), HTTP_ACCEPT_LANGUAGE="en")
    assert "at most 300 km" in str(response.context["form"].errors["radius_km"])


def test_an_offer_needs_a_location_and_only_ties_to_own_buildings(user_client, user):
    someone_elses = PlaceFactory(owner=UserFactory())
    data = {"title": "Ruimte", "description": "Tekst.", "action": "publish"}
    response = create(user_client, "offer_space", data)
    assert response.status_code == 400
    assert "postal_code" in response.context["form"].errors  # no building, no location
    assert not response.context["form"].owns_places
    response = create(user_client, "offer_space", data | {"place": someone_elses.pk})
    assert "place" in response.context["form"].errors
    PlaceFactory(owner=user)
    response = create(user_client, "offer_space", data | {"place": someone_elses.pk})
    assert "place" in response.context["form"].errors
    response = create(user_client, "offer_space", data)
    assert "place" in response.context["form"].errors  # no building and no location
    assert not Listing.objects.exists()


def test_who_may_not_post(client, unverified_user):
    url = reverse("listings:create", args=["seek_space"])
    assert client.get(url).status_code == 302  # to the log-in page
    client.force_login(unverified_user)
    assert client.post(url, need_data()).status_code == 403
    assert client.get(reverse("listings:choose_kind")).status_code == 403
    assert not Listing.objects.exists()


def test_who_may_not_edit_publish_or_close(client, user):
    listing = ListingFactory()
    draft = ListingFactory(status=Status.DRAFT, published_at=None)
    client.force_login(user)
    assert client.get(reverse("listings:edit", args=[listing.pk])).status_code == 403
    assert client.post(reverse("listings:publish", args=[listing.pk])).status_code == 403
    assert client.post(reverse("listings:close", args=[listing.pk])).status_code == 403
    assert client.get(reverse("listings:edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("listings:publish", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_author_edits_closes_and_publishes_again(client):
    listing = ListingFactory()
    client.force_login(listing.author)
    response = client.post(
        reverse("listings:edit", args=[listing.pk]),
        need_data(title="Nieuwe titel", action="save"),
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Nieuwe titel" and listing.status == Status.PUBLISHED
    client.post(reverse("listings:close", args=[listing.pk]), {"reason": "found"})
    listing.refresh_from_db()
    assert (listing.status, listing.closed_reason) == (Status.CLOSED, "found")
    client.post(reverse("listings:publish", args=[listing.pk]))
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED and listing.closed_reason == ""


def test_a_bad_edit_answers_400_with_the_form_and_keeps_what_was_saved(client):
    listing = ListingFactory(title="Oude titel", min_area_m2=300, max_area_m2=1000)
    client.force_login(listing.author)
    url = reverse("listings:edit", args=[listing.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, need_data(title="Nieuwe titel", min_area_m2="900", max_area_m2="100", action="save")
    )
    assert response.status_code == 400
    assert "max_area_m2" in response.context["form"].errors
    assert 'value="Nieuwe titel"' in response.content.decode()  # nothing typed is lost
    listing.refresh_from_db()
    assert (listing.title, listing.min_area_m2, listing.max_area_m2) == ("Oude titel", 300, 1000)


def test_bad_close_and_report_forms_answer_400(client, user):
    listing = ListingFactory()
    client.force_login(listing.author)
    assert client.post(reverse("listings:close", args=[listing.pk]), {}).status_code == 400
    client.force_login(user)
    response = client.post(reverse("listings:report", args=[listing.pk]), {"text": ""})
    assert response.status_code == 400 and "text" in response.context["form"].errors
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED and not listing.reports.exists()


def test_the_edit_form_keeps_the_dates_in_every_language(client):
    listing = ListingFactory(wanted_from=date(2027, 3, 1), wanted_until=date(2027, 9, 30))
    client.force_login(listing.author)
    url = reverse("listings:edit", args=[listing.pk])
    for language in ("nl", "fr", "en"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert 'value="2027-03-01"' in html and 'value="2027-09-30"' in html, language

"""Saving searches beyond a need's matches: an offer's seekers and a partner search's experts and
groups, alerted only about new fits; the map's save form with its area; and a save form with an
error shown again."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from openpromotor.listings import alerts
from openpromotor.listings.models import SavedSearch
from openpromotor.listings.vocabulary import Frequency
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory, expert, offer, partner_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def save(client, listing, frequency="daily", name=None):
    data = {"target": "matches", "listing": listing.pk, "frequency": frequency}
    return client.post(reverse("listings:save_search"), data | {"name": name or listing.title})


def test_the_author_of_an_offer_or_a_partner_search_can_save_its_matches(client):
    for listing in (offer(), partner_search(), expert()):
        client.force_login(listing.author)
        html = client.get(listing.get_absolute_url()).content.decode()
        assert 'name="target" value="matches"' in html
        assert save(client, listing).status_code == 302
        assert SavedSearch.objects.get(listing=listing).user == listing.author
        html = client.get(listing.get_absolute_url()).content.decode()
        assert 'name="target" value="matches"' not in html  # saved: a link to manage it


def test_nobody_saves_the_matches_of_someone_elses_or_an_unpublished_listing(client, user):
    client.force_login(user)
    assert save(client, offer()).status_code == 404
    own_draft = offer(author=user, status="draft", published_at=None)
    assert save(client, own_draft).status_code == 404
    data = {"target": "matches", "listing": "abc", "name": "x", "frequency": "daily"}
    assert client.post(reverse("listings:save_search"), data).status_code == 404
    client.force_login(UserFactory(verified=False))
    assert save(client, offer()).status_code == 403
    assert not SavedSearch.objects.exists()


def test_an_offer_hears_at_once_of_a_new_seeker_who_fits_and_lets_owners_find_them(
    client, on_commit
):
    space = offer(building_type="school", floor_area_m2=600)
    SavedSearch.objects.create(
        user=space.author, name="Zoekers", target="matches", listing=space, frequency="instant"
    )
    author = UserFactory()
    ListingFactory(author=author, status="closed")  # has published before: goes live at once
    client.force_login(author)
    data = {
        "title": "Wij zoeken een school",
        "description": "Samen wonen.",
        "uses": ["co_housing"],
        "min_area_m2": "400",
        "max_area_m2": "900",
        "postal_code": "2000",
        "radius_km": "5",
        "findable": "on",
        "action": "publish",
    }
    with on_commit(execute=True):
        client.post(reverse("listings:create", args=["seek_space"]), data)
    with on_commit(execute=True):
        client.post(
            reverse("listings:create", args=["seek_space"]),
            data | {"title": "Niet vindbaar", "findable": ""},
        )
    alerts_sent = [message for message in mail.outbox if message.to == [space.author.email]]
    assert len(alerts_sent) == 1
    assert "Wij zoeken een school" in alerts_sent[0].body
    assert "Niet vindbaar" not in alerts_sent[0].body and "/100)" in alerts_sent[0].body


def test_a_partner_search_digest_lists_only_new_experts_and_groups_that_fit():
    search = partner_search(roles=["architect", "member_household"])
    since = timezone.now() - timedelta(hours=2)
    SavedSearch.objects.create(
        user=search.author,
        name="Partners",
        target="matches",
        listing=search,
        frequency=Frequency.WEEKLY,
        checked_until=since,
    )
    now = timezone.now()
    expert(title="Nieuwe architect", published_at=now)
    expert(title="Oude architect")  # published yesterday: before the watermark
    expert(title="Nieuwe energie-expert", disciplines=["energy"], published_at=now)
    ListingFactory(title="Nieuwe woongroep", open_to_cooperative=True, published_at=now)
    ListingFactory(title="Nieuw, niet coöperatief", published_at=now)

    assert alerts.send_digests(Frequency.WEEKLY) == (1, 1)
    body = mail.outbox[0].body
    assert "Nieuwe architect" in body and "Nieuwe woongroep" in body
    for title in ("Oude architect", "Nieuwe energie-expert", "Nieuw, niet coöperatief"):
        assert title not in body
    assert alerts.send_digests(Frequency.WEEKLY) == (0, 1)  # nothing new since: no e-mail


def test_a_save_form_without_a_name_is_shown_again_with_its_error(client):
    need = ListingFactory()
    client.force_login(need.author)
    response = client.post(
        reverse("listings:save_search"),
        {"target": "listings", "query": "kind=offer_space", "name": "", "frequency": "daily"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "name" in response.context["form"].errors
    html = response.content.decode()
    assert 'value="kind=offer_space"' in html and "Listings with these filters" in html
    response = save(client, need, name="x" * 121)
    assert response.status_code == 400 and "name" in response.context["form"].errors
    response = client.post(
        reverse("listings:save_search"),
        {"target": "listings", "query": "radius_km=10000&near=2600", "name": "Ver"},
    )
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    assert not SavedSearch.objects.exists()


def test_the_error_page_never_links_away_from_the_site(client, user):
    client.force_login(user)
    response = client.post(
        reverse("listings:save_search"),
        {"target": "listings", "query": "", "name": "", "next": "https://evil.example/"},
    )
    assert response.status_code == 400 and "evil.example" not in response.content.decode()


def test_the_map_page_saves_the_filters_with_the_map_area(client, user):
    client.force_login(user)
    url = reverse("listings:map")
    html = client.get(url, {"kind": "offer_space", "bbox": "4.3,51.1,4.6,51.3"}).content.decode()
    assert 'data-query-from="map-list-link"' in html and "listings/save_search.js" in html
    assert 'value="kind=offer_space&amp;bbox=4.3%2C51.1%2C4.6%2C51.3"' in html
    # What the script sends: the list link's query, with the map's view in it.
    query = "kind=offer_space&lat=51.2&lon=4.4&zoom=12&bbox=4.3,51.1,4.6,51.3"
    client.post(
        reverse("listings:save_search"),
        {"target": "listings", "query": query, "name": "Kaart", "frequency": "daily"},
    )
    assert SavedSearch.objects.get().query == "kind=offer_space&bbox=4.3%2C51.1%2C4.6%2C51.3"

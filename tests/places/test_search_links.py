"""From the buildings list a member saves the filters as a search; a building links members to
the seekers it could suit."""

import pytest
from django.urls import reverse

from openpromotor.listings.models import SavedSearch
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_the_buildings_list_saves_its_filters_as_a_search(user_client, user):
    url = reverse("places:list") + "?building_type=church&min_area=200&page=2"
    html = user_client.get(url).content.decode()
    assert 'name="target" value="places"' in html
    user_client.post(
        reverse("listings:save_search"),
        {
            "target": "places",
            "query": "building_type=church&min_area=200&page=2",
            "name": "Kerken",
            "frequency": "daily",
        },
    )
    search = SavedSearch.objects.get(user=user)
    assert search.target == SavedSearch.Target.PLACES
    assert search.query == "building_type=church&min_area=200"


def test_visitors_see_no_save_form(client):
    assert 'name="target"' not in client.get(reverse("places:list")).content.decode()


def test_a_building_links_to_the_seekers_it_could_suit(user_client):
    place = PlaceFactory()
    html = user_client.get(place.get_absolute_url()).content.decode()
    assert reverse("listings:place_seekers", args=[place.pk]) in html


def test_the_buildings_map_saves_the_filters_with_the_map_area(user_client, user):
    url = reverse("places:map") + "?building_type=school&bbox=4.3,51.1,4.6,51.3"
    html = user_client.get(url).content.decode()
    assert 'name="target" value="places"' in html and 'data-query-from="map-list-link"' in html
    assert "listings/save_search.js" in html
    query = "building_type=school&lat=51.2&lon=4.4&zoom=12&bbox=4.3,51.1,4.6,51.3"
    user_client.post(
        reverse("listings:save_search"),
        {"target": "places", "query": query, "name": "Scholen", "frequency": "weekly"},
    )
    search = SavedSearch.objects.get(user=user)
    assert search.query == "building_type=school&bbox=4.3%2C51.1%2C4.6%2C51.3"

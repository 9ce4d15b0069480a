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

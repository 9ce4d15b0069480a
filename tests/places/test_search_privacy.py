"""The text search never reveals the street of a building whose owner chose an approximate
location: not in the list, the API or the clusters."""

import pytest
from django.urls import reverse

from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db
BELGIUM = "2.5,49.5,6.5,51.6"


def test_the_street_of_an_approximate_place_is_not_searchable(client):
    hidden = PlaceFactory(
        title="Oude kapel", street="Lange Nieuwstraat", location_is_approximate=True
    )
    shown = PlaceFactory(title="Winkelpand", street="Lange Nieuwstraat")
    page = client.get(reverse("places:list") + "?q=Lange+Nieuwstraat").content.decode()
    assert shown.title in page and hidden.title not in page

    features = client.get("/api/v1/places?q=Lange%20Nieuwstraat").json()["features"]
    assert [feature["properties"]["id"] for feature in features] == [shown.pk]

    clusters = client.get(f"/api/v1/places/clusters?q=Lange%20Nieuwstraat&bbox={BELGIUM}&zoom=8")
    counts = [f["properties"].get("count", 1) for f in clusters.json()["features"]]
    assert sum(counts) == 1

    # Its title and description still find it.
    assert hidden.title in client.get(reverse("places:list") + "?q=kapel").content.decode()

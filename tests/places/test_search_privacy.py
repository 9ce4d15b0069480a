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


def test_a_box_kept_out_of_the_index_finds_the_same_places():
    """Digests write the box test so the database does not choose an index by it; the places
    found are the same."""
    import random

    from openpromotor.geo.bbox import BBox
    from openpromotor.places.filters import within_bbox
    from openpromotor.places.models import Place

    rng = random.Random(3)
    found = 0
    for _ in range(40):
        PlaceFactory(latitude=rng.uniform(51.15, 51.25), longitude=rng.uniform(4.35, 4.45))
    for _ in range(10):
        lat, lon = rng.uniform(51.15, 51.24), rng.uniform(4.35, 4.44)
        box = BBox(min_lon=lon, min_lat=lat, max_lon=lon + 0.02, max_lat=lat + 0.02)
        indexed = set(within_bbox(Place.objects.all(), box).values_list("pk", flat=True))
        loose = within_bbox(Place.objects.all(), box, box_in_index=False)
        assert set(loose.values_list("pk", flat=True)) == indexed
        found += len(indexed)
    assert found > 5  # the boxes held places

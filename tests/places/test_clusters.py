"""The database's clustering agrees with the pure reference ``geo.clustering.cluster_points``."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import BBox
from openpromotor.geo.clustering import Cluster, cluster_points
from openpromotor.geo.tiles import MAX_ZOOM
from openpromotor.municipalities.models import Municipality
from openpromotor.places.clusters import cluster_places
from openpromotor.places.filters import PlaceFilterForm
from openpromotor.places.models import Place, Source, Status

ANTWERP = BBox(4.30, 51.15, 4.50, 51.30)
HOTSPOTS = [(51.2203, 4.4015), (51.2172, 4.4211), (51.1990, 4.3890)]


@st.composite
def places(draw):
    """Up to 40 places around Antwerp, many of them bunched so that clusters form."""
    near = st.tuples(st.sampled_from(HOTSPOTS), st.floats(-0.002, 0.002), st.floats(-0.002, 0.002))
    anywhere = st.tuples(st.floats(51.10, 51.35), st.floats(4.25, 4.55))
    found = []
    for _ in range(draw(st.integers(0, 40))):
        if draw(st.booleans()):
            (lat, lon), dlat, dlon = draw(near)
            lat, lon = lat + dlat, lon + dlon
        else:
            lat, lon = draw(anywhere)
        found.append(
            {
                "latitude": lat,
                "longitude": lon,
                "location_is_approximate": draw(st.booleans()),
                "status": draw(st.sampled_from([Status.PUBLISHED] * 3 + [Status.PENDING])),
                "building_type": draw(st.sampled_from(["school", "church"])),
            }
        )
    return found


@st.composite
def viewports(draw):
    lats = sorted(draw(st.floats(51.10, 51.35)) for _ in range(2))
    lons = sorted(draw(st.floats(4.25, 4.55)) for _ in range(2))
    return BBox(min_lon=lons[0], min_lat=lats[0], max_lon=lons[1], max_lat=lats[1])


def store(rows) -> list[Place]:
    """Replace every place by these (one Hypothesis example shares the test's transaction)."""
    Place.objects.all().delete()
    antwerp = Municipality.objects.get(nis_code="11002")
    created = []
    for number, row in enumerate(rows):
        place = Place(
            title=f"pand {number}",
            municipality=antwerp,
            occupancy="vacant",
            source=Source.IMPORT,
            **{"building_type": "school", **row},
        )
        place.update_location_keys()
        created.append(place)
    return Place.objects.bulk_create(created)


@pytest.mark.django_db
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=places(),
    box=viewports(),
    zoom=st.integers(0, MAX_ZOOM),
    kinds=st.sampled_from([[], ["school"], ["school", "church"]]),
)
def test_sql_clusters_agree_with_the_reference(rows, box, zoom, kinds):
    stored = store(rows)
    bbox = f"{box.min_lon},{box.min_lat},{box.max_lon},{box.max_lat}"
    form = PlaceFilterForm({"bbox": bbox, "building_type": kinds})
    assert form.is_valid(), form.errors

    result = cluster_places(form.filter(Place.objects.published()), zoom)

    matching = [
        (place.pk, place.public_latitude, place.public_longitude)
        for place in stored
        if place.status == Status.PUBLISHED and (not kinds or place.building_type in kinds)
    ]
    expected = cluster_points(matching, box, zoom)
    assert sum(g.count if isinstance(g, Cluster) else 1 for g in result) == sum(
        1 for _, lat, lon in matching if box.contains(lat, lon)
    )
    assert [type(g) for g in result] == [type(g) for g in expected]
    for got, want in zip(result, expected, strict=True):
        assert got.cell == want.cell
        assert (got.lat, got.lon) == pytest.approx((want.lat, want.lon), abs=1e-9)
        if isinstance(want, Cluster):
            assert (got.count, got.bounds) == (want.count, want.bounds)
        else:
            assert got.id == want.id


@pytest.mark.django_db
def test_clusters_use_the_public_location():
    """An approximate place is clustered where the public sees it, not where it is."""
    [place] = store([{"latitude": 51.2203, "longitude": 4.4015, "location_is_approximate": True}])
    [single] = cluster_places(Place.objects.all(), MAX_ZOOM)
    assert (single.lat, single.lon) == (place.public_latitude, place.public_longitude)
    assert single.cell == place.public_tile_key

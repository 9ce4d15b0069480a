"""The database's clustering agrees with the pure reference ``geo.clustering.cluster_points``:
the live query for filtered requests, and the tile summary for the map without filters, also
after random changes of the places."""

import random
from statistics import fmean

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import BBox
from openpromotor.geo.clustering import Cluster, cluster_points
from openpromotor.geo.tiles import MAX_ZOOM, quadkey, tile_bounds
from openpromotor.municipalities.models import Municipality
from openpromotor.places import counting
from openpromotor.places.clusters import cluster_places, cluster_published
from openpromotor.places.filters import PlaceFilterForm
from openpromotor.places.models import Place, Source, Status
from openpromotor.places.tile_summary import SUMMARY_ZOOM
from tests.places.summaries import assert_summary_is_exact

ANTWERP = BBox(4.30, 51.15, 4.50, 51.30)
HOTSPOTS = [(51.2203, 4.4015), (51.2172, 4.4211), (51.1990, 4.3890)]
SUMMARY_TILE = tile_bounds(quadkey(51.2203, 4.4015, SUMMARY_ZOOM))
EDGE_LATITUDES = [SUMMARY_TILE.min_lat, SUMMARY_TILE.max_lat]
EDGE_LONGITUDES = [SUMMARY_TILE.min_lon, SUMMARY_TILE.max_lon]
"""The edges of a summary tile in Antwerp: places and views on them test the edge cases."""

STATUSES = [Status.PUBLISHED] * 3 + [Status.PENDING, Status.ARCHIVED]


def between(low: float, high: float):
    """Numbers spread evenly over a range (Hypothesis' own numbers bunch on its ends)."""
    return st.integers(0, 2**32).map(lambda seed: random.Random(seed).uniform(low, high))


def latitudes():
    """Mostly anywhere around Antwerp, a quarter of them on a summary tile's edge."""
    spread = between(51.10, 51.35)
    return st.one_of(spread, spread, spread, st.sampled_from(EDGE_LATITUDES))


def longitudes():
    spread = between(4.25, 4.55)
    return st.one_of(spread, spread, spread, st.sampled_from(EDGE_LONGITUDES))


@st.composite
def places(draw, at_least=0):
    """Up to 40 places around Antwerp, many of them bunched so that clusters form, some on the
    edges of a summary tile."""
    near = st.tuples(st.sampled_from(HOTSPOTS), st.floats(-0.002, 0.002), st.floats(-0.002, 0.002))
    anywhere = st.tuples(latitudes(), longitudes())
    found = []
    for _ in range(draw(st.integers(at_least, 40))):
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
    """Views of any size around Antwerp; some have an edge on a summary tile's edge."""
    lats = sorted(draw(latitudes()) for _ in range(2))
    lons = sorted(draw(longitudes()) for _ in range(2))
    return BBox(min_lon=lons[0], min_lat=lats[0], max_lon=lons[1], max_lat=lats[1])


@st.composite
def views(draw):
    """Map views of all sizes around Antwerp, from a street to the province; an edge may lie on
    a summary tile's edge."""
    lat, lon = draw(between(51.12, 51.33)), draw(between(4.28, 4.52))
    half_height, half_width = draw(between(0.0005, 0.12)), draw(between(0.0005, 0.2))
    edges = [lat - half_height, lon - half_width, lat + half_height, lon + half_width]
    snapped = [
        draw(st.one_of(st.just(edge), st.just(edge), st.just(edge), st.sampled_from(choices)))
        for edge, choices in zip(edges, [EDGE_LATITUDES, EDGE_LONGITUDES] * 2, strict=True)
    ]
    south, north = sorted(snapped[0::2])
    west, east = sorted(snapped[1::2])
    return BBox(min_lon=west, min_lat=south, max_lon=east, max_lat=north)


@st.composite
def writes(draw):
    """Up to 8 changes of the stored places, each as the application makes them."""
    kinds = ["status", "queryset status", "move", "approximate", "delete", "report"]
    return [
        (
            draw(st.sampled_from(kinds)),
            draw(st.integers(0, 1000)),
            draw(st.sampled_from(STATUSES)),
            (draw(latitudes()), draw(longitudes())),
            draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 8)))
    ]


def new_place(number: int, **fields) -> Place:
    return Place(
        title=f"pand {number}",
        municipality=Municipality.objects.get(nis_code="11002"),
        occupancy="vacant",
        source=Source.IMPORT,
        **{"building_type": "school", **fields},
    )


def store(rows) -> list[Place]:
    """Replace every place by these (one Hypothesis example shares the test's transaction)."""
    Place.objects.all().delete()
    created = []
    for number, row in enumerate(rows):
        place = new_place(number, **row)
        place.update_location_keys()
        created.append(place)
    return Place.objects.bulk_create(created)


def apply(changes) -> None:
    """Make the changes through ``Place.save``, ``delete`` and the queryset's ``update``."""
    for kind, index, status, (lat, lon), flag in changes:
        stored = list(Place.objects.order_by("pk"))
        if kind == "report" or not stored:
            new_place(index, latitude=lat, longitude=lon, status=status).save()
            continue
        place = stored[index % len(stored)]
        if kind == "status":
            place.status = status
            place.save(update_fields=["status", "updated_at"])
        elif kind == "queryset status":
            Place.objects.filter(pk__in=[p.pk for p in stored[index % 3 :: 3]]).update(
                status=status
            )
        elif kind == "move":
            place.latitude, place.longitude = lat, lon
            place.save()
        elif kind == "approximate":
            place.location_is_approximate = flag
            place.save()
        elif flag:
            place.delete()
        else:
            Place.objects.filter(pk=place.pk).delete()


def assert_agrees_with_the_reference(result, matching, box, zoom) -> None:
    """``matching``: the (id, public latitude, public longitude) of the places to count."""
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
    assert_agrees_with_the_reference(result, matching, box, zoom)


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=places(at_least=10),
    changes=writes(),
    box=views(),
    zoom=st.one_of(st.integers(8, SUMMARY_ZOOM - 2), st.integers(0, MAX_ZOOM)),
)
def test_summary_clusters_agree_with_the_reference_after_random_writes(rows, changes, box, zoom):
    """The map without filters: summarised tiles inside the view, places counted on its edge
    (or, for cells finer than the summary's tiles, every place from the index)."""
    store(rows)
    apply(changes)

    result = cluster_published(box, zoom)

    assert_summary_is_exact()
    matching = [
        (place.pk, place.public_latitude, place.public_longitude)
        for place in Place.objects.published()
    ]
    assert_agrees_with_the_reference(result, matching, box, zoom)


@pytest.mark.django_db
def test_clusters_use_the_public_location():
    """An approximate place is clustered where the public sees it, not where it is."""
    [place] = store([{"latitude": 51.2203, "longitude": 4.4015, "location_is_approximate": True}])
    [single] = cluster_places(Place.objects.all(), MAX_ZOOM)
    assert (single.lat, single.lon) == (place.public_latitude, place.public_longitude)
    assert single.cell == place.public_tile_key


@pytest.mark.django_db
def test_summary_clusters_use_the_public_location():
    """Never the exact location: the summary holds the public one, and so do its clusters."""
    approximate = {"location_is_approximate": True, "status": Status.PUBLISHED}
    places = store(
        [{"latitude": 51.2203, "longitude": 4.4015 + step * 1e-4, **approximate} for step in (0, 1)]
    )

    [cluster] = cluster_published(ANTWERP, 10)

    public = (fmean(p.public_latitude for p in places), fmean(p.public_longitude for p in places))
    exact = (fmean(p.latitude for p in places), fmean(p.longitude for p in places))
    assert (cluster.lat, cluster.lon) == pytest.approx(public, abs=1e-12)
    assert (cluster.lat, cluster.lon) != pytest.approx(exact, abs=1e-5)


@pytest.mark.django_db
def test_many_edge_tiles_are_counted_in_several_statements(monkeypatch):
    """Ranges go to the database a few at a time; the counts of a cell add up across them."""
    rows = [
        {"latitude": 51.14 + 0.016 * row, "longitude": 4.29 + 0.024 * column, "status": "published"}
        for row in range(11)
        for column in range(11)
    ]
    stored = store(rows)
    box, zoom = BBox(4.305, 51.152, 4.52, 51.29), 9
    monkeypatch.setattr(counting, "RANGES_PER_QUERY", 2)
    with CaptureQueriesContext(connection) as queries:
        result = cluster_published(box, zoom)
    assert len(queries) >= 2 + 3  # the summary twice, the edge's places at least thrice
    matching = [(place.pk, place.public_latitude, place.public_longitude) for place in stored]
    assert_agrees_with_the_reference(result, matching, box, zoom)

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import EARTH_RADIUS_M
from openpromotor.geo.distance import bbox_around, destination_point, haversine_km, offset_point

ANTWERP = (51.2194, 4.4025)
GENT = (51.0543, 3.7174)

latitudes = st.floats(-80, 80)
longitudes = st.floats(-180, 180)


def law_of_cosines_km(lat1, lon1, lat2, lon2):
    """An independent great-circle formula, to cross-check the haversine."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    cosine = math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(phi2) * math.cos(
        math.radians(lon2 - lon1)
    )
    return EARTH_RADIUS_M / 1000 * math.acos(max(-1.0, min(1.0, cosine)))


def test_antwerp_to_gent_is_about_50_km():
    distance = haversine_km(*ANTWERP, *GENT)
    assert 49 < distance < 53
    assert distance == pytest.approx(law_of_cosines_km(*ANTWERP, *GENT), rel=1e-9)


def test_haversine_is_zero_for_the_same_point_and_symmetric():
    assert haversine_km(*ANTWERP, *ANTWERP) == 0
    assert haversine_km(*ANTWERP, *GENT) == haversine_km(*GENT, *ANTWERP)


def test_half_way_round_the_world():
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_RADIUS_M / 1000)


@settings(max_examples=200)
@given(latitudes, longitudes, st.floats(0, 360), st.floats(0, 100_000))
def test_destination_point_is_at_the_given_distance(lat, lon, bearing, metres):
    lat2, lon2 = destination_point(lat, lon, bearing, metres)
    assert haversine_km(lat, lon, lat2, lon2) * 1000 == pytest.approx(metres, abs=1e-3)
    assert -180 <= lon2 <= 180


def test_offset_point_is_stable_and_depends_on_the_seed():
    first = offset_point(*ANTWERP, seed="place:42:secret")
    assert offset_point(*ANTWERP, seed="place:42:secret") == first
    assert offset_point(*ANTWERP, seed="place:43:secret") != first
    assert first != ANTWERP


@settings(max_examples=200)
@given(st.floats(49.5, 51.5), st.floats(2.5, 6.4), st.text(), st.floats(1, 1000))
def test_offset_point_stays_within_the_maximum(lat, lon, seed, max_m):
    lat2, lon2 = offset_point(lat, lon, seed, max_m)
    assert haversine_km(lat, lon, lat2, lon2) * 1000 <= max_m + 1e-6
    assert bbox_around(lat, lon, (max_m + 0.001) / 1000).contains(lat2, lon2)


def test_offsets_use_the_whole_disc():
    distances = [
        haversine_km(*ANTWERP, *offset_point(*ANTWERP, seed=str(i))) * 1000 for i in range(400)
    ]
    assert max(distances) > 270
    assert min(distances) < 100
    # Uniform over the disc: about a quarter of the points lie within half the radius.
    assert 60 < sum(d < 150 for d in distances) < 140


def test_bbox_around_reaches_the_radius_north_south_and_east_west():
    box = bbox_around(*ANTWERP, radius_km=5)
    assert haversine_km(box.max_lat, ANTWERP[1], *ANTWERP) == pytest.approx(5)
    assert haversine_km(ANTWERP[0], box.max_lon, *ANTWERP) >= 5
    assert haversine_km(ANTWERP[0], box.max_lon, *ANTWERP) == pytest.approx(5, rel=1e-3)


@settings(max_examples=200)
@given(latitudes, st.floats(-170, 170), st.floats(0, 360), st.floats(0.01, 200), st.floats(0, 1))
def test_bbox_around_holds_every_point_within_the_radius(lat, lon, bearing, radius_km, share):
    point = destination_point(lat, lon, bearing, radius_km * 1000 * share)
    assert bbox_around(lat, lon, radius_km + 1e-6).contains(*point)  # a millimetre for rounding

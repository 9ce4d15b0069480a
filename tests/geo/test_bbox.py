import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import BELGIUM, MAX_LATITUDE, BBox, BBoxError, in_belgium
from openpromotor.geo.distance import destination_point, haversine_km


def test_parse_reads_geojson_order():
    assert BBox.parse("4.35,51.17,4.48,51.26") == BBox(4.35, 51.17, 4.48, 51.26)


def test_parse_allows_spaces_and_a_single_point():
    assert BBox.parse(" 4.4 , 51.2 ,4.4, 51.2") == BBox(4.4, 51.2, 4.4, 51.2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected 4 numbers, got 1"),
        ("4.3,51.1,4.5", "expected 4 numbers, got 3"),
        ("4.3,51.1,4.5,51.3,1", "expected 4 numbers, got 5"),
        ("4.3,abc,4.5,51.3", "'abc' is not a number"),
        ("4.3,,4.5,51.3", "'' is not a number"),
        ("4.3,nan,4.5,51.3", "'nan' is not a finite number"),
        ("4.3,51.1,inf,51.3", "'inf' is not a finite number"),
        ("4.5,51.1,4.3,51.3", "minLon 4.5 is greater than maxLon 4.3"),
        ("4.3,51.3,4.5,51.1", "minLat 51.3 is greater than maxLat 51.1"),
        ("-180.1,51.1,4.5,51.3", "minLon -180.1 is outside -180.0..180.0"),
        ("4.3,51.1,4.5,86", "maxLat 86.0 is outside -85.05112878..85.05112878"),
        ("4.3,-90,4.5,51.3", "minLat -90.0 is outside"),
    ],
)
def test_parse_errors_say_what_is_wrong(text, message):
    with pytest.raises(BBoxError, match=message.replace(".", r"\.")):
        BBox.parse(text)


def test_bbox_error_is_a_value_error():
    assert issubclass(BBoxError, ValueError)


def test_contains_includes_the_edges():
    box = BBox(4.0, 51.0, 5.0, 52.0)
    assert box.contains(51.0, 4.0)
    assert box.contains(52.0, 5.0)
    assert box.contains(51.5, 4.5)
    assert not box.contains(52.0001, 4.5)
    assert not box.contains(51.5, 3.9999)


def test_intersects():
    box = BBox(4.0, 51.0, 5.0, 52.0)
    assert box.intersects(BBox(4.5, 51.5, 6.0, 53.0))
    assert box.intersects(BBox(5.0, 52.0, 6.0, 53.0))  # touching corner
    assert box.intersects(BBox(4.2, 51.2, 4.3, 51.3))  # inside
    assert not box.intersects(BBox(5.1, 51.0, 6.0, 52.0))
    assert not BBox(5.1, 51.0, 6.0, 52.0).intersects(box)


def test_expand_m_by_a_kilometre_in_antwerp():
    box = BBox(4.40, 51.22, 4.40, 51.22).expand_m(1000)
    assert haversine_km(box.min_lat, 4.40, 51.22, 4.40) == pytest.approx(1.0, rel=1e-9)
    assert haversine_km(51.22, box.max_lon, 51.22, 4.40) > 1.0


def test_expand_m_clamps_to_the_world():
    box = BBox(179.9, 85.0, 180, 85.0).expand_m(100_000)
    assert (box.max_lon, box.max_lat) == (180, MAX_LATITUDE)
    assert box.min_lon == pytest.approx(179.9 - 10.3747, abs=1e-3)


def test_expand_m_over_the_pole_spans_all_longitudes():
    box = BBox(4.0, 80.0, 5.0, 80.0).expand_m(1_200_000)  # more than the 10° to the pole
    assert (box.min_lon, box.max_lon) == (-180, 180)
    assert box.min_lat == pytest.approx(80.0 - 10.7918, abs=1e-3)


def test_expand_m_refuses_a_negative_distance():
    with pytest.raises(ValueError, match="negative"):
        BBox(4, 51, 5, 52).expand_m(-1)


@settings(max_examples=200)
@given(
    st.floats(-60, 60),
    st.floats(-170, 170),
    st.floats(0, 50_000),
    st.floats(0, 360),
    st.floats(0, 1),
)
def test_expand_m_holds_every_point_within_the_distance(lat, lon, metres, bearing, share):
    box = BBox(lon, lat, lon, lat).expand_m(metres + 0.001)  # a millimetre for trig rounding
    assert box.contains(*destination_point(lat, lon, bearing, metres * share))


def test_in_belgium():
    assert in_belgium(51.22, 4.40)  # Antwerp
    assert in_belgium(50.85, 4.35)  # Brussels
    assert in_belgium(49.68, 5.82)  # Arlon
    assert not in_belgium(48.86, 2.35)  # Paris
    assert not in_belgium(52.37, 4.90)  # Amsterdam
    assert BBox(2.3, 49.4, 6.5, 51.6) == BELGIUM

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import MAX_LATITUDE, BBox
from openpromotor.geo.tiles import (
    MAX_ZOOM,
    covering_prefixes,
    prefix_range,
    quadkey,
    quadkey_to_tile,
    tile_bounds,
    tile_to_quadkey,
    tile_xy,
)

latitudes = st.floats(min_value=-MAX_LATITUDE, max_value=MAX_LATITUDE)
longitudes = st.floats(min_value=-180, max_value=180)
zooms = st.integers(min_value=0, max_value=MAX_ZOOM)
quadkeys = st.text(alphabet="0123", max_size=MAX_ZOOM)

ANTWERP_CATHEDRAL = (51.220278, 4.401389)


def osm_wiki_tile(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The OpenStreetMap wiki's formula, written with ln(tan φ + sec φ) instead of asinh(tan φ)."""
    n = 2**zoom
    phi = math.radians(lat)
    x = (lon + 180) / 360 * n
    y = (1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * n
    return int(x), int(y)


def test_antwerp_cathedral_tile_at_zoom_15():
    assert tile_xy(*ANTWERP_CATHEDRAL, 15) == (16784, 10938)
    assert osm_wiki_tile(*ANTWERP_CATHEDRAL, 15) == (16784, 10938)


def test_antwerp_cathedral_lies_in_its_tile():
    bounds = tile_bounds(quadkey(*ANTWERP_CATHEDRAL, 15))
    assert bounds.contains(*ANTWERP_CATHEDRAL)
    assert bounds.min_lon == pytest.approx(4.39453125)
    assert bounds.max_lon == pytest.approx(4.405517578125)


def test_bing_documentation_example():
    # Bing Maps' "Tile System" article: tile (3, 5) at level 3 has quadkey "213".
    assert tile_to_quadkey(3, 5, 3) == "213"
    assert quadkey_to_tile("213") == (3, 5, 3)


def test_stored_key_has_max_zoom_digits():
    key = quadkey(*ANTWERP_CATHEDRAL)
    assert len(key) == MAX_ZOOM
    assert set(key) <= set("0123")


def test_world_tile():
    assert quadkey(*ANTWERP_CATHEDRAL, 0) == ""
    assert tile_bounds("") == BBox(-180, -MAX_LATITUDE, 180, MAX_LATITUDE)
    assert prefix_range("") == ("", "4")


def test_corners_of_the_map_belong_to_the_edge_tiles():
    assert tile_xy(MAX_LATITUDE, -180, 3) == (0, 0)
    assert tile_xy(-MAX_LATITUDE, 180, 3) == (7, 7)


@pytest.mark.parametrize(
    ("lat", "lon", "zoom"),
    [(90, 0, 5), (0, 180.5, 5), (math.nan, 0, 5), (0, 0, -1), (0, 0, MAX_ZOOM + 1)],
)
def test_out_of_range_input_is_refused(lat, lon, zoom):
    with pytest.raises(ValueError):
        tile_xy(lat, lon, zoom)


@pytest.mark.parametrize("bad", ["0124", "a", "0" * (MAX_ZOOM + 1)])
def test_malformed_quadkeys_are_refused(bad):
    with pytest.raises(ValueError, match="not a quadkey"):
        quadkey_to_tile(bad)


def test_tile_outside_the_zoom_is_refused():
    with pytest.raises(ValueError, match="does not exist"):
        tile_to_quadkey(8, 0, 3)


@settings(max_examples=300)
@given(latitudes, longitudes, zooms)
def test_key_at_any_zoom_is_a_prefix_of_the_stored_key(lat, lon, zoom):
    assert quadkey(lat, lon, zoom) == quadkey(lat, lon)[:zoom]


@given(
    zooms.flatmap(
        lambda z: st.tuples(st.integers(0, 2**z - 1), st.integers(0, 2**z - 1), st.just(z))
    )
)
def test_quadkey_and_tile_round_trip(tile):
    assert quadkey_to_tile(tile_to_quadkey(*tile)) == tile


@settings(max_examples=200)
@given(latitudes, longitudes, zooms)
def test_point_lies_in_the_bounds_of_its_tile(lat, lon, zoom):
    # A centimetre of slack for floating-point rounding at tile edges.
    assert tile_bounds(quadkey(lat, lon, zoom)).expand_m(0.01).contains(lat, lon)


@settings(max_examples=300)
@given(quadkeys, quadkeys)
def test_prefix_range_holds_exactly_the_keys_with_that_prefix(prefix, key):
    lo, hi = prefix_range(prefix)
    assert (lo <= key < hi) == key.startswith(prefix)


@settings(max_examples=300)
@given(quadkeys, quadkeys)
def test_prefix_range_holds_extensions_of_the_prefix(prefix, suffix):
    lo, hi = prefix_range(prefix)
    assert lo <= prefix + suffix < hi


@st.composite
def boxes_with_a_point(draw, lat_range=(-MAX_LATITUDE, MAX_LATITUDE), lon_range=(-180, 180)):
    lats = sorted(draw(st.floats(*lat_range)) for _ in range(2))
    lons = sorted(draw(st.floats(*lon_range)) for _ in range(2))
    box = BBox(min_lon=lons[0], min_lat=lats[0], max_lon=lons[1], max_lat=lats[1])
    lat = draw(st.floats(box.min_lat, box.max_lat))
    lon = draw(st.floats(box.min_lon, box.max_lon))
    return box, lat, lon


@settings(max_examples=300)
@given(
    st.one_of(boxes_with_a_point(), boxes_with_a_point((50.5, 51.5), (3.5, 5.5))),
    zooms,
    st.integers(min_value=1, max_value=16),
)
def test_covering_prefixes_cover_every_point_in_the_box(box_and_point, zoom, max_ranges):
    box, lat, lon = box_and_point
    prefixes = covering_prefixes(box, zoom, max_ranges)
    assert 1 <= len(prefixes) <= max_ranges
    assert len(set(map(len, prefixes))) == 1
    assert len(prefixes[0]) <= zoom
    key = quadkey(lat, lon)
    assert any(prefix_range(p)[0] <= key < prefix_range(p)[1] for p in prefixes)


def test_covering_prefixes_of_a_small_box_are_fine():
    box = BBox(4.4013, 51.2202, 4.4015, 51.2204)
    prefixes = covering_prefixes(box, MAX_ZOOM, 4)
    assert all(len(p) >= MAX_ZOOM - 1 for p in prefixes)


def test_covering_prefixes_fall_back_to_the_world_with_one_range():
    assert covering_prefixes(BBox(-170, -80, 170, 80), MAX_ZOOM, 1) == [""]


def test_covering_prefixes_needs_at_least_one_range():
    with pytest.raises(ValueError, match="max_ranges"):
        covering_prefixes(BBox(4, 51, 5, 52), MAX_ZOOM, 0)

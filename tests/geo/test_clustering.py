import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.geo.bbox import BBox
from openpromotor.geo.clustering import Cluster, Single, cluster_points, cluster_zoom
from openpromotor.geo.tiles import MAX_ZOOM, quadkey, tile_bounds

ANTWERP = BBox(4.30, 51.15, 4.50, 51.30)


@pytest.mark.parametrize(
    ("map_zoom", "cell_zoom"), [(0, 2), (6, 8), (12, 14), (18, 20), (19, 20), (20, 20)]
)
def test_cells_are_two_zoom_levels_finer_than_the_map(map_zoom, cell_zoom):
    assert cluster_zoom(map_zoom) == cell_zoom


@pytest.mark.parametrize("map_zoom", [-1, MAX_ZOOM + 1])
def test_cluster_zoom_refuses_impossible_map_zooms(map_zoom):
    with pytest.raises(ValueError, match="map zoom"):
        cluster_zoom(map_zoom)


def test_nearby_points_cluster_and_a_lone_point_stays_single():
    points = [
        ("cathedral", 51.2203, 4.4014),
        ("town hall", 51.2212, 4.3997),
        ("Kapellen", 51.3130, 4.4330),  # outside the box
        ("wilrijk", 51.1685, 4.3940),
    ]
    result = cluster_points(points, ANTWERP, map_zoom=11)
    assert len(result) == 2
    cluster = next(item for item in result if isinstance(item, Cluster))
    single = next(item for item in result if isinstance(item, Single))
    assert cluster.count == 2
    assert cluster.lat == pytest.approx((51.2203 + 51.2212) / 2)
    assert cluster.lon == pytest.approx((4.4014 + 4.3997) / 2)
    assert cluster.cell == quadkey(51.2203, 4.4014)[:13]
    assert cluster.bounds == tile_bounds(cluster.cell)
    assert single == Single(cell=quadkey(51.1685, 4.3940, 13), id="wilrijk", lat=51.1685, lon=4.394)


def test_no_points_no_clusters():
    assert cluster_points([], ANTWERP, 10) == []


points_in_and_around_antwerp = st.lists(
    st.tuples(st.floats(51.10, 51.35), st.floats(4.25, 4.55)), max_size=60
).map(lambda coordinates: [(i, lat, lon) for i, (lat, lon) in enumerate(coordinates)])


@st.composite
def viewports(draw):
    lats = sorted(draw(st.floats(51.10, 51.35)) for _ in range(2))
    lons = sorted(draw(st.floats(4.25, 4.55)) for _ in range(2))
    return BBox(min_lon=lons[0], min_lat=lats[0], max_lon=lons[1], max_lat=lats[1])


@settings(max_examples=200)
@given(points_in_and_around_antwerp, viewports(), st.integers(0, MAX_ZOOM))
def test_counts_add_up_to_the_points_inside_the_box(points, box, map_zoom):
    result = cluster_points(points, box, map_zoom)
    inside = [p for p in points if box.contains(p[1], p[2])]
    counts = [item.count if isinstance(item, Cluster) else 1 for item in result]
    assert sum(counts) == len(inside)
    assert all(
        count >= 2 for item, count in zip(result, counts, strict=True) if isinstance(item, Cluster)
    )
    cells = [item.cell for item in result]
    assert cells == sorted(set(cells))
    assert all(len(cell) == cluster_zoom(map_zoom) for cell in cells)


@settings(max_examples=200)
@given(points_in_and_around_antwerp, viewports(), st.integers(0, MAX_ZOOM))
def test_every_point_inside_falls_in_exactly_its_own_cell(points, box, map_zoom):
    result = cluster_points(points, box, map_zoom)
    by_cell = {item.cell: item for item in result}
    for point_id, lat, lon in points:
        if box.contains(lat, lon):
            item = by_cell[quadkey(lat, lon)[: cluster_zoom(map_zoom)]]
            assert isinstance(item, Cluster) or item.id == point_id


@settings(max_examples=100)
@given(points_in_and_around_antwerp, viewports(), st.integers(0, MAX_ZOOM))
def test_cluster_centre_lies_in_the_box_and_the_cell(points, box, map_zoom):
    for item in cluster_points(points, box, map_zoom):
        if isinstance(item, Cluster):
            slack = item.bounds.expand_m(0.01)  # floating-point rounding of the mean
            assert slack.contains(item.lat, item.lon)
            assert box.expand_m(0.01).contains(item.lat, item.lon)

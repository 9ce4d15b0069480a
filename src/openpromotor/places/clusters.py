"""Server-side clustering of places for the map, done by the database.

A cell is the first ``cluster_zoom(map_zoom)`` characters of a place's public tile key (see
``geo.clustering``); a cell's places become one cluster (their count and mean public position)
or stay a single place. ``geo.clustering.cluster_points`` is the reference the tests compare
both ways of clustering with:

- ``cluster_published``, for the map without filters: the tiles of the tile summary that lie
  wholly inside the view are added up per cell, and only the places of the summary's tiles on
  the view's edge are counted one by one, from the index (``places.counting``). Cells finer
  than the summary's tiles (map zoom 13 and more, a few thousand places at most in view) are
  all counted from the index.
- ``cluster_places``, for filtered requests, which the summary cannot answer: one
  ``GROUP BY substr(public_tile_key, …)`` over the matching places.

Both count exactly the places inside the view, so the counts add up to its number of places.
"""

from django.db.models import Avg, Count, Min, Sum
from django.db.models.functions import Substr

from openpromotor.geo.bbox import MAX_LATITUDE, MAX_LONGITUDE, BBox
from openpromotor.geo.clustering import Cluster, Single, cluster_zoom
from openpromotor.geo.tiles import (
    MAX_ZOOM,
    covering_prefixes,
    prefix_range,
    tile_bounds,
    tile_to_quadkey,
    tile_xy,
)
from openpromotor.places import counting
from openpromotor.places.models import TileSummary
from openpromotor.places.tile_summary import SUMMARY_ZOOM

LIVE_RANGES = 16
"""Key ranges covering a view whose places are all counted one by one: more ranges fit the view
more tightly, each costs an index scan."""

EDGE_MARGIN = 1e-9
"""Degrees (0.1 mm) between a view's edge and a tile taken as wholly inside it. A tile key and
a tile's edges are computed along different paths through floating point, so a place exactly on
a tile's edge may fall on either side of it by a rounding error; this margin is far wider."""


def cluster_published(bbox: BBox, map_zoom: int) -> list[Cluster | Single]:
    """All published places inside ``bbox``, grouped into cells ordered by cell."""
    length = cluster_zoom(map_zoom)
    totals: counting.Totals = {}
    if length <= SUMMARY_ZOOM:
        outer, inner = _summary_tiles(bbox)
        counting.add_up(totals, _summed_tiles(inner, length))
        ranges = [prefix_range(tile) for tile in _edge_tiles(outer, inner)]
    else:
        ranges = [prefix_range(prefix) for prefix in covering_prefixes(bbox, MAX_ZOOM, LIVE_RANGES)]
    counting.add_up(totals, counting.published_per_prefix(ranges, length, bbox))
    return [_group(cell, *totals[cell]) for cell in sorted(totals)]


def cluster_places(places, map_zoom: int) -> list[Cluster | Single]:
    """Group a queryset of places, already limited to the viewport, into cells ordered by cell.

    A cell holding one place gives a ``Single`` with that place's id; the caller loads such
    places for their properties.
    """
    cell_length = cluster_zoom(map_zoom)
    rows = (
        places.order_by()
        .values(cell=Substr("public_tile_key", 1, cell_length))
        .annotate(
            count=Count("pk"),
            lat=Avg("public_latitude"),
            lon=Avg("public_longitude"),
            first=Min("pk"),
        )
        .order_by("cell")
    )
    return [
        Single(cell=row["cell"], id=row["first"], lat=row["lat"], lon=row["lon"])
        if row["count"] == 1
        else Cluster(
            cell=row["cell"],
            count=row["count"],
            lat=row["lat"],
            lon=row["lon"],
            bounds=tile_bounds(row["cell"]),
        )
        for row in rows
    ]


TileRange = tuple[int, int, int, int]
"""Columns and rows of summary tiles, both ends included: (west, east, north, south)."""


def _summary_tiles(bbox: BBox) -> tuple[TileRange, TileRange | None]:
    """The summary tiles that may hold places of the box (outer), and those wholly inside it
    (inner; ``None`` when no tile is)."""
    west, north = tile_xy(
        min(MAX_LATITUDE, bbox.max_lat + EDGE_MARGIN),
        max(-MAX_LONGITUDE, bbox.min_lon - EDGE_MARGIN),
        SUMMARY_ZOOM,
    )
    east, south = tile_xy(
        max(-MAX_LATITUDE, bbox.min_lat - EDGE_MARGIN),
        min(MAX_LONGITUDE, bbox.max_lon + EDGE_MARGIN),
        SUMMARY_ZOOM,
    )
    first_x, last_x, first_y, last_y = west, east, north, south
    while first_x <= last_x and _bounds(first_x, north).min_lon < bbox.min_lon + EDGE_MARGIN:
        first_x += 1
    while last_x >= first_x and _bounds(last_x, north).max_lon > bbox.max_lon - EDGE_MARGIN:
        last_x -= 1
    while first_y <= last_y and _bounds(west, first_y).max_lat > bbox.max_lat - EDGE_MARGIN:
        first_y += 1
    while last_y >= first_y and _bounds(west, last_y).min_lat < bbox.min_lat + EDGE_MARGIN:
        last_y -= 1
    inside = first_x <= last_x and first_y <= last_y
    return (west, east, north, south), (first_x, last_x, first_y, last_y) if inside else None


def _bounds(x: int, y: int) -> BBox:
    return tile_bounds(tile_to_quadkey(x, y, SUMMARY_ZOOM))


def _summed_tiles(inner: TileRange | None, length: int) -> list[counting.Row]:
    """The summary tiles wholly inside the view, added up per cell."""
    if inner is None:
        return []
    west, east, north, south = inner
    return list(
        TileSummary.objects.filter(
            place_count__gt=0, x__range=(west, east), y__range=(north, south)
        )
        .order_by()
        .values(cell=Substr("tile", 1, length))
        .annotate(
            count=Sum("place_count"),
            latitude_sum=Sum("latitude_sum"),
            longitude_sum=Sum("longitude_sum"),
            first=Min("first_place_id"),
        )
        .values_list("cell", "count", "latitude_sum", "longitude_sum", "first")
    )


def _edge_tiles(outer: TileRange, inner: TileRange | None) -> list[str]:
    """The summary tiles with published places that the view's edge cuts through."""
    west, east, north, south = outer
    tiles = TileSummary.objects.filter(
        place_count__gt=0, x__range=(west, east), y__range=(north, south)
    )
    if inner is not None:
        west, east, north, south = inner
        tiles = tiles.exclude(x__range=(west, east), y__range=(north, south))
    return list(tiles.values_list("tile", flat=True))


def _group(cell: str, count: int, latitude_sum: float, longitude_sum: float, first: int):
    if count == 1:
        return Single(cell=cell, id=first, lat=latitude_sum, lon=longitude_sum)
    return Cluster(
        cell=cell,
        count=count,
        lat=latitude_sum / count,
        lon=longitude_sum / count,
        bounds=tile_bounds(cell),
    )

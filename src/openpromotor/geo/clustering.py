"""Server-side clustering of places for the map, defined on the stored tile key.

A *cell* is a map tile at ``cluster_zoom(map_zoom)``; a place's cell is the first
``cluster_zoom(map_zoom)`` characters of its tile key. All places inside the viewport that share
a cell become one cluster (count and mean position), or stay a single place when alone.

The map's SQL does the same with ``GROUP BY substr(tile_key, 1, cluster_zoom(map_zoom))``;
``cluster_points`` is the plain-Python reference that property tests compare the SQL against.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from statistics import fmean

from openpromotor.geo.bbox import BBox
from openpromotor.geo.tiles import MAX_ZOOM, quadkey, tile_bounds

CELL_ZOOM_OFFSET = 2
"""Cells are tiles two zoom levels finer than the map: a 256 px map tile holds 4 x 4 cells."""

Point = tuple[Hashable, float, float]
"""A place to cluster: ``(id, latitude, longitude)``."""


@dataclass(frozen=True)
class Cluster:
    """Two or more places sharing a cell; ``lat``/``lon`` is their mean position."""

    cell: str
    count: int
    lat: float
    lon: float
    bounds: BBox


@dataclass(frozen=True)
class Single:
    """The only place of its cell inside the viewport."""

    cell: str
    id: Hashable
    lat: float
    lon: float


def cluster_zoom(map_zoom: int) -> int:
    """The quadkey length (tile zoom) of the cluster cells for a map shown at ``map_zoom``.

    A map tile at ``map_zoom`` is 256 px wide, so a tile at ``map_zoom + 2`` is 64 px wide on
    screen: about the size of a cluster marker, so markers rarely overlap. Capped at ``MAX_ZOOM``,
    the precision of the tile key (cells are then 128 px at map zoom 19 and 256 px at zoom 20).
    """
    if not 0 <= map_zoom <= MAX_ZOOM:
        raise ValueError(f"map zoom {map_zoom} is outside 0..{MAX_ZOOM}")
    return min(map_zoom + CELL_ZOOM_OFFSET, MAX_ZOOM)


def cluster_points(points: Iterable[Point], bbox: BBox, map_zoom: int) -> list[Cluster | Single]:
    """Group the points inside ``bbox`` (edges included) per cell, ordered by cell.

    Counts add up to the number of points inside the box. A cell can stick out of the box; only
    the points inside the box count, and a cluster's position is the mean of those points.
    """
    cell_length = cluster_zoom(map_zoom)
    cells: dict[str, list[Point]] = defaultdict(list)
    for point in points:
        _, lat, lon = point
        if bbox.contains(lat, lon):
            cells[quadkey(lat, lon)[:cell_length]].append(point)
    return [_summarise(cell, members) for cell, members in sorted(cells.items())]


def _summarise(cell: str, members: list[Point]) -> Cluster | Single:
    if len(members) == 1:
        point_id, lat, lon = members[0]
        return Single(cell=cell, id=point_id, lat=lat, lon=lon)
    return Cluster(
        cell=cell,
        count=len(members),
        lat=fmean(lat for _, lat, _ in members),
        lon=fmean(lon for _, _, lon in members),
        bounds=tile_bounds(cell),
    )

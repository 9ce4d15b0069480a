"""Web-Mercator ("slippy map") tile maths and the quadkey tile key stored on every place.

At zoom ``z`` the square world map is cut into 2**z x 2**z tiles; ``x`` counts columns from
180° W eastwards and ``y`` counts rows from the north edge southwards (the OpenStreetMap scheme).

A *quadkey* (Bing Maps' scheme) spells the path from the world tile down to a tile: one digit per
zoom level, from coarsest to finest, ``digit = x_bit + 2 * y_bit`` with the bits of ``x`` and
``y`` for that level. So the quadkey of a zoom-``z`` tile has ``z`` digits and is a prefix of the
quadkeys of all tiles inside it; the world tile (zoom 0) is the empty string.

Every place stores ``tile_key = quadkey(lat, lon)`` at ``MAX_ZOOM``. The database can then

- group places per tile of any zoom ``z ≤ MAX_ZOOM`` with ``substr(tile_key, 1, z)``, and
- find the places in a tile with ``tile_key >= lo AND tile_key < hi`` (``prefix_range``),

on a plain B-tree index, with the same SQL on SQLite and PostgreSQL.
"""

import math

from openpromotor.geo.bbox import MAX_LATITUDE, MAX_LONGITUDE, BBox

MAX_ZOOM = 20
"""Zoom of the stored tile key: 20 digits; a tile is about 24 m wide in Belgium."""

_DIGITS = "0123"


def tile_xy(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The column ``x`` and row ``y`` of the tile holding the point at ``zoom``.

    The point's position is first taken as a fraction of the map's width and height and only
    then scaled by 2**zoom. Scaling by a power of two is exact in floating point, so a point's
    tile at zoom z is always the parent of its tile at zoom z + 1: the prefix property of the
    tile key depends on that.
    """
    _check_point(lat, lon)
    _check_zoom(zoom)
    x_fraction = (lon + 180.0) / 360.0
    y_fraction = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0
    size = 2**zoom
    return _tile_index(x_fraction, size), _tile_index(y_fraction, size)


def _tile_index(fraction: float, size: int) -> int:
    """Scale a fraction of the map to a tile index; the far edges belong to the last tile."""
    return min(size - 1, max(0, math.floor(fraction * size)))


def tile_to_quadkey(x: int, y: int, zoom: int) -> str:
    _check_zoom(zoom)
    size = 2**zoom
    if not (0 <= x < size and 0 <= y < size):
        raise ValueError(f"tile ({x}, {y}) does not exist at zoom {zoom}")
    digits = []
    for level in range(zoom, 0, -1):
        bit = 1 << (level - 1)
        digits.append(_DIGITS[(1 if x & bit else 0) + (2 if y & bit else 0)])
    return "".join(digits)


def quadkey_to_tile(quadkey: str) -> tuple[int, int, int]:
    """The ``(x, y, zoom)`` of a quadkey; the inverse of ``tile_to_quadkey``."""
    _check_quadkey(quadkey)
    x = y = 0
    for char in quadkey:
        digit = int(char)
        x = (x << 1) | (digit & 1)
        y = (y << 1) | (digit >> 1)
    return x, y, len(quadkey)


def quadkey(lat: float, lon: float, zoom: int = MAX_ZOOM) -> str:
    """The quadkey of the tile holding the point; at ``MAX_ZOOM`` this is a place's tile key."""
    x, y = tile_xy(lat, lon, zoom)
    return tile_to_quadkey(x, y, zoom)


def tile_bounds(quadkey: str) -> BBox:
    x, y, zoom = quadkey_to_tile(quadkey)
    size = 2**zoom
    return BBox(
        min_lon=_edge_longitude(x, size),
        min_lat=_edge_latitude(y + 1, size),
        max_lon=_edge_longitude(x + 1, size),
        max_lat=_edge_latitude(y, size),
    )


def _edge_longitude(x: int, size: int) -> float:
    return x / size * 360.0 - 180.0


def _edge_latitude(y: int, size: int) -> float:
    """Latitude of the top edge of row ``y``; the map's own edges are ±``MAX_LATITUDE``.

    Pinning the outer edges to the rounded limit (rather than 85.0511287798°) makes the world
    tile the same box as the valid coordinate range, so every valid point lies in its tile.
    """
    if y == 0:
        return MAX_LATITUDE
    if y == size:
        return -MAX_LATITUDE
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))


def prefix_range(prefix: str) -> tuple[str, str]:
    """The half-open string range ``[lo, hi)`` holding exactly the quadkeys starting with prefix.

    ``hi`` is the prefix with its last digit raised by one; for the last digit 3 that gives "4",
    which sorts after every digit of a quadkey. The empty prefix (the world) gives ``("", "4")``.
    """
    _check_quadkey(prefix)
    if not prefix:
        return "", "4"
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def covering_prefixes(bbox: BBox, zoom: int = MAX_ZOOM, max_ranges: int = 4) -> list[str]:
    """At most ``max_ranges`` quadkey prefixes whose tiles together cover the whole box.

    Start with the tiles covering the box at ``zoom`` and step to coarser zooms (each tile is
    replaced by its parent) until few enough remain. All prefixes have the same length ≤ zoom.
    A query then takes the places whose tile key lies in one of the ``prefix_range``s, plus an
    exact latitude/longitude filter, since the tiles stick out of the box. Pass ``MAX_ZOOM`` for
    the tightest cover the budget of ranges allows.
    """
    if max_ranges < 1:
        raise ValueError(f"max_ranges must be at least 1, got {max_ranges}")
    west, north = tile_xy(bbox.max_lat, bbox.min_lon, zoom)
    east, south = tile_xy(bbox.min_lat, bbox.max_lon, zoom)
    level = zoom
    while (east - west + 1) * (south - north + 1) > max_ranges:
        level -= 1
        west, north, east, south = west >> 1, north >> 1, east >> 1, south >> 1
    return sorted(
        tile_to_quadkey(x, y, level) for x in range(west, east + 1) for y in range(north, south + 1)
    )


def _check_point(lat: float, lon: float) -> None:
    if not -MAX_LATITUDE <= lat <= MAX_LATITUDE:  # also false for NaN
        raise ValueError(f"latitude {lat} is outside -{MAX_LATITUDE}..{MAX_LATITUDE}")
    if not -MAX_LONGITUDE <= lon <= MAX_LONGITUDE:
        raise ValueError(f"longitude {lon} is outside -{MAX_LONGITUDE}..{MAX_LONGITUDE}")


def _check_zoom(zoom: int) -> None:
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValueError(f"zoom {zoom} is outside 0..{MAX_ZOOM}")


def _check_quadkey(quadkey: str) -> None:
    if len(quadkey) > MAX_ZOOM or any(char not in _DIGITS for char in quadkey):
        raise ValueError(f"{quadkey!r} is not a quadkey (up to {MAX_ZOOM} digits 0-3)")

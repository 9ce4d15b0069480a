"""Latitude/longitude rectangles: the map viewport, search areas and Belgium itself.

Latitudes are limited to Web-Mercator's range (±85.05112878°, the edge of a square slippy map)
so every valid box can be covered by map tiles; longitudes to ±180°. Boxes never cross the
antimeridian, which is fine for a platform about Belgium.
"""

import math
from dataclasses import dataclass

MAX_LATITUDE = 85.05112878
"""Web-Mercator's latitude limit, atan(sinh(π)) in degrees, rounded up as map libraries do."""

MAX_LONGITUDE = 180.0

EARTH_RADIUS_M = 6_371_008.8
"""The mean Earth radius (IUGG); good to about 0.5 % anywhere, which is plenty for a map."""

_QUERY_NAMES = {
    "min_lon": "minLon",
    "min_lat": "minLat",
    "max_lon": "maxLon",
    "max_lat": "maxLat",
}


class BBoxError(ValueError):
    """A bounding box is malformed; the message is safe to show to the user."""


@dataclass(frozen=True)
class BBox:
    """A rectangle in degrees; edges belong to the box (``contains`` is inclusive)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def __post_init__(self) -> None:
        for name, limit in (
            ("min_lon", MAX_LONGITUDE),
            ("min_lat", MAX_LATITUDE),
            ("max_lon", MAX_LONGITUDE),
            ("max_lat", MAX_LATITUDE),
        ):
            value = getattr(self, name)
            if not -limit <= value <= limit:  # also false for NaN
                raise BBoxError(f"bbox {_QUERY_NAMES[name]} {value} is outside -{limit}..{limit}")
        if self.min_lon > self.max_lon:
            raise BBoxError(f"bbox minLon {self.min_lon} is greater than maxLon {self.max_lon}")
        if self.min_lat > self.max_lat:
            raise BBoxError(f"bbox minLat {self.min_lat} is greater than maxLat {self.max_lat}")

    @classmethod
    def parse(cls, text: str) -> "BBox":
        """Read a ``bbox`` query value ``"minLon,minLat,maxLon,maxLat"`` (GeoJSON order)."""
        parts = text.split(",")
        if len(parts) != 4:
            raise BBoxError(
                f"bbox must be 'minLon,minLat,maxLon,maxLat': expected 4 numbers, got {len(parts)}"
            )
        return cls(*(_parse_number(part) for part in parts))

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon

    def intersects(self, other: "BBox") -> bool:
        """True when the boxes share at least one point (touching edges count)."""
        return (
            self.min_lon <= other.max_lon
            and other.min_lon <= self.max_lon
            and self.min_lat <= other.max_lat
            and other.min_lat <= self.max_lat
        )

    def expand_m(self, metres: float) -> "BBox":
        """Grow the box so it holds every point within ``metres`` of it, clamped to the world.

        North-south, a distance is the same angle everywhere. East-west, a degree of longitude
        shrinks with cos(latitude), so we use the widest east-west reach of a circle of that
        radius, asin(sin r / cos φ), at the box's latitude farthest from the equator. When the
        circle would reach over a pole, the box spans all longitudes.
        """
        if metres < 0:
            raise ValueError(f"cannot expand a box by a negative distance ({metres} m)")
        angle = metres / EARTH_RADIUS_M
        widest_lat = math.radians(max(abs(self.min_lat), abs(self.max_lat)))
        if angle >= math.pi / 2 - widest_lat:
            delta_lon = 2 * MAX_LONGITUDE
        else:
            delta_lon = math.degrees(math.asin(math.sin(angle) / math.cos(widest_lat)))
        delta_lat = math.degrees(angle)
        return BBox(
            min_lon=max(-MAX_LONGITUDE, self.min_lon - delta_lon),
            min_lat=max(-MAX_LATITUDE, self.min_lat - delta_lat),
            max_lon=min(MAX_LONGITUDE, self.max_lon + delta_lon),
            max_lat=min(MAX_LATITUDE, self.max_lat + delta_lat),
        )


def _parse_number(part: str) -> float:
    try:
        value = float(part)
    except ValueError:
        raise BBoxError(f"bbox value {part.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise BBoxError(f"bbox value {part.strip()!r} is not a finite number")
    return value


BELGIUM = BBox(min_lon=2.3, min_lat=49.4, max_lon=6.5, max_lat=51.6)
"""A generous box around Belgium: a quick sanity check for reported locations, not a border."""


def in_belgium(lat: float, lon: float) -> bool:
    return BELGIUM.contains(lat, lon)

"""Distances on the Earth, boxes around a point, and stable approximate locations.

The Earth is taken as a sphere (``EARTH_RADIUS_M``): off by at most about 0.5 %, which is far
below what matters for "how far is this building".
"""

import hashlib
import math

from openpromotor.geo.bbox import EARTH_RADIUS_M, BBox

_EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = math.radians(lat2 - lat1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def destination_point(
    lat: float, lon: float, bearing_deg: float, distance_m: float
) -> tuple[float, float]:
    """The ``(lat, lon)`` reached by going ``distance_m`` from a point along a bearing.

    The bearing is in degrees clockwise from north; the longitude comes back in -180..180.
    """
    phi = math.radians(lat)
    theta = math.radians(bearing_deg)
    angle = distance_m / EARTH_RADIUS_M
    phi2 = math.asin(
        math.sin(phi) * math.cos(angle) + math.cos(phi) * math.sin(angle) * math.cos(theta)
    )
    dlambda = math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(phi),
        math.cos(angle) - math.sin(phi) * math.sin(phi2),
    )
    return math.degrees(phi2), _wrap_longitude(lon + math.degrees(dlambda))


def _wrap_longitude(lon: float) -> float:
    """Bring a longitude that went past the antimeridian back into -180..180.

    Only shifted when needed: a modulo on every value would add rounding to ordinary results.
    """
    if lon > 180.0:
        return lon - 360.0
    if lon < -180.0:
        return lon + 360.0
    return lon


def offset_point(lat: float, lon: float, seed: str, max_m: float = 300) -> tuple[float, float]:
    """A point less than ``max_m`` metres away, always the same for the same seed.

    Used to publish an approximate location. The seed picks the distance and bearing through
    SHA-256, so the offset survives restarts and never jitters between page views. Whoever knows
    the seed can undo the offset: build it from the place's id *and a server secret*, never
    from public data alone. The distance is ``max_m * sqrt(u)`` for a uniform ``u``, which spreads
    the points evenly over the disc instead of bunching them near the true location.
    """
    digest = hashlib.sha256(seed.encode()).digest()
    distance_m = max_m * math.sqrt(_unit_fraction(digest[:8]))
    bearing_deg = 360.0 * _unit_fraction(digest[8:16])
    return destination_point(lat, lon, bearing_deg, distance_m)


def _unit_fraction(eight_bytes: bytes) -> float:
    """A fraction in [0, 1) from 53 random bits (all a float can hold, so it never hits 1.0)."""
    return (int.from_bytes(eight_bytes, "big") >> 11) / 2**53


def bbox_around(lat: float, lon: float, radius_km: float) -> BBox:
    """The smallest latitude/longitude box holding every point within ``radius_km``."""
    return BBox(min_lon=lon, min_lat=lat, max_lon=lon, max_lat=lat).expand_m(radius_km * 1000)

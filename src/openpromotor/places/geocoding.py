"""An optional online geocoder for a report without a pin; off unless ``GEOCODER_URL`` is set.

Offline, a report without a pin is placed at its postal code's centre (from the postal-code
table). With ``GEOCODER_URL`` pointing to a Nominatim-compatible search endpoint (for example a
Nominatim of your own, or https://nominatim.openstreetmap.org/search within its usage policy),
the street and house number are looked up first. Whatever goes wrong — no answer within
``GEOCODER_TIMEOUT`` seconds, an error, no result, a point outside Belgium — gives ``None``, and
the postal code is used as offline: a report never fails because a geocoder is down.
"""

import json
import logging
import urllib.parse
import urllib.request

from django.conf import settings

from openpromotor.geo.bbox import in_belgium

logger = logging.getLogger(__name__)


def locate(street: str, house_number: str, postal_code: str) -> tuple[float, float] | None:
    """The latitude and longitude of an address in Belgium, or None."""
    if not settings.GEOCODER_URL or not street:
        return None
    query = urllib.parse.urlencode(
        {
            "street": f"{house_number} {street}".strip(),
            "postalcode": postal_code,
            "country": "Belgium",
            "countrycodes": "be",
            "format": "jsonv2",
            "limit": 1,
        }
    )
    request = urllib.request.Request(  # noqa: S310 (the operator configures an https URL)
        f"{settings.GEOCODER_URL}?{query}",
        headers={"User-Agent": f"OpenPromotor ({settings.SITE_URL})"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.GEOCODER_TIMEOUT) as response:  # noqa: S310
            results = json.load(response)
        latitude, longitude = float(results[0]["lat"]), float(results[0]["lon"])
    except (OSError, ValueError, LookupError, TypeError):
        logger.warning("The geocoder gave no usable answer for postal code %s", postal_code)
        return None
    return (latitude, longitude) if in_belgium(latitude, longitude) else None

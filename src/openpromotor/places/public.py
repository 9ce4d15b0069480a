"""What the public may see of a place: the API, the map's clusters and the export share this.

Never the reporter or the owner, and nothing that pins down a place whose owner asked for an
approximate location: coordinates are always the public ones, and such a place loses its street
address and its register id too (a CaPaKey names the parcel).
"""

from typing import Any

from openpromotor.places.models import Place

COORDINATE_DECIMALS = 6
"""About 10 cm: more digits would only make the responses longer."""

SUMMARY_FIELDS = (
    "id",
    "title",
    "building_type",
    "floor_area_m2",
    "occupancy",
    "ownership_kind",
    "location_is_approximate",
    "municipality__nis_code",
    "municipality__name_nl",
    "municipality__name_fr",
    "municipality__name_de",
    "public_latitude",
    "public_longitude",
    "for_sale",
    "for_rent",
    "temporary_use",
    "cooperative",
)
"""What ``summary`` reads: give it to ``QuerySet.only()`` to load nothing more."""

EXACT_ONLY_FIELDS = ("street", "house_number", "box", "external_id")


def summary(place: Place, url: str) -> dict[str, Any]:
    """The properties of a place on the map and in lists."""
    return {
        "id": place.pk,
        "title": place.title,
        "building_type": place.building_type,
        "floor_area_m2": place.floor_area_m2,
        "occupancy": place.occupancy,
        "availability": place.availabilities,
        "ownership_kind": place.ownership_kind,
        "municipality": {"nis_code": place.municipality.nis_code, "name": place.municipality.name},
        "location_is_approximate": place.location_is_approximate,
        "url": url,
    }


def details(place: Place, url: str) -> dict[str, Any]:
    """Everything public about a place: the summary and the facts of its detail page."""
    properties = summary(place, url)
    properties.update(
        description=place.description,
        postal_code=place.postal_code,
        plot_area_m2=place.plot_area_m2,
        floors=place.floors,
        construction_year=place.construction_year,
        condition=place.condition,
        vacant_since=place.vacant_since,
        asking_price=_whole(place.asking_price),
        asking_rent_month=_whole(place.asking_rent_month),
        temporary_use_from=_iso(place.temporary_use_from),
        temporary_use_until=_iso(place.temporary_use_until),
        protected_heritage=place.protected_heritage,
        links=place.link_list(),
        published_at=_iso(place.published_at),
        updated_at=_iso(place.updated_at),
    )
    for name in EXACT_ONLY_FIELDS:
        properties[name] = "" if place.location_is_approximate else (getattr(place, name) or "")
    return properties


def point(place: Place) -> dict[str, Any]:
    """The GeoJSON geometry at the public location ([longitude, latitude] as GeoJSON wants)."""
    return {
        "type": "Point",
        "coordinates": [
            round(place.public_longitude, COORDINATE_DECIMALS),
            round(place.public_latitude, COORDINATE_DECIMALS),
        ],
    }


def feature(place: Place, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": place.pk, "geometry": point(place), "properties": properties}


def _whole(amount) -> int | None:
    return None if amount is None else int(amount)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()

"""Export the published places to CSV or GeoJSON, with the privacy rules of the public API.

Each place is what ``public.details`` shows (the public location, no reporter or owner, no
address for an approximate location), written as it is read, so any number of places fits in
memory. A CSV export can be imported again (its extra columns are ignored), except for the
places with an approximate location: their external id (a register id such as a CaPaKey would
name the exact parcel) is left empty, and the import needs one.
"""

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from openpromotor.places import public
from openpromotor.places.models import Place
from openpromotor.places.readers import PlaceFileError

CHUNK_SIZE = 2000
CSV_COLUMNS = (
    "id",
    "external_id",
    "title",
    "description",
    "street",
    "house_number",
    "box",
    "postal_code",
    "municipality",
    "municipality_name",
    "latitude",
    "longitude",
    "location_is_approximate",
    "building_type",
    "floor_area_m2",
    "plot_area_m2",
    "floors",
    "construction_year",
    "condition",
    "occupancy",
    "vacant_since",
    "ownership_kind",
    "availability",
    "asking_price",
    "asking_rent_month",
    "temporary_use_from",
    "temporary_use_until",
    "protected_heritage",
    "links",
    "published_at",
    "updated_at",
    "url",
)


def export_places(path: Path, progress: Callable[[int], None] | None = None) -> int:
    """Write the published places to ``path`` (by its extension); returns how many."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".geojson", ".json"):
        raise PlaceFileError(_("Give a .csv or .geojson file."))
    write = _write_csv if suffix == ".csv" else _write_geojson
    count = 0

    def counted():
        nonlocal count
        for count, feature in enumerate(_features(), start=1):
            if progress and count % 10_000 == 0:
                progress(count)
            yield feature

    with open(path, "w", encoding="utf-8", newline="") as out:
        write(out, counted())
    return count


def _features() -> Iterator[dict[str, Any]]:
    places = Place.objects.published().select_related("municipality").order_by("pk")
    for place in places.iterator(chunk_size=CHUNK_SIZE):
        url = settings.SITE_URL + place.get_absolute_url()
        yield public.feature(place, public.details(place, url))


def _write_csv(out, features: Iterator[dict[str, Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for feature in features:
        row = dict(feature["properties"])
        row["longitude"], row["latitude"] = feature["geometry"]["coordinates"]
        row["municipality"], row["municipality_name"] = (
            row["municipality"]["nis_code"],
            row["municipality"]["name"],
        )
        row["availability"] = ";".join(row["availability"])
        row["links"] = " ".join(row["links"])
        writer.writerow(["" if row[name] is None else row[name] for name in CSV_COLUMNS])


def _write_geojson(out, features: Iterator[dict[str, Any]]) -> None:
    out.write('{"type": "FeatureCollection", "features": [\n')
    for number, feature in enumerate(features):
        out.write((",\n" if number else "") + json.dumps(feature, ensure_ascii=False))
    out.write("\n]}\n")

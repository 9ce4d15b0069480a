"""Generate places spread over Belgium as a CSV file that ``openpromotor places import`` reads.

Each place starts at a postal-code centroid from the municipalities tables (every code and place
name there counts once, so a city with many postal codes, such as Antwerpen or Brussels, gets
many places) and is moved by a normal jitter of ``--jitter-km`` in each direction, staying in
Belgium's box. Types, occupancy, areas and availability follow fixed, plausible weights. The
same ``--seed`` gives the same file.

Run: ``.venv/bin/python bench/places_generate.py var/bench/places.csv [--count 1000000]``
(needs a migrated database for the postal codes: ``DATABASE_URL`` as for the platform).
"""

import argparse
import csv
import math
import os
import random
import sys
import time
from pathlib import Path

import django

BUILDING_TYPES = {
    "house": 25,
    "shop": 15,
    "upper_floors": 12,
    "apartment_building": 9,
    "office": 10,
    "industrial": 10,
    "farm": 6,
    "church": 3,
    "school": 3,
    "public_building": 2,
    "care_building": 2,
    "monastery": 1,
    "other": 2,
}
OCCUPANCY = {"vacant": 50, "partly_vacant": 20, "under_used": 20, "temporarily_used": 10}
OWNERSHIP = {
    "private_person": 40,
    "company": 25,
    "public_body": 10,
    "church_council": 4,
    "school_board": 3,
    "social_housing": 3,
    "unknown": 15,
}
AVAILABILITY = ("for_sale", "for_rent", "temporary_use", "cooperative")
COLUMNS = (
    "external_id",
    "title",
    "street",
    "house_number",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "building_type",
    "floor_area_m2",
    "construction_year",
    "occupancy",
    "vacant_since",
    "ownership_kind",
    "availability",
)
KM_PER_DEGREE_LATITUDE = 111.2


def centroids() -> list[tuple[str, str, float, float]]:
    """(postal code, municipality NIS, latitude, longitude) of every postal-code place."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openpromotor.settings")
    django.setup()
    from openpromotor.municipalities.models import PostalCode

    rows = PostalCode.objects.exclude(municipality=None).values_list(
        "code", "municipality__nis_code", "latitude", "longitude"
    )
    return list(rows)


def generate(path: Path, count: int, jitter_km: float, seed: int) -> None:
    from openpromotor.geo.bbox import in_belgium

    rng = random.Random(seed)
    points = centroids()
    types, type_weights = zip(*BUILDING_TYPES.items(), strict=True)
    occupancies, occupancy_weights = zip(*OCCUPANCY.items(), strict=True)
    owners, owner_weights = zip(*OWNERSHIP.items(), strict=True)
    start = time.monotonic()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for number in range(count):
            code, nis, lat0, lon0 = rng.choice(points)
            while True:
                lat = lat0 + rng.gauss(0, jitter_km) / KM_PER_DEGREE_LATITUDE
                lon = lon0 + rng.gauss(0, jitter_km) / (
                    KM_PER_DEGREE_LATITUDE * math.cos(math.radians(lat0))
                )
                if in_belgium(lat, lon):
                    break
            building_type = rng.choices(types, type_weights)[0]
            writer.writerow(
                (
                    f"BENCH-{number:07d}",
                    f"{building_type.replace('_', ' ').capitalize()} {number}",
                    f"Straat {number % 997}",
                    str(number % 250 + 1),
                    code,
                    nis,
                    f"{lat:.6f}",
                    f"{lon:.6f}",
                    building_type,
                    min(200_000, int(rng.lognormvariate(5.5, 1.0)) + 10),
                    rng.randint(1850, 2015),
                    rng.choices(occupancies, occupancy_weights)[0],
                    rng.randint(1995, 2025),
                    rng.choices(owners, owner_weights)[0],
                    ";".join(value for value in AVAILABILITY if rng.random() < 0.3),
                )
            )
            if number % 100_000 == 0 and number:
                print(f"{number} rows…", file=sys.stderr)
    took = time.monotonic() - start
    size_mb = path.stat().st_size / 1e6
    print(f"{count} places around {len(points)} postal-code centroids written to {path}")
    print(f"{size_mb:.0f} MB in {took:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--jitter-km", type=float, default=1.5)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    generate(options.file, options.count, options.jitter_km, options.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

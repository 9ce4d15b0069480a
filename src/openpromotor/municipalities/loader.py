"""Load the bundled Statbel REFNIS list and GeoNames postal codes into the database.

Both the data migration and the ``load_municipalities`` command use :func:`load`, which takes
the model classes as arguments so that it also works with a migration's historical models.
Loading is idempotent: rows are matched by NIS code and by (postal code, place).
"""

import csv
import datetime
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
REFNIS_FILE = DATA_DIR / "be_refnis_statbel.csv"
POSTAL_CODES_FILE = DATA_DIR / "be_postal_codes_geonames.csv"
STILL_VALID = datetime.date(9999, 12, 31)


def load(unit_model, postal_code_model) -> tuple[int, int]:
    """Load both files; returns the number of administrative units and postal codes."""
    units = load_administrative_units(unit_model)
    postal_codes = load_postal_codes(unit_model, postal_code_model)
    return units, postal_codes


def read_refnis() -> dict[str, dict]:
    """The latest version of each NIS code (the list repeats a code when its parent changed)."""
    latest: dict[str, dict] = {}
    with REFNIS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row["start"] = _date(row["DT_VLDT_START"])
            code = row["CD_REFNIS"]
            if code not in latest or row["start"] > latest[code]["start"]:
                latest[code] = row
    return latest


def load_administrative_units(unit_model) -> int:
    rows = read_refnis()
    fields = ["level", "parent", "name_nl", "name_fr", "name_de", "valid_from", "valid_until"]
    for level in (1, 2, 3, 4):  # parents first, so their ids are known
        ids = dict(unit_model.objects.values_list("nis_code", "pk"))
        units = [
            unit_model(
                nis_code=code,
                level=level,
                parent_id=ids.get(row["CD_SUP_REFNIS"]),
                name_nl=row["TX_REFNIS_NL"],
                name_fr=row["TX_REFNIS_FR"],
                name_de=row["TX_REFNIS_DE"],
                valid_from=row["start"],
                valid_until=_end_date(row["DT_VLDT_END"]),
            )
            for code, row in rows.items()
            if int(row["LVL_REFNIS"]) == level
        ]
        unit_model.objects.bulk_create(
            units, update_conflicts=True, unique_fields=["nis_code"], update_fields=fields
        )
    return len(rows)


def load_postal_codes(unit_model, postal_code_model) -> int:
    arrondissements = dict(unit_model.objects.filter(level=3).values_list("nis_code", "pk"))
    municipalities = _current_municipalities_by_name(unit_model)
    with POSTAL_CODES_FILE.open(encoding="utf-8", newline="") as handle:
        postal_codes = []
        for row in csv.DictReader(handle):
            arrondissement_id = arrondissements.get(row["community_code"] + "000")
            postal_codes.append(
                postal_code_model(
                    code=row["zipcode"],
                    place=row["place"],
                    latitude=float(row["latitude"]),
                    longitude=float(row["longitude"]),
                    province_code=row["province_code"],
                    arrondissement_id=arrondissement_id,
                    municipality_id=municipalities.get((arrondissement_id, _key(row["place"]))),
                )
            )
    _link_by_nearest_place(postal_codes)
    postal_code_model.objects.bulk_create(
        postal_codes,
        update_conflicts=True,
        unique_fields=["code", "place"],
        update_fields=["latitude", "longitude", "province_code", "arrondissement", "municipality"],
    )
    return len(postal_codes)


def _link_by_nearest_place(postal_codes) -> None:
    """Link a sub-municipality's postal code to a municipality matched by name nearby.

    A deelgemeente (Walem, Mariakerke…) has no municipality of its own name. A place that shares
    its postal code with a name-matched place belongs to that municipality; otherwise the nearest
    name-matched place in the same arrondissement decides. This second step is an approximation,
    documented in data/README.md.
    """
    linked = [p for p in postal_codes if p.municipality_id]
    by_code = {p.code: p.municipality_id for p in linked}
    for postal_code in postal_codes:
        if postal_code.municipality_id:
            continue
        if postal_code.code in by_code:
            postal_code.municipality_id = by_code[postal_code.code]
            continue
        candidates = [p for p in linked if p.arrondissement_id == postal_code.arrondissement_id]
        if candidates:
            nearest = min(candidates, key=lambda p: _squared_distance(p, postal_code))
            postal_code.municipality_id = nearest.municipality_id


def _squared_distance(a, b) -> float:
    """Good enough to rank nearby places: degrees of longitude shrink by cos(51°) ≈ 0.63."""
    return (a.latitude - b.latitude) ** 2 + ((a.longitude - b.longitude) * 0.63) ** 2


def _current_municipalities_by_name(unit_model) -> dict:
    """(arrondissement id, normalised name) -> municipality id, for each language's name."""
    index = {}
    current = unit_model.objects.filter(level=4, valid_until__isnull=True)
    for pk, parent_id, *names in current.values_list(
        "pk", "parent_id", "name_nl", "name_fr", "name_de"
    ):
        for name in names:
            index[(parent_id, _key(name))] = pk
    return index


def _key(name: str) -> str:
    """Compare names without case, accents, hyphens or the Brussels "(Brussel)" style suffixes."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _end_date(text: str) -> datetime.date | None:
    end = _date(text)
    return None if end == STILL_VALID else end


def _date(text: str) -> datetime.date:
    return datetime.datetime.strptime(text.strip('"'), "%d/%m/%Y").date()

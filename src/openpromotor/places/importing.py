"""Import places from a CSV or GeoJSON file: every row validated, all or nothing by default.

Rows are read one at a time (``readers``) and new places stream into the database (``bulk``), so
a file of a million rows needs little memory: only external ids are kept, those already stored
and those seen in the file (to catch an id used twice).
Importing is idempotent by ``external_id`` (a register id such as a CaPaKey): a row whose id is
already known updates that place when something changed, otherwise it is left alone. New places
are published at once with source "import"; a known place keeps its status, so a re-import does
not bring back a place a moderator archived, and its owner's choice of an approximate location.
A place that its owner claimed also keeps what the owner manages (``OWNER_FIELDS``: availability,
asking price and rent, the window for temporary use): the owner knows better than the register.
The tile summary catches up once, at the end of the import's transaction (``tile_summary``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openpromotor.places import tile_summary
from openpromotor.places.bulk import PlaceInserter
from openpromotor.places.models import Place, TileSummary
from openpromotor.places.readers import CountingReader, read_rows
from openpromotor.places.validation import DATA_FIELDS, MunicipalityLookup, clean_place_data

BATCH_SIZE = 2000
IMPORT_COLUMNS = ("external_id", *DATA_FIELDS, "municipality", "availability")
LOCATION_FIELDS = ("tile_key", "public_latitude", "public_longitude", "public_tile_key")
UPDATED_FIELDS = (
    "external_id",
    *DATA_FIELDS,
    "municipality_id",
    "for_sale",
    "for_rent",
    "temporary_use",
    "cooperative",
)
OWNER_FIELDS = frozenset(
    {
        "for_sale",
        "for_rent",
        "temporary_use",
        "cooperative",
        "asking_price",
        "asking_rent_month",
        "temporary_use_from",
        "temporary_use_until",
    }
)
MAX_LISTED_ERRORS = 100
ANALYZE_AFTER_ROWS = 10_000


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    error_count: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    """The first ``MAX_LISTED_ERRORS`` errors as (row, field, message)."""
    ignored_columns: list[str] = field(default_factory=list)
    written: bool = False

    def add_errors(self, row: int, errors: dict[str, list[str]]) -> None:
        self.error_count += 1
        for name, messages in errors.items():
            for message in messages:
                if len(self.errors) < MAX_LISTED_ERRORS:
                    self.errors.append((row, name, message))


Progress = Callable[[int, float], None]
"""Called now and then with the rows read and the fraction of the file read."""


def import_places(
    path: Path,
    dry_run: bool = False,
    allow_partial: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row and, unless ``dry_run``, write them in one transaction.

    Without ``allow_partial`` one invalid row means nothing is written (the rest is still
    validated, to report every error at once); with it, the valid rows are written. The external
    ids already in the database are read first, so a new row goes straight to the database.
    """
    result = ImportResult()
    lookup = MunicipalityLookup.preloaded()
    seen: set[str] = set()
    known: list[dict[str, Any]] = []
    now = timezone.now()
    with open(path, "rb") as raw, transaction.atomic(), tile_summary.deferred():
        stored_ids = set(
            Place.objects.exclude(external_id=None).values_list("external_id", flat=True)
        )
        counted = CountingReader(raw, Path(path).stat().st_size)
        columns, rows = read_rows(path, counted)
        result.ignored_columns = [name for name in columns if name not in IMPORT_COLUMNS]
        with PlaceInserter(UPDATED_FIELDS, now) as inserter:
            for number, data in rows:
                result.rows += 1
                if progress and result.rows % 1000 == 0:
                    progress(result.rows, counted.fraction)
                values, errors = clean_place_data(data, lookup, with_external_id=True)
                external_id = values.get("external_id")
                if external_id in seen:
                    errors.setdefault("external_id", []).append(
                        _("This external id is already used by an earlier row.")
                    )
                if errors:
                    result.add_errors(number, errors)
                    continue
                seen.add(external_id)
                write = _writing(result, dry_run, allow_partial)
                if external_id not in stored_ids:
                    _create(values, result, inserter, write)
                    continue
                known.append(values)
                if len(known) >= BATCH_SIZE:
                    _update(known, result, inserter, now, write)
                    known = []
            _update(known, result, inserter, now, _writing(result, dry_run, allow_partial))
        if progress:
            progress(result.rows, 1.0)
        result.written = _writing(result, dry_run, allow_partial)
        if not result.written:
            transaction.set_rollback(True)
        elif result.created + result.updated >= ANALYZE_AFTER_ROWS:
            _analyze()
    if result.written and result.created + result.updated >= ANALYZE_AFTER_ROWS:
        vacuum(Place, TileSummary)
    return result


def _analyze() -> None:
    """Refresh the query planner's statistics of the places table after a bulk load.

    Without them SQLite (which never gathers them by itself) may scan a whole table of a million
    places for a small map viewport instead of using the tile-key index.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Place._meta.db_table)}")


def vacuum(*models) -> None:
    """On PostgreSQL, ``VACUUM`` these tables after a bulk write (outside any transaction).

    It marks the freshly written pages as visible to all: the map's counts read only an index
    (``places.counting``), but PostgreSQL must still visit a row's page to check that the row
    is visible unless ``VACUUM`` marked the page so. Right after a million new places that made
    the map three to ten times slower. It also frees the rows a rebuilt tile summary replaced.
    Autovacuum, where it is on, would get there later.
    """
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"VACUUM {connection.ops.quote_name(model._meta.db_table)}")


def _writing(result: ImportResult, dry_run: bool, allow_partial: bool) -> bool:
    return not dry_run and (allow_partial or result.error_count == 0)


def _create(values: dict[str, Any], result: ImportResult, inserter, write: bool) -> None:
    result.created += 1
    if write:
        inserter.add(values)


def _update(batch: list[dict[str, Any]], result: ImportResult, inserter, now, write: bool) -> None:
    """Update the places of a batch of known external ids where something changed."""
    if not batch:
        return
    inserter.pause()
    ids = [values["external_id"] for values in batch]
    stored = Place.objects.filter(external_id__in=ids).values(
        "id", "location_is_approximate", "owner_id", *UPDATED_FIELDS
    )
    by_id = {row["external_id"]: row for row in stored}
    changed, vanished = [], []
    for values in batch:
        row = by_id.get(values["external_id"])
        if row is None:  # deleted by someone else since the import started
            vanished.append(values)
            continue
        if row["owner_id"] is not None:
            values = {
                name: row[name] if name in OWNER_FIELDS else value for name, value in values.items()
            }
        if any(row[name] != value for name, value in values.items()):
            place = Place(
                id=row["id"],
                location_is_approximate=row["location_is_approximate"],
                updated_at=now,
                **values,
            )
            place.update_location_keys()
            changed.append(place)
    result.updated += len(changed)
    result.unchanged += len(by_id) - len(changed)
    if write:
        Place.objects.bulk_update(changed, [*UPDATED_FIELDS, *LOCATION_FIELDS, "updated_at"])
    for values in vanished:
        _create(values, result, inserter, write)

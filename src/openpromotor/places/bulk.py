"""Insert many new imported places quickly: PostgreSQL's COPY, or ``executemany`` on SQLite.

``bulk_create`` builds a model instance per row and passes every value through the ORM's SQL
compiler, about 150 µs a row: more than the 2 minutes a million-row import may take. Here the
values shared by every row (defaults, source, status, times) are prepared once, and only dates
and decimals go through ``get_db_prep_save`` on SQLite (psycopg adapts everything itself).

On PostgreSQL one COPY stays open while the rows come in, so the server stores rows while the
importer reads and checks the next ones. Meanwhile the connection can run no other query (it
would wait for ever): call ``pause`` first. Imported places have no approximate location, so
their public location is the exact one (see ``Place.update_location_keys``). The tiles of the
new places go to ``tile_summary.changed`` when all are in: use the inserter inside
``tile_summary.deferred()`` to have them counted once at the end of the whole import.
"""

from contextlib import ExitStack
from typing import Any

from django.db import connection

from openpromotor.geo.tiles import quadkey
from openpromotor.places import tile_summary
from openpromotor.places.models import Place, Source, Status

SQLITE_BATCH = 2000
PASS_THROUGH_TYPES = frozenset(
    {
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "FloatField",
        "ForeignKey",
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallIntegerField",
        "TextField",
    }
)
"""Field types whose Python values every database driver takes as they are."""


class PlaceInserter:
    """A context manager: ``add`` the cleaned values of new places; all are in on exit."""

    def __init__(self, value_names, now):
        self._fields = [f for f in Place._meta.concrete_fields if not f.primary_key]
        self._copying = connection.vendor == "postgresql"
        fixed = {f.attname: f.get_default() for f in self._fields}
        fixed.update(source=Source.IMPORT, status=Status.PUBLISHED)
        fixed.update(created_at=now, updated_at=now, published_at=now)
        self._to_prepare = []
        if not self._copying:
            fixed = {
                f.attname: f.get_db_prep_save(fixed[f.attname], connection) for f in self._fields
            }
            self._to_prepare = [
                f
                for f in self._fields
                if f.attname in value_names and f.get_internal_type() not in PASS_THROUGH_TYPES
            ]
        self._fixed = fixed
        self._attnames = [f.attname for f in self._fields]
        self._stack = ExitStack()
        self._copy = None
        self._rows: list[list[Any]] = []
        self._tiles: set[str] = set()

    def __enter__(self) -> "PlaceInserter":
        return self

    def __exit__(self, *exception) -> None:
        if exception[0] is None:
            self._write_rows()
        self._stack.__exit__(*exception)
        self._copy = None
        if exception[0] is None:
            tile_summary.changed(self._tiles)

    def add(self, values: dict[str, Any]) -> None:
        row = self._fixed | values
        key = quadkey(values["latitude"], values["longitude"])
        row.update(tile_key=key, public_tile_key=key)
        row.update(public_latitude=values["latitude"], public_longitude=values["longitude"])
        self._tiles.add(tile_summary.tile_of(key))
        for f in self._to_prepare:
            row[f.attname] = f.get_db_prep_save(row[f.attname], connection)
        row = [row[name] for name in self._attnames]
        if self._copying:
            self._copy_stream().write_row(row)
        else:
            self._rows.append(row)
            if len(self._rows) >= SQLITE_BATCH:
                self._write_rows()

    def pause(self) -> None:
        """Finish what is pending, so the connection can run another query."""
        self._write_rows()
        self._stack.close()
        self._copy = None

    def _copy_stream(self):
        if self._copy is None:
            cursor = self._stack.enter_context(connection.cursor())
            self._copy = self._stack.enter_context(cursor.copy(self._sql("COPY")))
        return self._copy

    def _write_rows(self) -> None:
        if self._rows:
            with connection.cursor() as cursor:
                cursor.executemany(self._sql("INSERT"), self._rows)
            self._rows = []

    def _sql(self, verb: str) -> str:
        quote = connection.ops.quote_name
        table = quote(Place._meta.db_table)
        columns = ", ".join(quote(f.column) for f in self._fields)
        if verb == "COPY":
            return f"COPY {table} ({columns}) FROM STDIN"
        placeholders = ", ".join(["%s"] * len(self._fields))
        return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608

"""``openpromotor places import FILE`` and ``openpromotor places export FILE`` (CSV or GeoJSON),
and ``openpromotor places rebuild_tile_summary`` to count the map's tile summary afresh.

The work is done in ``places.importing``, ``places.exporting`` and ``places.tile_summary``; this
command reads the arguments, shows progress on standard error and reports the errors by row
number.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openpromotor.places import tile_summary
from openpromotor.places.exporting import export_places
from openpromotor.places.importing import import_places, vacuum
from openpromotor.places.models import TileSummary
from openpromotor.places.readers import PlaceFileError

BAR_WIDTH = 30
PROGRESS_INTERVAL_S = 0.5


class Command(BaseCommand):
    help = "Import places from, or export published places to, a CSV or GeoJSON file."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        importing = actions.add_parser(
            "import",
            help="Import places; idempotent by external_id; all or nothing by default.",
        )
        importing.add_argument("file", type=Path)
        importing.add_argument(
            "--dry-run", action="store_true", help="Validate and count, but write nothing."
        )
        importing.add_argument(
            "--allow-partial", action="store_true", help="Write the valid rows, skip the others."
        )
        exporting = actions.add_parser(
            "export", help="Export the published places (public locations, no owners)."
        )
        exporting.add_argument("file", type=Path)
        actions.add_parser(
            "rebuild_tile_summary",
            help="Count the published places of every map tile afresh (a repair; imports and "
            "every change of a place keep the summary exact by themselves).",
        )

    def handle(self, *args, action, file=None, **options):
        try:
            if action == "import":
                self._import(file, options["dry_run"], options["allow_partial"])
            elif action == "export":
                self._export(file)
            else:
                self._rebuild_tile_summary()
        except (OSError, PlaceFileError) as error:
            raise CommandError(str(error)) from error

    def _import(self, file: Path, dry_run: bool, allow_partial: bool) -> None:
        bar = ProgressBar(self.stderr)
        result = import_places(file, dry_run, allow_partial, progress=bar.update)
        bar.finish()
        if result.ignored_columns:
            self.stderr.write(f"Ignored columns: {', '.join(result.ignored_columns)}")
        for row, name, message in result.errors:
            self.stderr.write(f"row {row}: {name}: {message}")
        if result.error_count > len(result.errors):
            self.stderr.write(f"… and more: {result.error_count} rows have errors in all.")
        summary = (
            f"{result.rows} rows: {result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged, {result.error_count} with errors"
        )
        if result.written:
            self.stdout.write(self.style.SUCCESS(f"Imported. {summary}."))
        elif dry_run and not result.error_count:
            self.stdout.write(f"Dry run, nothing written. {summary}.")
        else:
            raise CommandError(
                f"Nothing written. {summary}. Fix the rows above"
                + ("." if dry_run else ", or give --allow-partial to skip them.")
            )

    def _export(self, file: Path) -> None:
        count = export_places(file, progress=lambda done: self.stderr.write(f"{done} places…"))
        self.stdout.write(self.style.SUCCESS(f"Exported {count} published places to {file}."))

    def _rebuild_tile_summary(self) -> None:
        start = time.monotonic()
        tiles = tile_summary.rebuild()
        vacuum(TileSummary)
        seconds = time.monotonic() - start
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the tile summary: {tiles} tiles in {seconds:.1f} s.")
        )


class ProgressBar:
    """``[#####-----]  50%  500000 rows`` on one line, redrawn at most twice a second."""

    def __init__(self, stream):
        self._stream = stream
        self._last = 0.0
        self._start = time.monotonic()
        self._drawn = False

    def update(self, rows: int, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last < PROGRESS_INTERVAL_S and fraction < 1:
            return
        self._last = now
        filled = round(fraction * BAR_WIDTH)
        rate = rows / max(now - self._start, 1e-6)
        line = f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {fraction:4.0%} {rows} rows"
        self._stream.write(f"{line} ({rate:.0f}/s)", ending="")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self._stream.write("")

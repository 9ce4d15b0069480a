"""Benchmark of ``openpromotor places import`` (issue 3): 1,000,000 rows in ≤ 120 s on
PostgreSQL with a peak memory of ≤ 500 MB.

The import runs as its own process, exactly as an operator runs it, into the database of
``DATABASE_URL`` (with ``DEBUG=false``, as in production). The places of that database are
deleted first, so the import creates every row; ``--again`` then imports the same file a second
time, which must change nothing (idempotent by external id). Wall time from the start to the end
of the process; peak memory is the process's maximum resident set size (``wait4``).

Run::

    .venv/bin/python bench/places_generate.py var/bench/places_1m.csv
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/openpromotor_bench \\
        .venv/bin/python bench/places_import.py var/bench/places_1m.csv [--again]

Exits 1 when the first import misses a target (on PostgreSQL; SQLite's figures are reported).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 120.0
TARGET_MB = 500.0
COMMAND = [str(Path(sys.executable).with_name("openpromotor")), "places", "import"]


def run_import(path: Path, environment: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak MB, last line of output) of one import in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*COMMAND, str(path)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"the import failed: {output}")
    return seconds, usage.ru_maxrss / 1024, output.strip().splitlines()[-1]


def empty_places(environment: dict[str, str]) -> None:
    """Delete every place (and on PostgreSQL, by TRUNCATE … CASCADE, whatever points to one:
    use a database of your own for the benchmark)."""
    code = (
        "from django.db import connection\n"
        "from openpromotor.places.models import Place\n"
        "table = connection.ops.quote_name(Place._meta.db_table)\n"
        "with connection.cursor() as cursor:\n"
        "    if connection.vendor == 'postgresql':\n"
        "        cursor.execute('TRUNCATE ' + table + ' CASCADE')\n"
        "    else:\n"
        "        cursor.execute('DELETE FROM ' + table)\n"
    )
    subprocess.run(
        [COMMAND[0], "shell", "-c", code], env=environment, check=True, stdout=subprocess.DEVNULL
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--again", action="store_true", help="import the same file once more")
    options = parser.parse_args()
    environment = {**os.environ, "DEBUG": "false"}
    database = environment.get("DATABASE_URL", "sqlite (default)")
    rows = sum(1 for _ in options.file.open(encoding="utf-8")) - 1
    print(f"database: {database}; file: {options.file} ({rows} rows)")
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    empty_places(environment)
    seconds, peak_mb, summary = run_import(options.file, environment)
    print(f"first import:  {seconds:6.1f} s, {rows / seconds:8.0f} rows/s, peak {peak_mb:.0f} MB")
    print(f"  {summary}")
    if options.again:
        again_s, again_mb, again_summary = run_import(options.file, environment)
        print(
            f"second import: {again_s:6.1f} s, {rows / again_s:8.0f} rows/s, peak {again_mb:.0f} MB"
        )
        print(f"  {again_summary}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not database.startswith("postgres"):
        print("the targets are set for PostgreSQL only")
        return 0
    passed = seconds <= TARGET_S and peak_mb <= TARGET_MB
    print(f"target <= {TARGET_S:.0f} s and <= {TARGET_MB:.0f} MB: {'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())

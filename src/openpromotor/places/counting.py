"""Count published places per tile-key prefix in a list of key ranges, from the index alone.

The index ``place_status_tile`` holds the status, the public tile key, the public location and
the id of every place, so counting the places of some tiles (and summing their coordinates)
needs no row of the table: one short index scan per range. That is what makes the edges of a
map view and the refresh of a tile summary cheap; reading the rows themselves, spread over the
whole table, cost most of the time before.

The ranges are given as a list of ``(low, high)`` pairs joined to the table, so each is its own
index scan. PostgreSQL gets them through ``LATERAL`` with ``OFFSET 0``: otherwise it flattens
the join and, misjudging how few places a bounding box excludes, scans the whole table once
instead of the ranges. SQLite loops over the ranges in the order the ``CROSS JOIN`` names them.

A statement takes at most ``RANGES_PER_QUERY`` ranges. PostgreSQL cannot know how many places
a range given this way holds and guesses thousands (there are tens), so hundreds of ranges in
one statement look costly enough to compile it first (JIT, on by default), which took about
12 ms more than running it.
"""

from django.db import connection

from openpromotor.geo.bbox import BBox
from openpromotor.places.models import Place, Status

RANGES_PER_QUERY = 100

Row = tuple[str, int, float, float, int]
"""(prefix, number of places, sum of public latitudes, sum of public longitudes, lowest id)"""

Totals = dict[str, list]
"""Per prefix: [number of places, sum of latitudes, sum of longitudes, lowest id]."""


def published_per_prefix(
    ranges: list[tuple[str, str]], length: int, bbox: BBox | None = None
) -> list[Row]:
    """The published places whose public tile key lies in one of the ranges, grouped by the
    first ``length`` characters of that key; with ``bbox``, only those inside it (edges
    included). The ranges must not overlap, or places are counted twice."""
    totals: Totals = {}
    for start in range(0, len(ranges), RANGES_PER_QUERY):
        add_up(totals, _counted(ranges[start : start + RANGES_PER_QUERY], length, bbox))
    return [(prefix, *total) for prefix, total in totals.items()]


def add_up(totals: Totals, rows: list[Row]) -> None:
    """Add rows to the totals per prefix (count, sums and lowest id)."""
    for prefix, count, latitude_sum, longitude_sum, first in rows:
        total = totals.setdefault(prefix, [0, 0.0, 0.0, first])
        total[0] += count
        total[1] += latitude_sum
        total[2] += longitude_sum
        total[3] = min(total[3], first)


def _counted(ranges: list[tuple[str, str]], length: int, bbox: BBox | None) -> list[Row]:
    conditions = ["status = %s", "public_tile_key >= r.low", "public_tile_key < r.high"]
    condition_params = [Status.PUBLISHED]
    if bbox is not None:
        conditions += [
            "public_latitude >= %s",
            "public_latitude <= %s",
            "public_longitude >= %s",
            "public_longitude <= %s",
        ]
        condition_params += [bbox.min_lat, bbox.max_lat, bbox.min_lon, bbox.max_lon]
    table = connection.ops.quote_name(Place._meta.db_table)
    values = ", ".join(["(%s, %s)"] * len(ranges))
    range_params = [bound for pair in ranges for bound in pair]
    select = (
        f"SELECT substr(p.public_tile_key, 1, {int(length)}), COUNT(*), "
        "SUM(p.public_latitude), SUM(p.public_longitude), MIN(p.id)"
    )
    where = " AND ".join(conditions)
    if connection.vendor == "postgresql":
        sql = (
            f"{select} FROM (VALUES {values}) AS r (low, high) CROSS JOIN LATERAL ("  # noqa: S608
            f"SELECT public_tile_key, public_latitude, public_longitude, id FROM {table} "
            f"WHERE {where} OFFSET 0) AS p GROUP BY 1"
        )
    else:
        sql = (
            f"WITH r (low, high) AS (VALUES {values}) "
            f"{select} FROM r CROSS JOIN {table} AS p WHERE {where} GROUP BY 1"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*range_params, *condition_params])
        return cursor.fetchall()

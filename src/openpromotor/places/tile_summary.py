"""The tile summary: the published places of every zoom-14 map tile, counted in advance.

The map's clusters of a whole country would otherwise group a million places per request. For
each tile at ``SUMMARY_ZOOM`` (about 1.5 km wide in Belgium) that ever held a published place,
a ``TileSummary`` row holds how many published places have a *public* tile key in it, the sums
of their public coordinates and their lowest id; ``places.clusters`` adds these rows up per
cell and counts only the places of the tiles on the view's edge one by one.

The summary is kept exact in the transaction of every change of a place: ``Place.save`` and
``Place.delete``, and ``update``, ``delete`` and ``bulk_create`` of its queryset, call
``changed`` with the tiles a change touched, and those tiles are counted again from the places
(``refresh``). Counting again, rather than adding and subtracting, means that no kind of change
needs its own bookkeeping and that the sums never drift. A bulk import notes the tiles instead
(``deferred``) and catches up once at its end; ``rebuild`` counts everything afresh (also the
command ``openpromotor places rebuild_tile_summary``).

Concurrent refreshes of a tile take turns: each first creates the tile's row if it is missing
and locks it (in key order, so two refreshes cannot wait for each other), and only then counts,
in a new statement, so it sees what the previous one committed. SQLite lets one writer in at a
time anyway.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models import Count, Min, Sum
from django.db.models.functions import Substr

from openpromotor.geo.tiles import prefix_range, quadkey_to_tile
from openpromotor.places import counting
from openpromotor.places.models import Place, Status, TileSummary

SUMMARY_ZOOM = 14
"""The zoom of the summarised tiles: 13,606 rows for the benchmark's million places in Belgium,
few enough to add up all of them for a map of the whole country, small enough for a city."""

REFRESH_BATCH = 1000
"""Tiles refreshed per round of statements (two query parameters each in ``counting``)."""

REBUILD_ABOVE_TILES = 2000
"""A bulk write that touched more tiles rebuilds the summary instead of refreshing them."""

ID_BATCH = 900
"""Place ids per query: SQLite takes at most 999 parameters in Django's reckoning."""

_noted: ContextVar[set[str] | None] = ContextVar("tile_summary_noted", default=None)


def tile_of(public_tile_key: str) -> str:
    """The summarised tile that counts a place with this public tile key."""
    return public_tile_key[:SUMMARY_ZOOM]


def counted_state(place_id) -> tuple[str, float, float] | None:
    """What the summary counts of a stored place: its public tile key and location, if it is
    published (``None`` otherwise, and for a place not stored)."""
    if place_id is None:
        return None
    return (
        Place.objects.filter(pk=place_id, status=Status.PUBLISHED)
        .values_list("public_tile_key", "public_latitude", "public_longitude")
        .first()
    )


def tiles_of(places) -> set[str]:
    """The tiles that count the published places of a queryset."""
    published = places.filter(status=Status.PUBLISHED).order_by()
    tiles = published.values_list(Substr("public_tile_key", 1, SUMMARY_ZOOM), flat=True)
    return set(tiles.distinct())


def tiles_of_ids(place_ids: Iterable[int]) -> set[str]:
    """The tiles that count those of these places that are published."""
    ids = list(place_ids)
    tiles: set[str] = set()
    for start in range(0, len(ids), ID_BATCH):
        tiles |= tiles_of(Place.objects.filter(pk__in=ids[start : start + ID_BATCH]))
    return tiles


def changed(tiles: Iterable[str]) -> None:
    """The places of these tiles changed: count them again now, or note them when a bulk write
    is ``deferred``."""
    tiles = set(tiles)
    noted = _noted.get()
    if noted is not None:
        noted |= tiles
    elif tiles:
        refresh(tiles)


@contextmanager
def deferred() -> Iterator[set[str]]:
    """Inside, changes of places only note their tiles (in the set this yields); at the end of
    the block the summary catches up, unless the block failed or its transaction is to be
    rolled back. Use it inside ``transaction.atomic``, so the catching up is part of it."""
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("tile_summary.deferred() needs atomic().")
    outer = _noted.get()
    if outer is not None:  # an enclosing block catches up
        yield outer
        return
    noted: set[str] = set()
    token = _noted.set(noted)
    try:
        yield noted
    finally:
        _noted.reset(token)
    if not transaction.get_rollback():
        catch_up(noted)


def catch_up(tiles: set[str]) -> None:
    """Refresh these tiles, or rebuild the whole summary when there are many."""
    if len(tiles) > REBUILD_ABOVE_TILES:
        rebuild()
    else:
        refresh(tiles)


def refresh(tiles: Iterable[str]) -> None:
    """Count the published places of these tiles again and store the counts.

    A tile keeps its row when its count drops to 0: a row deleted while another refresh waits
    for its lock would leave that refresh without a lock to count under.
    """
    ordered = sorted(set(tiles))
    with transaction.atomic(savepoint=False):
        for start in range(0, len(ordered), REFRESH_BATCH):
            _refresh(ordered[start : start + REFRESH_BATCH])


def _refresh(tiles: list[str]) -> None:
    # Make sure every tile has a row to lock, lock them in key order, and only then count.
    TileSummary.objects.bulk_create([_summary(tile) for tile in tiles], ignore_conflicts=True)
    locking = TileSummary.objects.select_for_update().filter(tile__in=tiles).order_by("tile")
    list(locking.values_list("tile", flat=True))
    ranges = [prefix_range(tile) for tile in tiles]
    counts = {row[0]: row for row in counting.published_per_prefix(ranges, SUMMARY_ZOOM)}
    TileSummary.objects.bulk_update(
        [_summary(*counts.get(tile, (tile,))) for tile in tiles],
        ["place_count", "latitude_sum", "longitude_sum", "first_place_id"],
    )


def rebuild() -> int:
    """Count every tile afresh from the places; the number of tiles with published places.

    On PostgreSQL the summary is locked against other writers meanwhile (reading goes on), so a
    change of a place committed during the rebuild refreshes its tile after it.
    """
    with transaction.atomic(savepoint=False):
        table = connection.ops.quote_name(TileSummary._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
            TileSummary.objects.all().delete()
            counted = (
                Place.objects.published()
                .order_by()
                .values(tile=Substr("public_tile_key", 1, SUMMARY_ZOOM))
                .annotate(
                    count=Count("pk"),
                    latitude_sum=Sum("public_latitude"),
                    longitude_sum=Sum("public_longitude"),
                    first=Min("pk"),
                )
                .values_list("tile", "count", "latitude_sum", "longitude_sum", "first")
            )
            summaries = TileSummary.objects.bulk_create(
                [_summary(*row) for row in counted], batch_size=REFRESH_BATCH
            )
            cursor.execute(f"ANALYZE {table}")
    return len(summaries)


def _summary(tile, count=0, latitude_sum=0.0, longitude_sum=0.0, first=None) -> TileSummary:
    x, y, _ = quadkey_to_tile(tile)
    return TileSummary(
        tile=tile,
        x=x,
        y=y,
        place_count=count,
        latitude_sum=latitude_sum,
        longitude_sum=longitude_sum,
        first_place_id=first,
    )

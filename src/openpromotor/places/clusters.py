"""Server-side clustering of places for the map, done by the database in one query.

A cell is the first ``cluster_zoom(map_zoom)`` characters of a place's public tile key (see
``geo.clustering``). The database groups the places of a viewport by that prefix, counting them
and averaging their public positions; the same ``GROUP BY substr(...)`` runs on SQLite and
PostgreSQL. ``geo.clustering.cluster_points`` is the reference the tests compare this with.
"""

from django.db.models import Avg, Count, Min
from django.db.models.functions import Substr

from openpromotor.geo.clustering import Cluster, Single, cluster_zoom
from openpromotor.geo.tiles import tile_bounds


def cluster_places(places, map_zoom: int) -> list[Cluster | Single]:
    """Group a queryset of places, already limited to the viewport, into cells ordered by cell.

    A cell holding one place gives a ``Single`` with that place's id; the caller loads such
    places for their properties.
    """
    cell_length = cluster_zoom(map_zoom)
    rows = (
        places.order_by()
        .values(cell=Substr("public_tile_key", 1, cell_length))
        .annotate(
            count=Count("pk"),
            lat=Avg("public_latitude"),
            lon=Avg("public_longitude"),
            first=Min("pk"),
        )
        .order_by("cell")
    )
    return [
        Single(cell=row["cell"], id=row["first"], lat=row["lat"], lon=row["lon"])
        if row["count"] == 1
        else Cluster(
            cell=row["cell"],
            count=row["count"],
            lat=row["lat"],
            lon=row["lon"],
            bounds=tile_bounds(row["cell"]),
        )
        for row in rows
    ]

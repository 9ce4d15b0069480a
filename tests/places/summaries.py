"""What the tile summary should hold, counted in Python from the stored places."""

import pytest

from openpromotor.geo.tiles import quadkey_to_tile
from openpromotor.places.models import Place, Status, TileSummary
from openpromotor.places.tile_summary import SUMMARY_ZOOM


def expected_summary() -> dict[str, tuple[int, float, float, int]]:
    """Per tile: the number of published places, the sums of their public coordinates and
    their lowest id."""
    tiles: dict[str, list] = {}
    for place in Place.objects.filter(status=Status.PUBLISHED):
        tile = place.public_tile_key[:SUMMARY_ZOOM]
        total = tiles.setdefault(tile, [0, 0.0, 0.0, place.pk])
        total[0] += 1
        total[1] += place.public_latitude
        total[2] += place.public_longitude
        total[3] = min(total[3], place.pk)
    return {tile: tuple(total) for tile, total in tiles.items()}


def stored_summary() -> dict[str, tuple[int, float, float, int]]:
    """The summary's tiles that hold places (a tile whose places left keeps a row of 0)."""
    return {
        row.tile: (row.place_count, row.latitude_sum, row.longitude_sum, row.first_place_id)
        for row in TileSummary.objects.filter(place_count__gt=0)
    }


def assert_summary_is_exact() -> None:
    expected, stored = expected_summary(), stored_summary()
    assert stored.keys() == expected.keys()
    for tile, (count, latitude_sum, longitude_sum, first) in expected.items():
        assert stored[tile][0] == count, tile
        assert stored[tile][1:3] == pytest.approx((latitude_sum, longitude_sum), abs=1e-9)
        assert stored[tile][3] == first, tile
    for row in TileSummary.objects.all():
        assert len(row.tile) == SUMMARY_ZOOM
        assert quadkey_to_tile(row.tile) == (row.x, row.y, SUMMARY_ZOOM)

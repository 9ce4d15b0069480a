"""What was published in a window of time, loaded once for all the saved searches of a run.

A digest run asks the same question thousands of times: what is new since the watermark? The
window's new places and listings are read once; ``could_have_news`` rules out, in Python, the
searches that no new thing can pass, and the matches of a need are scored against the window's
rows near that need (a grid of cells, or its municipalities) instead of all of them.
"""

import math
from dataclasses import dataclass

from openpromotor.geo.distance import bbox_around
from openpromotor.listings import candidates, matching
from openpromotor.listings.filters import NEAR_DEFAULT_KM
from openpromotor.listings.models import REACH_FACTOR, Listing, SavedSearch
from openpromotor.listings.vocabulary import Kind
from openpromotor.places.models import Place


class NewThings:
    """What was published in a window (or one just-published thing), loaded once for every
    search of a run.

    Filtered searches query the database (their filters use the indexes); matches of a need
    score the window's new places and offers in Python.
    """

    def __init__(self, since=None, until=None, only: tuple[type, int] | None = None, codes=None):
        self.since, self.until, self.only = since, until, only
        self._rows = None
        self._briefs: dict[str, list[Brief]] = {}
        self._codes: dict[int, frozenset[str]] = {} if codes is None else codes
        self._cells: dict[tuple[int, int], list[candidates.Row]] = {}
        self._by_municipality: dict[str, list[candidates.Row]] = {}

    def window(self, queryset):
        if self.only is not None:
            model, pk = self.only
            return queryset.filter(pk=pk) if queryset.model is model else queryset.none()
        return queryset.filter(published_at__gt=self.since, published_at__lte=self.until)

    def rows(self) -> list[candidates.Row]:
        if self._rows is None:
            places = list(
                self.window(Place.objects.published()).values_list(*candidates.PLACE_FIELDS)
            )
            offers = list(
                self.window(Listing.objects.published().filter(kind=Kind.OFFER_SPACE))
                .annotate(first_municipality=candidates.first_municipality())
                .values_list(*candidates.OFFER_FIELDS)
            )
            names = candidates.municipality_names(
                {row[12] for row in places} | {row[9] for row in offers}
            )
            self._rows = [candidates.place_candidate(row, names) for row in places] + [
                candidates.offer_candidate(row, names) for row in offers
            ]
            for row in self._rows:
                found = row.candidate
                if found.has_point:
                    self._cells.setdefault(_cell(found.latitude, found.longitude), []).append(row)
                if found.municipality:
                    self._by_municipality.setdefault(found.municipality, []).append(row)
        return self._rows

    def rows_near(self, need: matching.Need) -> list[candidates.Row]:
        """The new rows that can be in a need's reach: those in the grid cells its reach box
        touches (with those without a point), or in its municipalities; else all of them."""
        rows = self.rows()
        if need.has_point:
            box = bbox_around(need.latitude, need.longitude, REACH_FACTOR * need.radius_km)
            low, high = _cell(box.min_lat, box.min_lon), _cell(box.max_lat, box.max_lon)
            near = [row for row in rows if not row.candidate.has_point]
            for lat in range(low[0], high[0] + 1):
                for lon in range(low[1], high[1] + 1):
                    near += self._cells.get((lat, lon), [])
            return near
        if need.municipalities:
            unknown = [row for row in rows if not row.candidate.municipality]
            return unknown + [
                row for code in need.municipalities for row in self._by_municipality.get(code, [])
            ]
        return rows

    def codes_of(self, listing_id: int) -> frozenset[str]:
        """A need's municipalities (``send_digests`` fetches those of a chunk at once)."""
        if listing_id not in self._codes:
            self._codes.update(candidates.codes_by_listing_id([listing_id]))
        return self._codes.get(listing_id, frozenset())

    def briefs(self, target: str) -> list["Brief"]:
        """The window's new places or listings, as much as ``could_have_news`` needs."""
        if target not in self._briefs:
            if target == SavedSearch.Target.PLACES:
                rows = self.window(Place.objects.published()).values_list(
                    "building_type", "municipality__nis_code", "public_latitude", "public_longitude"
                )
                found = [Brief(kind, frozenset({code}), lat, lon) for kind, code, lat, lon in rows]
            else:
                listings = self.window(Listing.objects.published())
                rows = list(
                    listings.values_list("pk", "kind", "public_latitude", "public_longitude")
                )
                codes = candidates.codes_by_listing_id([row[0] for row in rows])
                found = [
                    Brief(kind, codes.get(pk, frozenset()), lat, lon) for pk, kind, lat, lon in rows
                ]
            self._briefs[target] = found
        return self._briefs[target]


CELL_DEGREES = 0.1
"""The grid of ``NewThings.rows_near``: about 11 km north-south, 7 km east-west in Belgium."""


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES)


@dataclass(frozen=True)
class Brief:
    """A new place (``kind``: its building type) or listing (its kind), for a quick test."""

    kind: str
    municipalities: frozenset[str]
    latitude: float | None
    longitude: float | None


def could_have_news(search: SavedSearch, form, news: NewThings) -> bool:
    """False only when no new thing can pass the search's filters: it fails the kind, building
    type, municipality, map area or point and radius. The database decides the rest; this test
    saves it a query for most searches of a digest."""
    data = form.cleaned_data
    if search.target == SavedSearch.Target.PLACES:
        kinds = set(data.get("building_type") or ())
    else:  # a listings filter may hold building types too: those of offers, not a kind
        kinds = {data["kind"]} if data.get("kind") else set()
    municipality = data.get("municipality")
    boxes = [data["bbox"]] if data.get("bbox") else []
    if data.get("near"):
        boxes.append(bbox_around(*data["near"], data.get("radius_km") or NEAR_DEFAULT_KM))
    for brief in news.briefs(search.target):
        if kinds and brief.kind not in kinds:
            continue
        if municipality and municipality not in brief.municipalities:
            continue
        if boxes and (
            brief.latitude is None
            or not all(box.contains(brief.latitude, brief.longitude) for box in boxes)
        ):
            continue
        return True
    return False

"""From rows to the scoring functions' inputs, and the few indexed filters that pick the rows.

This module serves the matching of space (``matching``); ``partner_candidates`` does the same
for searches for partners. Scoring runs in Python, so the database must hand over only rows
that can matter. For a need these filters narrow on indexed fields first:

- where: a box around the need's point (``within_bbox``: public tile-key ranges, then the exact
  coordinates), or the need's municipalities;
- floor area: rows whose area scores 0 (half the minimum or less, 1.5 times the maximum or
  more) are left out; an unknown area stays in;
- building type: types hardly suited to every wanted use (use score 0) are left out.

The box is the radius itself. Only when it holds fewer than ``ENOUGH_NEARBY`` rows does the
search widen to twice the radius, as far as matching still gives location points: in a city
the radius holds plenty, and a place beyond it would lose at least 4 of 100 points on location
(an accepted approximation). At most ``MAX_CANDIDATES`` rows are scored; a need without a place
or municipalities gets the newest.
"""

from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, Subquery

from openpromotor.geo.distance import bbox_around
from openpromotor.listings import matching
from openpromotor.listings.fields import has_any
from openpromotor.listings.matching import FULL, NEUTRAL
from openpromotor.listings.models import REACH_FACTOR, Listing
from openpromotor.listings.vocabulary import Kind
from openpromotor.municipalities.models import Municipality
from openpromotor.places.filters import within_bbox
from openpromotor.places.models import Place

MAX_CANDIDATES = 5000
ENOUGH_NEARBY = 200

_BUILDING_TYPES = {member.value: member for member in matching.BuildingType}
_CONDITIONS = {member.value: member for member in matching.Condition}
_TENURES = {member.value: member for member in matching.Tenure}
_USES = {member.value: member for member in matching.Use}

PLACE_FIELDS = (
    "pk",
    "title",
    "building_type",
    "floor_area_m2",
    "for_sale",
    "for_rent",
    "temporary_use",
    "cooperative",
    "asking_price",
    "asking_rent_month",
    "public_latitude",
    "public_longitude",
    "municipality_id",
    "temporary_use_from",
    "temporary_use_until",
    "condition",
    "owner_id",
)
OFFER_FIELDS = (
    "pk",
    "title",
    "building_type",
    "floor_area_m2",
    "tenures",
    "asking_price",
    "asking_rent_month",
    "public_latitude",
    "public_longitude",
    "first_municipality",
    "available_from",
    "available_until",
    "condition",
    "author_id",
    "place_id",
)


@dataclass(frozen=True)
class Row:
    """A candidate with what the result needs: which object it is, its title, who to contact."""

    kind: str  # "place" or "listing"
    id: int
    title: str
    contact_id: int | None
    candidate: matching.Candidate
    place_id: int | None = None  # the building an offer is tied to


# --- Conversions ----------------------------------------------------------------------------


def municipality_codes(listings) -> dict[int, frozenset[str]]:
    """The NIS codes of each listing's municipalities, in one query."""
    return codes_by_listing_id([listing.pk for listing in listings])


def codes_by_listing_id(ids) -> dict[int, frozenset[str]]:
    through = Listing.municipalities.through.objects.filter(listing_id__in=ids)
    codes: dict[int, set[str]] = {}
    for listing_id, code in through.values_list("listing_id", "municipality__nis_code"):
        codes.setdefault(listing_id, set()).add(code)
    return {listing_id: frozenset(found) for listing_id, found in codes.items()}


def need_of(listing: Listing, codes: frozenset[str]) -> matching.Need:
    """A "seek space" listing as the scoring function's ``Need``."""
    point = listing.has_point and listing.radius_km
    return matching.Need(
        uses=frozenset(_USES[value] for value in listing.uses),
        min_area_m2=listing.min_area_m2,
        max_area_m2=listing.max_area_m2,
        tenures=frozenset(_TENURES[value] for value in listing.tenures),
        max_price_eur=listing.max_price,
        max_rent_eur_month=listing.max_rent_month,
        municipalities=codes,
        latitude=listing.public_latitude if point else None,
        longitude=listing.public_longitude if point else None,
        radius_km=listing.radius_km if point else None,
        place_label=listing.place_label,
        wanted_from=listing.wanted_from,
        wanted_until=listing.wanted_until,
    )


def place_candidate(row: tuple, municipalities: dict[int, tuple[str, str]]) -> Row:
    """A row of ``PLACE_FIELDS`` as a ``Row``; ``municipalities``: id → (NIS code, name)."""
    (
        pk,
        title,
        building_type,
        area,
        for_sale,
        for_rent,
        temporary,
        cooperative,
        price,
        rent,
        lat,
        lon,
        municipality_id,
        available_from,
        available_until,
        condition,
        owner_id,
    ) = row
    code, name = municipalities.get(municipality_id, (None, ""))
    tenures = frozenset(
        tenure
        for tenure, offered in (
            (matching.Tenure.BUY, for_sale),
            (matching.Tenure.RENT, for_rent),
            (matching.Tenure.TEMPORARY_USE, temporary),
            (matching.Tenure.COOPERATIVE_PROJECT, cooperative),
        )
        if offered
    )
    candidate = matching.Candidate(
        building_type=_BUILDING_TYPES.get(building_type),
        floor_area_m2=area,
        tenures=tenures,
        asking_price_eur=price,
        asking_rent_eur_month=rent,
        latitude=lat,
        longitude=lon,
        municipality=code,
        municipality_name=name,
        available_from=available_from,
        available_until=available_until,
        condition=_CONDITIONS.get(condition),
    )
    return Row("place", pk, title, owner_id, candidate)


def offer_candidate(row: tuple, municipalities: dict[int, tuple[str, str]]) -> Row:
    """A row of ``OFFER_FIELDS`` (an "offer space" listing) as a ``Row``."""
    (
        pk,
        title,
        building_type,
        area,
        tenures,
        price,
        rent,
        lat,
        lon,
        municipality_id,
        available_from,
        available_until,
        condition,
        author_id,
        place_id,
    ) = row
    code, name = municipalities.get(municipality_id, (None, ""))
    candidate = matching.Candidate(
        building_type=_BUILDING_TYPES.get(building_type),
        floor_area_m2=area,
        tenures=frozenset(_TENURES[value] for value in tenures),
        asking_price_eur=price,
        asking_rent_eur_month=rent,
        latitude=lat,
        longitude=lon,
        municipality=code,
        municipality_name=name,
        available_from=available_from,
        available_until=available_until,
        condition=_CONDITIONS.get(condition),
    )
    return Row("listing", pk, title, author_id, candidate, place_id)


def place_as_candidate(place: Place) -> matching.Candidate:
    """One place (a model instance) as a ``Candidate``."""
    row = tuple(getattr(place, name) for name in PLACE_FIELDS)
    names = {place.municipality_id: (place.municipality.nis_code, place.municipality.name)}
    return place_candidate(row, names).candidate


def offer_as_candidate(listing: Listing) -> matching.Candidate:
    """One "offer space" listing (a model instance) as a ``Candidate``."""
    municipality = listing.municipalities.first()
    values = {"first_municipality": municipality.pk if municipality else None}
    row = tuple(values.get(name, getattr(listing, name, None)) for name in OFFER_FIELDS)
    names = {municipality.pk: (municipality.nis_code, municipality.name)} if municipality else {}
    return offer_candidate(row, names).candidate


# --- Retrieval ------------------------------------------------------------------------------


def use_tiers(need: matching.Need) -> list[tuple[frozenset[str] | None, int]]:
    """The building types to fetch in turn: those well suited to a wanted use first, then those
    that could work (and offers that do not say). With each tier, the best score that anything
    in the later tiers can reach (101: there is no later tier), so a caller may stop early."""
    if not need.uses:
        return [(None, FULL + 1)]
    best = {
        building_type.value: max(matching.suitability(use, building_type) for use in need.uses)
        for building_type in matching.BuildingType
    }
    well = frozenset(value for value, score in best.items() if score == FULL)
    could = frozenset(value for value, score in best.items() if score == NEUTRAL) | {""}
    use_weight = matching.WEIGHTS[matching.Factor.USE]
    reach_of_could = (use_weight * NEUTRAL + (100 - use_weight) * FULL + 50) // 100
    return [(well, reach_of_could), (could, FULL + 1)]


def rows_for_need(
    need: matching.Need,
    exclude_author_id: int | None = None,
    building_types: frozenset[str] | None = None,
) -> list[Row]:
    """Published places and published "offer space" listings worth scoring for a need, of the
    given building types (else of every type that suits a wanted use); a place that a published
    offer is tied to comes as that offer only (it says more)."""
    places = _narrowed(Place.objects.published(), need, building_types)
    offers = (
        Listing.objects.published()
        .filter(kind=Kind.OFFER_SPACE)
        .exclude(author_id=exclude_author_id)
        .annotate(first_municipality=first_municipality())
    )
    place_rows = _located(
        _in_municipalities(places, need, "municipality_id__in"), need, PLACE_FIELDS
    )
    offer_rows = _located(
        _in_municipalities(_narrowed(offers, need, building_types), need, "pk__in"),
        need,
        OFFER_FIELDS,
    )
    used = {row[12] for row in place_rows} | {row[9] for row in offer_rows}
    names = municipality_names(used - {None})
    offered = [offer_candidate(row, names) for row in offer_rows]
    tied = {row.place_id for row in offered}
    return [place_candidate(row, names) for row in place_rows if row[0] not in tied] + offered


def first_municipality():
    through = Listing.municipalities.through.objects.filter(listing_id=OuterRef("pk"))
    return Subquery(through.order_by("pk").values("municipality_id")[:1])


def _narrowed(queryset, need: matching.Need, building_types: frozenset[str] | None = None):
    """Leave out what scores 0 on area or on use, and keep only ``building_types`` if given."""
    low, high = need.min_area_m2, need.max_area_m2
    if low is not None or high is not None:
        # "+ 0" keeps the area index out of the plan: an area range holds most of the table, and
        # a planner with statistics (SQLite after ANALYZE) would scan it instead of the box.
        queryset = queryset.alias(area=F("floor_area_m2") + 0)
        fits = Q()
        if low is not None:
            fits &= Q(area__gt=low / 2)
        if high is not None:
            fits &= Q(area__lt=high * 1.5)
        queryset = queryset.filter(fits | Q(area__isnull=True))
    if building_types is not None:
        queryset = queryset.filter(building_type__in=building_types)
    elif need.uses:
        usable = {
            building_type.value
            for building_type in matching.BuildingType
            if any(matching.suitability(use, building_type) for use in need.uses)
        }
        queryset = queryset.filter(Q(building_type__in=usable) | Q(building_type=""))
    return queryset


def _in_municipalities(queryset, need: matching.Need, lookup: str):
    """Without a point, keep the need's municipalities: ``municipality_id__in`` for places,
    ``pk__in`` (through the listings' municipalities) for listings."""
    if need.has_point or not need.municipalities:
        return queryset
    ids = Municipality.objects.filter(nis_code__in=need.municipalities).values("pk")
    if lookup == "pk__in":
        through = Listing.municipalities.through.objects.filter(municipality_id__in=ids)
        ids = through.values("listing_id")
    return queryset.filter(**{lookup: ids})


def _located(queryset, need: matching.Need, fields: tuple[str, ...]) -> list[tuple]:
    """The rows as tuples: in the radius, or up to twice it when the radius holds few; capped."""
    if not need.has_point:
        return list(queryset.order_by("-published_at").values_list(*fields)[:MAX_CANDIDATES])
    for factor in (1, REACH_FACTOR):
        box = bbox_around(need.latitude, need.longitude, factor * need.radius_km)
        rows = list(within_bbox(queryset, box).order_by().values_list(*fields)[:MAX_CANDIDATES])
        if len(rows) >= ENOUGH_NEARBY:
            break
    return rows


def could_fit(need: matching.Need):
    """A quick test in Python of what the database filters of ``rows_for_need`` leave out:
    outside the reach of the need's point or its municipalities, an area or a building type
    that scores 0. For scoring a list of new rows against many needs (digests)."""
    reach = (
        bbox_around(need.latitude, need.longitude, REACH_FACTOR * need.radius_km)
        if need.has_point
        else None
    )
    low, high = need.min_area_m2, need.max_area_m2
    usable = {
        building_type
        for building_type in matching.BuildingType
        if not need.uses or any(matching.suitability(use, building_type) for use in need.uses)
    }

    def near(candidate: matching.Candidate) -> bool:
        if reach is not None:
            return not candidate.has_point or reach.contains(
                candidate.latitude, candidate.longitude
            )
        if need.municipalities and candidate.municipality:
            return candidate.municipality in need.municipalities
        return True

    def test(candidate: matching.Candidate) -> bool:
        if not near(candidate):
            return False
        area = candidate.floor_area_m2
        if area is not None and (
            (low is not None and area <= low / 2) or (high is not None and area >= high * 1.5)
        ):
            return False
        return candidate.building_type is None or candidate.building_type in usable

    return test


def municipality_names(ids) -> dict[int, tuple[str, str]]:
    """Municipality id → (NIS code, name in the current language)."""
    return {unit.pk: (unit.nis_code, unit.name) for unit in Municipality.objects.filter(pk__in=ids)}


def seekers_for(
    candidate: matching.Candidate,
    municipality_id: int | None,
    exclude_author_id: int | None,
    listings=None,
):
    """Published "seek space" listings that let owners find them and whose "where" can hold the
    candidate: a search area (reach box) around its point, one of its municipalities, or none.
    Needs for which the candidate's area or building type scores 0 are left out. ``listings``:
    the published listings to pick from, if not all (an alert's new ones)."""
    seekers = (
        (Listing.objects.published() if listings is None else listings)
        .filter(kind=Kind.SEEK_SPACE, findable=True)
        .exclude(author_id=exclude_author_id)
    )
    through = Listing.municipalities.through.objects
    anywhere = Q(reach_min_lat__isnull=True) & ~Q(pk__in=through.values("listing_id"))
    where = anywhere
    if candidate.has_point:
        lat, lon = candidate.latitude, candidate.longitude
        where |= Q(
            reach_min_lat__lte=lat,
            reach_max_lat__gte=lat,
            reach_min_lon__lte=lon,
            reach_max_lon__gte=lon,
        )
    if municipality_id is not None:
        in_municipality = through.filter(municipality_id=municipality_id).values("listing_id")
        where |= Q(pk__in=in_municipality)
    seekers = seekers.filter(where)
    area = candidate.floor_area_m2
    if area is not None:
        seekers = seekers.filter(Q(min_area_m2__isnull=True) | Q(min_area_m2__lt=area * 2))
        seekers = seekers.filter(Q(max_area_m2__isnull=True) | Q(max_area_m2__gt=area / 1.5))
    if candidate.building_type is not None:
        suited = [use for use in matching.Use if matching.suitability(use, candidate.building_type)]
        seekers = seekers.filter(has_any("uses", suited) | Q(uses=""))
    return seekers.select_related("author")[:MAX_CANDIDATES]

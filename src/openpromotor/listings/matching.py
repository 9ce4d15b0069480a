"""Score how well a building or an offer fits a need for space, and say why.

A *need* is a "seek space" listing; a *candidate* is a place on the map or an "offer space"
listing. ``score_candidate(need, candidate)`` returns a ``Match``: a score from 0 to 100 and one
``Reason`` per factor, in the order of ``WEIGHTS``, so people see why something was suggested.

The score is the weighted mean of the factor scores (each 0-100) with the weights of ``WEIGHTS``.
Two rules cover missing data, the same for every factor:

- the need asks nothing about a factor (no area range, no budget, ...): the factor scores
  ``FULL`` (100), since whatever the candidate offers is fine;
- the need asks something but the candidate does not say (area unknown, no asking price, ...):
  the factor scores ``NEUTRAL`` (50), neither rewarded nor punished.

A candidate that misses a wish by a little should still rank above one that misses it by a lot,
so area and budget lose points gradually (``_score_for_miss``) instead of failing outright.

To rank thousands of candidates, ``best_scored`` scores them in order of a cheap ceiling on
their score (``upper_bound``) and stops once the rest cannot reach the best ones.

The module is plain Python (no Django) so it can be tested alone and run in bulk. A ``Reason``
carries an English message template with named placeholders and the raw values for them. The
templates are wrapped in ``gettext_noop`` so Django's ``makemessages`` collects them; the Django
layer translates the template and formats the values for the reader's language.
"""

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from openpromotor.geo.distance import haversine_km

Money = Decimal | int
"""Whole or decimal euros."""

FULL = 100
NEUTRAL = 50
ZERO = 0

MAX_RADIUS_KM = 300
"""The largest search radius: Belgium is about 280 km across."""


def gettext_noop(message: str) -> str:
    """Mark a message for translation without translating it (as Django's ``gettext_noop``)."""
    return message


class Use(StrEnum):
    HOUSING = "housing"
    CO_HOUSING = "co_housing"
    WORKSPACE = "workspace"
    RETAIL = "retail"
    HOSPITALITY = "hospitality"
    SOCIAL_CARE = "social_care"
    CULTURE = "culture"
    EDUCATION = "education"
    STORAGE = "storage"
    MIXED = "mixed"


class BuildingType(StrEnum):
    CHURCH = "church"
    MONASTERY = "monastery"
    SCHOOL = "school"
    OFFICE = "office"
    SHOP = "shop"
    UPPER_FLOORS = "upper_floors"
    INDUSTRIAL = "industrial"
    FARM = "farm"
    HOUSE = "house"
    APARTMENT_BUILDING = "apartment_building"
    PUBLIC_BUILDING = "public_building"
    CARE_BUILDING = "care_building"
    OTHER = "other"


class Tenure(StrEnum):
    """How a need wants to hold a space, and how a candidate is available."""

    BUY = "buy"
    RENT = "rent"
    TEMPORARY_USE = "temporary_use"
    COOPERATIVE_PROJECT = "cooperative_project"


class Condition(StrEnum):
    GOOD = "good"
    NEEDS_REFRESH = "needs_refresh"
    NEEDS_DEEP_RENOVATION = "needs_deep_renovation"
    RUIN = "ruin"


class Factor(StrEnum):
    USE = "use"
    AREA = "area"
    LOCATION = "location"
    BUDGET = "budget"
    AVAILABILITY = "availability"
    TIMING = "timing"
    CONDITION = "condition"


LABELS: dict[StrEnum, str] = {
    Use.HOUSING: gettext_noop("housing"),
    Use.CO_HOUSING: gettext_noop("co-housing"),
    Use.WORKSPACE: gettext_noop("workspace or studio"),
    Use.RETAIL: gettext_noop("retail"),
    Use.HOSPITALITY: gettext_noop("hospitality"),
    Use.SOCIAL_CARE: gettext_noop("social or care"),
    Use.CULTURE: gettext_noop("culture"),
    Use.EDUCATION: gettext_noop("education"),
    Use.STORAGE: gettext_noop("storage"),
    Use.MIXED: gettext_noop("mixed use"),
    BuildingType.CHURCH: gettext_noop("church or chapel"),
    BuildingType.MONASTERY: gettext_noop("monastery"),
    BuildingType.SCHOOL: gettext_noop("school"),
    BuildingType.OFFICE: gettext_noop("office"),
    BuildingType.SHOP: gettext_noop("shop or retail ground floor"),
    BuildingType.UPPER_FLOORS: gettext_noop("upper floors above a shop"),
    BuildingType.INDUSTRIAL: gettext_noop("industrial building or warehouse"),
    BuildingType.FARM: gettext_noop("farm"),
    BuildingType.HOUSE: gettext_noop("house"),
    BuildingType.APARTMENT_BUILDING: gettext_noop("apartment building"),
    BuildingType.PUBLIC_BUILDING: gettext_noop("public building"),
    BuildingType.CARE_BUILDING: gettext_noop("care building"),
    BuildingType.OTHER: gettext_noop("other building"),
    Tenure.BUY: gettext_noop("purchase"),
    Tenure.RENT: gettext_noop("rent"),
    Tenure.TEMPORARY_USE: gettext_noop("temporary use"),
    Tenure.COOPERATIVE_PROJECT: gettext_noop("a cooperative project"),
    Condition.GOOD: gettext_noop("good"),
    Condition.NEEDS_REFRESH: gettext_noop("needs a refresh"),
    Condition.NEEDS_DEEP_RENOVATION: gettext_noop("needs deep renovation"),
    Condition.RUIN: gettext_noop("ruin"),
}
"""English names of the vocabulary, as used in reason texts."""

ENGLISH_LABELS: dict[StrEnum, str] = dict(LABELS)
"""Every term that a reason of any scoring module may hold: ``expertise`` and ``partners`` add
their vocabularies when imported. ``Reason.text`` and the translated reasons read it."""

WEIGHTS: dict[Factor, int] = {
    Factor.USE: 25,  # the building must lend itself to what people want to do in it
    Factor.AREA: 20,  # too small cannot work, far too big cannot be paid for
    Factor.LOCATION: 20,  # groups are rooted in a neighbourhood or a city
    Factor.BUDGET: 15,  # often negotiable, and cooperatives pool money
    Factor.AVAILABILITY: 10,  # buy, rent, temporary use or cooperative project
    Factor.TIMING: 5,  # dates shift; matters most for temporary use
    Factor.CONDITION: 5,  # renovating is what cooperative development is about
}
"""How much each factor counts, out of 100."""

WELL_SUITED: dict[Use, frozenset[BuildingType]] = {
    Use.HOUSING: frozenset(
        {BuildingType.HOUSE, BuildingType.APARTMENT_BUILDING, BuildingType.UPPER_FLOORS}
    ),
    Use.CO_HOUSING: frozenset(
        {
            BuildingType.MONASTERY,
            BuildingType.SCHOOL,
            BuildingType.FARM,
            BuildingType.HOUSE,
            BuildingType.APARTMENT_BUILDING,
            BuildingType.CARE_BUILDING,
        }
    ),
    Use.WORKSPACE: frozenset(
        {
            BuildingType.OFFICE,
            BuildingType.INDUSTRIAL,
            BuildingType.SCHOOL,
            BuildingType.SHOP,
            BuildingType.UPPER_FLOORS,
            BuildingType.PUBLIC_BUILDING,
        }
    ),
    Use.RETAIL: frozenset({BuildingType.SHOP}),
    Use.HOSPITALITY: frozenset(
        {BuildingType.SHOP, BuildingType.CHURCH, BuildingType.MONASTERY, BuildingType.FARM}
    ),
    Use.SOCIAL_CARE: frozenset(
        {
            BuildingType.CARE_BUILDING,
            BuildingType.MONASTERY,
            BuildingType.SCHOOL,
            BuildingType.PUBLIC_BUILDING,
        }
    ),
    Use.CULTURE: frozenset(
        {
            BuildingType.CHURCH,
            BuildingType.INDUSTRIAL,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.SCHOOL,
            BuildingType.MONASTERY,
        }
    ),
    Use.EDUCATION: frozenset(
        {BuildingType.SCHOOL, BuildingType.PUBLIC_BUILDING, BuildingType.MONASTERY}
    ),
    Use.STORAGE: frozenset({BuildingType.INDUSTRIAL, BuildingType.FARM}),
    Use.MIXED: frozenset(
        {
            BuildingType.INDUSTRIAL,
            BuildingType.SCHOOL,
            BuildingType.MONASTERY,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.OFFICE,
        }
    ),
}
"""Building types that suit a use with modest works: the use scores 100."""

COULD_WORK: dict[Use, frozenset[BuildingType]] = {
    Use.HOUSING: frozenset(
        {
            BuildingType.MONASTERY,
            BuildingType.SCHOOL,
            BuildingType.OFFICE,
            BuildingType.FARM,
            BuildingType.CARE_BUILDING,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.INDUSTRIAL,
            BuildingType.CHURCH,
        }
    ),
    Use.CO_HOUSING: frozenset(
        {
            BuildingType.CHURCH,
            BuildingType.OFFICE,
            BuildingType.INDUSTRIAL,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.UPPER_FLOORS,
        }
    ),
    Use.WORKSPACE: frozenset(
        {
            BuildingType.CHURCH,
            BuildingType.MONASTERY,
            BuildingType.FARM,
            BuildingType.HOUSE,
            BuildingType.APARTMENT_BUILDING,
            BuildingType.CARE_BUILDING,
        }
    ),
    Use.RETAIL: frozenset(
        {
            BuildingType.INDUSTRIAL,
            BuildingType.OFFICE,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.CHURCH,
            BuildingType.FARM,
        }
    ),
    Use.HOSPITALITY: frozenset(
        {
            BuildingType.INDUSTRIAL,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.HOUSE,
            BuildingType.SCHOOL,
            BuildingType.OFFICE,
        }
    ),
    Use.SOCIAL_CARE: frozenset(
        {
            BuildingType.OFFICE,
            BuildingType.HOUSE,
            BuildingType.SHOP,
            BuildingType.APARTMENT_BUILDING,
            BuildingType.CHURCH,
            BuildingType.FARM,
            BuildingType.UPPER_FLOORS,
        }
    ),
    Use.CULTURE: frozenset({BuildingType.SHOP, BuildingType.FARM, BuildingType.OFFICE}),
    Use.EDUCATION: frozenset(
        {
            BuildingType.OFFICE,
            BuildingType.CHURCH,
            BuildingType.CARE_BUILDING,
            BuildingType.INDUSTRIAL,
            BuildingType.FARM,
            BuildingType.SHOP,
        }
    ),
    Use.STORAGE: frozenset(
        {
            BuildingType.CHURCH,
            BuildingType.SHOP,
            BuildingType.SCHOOL,
            BuildingType.PUBLIC_BUILDING,
            BuildingType.OFFICE,
        }
    ),
    Use.MIXED: frozenset(
        {
            BuildingType.CHURCH,
            BuildingType.FARM,
            BuildingType.SHOP,
            BuildingType.UPPER_FLOORS,
            BuildingType.APARTMENT_BUILDING,
            BuildingType.CARE_BUILDING,
            BuildingType.HOUSE,
        }
    ),
}
"""Building types that can take a use after real works: the use scores 50.

Any type in neither table is hardly suited (0), e.g. a house for storage or a shop for housing.
``BuildingType.OTHER`` always scores 50: we cannot tell.
"""

CONDITION_SCORES: dict[Condition, int] = {
    Condition.GOOD: 100,
    Condition.NEEDS_REFRESH: 75,
    Condition.NEEDS_DEEP_RENOVATION: 40,
    Condition.RUIN: 10,
}
"""Better condition means less money and time before a group can move in."""


@dataclass(frozen=True)
class Need:
    """What a "seek space" listing asks for. Empty or None fields mean "no preference".

    Where: a point (``latitude``/``longitude``) with ``radius_km``, named by ``place_label``
    (e.g. "Berchem") in reasons, or a set of municipality NIS codes. ``wanted_until`` is the
    last day wanted; None means open-ended (permanent). For "as soon as possible", pass today as
    ``wanted_from``: None means no start date at all.
    """

    uses: frozenset[Use] = frozenset()
    min_area_m2: float | None = None
    max_area_m2: float | None = None
    tenures: frozenset[Tenure] = frozenset()
    max_price_eur: Money | None = None
    max_rent_eur_month: Money | None = None
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    place_label: str = ""
    wanted_from: date | None = None
    wanted_until: date | None = None

    def __post_init__(self) -> None:
        _check_not_negative(
            min_area_m2=self.min_area_m2,
            max_area_m2=self.max_area_m2,
            max_price_eur=self.max_price_eur,
            max_rent_eur_month=self.max_rent_eur_month,
        )
        _check_order("min_area_m2", self.min_area_m2, "max_area_m2", self.max_area_m2)
        _check_order("wanted_from", self.wanted_from, "wanted_until", self.wanted_until)
        _check_point(self.latitude, self.longitude)
        if (self.latitude is None) != (self.radius_km is None):
            raise ValueError("give a radius_km together with a point, and only then")
        if self.radius_km is not None and not 0 < self.radius_km <= MAX_RADIUS_KM:
            raise ValueError(f"radius_km must be above 0 and at most {MAX_RADIUS_KM}")

    @property
    def has_point(self) -> bool:
        return self.latitude is not None


@dataclass(frozen=True)
class Candidate:
    """What a place or an "offer space" listing offers. None or empty fields mean "unknown".

    For a place whose owner asked for an approximate location, pass the public (offset)
    coordinates: reasons state distances to 100 m, which would otherwise reveal the exact spot.
    ``available_until`` is the last available day; None means no end date.
    """

    building_type: BuildingType | None = None
    floor_area_m2: float | None = None
    tenures: frozenset[Tenure] = frozenset()
    asking_price_eur: Money | None = None
    asking_rent_eur_month: Money | None = None
    latitude: float | None = None
    longitude: float | None = None
    municipality: str | None = None
    municipality_name: str = ""
    available_from: date | None = None
    available_until: date | None = None
    condition: Condition | None = None

    def __post_init__(self) -> None:
        _check_not_negative(
            floor_area_m2=self.floor_area_m2,
            asking_price_eur=self.asking_price_eur,
            asking_rent_eur_month=self.asking_rent_eur_month,
        )
        _check_order("available_from", self.available_from, "available_until", self.available_until)
        _check_point(self.latitude, self.longitude)

    @property
    def has_point(self) -> bool:
        return self.latitude is not None


def _check_not_negative(**values: float | Money | None) -> None:
    for name, value in values.items():
        if value is not None and value < 0:
            raise ValueError(f"{name} cannot be negative, got {value}")


def _check_order(low_name: str, low: object, high_name: str, high: object) -> None:
    if low is not None and high is not None and low > high:
        raise ValueError(f"{low_name} ({low}) must not be above {high_name} ({high})")


def _check_point(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValueError("give both latitude and longitude, or neither")


@dataclass(frozen=True)
class Reason:
    """How one factor scored, with an explanation.

    ``message`` is an English template with ``{name}`` placeholders for ``params``, which hold
    raw values (numbers, Decimals, dates, vocabulary members). ``text`` renders it in English;
    the Django layer renders ``gettext(message)`` with values formatted for the reader instead.
    """

    factor: Factor
    score: int
    message: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.message.format(**{name: _english(value) for name, value in self.params.items()})


def _english(value: object) -> str:
    if isinstance(value, StrEnum):
        return ENGLISH_LABELS[value]
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{value:,.2f}"
    if isinstance(value, int | Decimal):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,g}"
    return str(value)


@dataclass(frozen=True)
class Match:
    score: int
    reasons: list[Reason]

    def reason(self, factor: Factor) -> Reason:
        return next(reason for reason in self.reasons if reason.factor == factor)


def score_candidate(need: Need, candidate: Candidate) -> Match:
    """Score a candidate for a need from 0 to 100, with one reason per factor."""
    reasons = [_JUDGES[factor](need, candidate) for factor in WEIGHTS]
    weighted = sum(WEIGHTS[reason.factor] * reason.score for reason in reasons)
    return Match(score=(weighted + 50) // 100, reasons=reasons)


def upper_bound(need: Need) -> Callable[[Candidate], int]:
    """A quick ceiling on ``score_candidate(need, candidate).score``, as a function of a candidate.

    Use, area, distance and condition are judged with the same formulas as ``score_candidate``
    (without writing reasons); budget, availability, timing and a location by municipality
    count as full marks. The best use per building type is worked out once for the need.
    """
    best_use = {
        building_type: max((suitability(use, building_type) for use in need.uses), default=FULL)
        for building_type in BuildingType
    }
    rest = FULL * (WEIGHTS[Factor.BUDGET] + WEIGHTS[Factor.AVAILABILITY] + WEIGHTS[Factor.TIMING])

    def ceiling(candidate: Candidate) -> int:
        use = FULL if candidate.building_type is None else best_use[candidate.building_type]
        location = FULL
        if need.has_point and candidate.has_point:
            location = _judge_distance(need, candidate).score
        condition = NEUTRAL
        if candidate.condition is not None:
            condition = CONDITION_SCORES[candidate.condition]
        weighted = (
            WEIGHTS[Factor.USE] * use
            + WEIGHTS[Factor.AREA] * _area_score(need, candidate.floor_area_m2)
            + WEIGHTS[Factor.LOCATION] * location
            + WEIGHTS[Factor.CONDITION] * condition
            + rest
        )
        return (weighted + 50) // 100

    return ceiling


def best_scored(need: Need, candidates: Sequence[Candidate], limit: int) -> list[tuple[int, Match]]:
    """Score the candidates that can make the ``limit`` best, as (position, match) pairs.

    Candidates are scored in order of their ceiling (``upper_bound``), and scoring stops once no
    remaining ceiling reaches the ``limit``-th best score so far: every candidate left out
    scores below it, ties included, so the ``limit`` best of the result are the ``limit`` best
    of all. Callers sort the result themselves (score, then their own tie-breaker).
    """
    ceiling = upper_bound(need)
    ceilings = [ceiling(candidate) for candidate in candidates]
    order = sorted(range(len(candidates)), key=lambda position: -ceilings[position])
    top: list[int] = []  # a min-heap of the ``limit`` best scores so far
    scored = []
    for position in order:
        if len(top) >= limit and ceilings[position] < top[0]:
            break
        match = score_candidate(need, candidates[position])
        scored.append((position, match))
        if len(top) < limit:
            heapq.heappush(top, match.score)
        elif match.score > top[0]:
            heapq.heapreplace(top, match.score)
    return scored


def suitability(use: Use, building_type: BuildingType) -> int:
    """How well a building type suits a use: 100, 50 or 0 (see ``WELL_SUITED``, ``COULD_WORK``)."""
    if building_type in WELL_SUITED[use]:
        return FULL
    if building_type in COULD_WORK[use] or building_type is BuildingType.OTHER:
        return NEUTRAL
    return ZERO


def range_overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How much two ranges ``(low, high)`` overlap; negative: the gap between them.

    Either bound may be infinite. Symmetric: ``range_overlap(a, b) == range_overlap(b, a)``.
    """
    return min(a[1], b[1]) - max(a[0], b[0])


def _score_for_miss(miss: float | Decimal, wanted: float | Decimal) -> int:
    """Lose 2 points per percent that the candidate misses what was wanted; 0 from 50 % off."""
    if miss >= wanted / 2:
        return ZERO
    return round(FULL - 200 * miss / wanted)


def _judge_use(need: Need, candidate: Candidate) -> Reason:
    """The building type against the best-suited of the wanted uses."""
    if not need.uses:
        return Reason(Factor.USE, FULL, gettext_noop("no use given"))
    building_type = candidate.building_type
    if building_type is None:
        return Reason(Factor.USE, NEUTRAL, gettext_noop("building type unknown"))
    use = max(sorted(need.uses), key=lambda wanted: suitability(wanted, building_type))
    score = suitability(use, building_type)
    messages = {
        FULL: gettext_noop("{building_type}: well suited to {use}"),
        NEUTRAL: gettext_noop("{building_type}: could work for {use}"),
        ZERO: gettext_noop("{building_type}: hardly suited to {use}"),
    }
    return Reason(Factor.USE, score, messages[score], {"building_type": building_type, "use": use})


def _judge_area(need: Need, candidate: Candidate) -> Reason:
    low, high, area = need.min_area_m2, need.max_area_m2, candidate.floor_area_m2
    if low is None and high is None:
        return Reason(Factor.AREA, FULL, gettext_noop("no floor area asked"))
    if area is None:
        return Reason(Factor.AREA, NEUTRAL, gettext_noop("floor area unknown"))
    params = _known(area=area, min_area=low, max_area=high)
    score = _area_score(need, area)
    if low is not None and area < low:
        message = gettext_noop("{area} m² is smaller than your minimum of {min_area} m²")
        return Reason(Factor.AREA, score, message, params)
    if high is not None and area > high:
        message = gettext_noop("{area} m² is larger than your maximum of {max_area} m²")
        return Reason(Factor.AREA, score, message, params)
    if low is None:
        message = gettext_noop("{area} m² fits your maximum of {max_area} m²")
    elif high is None:
        message = gettext_noop("{area} m² fits your minimum of {min_area} m²")
    else:
        message = gettext_noop("{area} m² fits your {min_area}–{max_area} m²")  # noqa: RUF001
    return Reason(Factor.AREA, FULL, message, params)


def _area_score(need: Need, area: float | None) -> int:
    """The area factor's score (``_judge_area`` says why)."""
    low, high = need.min_area_m2, need.max_area_m2
    if low is None and high is None:
        return FULL
    if area is None:
        return NEUTRAL
    if low is not None and area < low:
        return _score_for_miss(low - area, low)
    if high is not None and area > high:
        return _score_for_miss(area - high, high)
    return FULL


def _known(**values: object) -> dict[str, object]:
    """The parameters that have a value: a reason never shows "None"."""
    return {name: value for name, value in values.items() if value is not None}


def _judge_budget(need: Need, candidate: Candidate) -> Reason:
    """Purchase budget against asking price, rent budget against asking rent; the best counts."""
    comparisons = []
    if need.max_price_eur is not None and candidate.asking_price_eur is not None:
        comparisons.append(
            _compare_budget(
                need.max_price_eur,
                candidate.asking_price_eur,
                within=gettext_noop("asking price €{asking} is within your budget of €{budget}"),
                below=gettext_noop("budget €{budget} is below the asking price €{asking}"),
            )
        )
    if need.max_rent_eur_month is not None and candidate.asking_rent_eur_month is not None:
        comparisons.append(
            _compare_budget(
                need.max_rent_eur_month,
                candidate.asking_rent_eur_month,
                within=gettext_noop(
                    "asking €{asking}/month is within your budget of €{budget}/month"
                ),
                below=gettext_noop("budget €{budget}/month is below the asking €{asking}/month"),
            )
        )
    if comparisons:
        return max(comparisons, key=lambda reason: reason.score)
    if need.max_price_eur is None and need.max_rent_eur_month is None:
        return Reason(Factor.BUDGET, FULL, gettext_noop("no budget given"))
    return Reason(
        Factor.BUDGET, NEUTRAL, gettext_noop("no asking price or rent to compare with your budget")
    )


def _compare_budget(budget: Money, asking: Money, within: str, below: str) -> Reason:
    budget, asking = Decimal(budget), Decimal(asking)
    params = {"budget": budget, "asking": asking}
    if budget >= asking:
        return Reason(Factor.BUDGET, FULL, within, params)
    return Reason(Factor.BUDGET, _score_for_miss(asking - budget, budget), below, params)


def _judge_location(need: Need, candidate: Candidate) -> Reason:
    """Distance to the need's point if both have one, else the municipality, if both know it."""
    if need.has_point and candidate.has_point:
        return _judge_distance(need, candidate)
    if need.municipalities and candidate.municipality:
        params = {"municipality": candidate.municipality_name or candidate.municipality}
        if candidate.municipality in need.municipalities:
            message = gettext_noop("in {municipality}, one of your municipalities")
            return Reason(Factor.LOCATION, FULL, message, params)
        message = gettext_noop("in {municipality}, not one of your municipalities")
        return Reason(Factor.LOCATION, ZERO, message, params)
    if not need.has_point and not need.municipalities:
        return Reason(Factor.LOCATION, FULL, gettext_noop("no location asked"))
    return Reason(Factor.LOCATION, NEUTRAL, gettext_noop("location unknown"))


def _judge_distance(need: Need, candidate: Candidate) -> Reason:
    """Inside the radius 100 down to 80 at its edge; beyond, down to 0 at twice the radius."""
    distance_km = haversine_km(
        need.latitude, need.longitude, candidate.latitude, candidate.longitude
    )
    ratio = distance_km / need.radius_km
    score = round(FULL - 20 * ratio) if ratio <= 1 else max(ZERO, round(80 * (2 - ratio)))
    params = {
        "distance_km": round(distance_km, 1),
        "place": need.place_label,
        "radius_km": need.radius_km,
    }
    messages = {
        (True, True): gettext_noop("{distance_km} km from {place}"),
        (True, False): gettext_noop("{distance_km} km away"),
        (False, True): gettext_noop("{distance_km} km from {place}, beyond your {radius_km} km"),
        (False, False): gettext_noop("{distance_km} km away, beyond your {radius_km} km"),
    }
    return Reason(Factor.LOCATION, score, messages[ratio <= 1, bool(need.place_label)], params)


def _judge_timing(need: Need, candidate: Candidate) -> Reason:
    """The share of the wanted period during which the candidate is available.

    When the need is open-ended (permanent), a share cannot be computed: a candidate available
    for only part of it scores ``NEUTRAL``.
    """
    if need.wanted_from is None and need.wanted_until is None:
        return Reason(Factor.TIMING, FULL, gettext_noop("no dates asked"))
    if candidate.available_from is None and candidate.available_until is None:
        return Reason(Factor.TIMING, NEUTRAL, gettext_noop("availability dates unknown"))
    wanted = _days(need.wanted_from, need.wanted_until)
    offered = _days(candidate.available_from, candidate.available_until)
    overlap = range_overlap(wanted, offered)
    wanted_days = wanted[1] - wanted[0]
    if overlap <= 0:
        return Reason(Factor.TIMING, ZERO, gettext_noop("not available in the period you ask"))
    if overlap >= wanted_days:
        return Reason(Factor.TIMING, FULL, gettext_noop("available for the whole period you ask"))
    if math.isinf(wanted_days):
        message = gettext_noop("available for only part of the period you ask")
        return Reason(Factor.TIMING, NEUTRAL, message)
    share = math.floor(100 * overlap / wanted_days)
    # xgettext:no-python-format
    message = gettext_noop("available for {share}% of the period you ask")
    return Reason(Factor.TIMING, share, message, {"share": share})


def _days(first: date | None, last: date | None) -> tuple[float, float]:
    """A period of whole days as a half-open range of day numbers; open ends are infinite."""
    start = -math.inf if first is None else first.toordinal()
    end = math.inf if last is None else last.toordinal() + 1
    return start, end


def _judge_availability(need: Need, candidate: Candidate) -> Reason:
    """Whether the candidate is available the way the need wants to hold it."""
    if not need.tenures:
        return Reason(Factor.AVAILABILITY, FULL, gettext_noop("no tenure asked"))
    if not candidate.tenures:
        return Reason(Factor.AVAILABILITY, NEUTRAL, gettext_noop("availability unknown"))
    shared = need.tenures & candidate.tenures
    if shared:
        message = gettext_noop("available for {tenure}, as you ask")
        return Reason(Factor.AVAILABILITY, FULL, message, {"tenure": _first(shared)})
    message = gettext_noop("available for {offered}, you ask for {wanted}")
    params = {"offered": _first(candidate.tenures), "wanted": _first(need.tenures)}
    return Reason(Factor.AVAILABILITY, ZERO, message, params)


def _first(tenures: frozenset[Tenure]) -> Tenure:
    """The first tenure in the vocabulary's order, so reasons do not depend on set order."""
    return next(tenure for tenure in Tenure if tenure in tenures)


def _judge_condition(need: Need, candidate: Candidate) -> Reason:
    """The same for every need: better condition is less money and time before moving in."""
    if candidate.condition is None:
        return Reason(Factor.CONDITION, NEUTRAL, gettext_noop("condition unknown"))
    score = CONDITION_SCORES[candidate.condition]
    message = gettext_noop("condition: {condition}")
    return Reason(Factor.CONDITION, score, message, {"condition": candidate.condition})


_JUDGES = {
    Factor.USE: _judge_use,
    Factor.AREA: _judge_area,
    Factor.LOCATION: _judge_location,
    Factor.BUDGET: _judge_budget,
    Factor.AVAILABILITY: _judge_availability,
    Factor.TIMING: _judge_timing,
    Factor.CONDITION: _judge_condition,
}

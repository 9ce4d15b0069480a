from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.geo.distance import haversine_km
from openpromotor.listings.matching import (
    COULD_WORK,
    LABELS,
    MAX_RADIUS_KM,
    WEIGHTS,
    WELL_SUITED,
    BuildingType,
    Candidate,
    Condition,
    Factor,
    Need,
    Reason,
    Tenure,
    Use,
    range_overlap,
    score_candidate,
    suitability,
)

BERCHEM = (51.2005, 4.4270)
CATHEDRAL = (51.2203, 4.4014)  # 2.8 km from Berchem


def reason(need: Need, candidate: Candidate, factor: Factor) -> Reason:
    return score_candidate(need, candidate).reason(factor)


# --- weights and vocabulary ---------------------------------------------------------------


def test_weights_sum_to_100_and_cover_every_factor():
    assert sum(WEIGHTS.values()) == 100
    assert set(WEIGHTS) == set(Factor)
    assert all(weight > 0 for weight in WEIGHTS.values())


def test_every_use_has_a_suitability_row_and_every_term_a_label():
    assert set(WELL_SUITED) == set(COULD_WORK) == set(Use)
    for use in Use:
        assert not WELL_SUITED[use] & COULD_WORK[use], use
        assert WELL_SUITED[use], use
    for vocabulary in (Use, BuildingType, Tenure, Condition):
        assert all(term in LABELS for term in vocabulary)


@pytest.mark.parametrize(
    ("use", "building_type", "expected"),
    [
        (Use.CULTURE, BuildingType.CHURCH, 100),
        (Use.HOUSING, BuildingType.UPPER_FLOORS, 100),
        (Use.STORAGE, BuildingType.INDUSTRIAL, 100),
        (Use.HOUSING, BuildingType.SCHOOL, 50),
        (Use.RETAIL, BuildingType.HOUSE, 0),
        (Use.STORAGE, BuildingType.APARTMENT_BUILDING, 0),
        (Use.EDUCATION, BuildingType.OTHER, 50),
    ],
)
def test_suitability(use, building_type, expected):
    assert suitability(use, building_type) == expected


def test_unknown_use_is_refused():
    with pytest.raises(ValueError, match="spaceport"):
        Use("spaceport")


# --- each factor alone ----------------------------------------------------------------------

FACTOR_CASES = {
    Factor.USE: (
        Need(uses=frozenset({Use.CULTURE})),
        Candidate(building_type=BuildingType.CHURCH),
        Candidate(building_type=BuildingType.APARTMENT_BUILDING),
    ),
    Factor.AREA: (
        Need(min_area_m2=200, max_area_m2=400),
        Candidate(floor_area_m2=350),
        Candidate(floor_area_m2=50),
    ),
    Factor.LOCATION: (
        Need(latitude=BERCHEM[0], longitude=BERCHEM[1], radius_km=5, place_label="Berchem"),
        Candidate(latitude=CATHEDRAL[0], longitude=CATHEDRAL[1]),
        Candidate(latitude=51.0543, longitude=3.7174),  # Gent
    ),
    Factor.BUDGET: (
        Need(max_rent_eur_month=2000),
        Candidate(asking_rent_eur_month=1500),
        Candidate(asking_rent_eur_month=5000),
    ),
    Factor.AVAILABILITY: (
        Need(tenures=frozenset({Tenure.RENT})),
        Candidate(tenures=frozenset({Tenure.RENT})),
        Candidate(tenures=frozenset({Tenure.BUY})),
    ),
    Factor.TIMING: (
        Need(wanted_from=date(2026, 9, 1), wanted_until=date(2027, 6, 30)),
        Candidate(available_from=date(2026, 1, 1), available_until=date(2028, 1, 1)),
        Candidate(available_from=date(2025, 1, 1), available_until=date(2025, 12, 31)),
    ),
    Factor.CONDITION: (
        Need(),
        Candidate(condition=Condition.GOOD),
        Candidate(condition=Condition.RUIN),
    ),
}


@pytest.mark.parametrize("factor", list(Factor))
def test_each_factor_alone_moves_the_score_by_its_weight(factor):
    need, good, bad = FACTOR_CASES[factor]
    good_match, bad_match = score_candidate(need, good), score_candidate(need, bad)
    for other in Factor:
        if other is not factor:
            assert good_match.reason(other).score == bad_match.reason(other).score, other
    factor_gap = good_match.reason(factor).score - bad_match.reason(factor).score
    assert factor_gap > 0
    assert good_match.score - bad_match.score == pytest.approx(
        WEIGHTS[factor] * factor_gap / 100, abs=1
    )


def test_one_reason_per_factor_in_weight_order():
    match = score_candidate(Need(), Candidate())
    assert [r.factor for r in match.reasons] == list(WEIGHTS)


def test_score_is_the_rounded_weighted_mean():
    need, good, _ = FACTOR_CASES[Factor.AREA]
    match = score_candidate(need, good)
    weighted = sum(WEIGHTS[r.factor] * r.score for r in match.reasons) / 100
    assert abs(match.score - weighted) <= 0.5


def test_no_wishes_and_nothing_known_counts_unknown_as_half():
    match = score_candidate(Need(), Candidate())
    assert match.reason(Factor.CONDITION).score == 50
    assert all(r.score == 100 for r in match.reasons if r.factor is not Factor.CONDITION)


# --- use ------------------------------------------------------------------------------------


def test_use_takes_the_best_suited_of_the_wanted_uses():
    need = Need(uses=frozenset({Use.STORAGE, Use.CULTURE, Use.HOUSING}))
    result = reason(need, Candidate(building_type=BuildingType.CHURCH), Factor.USE)
    assert (result.score, result.text) == (100, "church or chapel: well suited to culture")


@pytest.mark.parametrize(
    ("candidate", "score", "text"),
    [
        (Candidate(building_type=BuildingType.SCHOOL), 50, "school: could work for housing"),
        (
            Candidate(building_type=BuildingType.SHOP),
            0,
            "shop or retail ground floor: hardly suited to housing",
        ),
        (Candidate(), 50, "building type unknown"),
    ],
)
def test_use_reasons(candidate, score, text):
    result = reason(Need(uses=frozenset({Use.HOUSING})), candidate, Factor.USE)
    assert (result.score, result.text) == (score, text)


# --- area -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "area", "score", "text"),
    [
        (200, 400, 350, 100, "350 m² fits your 200–400 m²"),  # noqa: RUF001
        (200, 400, 200, 100, "200 m² fits your 200–400 m²"),  # noqa: RUF001
        (200, None, 5000, 100, "5,000 m² fits your minimum of 200 m²"),
        (None, 400, 10, 100, "10 m² fits your maximum of 400 m²"),
        (200, 400, 150, 50, "150 m² is smaller than your minimum of 200 m²"),
        (200, 400, 500, 50, "500 m² is larger than your maximum of 400 m²"),
        (200, 400, 380.5, 100, "380.5 m² fits your 200–400 m²"),  # noqa: RUF001
        (200, 400, 900, 0, "900 m² is larger than your maximum of 400 m²"),
        (200, 400, None, 50, "floor area unknown"),
        (None, None, 350, 100, "no floor area asked"),
    ],
)
def test_area(low, high, area, score, text):
    need = Need(min_area_m2=low, max_area_m2=high)
    result = reason(need, Candidate(floor_area_m2=area), Factor.AREA)
    assert (result.score, result.text) == (score, text)
    assert None not in result.params.values()


def test_area_message_is_a_template_with_raw_values():
    result = reason(Need(min_area_m2=200, max_area_m2=400), Candidate(floor_area_m2=350), "area")
    assert result.message == "{area} m² fits your {min_area}–{max_area} m²"  # noqa: RUF001
    assert result.params == {"area": 350, "min_area": 200, "max_area": 400}


# --- budget: buy versus rent ----------------------------------------------------------------


def test_rent_budget_below_the_asking_rent():
    need = Need(max_rent_eur_month=Decimal(1800))
    result = reason(need, Candidate(asking_rent_eur_month=2100), Factor.BUDGET)
    assert result.text == "budget €1,800/month is below the asking €2,100/month"
    assert result.score == 67  # 300 short of 1,800 is 16.7 %, 2 points per percent


def test_rent_within_budget():
    need = Need(max_rent_eur_month=2400)
    result = reason(need, Candidate(asking_rent_eur_month=Decimal("2100.50")), Factor.BUDGET)
    assert result.text == "asking €2,100.50/month is within your budget of €2,400/month"
    assert result.score == 100


def test_purchase_budget_against_asking_price():
    need = Need(max_price_eur=250_000)
    below = reason(need, Candidate(asking_price_eur=300_000), Factor.BUDGET)
    within = reason(need, Candidate(asking_price_eur=200_000), Factor.BUDGET)
    assert below.text == "budget €250,000 is below the asking price €300,000"
    assert below.score == 60
    assert within.text == "asking price €200,000 is within your budget of €250,000"
    assert within.score == 100


def test_purchase_budget_is_not_compared_with_a_rent():
    need = Need(max_price_eur=250_000)
    result = reason(need, Candidate(asking_rent_eur_month=900), Factor.BUDGET)
    assert (result.score, result.text) == (
        50,
        "no asking price or rent to compare with your budget",
    )


def test_rent_budget_ignores_a_purchase_price():
    need = Need(max_rent_eur_month=900)
    result = reason(need, Candidate(asking_price_eur=100), Factor.BUDGET)
    assert result.score == 50


def test_budget_takes_the_better_of_purchase_and_rent():
    need = Need(max_price_eur=100_000, max_rent_eur_month=1_000)
    candidate = Candidate(asking_price_eur=400_000, asking_rent_eur_month=900)
    assert reason(need, candidate, Factor.BUDGET).score == 100


def test_no_budget_given():
    assert reason(Need(), Candidate(asking_price_eur=1), Factor.BUDGET).score == 100


def test_a_zero_budget_cannot_pay_anything():
    result = reason(Need(max_rent_eur_month=0), Candidate(asking_rent_eur_month=1), "budget")
    assert result.score == 0


# --- location -------------------------------------------------------------------------------


def near_berchem(radius_km: float = 5, label: str = "Berchem") -> Need:
    return Need(latitude=BERCHEM[0], longitude=BERCHEM[1], radius_km=radius_km, place_label=label)


def test_distance_within_the_radius():
    candidate = Candidate(latitude=CATHEDRAL[0], longitude=CATHEDRAL[1])
    result = reason(near_berchem(), candidate, Factor.LOCATION)
    assert result.text == "2.8 km from Berchem"
    assert result.score == 89  # 100 at the point, 80 at the edge of the radius


def test_distance_beyond_the_radius_and_without_a_label():
    candidate = Candidate(latitude=CATHEDRAL[0], longitude=CATHEDRAL[1])
    result = reason(near_berchem(radius_km=2, label=""), candidate, Factor.LOCATION)
    assert result.text == "2.8 km away, beyond your 2 km"
    assert result.score == 47


def test_distance_fades_to_zero_at_twice_the_radius():
    candidate = Candidate(latitude=CATHEDRAL[0], longitude=CATHEDRAL[1])
    assert reason(near_berchem(radius_km=1.4), candidate, Factor.LOCATION).score == 0


@pytest.mark.parametrize(
    ("municipality", "score", "text"),
    [
        ("11002", 100, "in Antwerpen, one of your municipalities"),
        ("44021", 0, "in Gent, not one of your municipalities"),
    ],
)
def test_municipality(municipality, score, text):
    names = {"11002": "Antwerpen", "44021": "Gent"}
    need = Need(municipalities=frozenset({"11002", "11001"}))
    candidate = Candidate(municipality=municipality, municipality_name=names[municipality])
    result = reason(need, candidate, Factor.LOCATION)
    assert (result.score, result.text) == (score, text)


def test_municipality_is_used_when_the_candidate_has_no_point():
    need = replace(near_berchem(), municipalities=frozenset({"11002"}))
    result = reason(need, Candidate(municipality="11002"), Factor.LOCATION)
    assert (result.score, result.text) == (100, "in 11002, one of your municipalities")


def test_location_unknown_and_not_asked():
    assert reason(near_berchem(), Candidate(municipality="11002"), "location").score == 50
    assert reason(Need(), Candidate(latitude=51, longitude=4), "location").score == 100


# --- timing ---------------------------------------------------------------------------------

SCHOOL_YEAR = Need(wanted_from=date(2026, 9, 1), wanted_until=date(2027, 6, 30))


@pytest.mark.parametrize(
    ("first", "last", "score", "text"),
    [
        (date(2026, 1, 1), None, 100, "available for the whole period you ask"),
        (date(2026, 9, 1), date(2027, 6, 30), 100, "available for the whole period you ask"),
        (None, date(2027, 1, 31), 50, "available for 50% of the period you ask"),
        (date(2027, 7, 1), None, 0, "not available in the period you ask"),
        (None, None, 50, "availability dates unknown"),
    ],
)
def test_timing(first, last, score, text):
    candidate = Candidate(available_from=first, available_until=last)
    result = reason(SCHOOL_YEAR, candidate, Factor.TIMING)
    assert (result.score, result.text) == (score, text)


def test_a_permanent_need_and_a_temporary_offer_count_half():
    need = Need(wanted_from=date(2026, 9, 1))
    candidate = Candidate(available_until=date(2027, 12, 31))
    result = reason(need, candidate, Factor.TIMING)
    assert (result.score, result.text) == (50, "available for only part of the period you ask")


def test_no_dates_asked():
    candidate = Candidate(available_until=date(2020, 1, 1))
    assert reason(Need(), candidate, Factor.TIMING).score == 100


# --- availability and condition -------------------------------------------------------------


def test_availability():
    need = Need(tenures=frozenset({Tenure.TEMPORARY_USE, Tenure.COOPERATIVE_PROJECT}))
    both = Candidate(tenures=frozenset({Tenure.COOPERATIVE_PROJECT, Tenure.TEMPORARY_USE}))
    sale = Candidate(tenures=frozenset({Tenure.BUY}))
    assert reason(need, both, "availability").text == "available for temporary use, as you ask"
    assert reason(need, sale, "availability").text == (
        "available for purchase, you ask for temporary use"
    )
    assert reason(need, sale, "availability").score == 0
    assert reason(need, Candidate(), "availability").score == 50
    assert reason(Need(), sale, "availability").score == 100


@pytest.mark.parametrize(
    ("condition", "score", "text"),
    [
        (Condition.GOOD, 100, "condition: good"),
        (Condition.NEEDS_REFRESH, 75, "condition: needs a refresh"),
        (Condition.NEEDS_DEEP_RENOVATION, 40, "condition: needs deep renovation"),
        (Condition.RUIN, 10, "condition: ruin"),
        (None, 50, "condition unknown"),
    ],
)
def test_condition(condition, score, text):
    result = reason(Need(), Candidate(condition=condition), Factor.CONDITION)
    assert (result.score, result.text) == (score, text)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"min_area_m2": 400, "max_area_m2": 200}, "min_area_m2 .400. must not be above"),
        ({"max_rent_eur_month": -1}, "max_rent_eur_month cannot be negative"),
        ({"max_price_eur": Decimal("-0.01")}, "max_price_eur cannot be negative"),
        ({"latitude": 51.2, "longitude": 4.4, "radius_km": 0}, "radius_km must be above 0"),
        ({"latitude": 51.2, "longitude": 4.4, "radius_km": 10_000}, "at most 300"),
        ({"latitude": 51.2, "longitude": 4.4}, "radius_km together with a point"),
        ({"radius_km": 5}, "radius_km together with a point"),
        ({"latitude": 51.2, "radius_km": 5}, "both latitude and longitude"),
        (
            {"wanted_from": date(2027, 1, 1), "wanted_until": date(2026, 1, 1)},
            "wanted_from .2027-01-01. must not be above wanted_until",
        ),
    ],
)
def test_bad_needs_are_refused(fields, message):
    with pytest.raises(ValueError, match=message):
        Need(**fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"floor_area_m2": -5},
        {"asking_rent_eur_month": -1},
        {"longitude": 4.4},
        {"available_from": date(2027, 1, 1), "available_until": date(2026, 1, 1)},
    ],
)
def test_bad_candidates_are_refused(fields):
    with pytest.raises(ValueError):
        Candidate(**fields)


# --- properties -----------------------------------------------------------------------------


def optional(strategy):
    return st.one_of(st.none(), strategy)


amounts = st.one_of(
    st.integers(0, 2_000_000),
    st.decimals(0, 10_000, places=2, allow_nan=False, allow_infinity=False),
)
areas = st.floats(0, 20_000)
days = st.dates(date(2024, 1, 1), date(2030, 12, 31))
belgian_points = st.tuples(st.floats(49.5, 51.5), st.floats(2.5, 6.4))


def ordered(strategy):
    """Two optional values, the first not above the second when both are set."""
    return st.tuples(optional(strategy), optional(strategy)).map(
        lambda pair: tuple(sorted(pair)) if None not in pair else pair
    )


@st.composite
def needs(draw):
    low_area, high_area = draw(ordered(areas))
    wanted_from, wanted_until = draw(ordered(days))
    point = draw(optional(belgian_points))
    return Need(
        uses=draw(st.frozensets(st.sampled_from(Use))),
        min_area_m2=low_area,
        max_area_m2=high_area,
        tenures=draw(st.frozensets(st.sampled_from(Tenure))),
        max_price_eur=draw(optional(amounts)),
        max_rent_eur_month=draw(optional(amounts)),
        municipalities=draw(st.frozensets(st.sampled_from(["11002", "44021", "21004"]))),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        radius_km=draw(st.floats(0.1, MAX_RADIUS_KM)) if point else None,
        place_label=draw(st.sampled_from(["", "Berchem"])),
        wanted_from=wanted_from,
        wanted_until=wanted_until,
    )


@st.composite
def candidates(draw):
    available_from, available_until = draw(ordered(days))
    point = draw(optional(belgian_points))
    return Candidate(
        building_type=draw(optional(st.sampled_from(BuildingType))),
        floor_area_m2=draw(optional(areas)),
        tenures=draw(st.frozensets(st.sampled_from(Tenure))),
        asking_price_eur=draw(optional(amounts)),
        asking_rent_eur_month=draw(optional(amounts)),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        municipality=draw(optional(st.sampled_from(["11002", "44021"]))),
        municipality_name=draw(st.sampled_from(["", "Antwerpen"])),
        available_from=available_from,
        available_until=available_until,
        condition=draw(optional(st.sampled_from(Condition))),
    )


@settings(max_examples=300)
@given(needs(), candidates())
def test_scores_stay_within_0_and_100_with_a_readable_reason_per_factor(need, candidate):
    match = score_candidate(need, candidate)
    assert 0 <= match.score <= 100
    assert [r.factor for r in match.reasons] == list(WEIGHTS)
    for r in match.reasons:
        assert 0 <= r.score <= 100
        assert isinstance(r.score, int)
        assert r.text
        assert "{" not in r.text
        assert "None" not in r.text


@settings(max_examples=300)
@given(needs(), candidates(), belgian_points, belgian_points)
def test_a_closer_building_never_scores_lower(need, candidate, here, there):
    need = replace(
        need,
        latitude=BERCHEM[0],
        longitude=BERCHEM[1],
        radius_km=need.radius_km or 5,
    )
    near = replace(candidate, latitude=here[0], longitude=here[1])
    far = replace(candidate, latitude=there[0], longitude=there[1])
    if haversine_km(*BERCHEM, *here) > haversine_km(*BERCHEM, *there):
        near, far = far, near
    assert score_candidate(need, near).score >= score_candidate(need, far).score
    near_location = score_candidate(need, near).reason(Factor.LOCATION).score
    assert near_location >= score_candidate(need, far).reason(Factor.LOCATION).score


spans = st.tuples(st.floats(-1e6, 1e6), st.floats(0, 1e6)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=300)
@given(spans, spans)
def test_range_overlap_is_symmetric(a, b):
    assert range_overlap(a, b) == range_overlap(b, a)


@settings(max_examples=300)
@given(spans, spans)
def test_range_overlap_is_positive_exactly_when_the_ranges_share_an_inner_part(a, b):
    shares_inner_part = max(a[0], b[0]) < min(a[1], b[1])
    assert (range_overlap(a, b) > 0) == shares_inner_part
    assert range_overlap(a, b) <= min(a[1] - a[0], b[1] - b[0])


def test_range_overlap_with_open_ends():
    assert range_overlap((float("-inf"), 10), (5, float("inf"))) == 5
    assert range_overlap((0, 1), (3, 4)) == -2

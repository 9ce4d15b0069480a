"""The ceiling of a score and the early stop of ``best_scored``: the same best matches as
scoring every candidate, with fewer full scores."""

from hypothesis import given, settings
from hypothesis import strategies as st

from openpromotor.listings.matching import (
    BuildingType,
    Candidate,
    Need,
    Use,
    best_scored,
    score_candidate,
    upper_bound,
)
from tests.listings.test_matching import candidates, needs


@settings(max_examples=200)
@given(needs(), candidates())
def test_the_ceiling_is_never_below_the_score(need, candidate):
    assert upper_bound(need)(candidate) >= score_candidate(need, candidate).score


@settings(max_examples=60)
@given(needs(), st.lists(candidates(), max_size=40), st.integers(1, 12))
def test_the_best_are_those_of_scoring_everything(need, pool, limit):
    def best(pairs):
        ranked = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
        return ranked[:limit]

    everything = [(position, score_candidate(need, c).score) for position, c in enumerate(pool)]
    scored = [(position, match.score) for position, match in best_scored(need, pool, limit)]
    assert best(scored) == best(everything)


def test_clearly_worse_candidates_are_not_scored():
    need = Need(uses=frozenset({Use.CO_HOUSING}), min_area_m2=500, max_area_m2=1000)
    good = [Candidate(building_type=BuildingType.SCHOOL, floor_area_m2=700)] * 10
    poor = [Candidate(building_type=BuildingType.SHOP, floor_area_m2=90)] * 100
    assert len(best_scored(need, good + poor, 10)) == 10

"""The matches of a listing or a place: candidates from ``candidates``, scored, best first.

- a "seek space" need: published places and "offer space" listings (``matching``);
- an "offer space" listing or a place: "seek space" needs whose authors let owners find them;
- a "seek partners" search: "offer expertise" listings (``expertise``);
- an "offer expertise" listing: "seek partners" searches that ask for its disciplines.

Nothing unpublished is ever a match, nor anything of the person the matches are for.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from openpromotor.listings import candidates, expertise, matching
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind

LIMIT = 10
MIN_SCORE = 40
"""Below this a candidate misses too much to be worth showing."""


@dataclass(frozen=True)
class Found:
    """One match: a place or a listing, with its score and reasons."""

    kind: str  # "place" or "listing"
    id: int
    title: str
    contact_id: int | None  # the place's owner or the listing's author
    match: matching.Match
    listing_kind: str = ""

    @property
    def score(self) -> int:
        return self.match.score

    @property
    def label(self) -> str:
        """What it is: a building on the map, or the kind of listing."""
        if self.kind == "place":
            return _("building on the map")
        return str(Kind(self.listing_kind).label)

    @property
    def url(self) -> str:
        name = "places:detail" if self.kind == "place" else "listings:detail"
        return reverse(name, args=[self.id])


def matches_for(listing: Listing, limit: int = LIMIT) -> list[Found]:
    """The best matches of a listing, of the kind that fits its kind."""
    codes = candidates.municipality_codes([listing]).get(listing.pk, frozenset())
    if listing.kind == Kind.SEEK_SPACE:
        return _for_need(candidates.need_of(listing, codes), listing.author_id, limit)
    if listing.kind == Kind.OFFER_SPACE:
        candidate = candidates.offer_as_candidate(listing)
        municipality = listing.municipalities.values_list("pk", flat=True).first()
        return seekers(candidate, municipality, listing.author_id, limit)
    if listing.kind == Kind.SEEK_PARTNERS:
        return _experts(candidates.partner_search_of(listing, codes), listing.author_id, limit)
    return _partner_searches(candidates.expert_offer_of(listing, codes), listing.author_id, limit)


def matches_for_need(need: matching.Need, author_id: int | None, limit: int = LIMIT):
    """Places and offers for a need that is not (yet) saved, e.g. in the benchmark."""
    return _for_need(need, author_id, limit)


def seekers_for_place(place, limit: int = LIMIT) -> list[Found]:
    """The needs that a published place fits, among seekers who let owners find them."""
    candidate = candidates.place_as_candidate(place)
    return seekers(candidate, place.municipality_id, place.owner_id, limit)


def seekers(candidate: matching.Candidate, municipality_id, author_id, limit) -> list[Found]:
    found = list(candidates.seekers_for(candidate, municipality_id, author_id))
    codes = candidates.municipality_codes(found)
    scored = [
        _found_listing(
            seeker,
            matching.score_candidate(
                candidates.need_of(seeker, codes.get(seeker.pk, frozenset())), candidate
            ),
        )
        for seeker in found
    ]
    return _best(scored, limit)


def _for_need(need: matching.Need, author_id: int | None, limit: int) -> list[Found]:
    """Fetch the well-suited building types first and the others only when they could still
    make the top; within a tier, score in order of the ceiling of the score (``best_scored``)."""
    scored: list[Found] = []
    for building_types, later_reach in candidates.use_tiers(need):
        rows = candidates.rows_for_need(need, author_id, building_types)
        best = matching.best_scored(need, [row.candidate for row in rows], limit)
        scored += [
            Found(
                rows[position].kind,
                rows[position].id,
                rows[position].title,
                rows[position].contact_id,
                match,
                Kind.OFFER_SPACE if rows[position].kind == "listing" else "",
            )
            for position, match in best
        ]
        scores = sorted((found.score for found in scored), reverse=True)
        if len(scores) >= limit and scores[limit - 1] > later_reach:
            break
    return _best(scored, limit)


def _experts(search: expertise.PartnerSearch, author_id: int, limit: int) -> list[Found]:
    found = list(candidates.experts_for(search, author_id))
    codes = candidates.municipality_codes(found)
    scored = [
        _found_listing(
            expert,
            expertise.score_expert(
                search, candidates.expert_offer_of(expert, codes.get(expert.pk, frozenset()))
            ),
        )
        for expert in found
    ]
    return _best(scored, limit)


def _partner_searches(offer: expertise.ExpertOffer, author_id: int, limit: int) -> list[Found]:
    found = list(candidates.partner_searches_for(offer, author_id))
    codes = candidates.municipality_codes(found)
    scored = [
        _found_listing(
            search,
            expertise.score_expert(
                candidates.partner_search_of(search, codes.get(search.pk, frozenset())), offer
            ),
        )
        for search in found
    ]
    return _best(scored, limit)


def _found_listing(listing: Listing, match: matching.Match) -> Found:
    return Found("listing", listing.pk, listing.title, listing.author_id, match, listing.kind)


def _best(scored: list[Found], limit: int) -> list[Found]:
    """The highest scores first (ties: places before listings, then the lowest id)."""
    kept = [found for found in scored if found.score >= MIN_SCORE]
    kept.sort(key=lambda found: (-found.score, found.kind != "place", found.id))
    return kept[:limit]

"""The matches of a listing or a place: candidates from ``candidates`` and
``partner_candidates``, scored, best first.

- a "seek space" need: published places and "offer space" listings (``matching``);
- an "offer space" listing or a place: "seek space" needs whose authors let owners find them;
- a "seek partners" search: "offer expertise" listings (``expertise``), and the people who
  could join: public profiles and findable needs open to a cooperative (``partners``); a person
  whose listing is among the matches does not come again with their profile;
- an "offer expertise" listing: "seek partners" searches that ask for its disciplines.

Nothing unpublished is ever a match, nor anything of the person the matches are for, nor
anyone who did not let themselves be found.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from openpromotor.listings import candidates, expertise, matching, partners
from openpromotor.listings import partner_candidates as partner_rows
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind

LIMIT = 10
MIN_SCORE = 40
"""Below this a candidate misses too much to be worth showing."""


@dataclass(frozen=True)
class Found:
    """One match: a place, a listing or a public profile, with its score and reasons."""

    kind: str  # "place", "listing" or "profile" (a person's public profile)
    id: int
    title: str
    contact_id: int | None  # the place's owner, the listing's author, the profile's person
    match: matching.Match
    listing_kind: str = ""

    @property
    def score(self) -> int:
        return self.match.score

    @property
    def label(self) -> str:
        """What it is: a building on the map, a public profile, or the kind of listing."""
        if self.kind == "place":
            return _("building on the map")
        if self.kind == "profile":
            return _("public profile")
        return str(Kind(self.listing_kind).label)

    @property
    def url(self) -> str:
        names = {
            "place": "places:detail",
            "listing": "listings:detail",
            "profile": "accounts:profile_public",
        }
        return reverse(names[self.kind], args=[self.id])


KIND_ORDER = {"place": 0, "listing": 1, "profile": 2}
"""Among equal scores: buildings first, then listings, then profiles."""


def matches_for(listing: Listing, limit: int = LIMIT) -> list[Found]:
    """The best matches of a listing, of the kind that fits its kind."""
    if listing.kind == Kind.SEEK_SPACE:
        codes = candidates.municipality_codes([listing]).get(listing.pk, frozenset())
        return _for_need(candidates.need_of(listing, codes), listing.author_id, limit)
    return matches_among(listing, None, limit)


def matches_among(listing: Listing, listings, limit: int = LIMIT) -> list[Found]:
    """The matches of an offer, a partner search or an expert's offer among ``listings``
    (published listings), or among everything when None: then a partner search gets public
    profiles too. Alerts pass the listings published since the last one; the new matches of a
    need for space are found by ``alerts`` from the new places and offers instead."""
    codes = candidates.municipality_codes([listing]).get(listing.pk, frozenset())
    if listing.kind == Kind.OFFER_SPACE:
        candidate = candidates.offer_as_candidate(listing)
        municipality = listing.municipalities.values_list("pk", flat=True).first()
        return seekers(candidate, municipality, listing.author_id, limit, listings)
    if listing.kind == Kind.SEEK_PARTNERS:
        search = partner_rows.partner_search_of(listing, codes)
        return _partners(search, listing.author_id, limit, listings, profiles=listings is None)
    if listing.kind == Kind.OFFER_EXPERTISE:
        offer = partner_rows.expert_offer_of(listing, codes)
        return _partner_searches(offer, listing.author_id, limit, listings)
    raise ValueError(f"the matches of a {listing.kind} listing come from matches_for")


def matches_for_need(need: matching.Need, author_id: int | None, limit: int = LIMIT):
    """Places and offers for a need that is not (yet) saved, e.g. in the benchmark."""
    return _for_need(need, author_id, limit)


def seekers_for_place(place, limit: int = LIMIT) -> list[Found]:
    """The needs that a published place fits, among seekers who let owners find them."""
    candidate = candidates.place_as_candidate(place)
    return seekers(candidate, place.municipality_id, place.owner_id, limit)


def seekers(
    candidate: matching.Candidate, municipality_id, author_id, limit, listings=None
) -> list[Found]:
    found = list(candidates.seekers_for(candidate, municipality_id, author_id, listings))
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


def _partners(
    search: expertise.PartnerSearch, author_id: int, limit: int, listings, profiles: bool
) -> list[Found]:
    """Experts' offers, groups looking for space and (``profiles``) people, in one ranking. A
    profile comes only when what it shows surely takes up a role asked for (role 100)."""
    experts = list(partner_rows.experts_for(search, author_id, listings))
    groups = list(partner_rows.group_seekers_for(search, author_id, listings))
    codes = candidates.municipality_codes(experts + groups)
    scored = [
        _found_listing(
            expert,
            expertise.score_expert(
                search, partner_rows.expert_offer_of(expert, codes.get(expert.pk, frozenset()))
            ),
        )
        for expert in experts
    ]
    scored += [
        _found_listing(
            seeker,
            partners.score_group_seeker(
                search, partner_rows.group_seeker_of(seeker, codes.get(seeker.pk, frozenset()))
            ),
        )
        for seeker in groups
    ]
    if profiles:
        people = partner_rows.profiles_for(search, author_id)
        centres = partner_rows.centres_of({person.home_municipality_id for person in people})
        for person in people:
            match = partners.score_person(search, partner_rows.person_of(person, centres))
            if match.reason(partners.Factor.ROLE).score == matching.FULL:
                scored.append(Found("profile", person.pk, person.display_name, person.pk, match))
    return _best(_one_per_person(scored), limit)


def _one_per_person(scored: list[Found]) -> list[Found]:
    """Leave out the profile of a person whose own listing is a match already."""
    listed = {
        found.contact_id for found in scored if found.kind == "listing" and found.score >= MIN_SCORE
    }
    return [found for found in scored if found.kind != "profile" or found.id not in listed]


def _partner_searches(
    offer: expertise.ExpertOffer, author_id: int, limit: int, listings=None
) -> list[Found]:
    found = list(partner_rows.partner_searches_for(offer, author_id, listings))
    codes = candidates.municipality_codes(found)
    scored = [
        _found_listing(
            search,
            expertise.score_expert(
                partner_rows.partner_search_of(search, codes.get(search.pk, frozenset())), offer
            ),
        )
        for search in found
    ]
    return _best(scored, limit)


def _found_listing(listing: Listing, match: matching.Match) -> Found:
    return Found("listing", listing.pk, listing.title, listing.author_id, match, listing.kind)


def _best(scored: list[Found], limit: int) -> list[Found]:
    """The highest scores first (ties: ``KIND_ORDER``, then the lowest id)."""
    kept = [found for found in scored if found.score >= MIN_SCORE]
    kept.sort(key=lambda found: (-found.score, KIND_ORDER[found.kind], found.id))
    return kept[:limit]

"""From rows to the partner scoring inputs (``expertise``, ``partners``), and the filters that
pick the rows for a search for partners and for an expert's offer.

A search for partners is answered by three kinds of candidate:

- "offer expertise" listings offering a discipline asked for (``experts_for``);
- public profiles of people whose shown roles can take up a role asked for
  (``profiles_for``): only people who made their profile public and show their roles, and
  only the skills and municipality they chose to show count;
- findable "seek space" listings open to a cooperative whose uses can take up a role asked for,
  whose search area can hold the search's point (``group_seekers_for``).

The listing filters use the listings' indexes on kind and status (and, for group seekers, the
reach box of ``candidates.seekers_for``); profiles are a much smaller table, narrowed by role.
"""

from django.db.models import Avg, Q

from openpromotor.accounts.models import User
from openpromotor.listings import expertise, partners
from openpromotor.listings.candidates import MAX_CANDIDATES
from openpromotor.listings.fields import has_any
from openpromotor.listings.matching import Use
from openpromotor.listings.models import Listing
from openpromotor.listings.skills import skill_words
from openpromotor.listings.vocabulary import Kind
from openpromotor.municipalities.models import PostalCode

MAX_PROFILES = 2000
"""At most this many profiles are scored for one search (the oldest accounts first)."""


# --- Conversions ----------------------------------------------------------------------------


def partner_search_of(listing: Listing, codes: frozenset[str]) -> expertise.PartnerSearch:
    """A "seek partners" listing: its roles, its disciplines plus those of the roles an expert
    fills, its skills as words."""
    roles = frozenset(expertise.Role(value) for value in listing.roles)
    disciplines = {expertise.Discipline(value) for value in listing.disciplines}
    disciplines |= {
        expertise.ROLE_DISCIPLINES[role] for role in roles & expertise.ROLE_DISCIPLINES.keys()
    }
    return expertise.PartnerSearch(
        roles=roles,
        disciplines=frozenset(disciplines),
        skills=skill_words(listing.skills),
        municipalities=codes,
        latitude=listing.public_latitude,
        longitude=listing.public_longitude,
        place_label=listing.place_label,
        languages=frozenset(expertise.Language(value) for value in listing.languages),
    )


def expert_offer_of(listing: Listing, codes: frozenset[str]) -> expertise.ExpertOffer:
    return expertise.ExpertOffer(
        disciplines=frozenset(expertise.Discipline(value) for value in listing.disciplines),
        skills=skill_words(listing.skills),
        municipalities=codes,
        latitude=listing.public_latitude,
        longitude=listing.public_longitude,
        radius_km=listing.radius_km,
        languages=frozenset(expertise.Language(value) for value in listing.languages),
    )


def group_seeker_of(listing: Listing, codes: frozenset[str]) -> partners.GroupSeeker:
    """A "seek space" listing as a group that others could join."""
    has_area = listing.has_point and listing.radius_km
    return partners.GroupSeeker(
        uses=frozenset(Use(value) for value in listing.uses),
        municipalities=codes,
        latitude=listing.public_latitude if has_area else None,
        longitude=listing.public_longitude if has_area else None,
        radius_km=listing.radius_km if has_area else None,
    )


def person_of(user: User, centres: dict[int, tuple[float, float]]) -> partners.Person:
    """What a public profile shows; ``centres``: municipality id → its centre (``centres_of``)."""
    municipality = user.home_municipality if user.show_municipality else None
    latitude, longitude = (
        centres.get(municipality.pk, (None, None)) if municipality else (None, None)
    )
    return partners.Person(
        roles=frozenset(partners.PersonRole(role) for role in user.roles)
        if user.show_roles
        else frozenset(),
        skills=skill_words(user.skills) if user.show_skills else frozenset(),
        municipality=municipality.nis_code if municipality else None,
        municipality_name=municipality.name if municipality else "",
        latitude=latitude,
        longitude=longitude,
    )


def centres_of(municipality_ids) -> dict[int, tuple[float, float]]:
    """The centre of each municipality: the mean of its postal codes' places."""
    rows = (
        PostalCode.objects.filter(municipality_id__in=municipality_ids)
        .values("municipality_id")
        .annotate(latitude=Avg("latitude"), longitude=Avg("longitude"))
    )
    return {row["municipality_id"]: (row["latitude"], row["longitude"]) for row in rows}


# --- Retrieval ------------------------------------------------------------------------------


def experts_for(search: expertise.PartnerSearch, exclude_author_id: int | None, listings=None):
    """Published "offer expertise" listings offering at least one asked discipline (none when
    the search asks no expertise). ``listings``: the published listings to pick from, if not
    all (an alert's new ones)."""
    if not search.disciplines:
        return Listing.objects.none()
    experts = (Listing.objects.published() if listings is None else listings).filter(
        kind=Kind.OFFER_EXPERTISE
    )
    experts = experts.exclude(author_id=exclude_author_id)
    return experts.filter(has_any("disciplines", search.disciplines))[:MAX_CANDIDATES]


def partner_searches_for(
    offer: expertise.ExpertOffer, exclude_author_id: int | None, listings=None
):
    """Published "seek partners" listings asking for one of the offered disciplines."""
    roles = [
        role
        for role, discipline in expertise.ROLE_DISCIPLINES.items()
        if discipline in offer.disciplines
    ]
    searches = (Listing.objects.published() if listings is None else listings).filter(
        kind=Kind.SEEK_PARTNERS
    )
    searches = searches.exclude(author_id=exclude_author_id)
    return searches.filter(has_any("disciplines", offer.disciplines) | has_any("roles", roles))[
        :MAX_CANDIDATES
    ]


def group_seekers_for(
    search: expertise.PartnerSearch, exclude_author_id: int | None, listings=None
):
    """Findable published "seek space" listings open to a cooperative, with a use that can
    take up a role asked for, whose search area (reach box) holds the search's point if both
    have one."""
    uses = partners.uses_that_fill(search)
    if not uses:
        return Listing.objects.none()
    seekers = (Listing.objects.published() if listings is None else listings).filter(
        kind=Kind.SEEK_SPACE, findable=True, open_to_cooperative=True
    )
    seekers = seekers.exclude(author_id=exclude_author_id).filter(has_any("uses", uses))
    if search.has_point:
        lat, lon = search.latitude, search.longitude
        seekers = seekers.filter(
            Q(reach_min_lat__isnull=True)
            | Q(
                reach_min_lat__lte=lat,
                reach_max_lat__gte=lat,
                reach_min_lon__lte=lon,
                reach_max_lon__gte=lon,
            )
        )
    return seekers[:MAX_CANDIDATES]


def profiles_for(search: expertise.PartnerSearch, exclude_user_id: int | None) -> list[User]:
    """Active people with a public profile that shows roles able to take up a role asked for."""
    roles = partners.roles_that_fill(search)
    if not roles:
        return []
    people = (
        User.objects.filter(
            is_active=True, profile_is_public=True, show_roles=True, role_set__role__in=roles
        )
        .exclude(pk=exclude_user_id)
        .distinct()
        .select_related("home_municipality")
        .prefetch_related("role_set")
        .order_by("pk")
    )
    return list(people[:MAX_PROFILES])

"""Score how well someone who could join a group fits its search for partners, and say why.

A search for partners (``expertise.PartnerSearch``) asks for roles. Experts answer the expert
roles with their "offer expertise" listings (``expertise``); this module scores the others who
could join the group:

- a *person*, by their public profile: the roles they take up on the platform
  (``PersonRole``), and the skills and home municipality they chose to show;
- a *group seeker*: a "seek space" listing that is open to a cooperative and findable, people
  looking for a group to live or work with.

Three factors (``WEIGHTS``): the role they can take up, the skills the search names (the same
``expertise.judge_skills`` as for experts) and the region. The same two rules for missing data
as everywhere: nothing asked scores ``FULL``, asked but unknown scores ``NEUTRAL``. Plain Python
(no Django), like ``matching`` and ``expertise``.
"""

from dataclasses import dataclass
from enum import StrEnum

from openpromotor.geo.distance import haversine_km
from openpromotor.listings.expertise import (
    ROLE_DISCIPLINES,
    Discipline,
    PartnerSearch,
    Role,
    judge_skills,
)
from openpromotor.listings.matching import (
    ENGLISH_LABELS,
    FULL,
    NEUTRAL,
    ZERO,
    Match,
    Reason,
    Use,
    gettext_noop,
)
from openpromotor.listings.skills import same_skill, skill_words


class PersonRole(StrEnum):
    """The roles a person takes up on the platform (``accounts.models.Role``)."""

    SEEKER = "seeker"
    OWNER = "owner"
    EXPERT = "expert"
    MUNICIPALITY_OFFICER = "municipality_officer"
    ORGANISATION_MEMBER = "organisation_member"


class Factor(StrEnum):
    ROLE = "role"
    SKILLS = "skills"
    REGION = "region"


LABELS: dict[StrEnum, str] = {
    PersonRole.SEEKER: gettext_noop("seeker or initiator"),
    PersonRole.OWNER: gettext_noop("building owner"),
    PersonRole.EXPERT: gettext_noop("expert"),
    PersonRole.MUNICIPALITY_OFFICER: gettext_noop("municipality officer"),
    PersonRole.ORGANISATION_MEMBER: gettext_noop("organisation member"),
}
ENGLISH_LABELS.update(LABELS)

WEIGHTS: dict[Factor, int] = {
    Factor.ROLE: 50,  # a group asking for households has no use for an investor, and back
    Factor.SKILLS: 25,  # what the group said it needs beyond the role
    Factor.REGION: 25,  # joining a group means meeting it, often living or working with it
}
"""How much each factor counts, out of 100."""

NEARBY_KM = 20
"""A person living this close to the search's point is near (people give no radius)."""

WHO_FILLS: dict[Role, frozenset[PersonRole]] = {
    Role.CO_FOUNDER: frozenset({PersonRole.SEEKER, PersonRole.ORGANISATION_MEMBER}),
    Role.MEMBER_HOUSEHOLD: frozenset({PersonRole.SEEKER, PersonRole.ORGANISATION_MEMBER}),
    Role.INVESTOR: frozenset({PersonRole.ORGANISATION_MEMBER, PersonRole.OWNER}),
    Role.GROUND_FLOOR_USER: frozenset({PersonRole.SEEKER, PersonRole.ORGANISATION_MEMBER}),
    Role.VOLUNTEER: frozenset(
        {PersonRole.SEEKER, PersonRole.ORGANISATION_MEMBER, PersonRole.EXPERT}
    ),
}
"""The people's roles that can take up each role a group asks for, apart from the expert
roles (``expertise.ROLE_DISCIPLINES``): an expert fills those when their skills name the
discipline (``DISCIPLINE_WORDS``)."""

USES_FILL: dict[Use, frozenset[Role]] = {
    Use.HOUSING: frozenset({Role.CO_FOUNDER, Role.MEMBER_HOUSEHOLD}),
    Use.CO_HOUSING: frozenset({Role.CO_FOUNDER, Role.MEMBER_HOUSEHOLD}),
    Use.WORKSPACE: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.RETAIL: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.HOSPITALITY: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.SOCIAL_CARE: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.CULTURE: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.EDUCATION: frozenset({Role.CO_FOUNDER, Role.GROUND_FLOOR_USER}),
    Use.STORAGE: frozenset({Role.CO_FOUNDER}),
    Use.MIXED: frozenset({Role.CO_FOUNDER, Role.MEMBER_HOUSEHOLD, Role.GROUND_FLOOR_USER}),
}
"""The roles a group seeker open to a cooperative can take up, by the use it wants space for:
people who want to live somewhere can co-found and be a member household; people who want to
work, sell or meet somewhere can co-found and use a ground floor."""

DISCIPLINE_WORDS: dict[Discipline, frozenset[str]] = {
    discipline: skill_words(words)
    for discipline, words in {
        Discipline.FINANCIAL: "financial finance financieel financiering financement "
        "boekhouding boekhouder accounting comptabilite fiscaliteit fiscalite",
        Discipline.LEGAL: "legal juridisch juridique jurist juriste lawyer advocaat avocat "
        "notaris notaire droit recht statuten statuts",
        Discipline.CONSTRUCTION: "construction constructie aannemer renovatie renovation "
        "technical technisch technique stabiliteit stabilite ingenieur engineer",
        Discipline.ARCHITECTURE: "architecture architect architectuur architecte",
        Discipline.ENERGY: "energy energie isolatie isolation insulation warmtepomp zonnepanelen",
        Discipline.PARTICIPATION: "participation participatie inspraak facilitator "
        "facilitation facilitatie cocreatie",
        Discipline.COMMUNICATION: "communication communicatie presse marketing",
        Discipline.DIGITAL: "digital digitaal numerique software website informatica informatique",
    }.items()
}
"""Words that name each discipline in the platform's languages: an expert whose skills hold
one of them (``skills.same_skill``) offers that discipline."""


@dataclass(frozen=True)
class Person:
    """What a public profile shows. The point is the centre of the home municipality."""

    roles: frozenset[PersonRole] = frozenset()
    skills: frozenset[str] = frozenset()
    municipality: str | None = None
    municipality_name: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class GroupSeeker:
    """A "seek space" listing open to a cooperative: its uses and where it looks."""

    uses: frozenset[Use] = frozenset()
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None


def score_person(search: PartnerSearch, person: Person) -> Match:
    """Score a person's public profile for a partner search, with one reason per factor."""
    reasons = [
        _judge_person_role(search, person),
        judge_skills(search.skills, person.skills),
        _judge_person_region(search, person),
    ]
    return _match(reasons)


def score_group_seeker(search: PartnerSearch, seeker: GroupSeeker) -> Match:
    """Score a group looking for space for a partner search, with one reason per factor."""
    reasons = [
        _judge_seeker_role(search, seeker),
        judge_skills(search.skills, frozenset()),
        _judge_seeker_region(search, seeker),
    ]
    return _match(reasons)


def _match(reasons: list[Reason]) -> Match:
    weighted = sum(WEIGHTS[Factor(reason.factor)] * reason.score for reason in reasons)
    return Match(score=(weighted + 50) // 100, reasons=reasons)


def member_roles(search: PartnerSearch) -> list[Role]:
    """The roles asked for that are not an expert's, in the vocabulary's order."""
    return [role for role in Role if role in search.roles and role not in ROLE_DISCIPLINES]


def roles_that_fill(search: PartnerSearch) -> frozenset[PersonRole]:
    """The people's roles that can take up one of the roles or disciplines asked for: what
    the database narrows profiles by."""
    found = {their for role in member_roles(search) for their in WHO_FILLS[role]}
    if search.disciplines:
        found.add(PersonRole.EXPERT)
    return frozenset(found)


def uses_that_fill(search: PartnerSearch) -> frozenset[Use]:
    """The uses of group seekers that can take up one of the roles asked for."""
    wanted = set(member_roles(search))
    return frozenset(use for use, roles in USES_FILL.items() if roles & wanted)


def named_disciplines(skills: frozenset[str]) -> frozenset[Discipline]:
    """The disciplines that some of these skill words name (``DISCIPLINE_WORDS``)."""
    return frozenset(
        discipline
        for discipline, words in DISCIPLINE_WORDS.items()
        if any(same_skill(skill, word) for skill in skills for word in words)
    )


def _judge_person_role(search: PartnerSearch, person: Person) -> Reason:
    """A role asked for that one of the person's roles fills; for the expertise asked for,
    an expert whose skills name it."""
    if not search.roles and not search.disciplines:
        return Reason(Factor.ROLE, FULL, gettext_noop("no role asked"))
    for role in member_roles(search):
        for their in PersonRole:
            if their in person.roles and their in WHO_FILLS[role]:
                message = gettext_noop("as {their_role}, could join as {role}")
                return Reason(Factor.ROLE, FULL, message, {"their_role": their, "role": role})
    if PersonRole.EXPERT in person.roles and search.disciplines:
        named = named_disciplines(person.skills) & search.disciplines
        if named:
            discipline = next(member for member in Discipline if member in named)
            message = gettext_noop("an expert in {discipline}, as you ask")
            return Reason(Factor.ROLE, FULL, message, {"discipline": discipline})
        message = gettext_noop("an expert, but the skills shown do not name the expertise you ask")
        return Reason(Factor.ROLE, ZERO, message)
    return Reason(Factor.ROLE, ZERO, gettext_noop("takes up none of the roles you ask"))


def _judge_seeker_role(search: PartnerSearch, seeker: GroupSeeker) -> Reason:
    """A role asked for that a group looking for space for one of its uses can take up."""
    if not search.roles and not search.disciplines:
        return Reason(Factor.ROLE, FULL, gettext_noop("no role asked"))
    for role in member_roles(search):
        for use in Use:
            if use in seeker.uses and role in USES_FILL[use]:
                message = gettext_noop(
                    "looks for space for {use}, open to a cooperative: could join as {role}"
                )
                return Reason(Factor.ROLE, FULL, message, {"use": use, "role": role})
    return Reason(Factor.ROLE, ZERO, gettext_noop("takes up none of the roles you ask"))


def distance_score(distance_km: float, radius_km: float) -> int:
    """As in ``matching``: 100 down to 80 at the radius, then down to 0 at twice it."""
    ratio = distance_km / radius_km
    return round(FULL - 20 * ratio) if ratio <= 1 else max(ZERO, round(80 * (2 - ratio)))


def _judge_person_region(search: PartnerSearch, person: Person) -> Reason:
    """Distance from the search's point to the person's home municipality, or that
    municipality among the search's."""
    has_point = person.latitude is not None and person.longitude is not None
    params: dict[str, object] = {"municipality": person.municipality_name or person.municipality}
    if search.has_point and has_point:
        distance_km = haversine_km(
            search.latitude, search.longitude, person.latitude, person.longitude
        )
        params.update(distance_km=round(distance_km, 1), place=search.place_label)
        if search.place_label:
            message = gettext_noop("lives in {municipality}, {distance_km} km from {place}")
        else:
            message = gettext_noop("lives in {municipality}, {distance_km} km away")
        return Reason(Factor.REGION, distance_score(distance_km, NEARBY_KM), message, params)
    if search.municipalities and person.municipality:
        if person.municipality in search.municipalities:
            message = gettext_noop("lives in {municipality}, one of your municipalities")
            return Reason(Factor.REGION, FULL, message, params)
        message = gettext_noop("lives in {municipality}, not one of your municipalities")
        return Reason(Factor.REGION, ZERO, message, params)
    if not search.has_point and not search.municipalities:
        return Reason(Factor.REGION, FULL, gettext_noop("no location asked"))
    return Reason(Factor.REGION, NEUTRAL, gettext_noop("home municipality not shown"))


def _judge_seeker_region(search: PartnerSearch, seeker: GroupSeeker) -> Reason:
    """The search's point in the area the group looks in (its point and radius), or a
    municipality they share."""
    seeker_has_point = seeker.latitude is not None and seeker.radius_km
    if search.has_point and seeker_has_point:
        distance_km = haversine_km(
            search.latitude, search.longitude, seeker.latitude, seeker.longitude
        )
        params = {
            "distance_km": round(distance_km, 1),
            "place": search.place_label,
            "radius_km": seeker.radius_km,
        }
        inside = distance_km <= seeker.radius_km
        messages = {
            (True, True): gettext_noop("{distance_km} km from {place}, where they look"),
            (True, False): gettext_noop("{distance_km} km away, where they look"),
            (False, True): gettext_noop(
                "{distance_km} km from {place}, beyond the {radius_km} km they look in"
            ),
            (False, False): gettext_noop(
                "{distance_km} km away, beyond the {radius_km} km they look in"
            ),
        }
        score = distance_score(distance_km, seeker.radius_km)
        return Reason(Factor.REGION, score, messages[inside, bool(search.place_label)], params)
    if search.municipalities and seeker.municipalities:
        if search.municipalities & seeker.municipalities:
            return Reason(Factor.REGION, FULL, gettext_noop("looks in your municipality"))
        return Reason(Factor.REGION, ZERO, gettext_noop("looks in other municipalities"))
    if not search.has_point and not search.municipalities:
        return Reason(Factor.REGION, FULL, gettext_noop("no location asked"))
    if not seeker_has_point and not seeker.municipalities:
        return Reason(Factor.REGION, FULL, gettext_noop("looks anywhere"))
    return Reason(Factor.REGION, NEUTRAL, gettext_noop("location unknown"))

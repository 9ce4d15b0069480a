"""Score how well an expert's offer fits a group's search for partners, and say why.

The sibling of ``matching`` for the other pair of listings: a *partner search* (a "seek
partners" listing, with the disciplines and skills it asks for) against an *expert offer* (an
"offer expertise" listing). Plain Python, the same ``Match`` and ``Reason`` and the same two
rules for missing data: nothing asked scores ``FULL``, asked but unknown scores ``NEUTRAL``.

Skills are compared as words (``skills``); the skills factor is the share of the asked skill
words that the offer names too. People who could join a group (public profiles, seekers open
to a cooperative) are scored against the same ``PartnerSearch`` in ``partners``.
"""

from dataclasses import dataclass
from enum import StrEnum

from openpromotor.geo.distance import haversine_km
from openpromotor.listings.matching import (
    ENGLISH_LABELS,
    FULL,
    NEUTRAL,
    ZERO,
    Match,
    Reason,
    gettext_noop,
)
from openpromotor.listings.skills import covered


class Discipline(StrEnum):
    FINANCIAL = "financial"
    LEGAL = "legal"
    CONSTRUCTION = "construction"
    ARCHITECTURE = "architecture"
    ENERGY = "energy"
    PARTICIPATION = "participation"
    COMMUNICATION = "communication"
    DIGITAL = "digital"


class Language(StrEnum):
    DUTCH = "nl"
    FRENCH = "fr"
    ENGLISH = "en"
    GERMAN = "de"


class Role(StrEnum):
    """Who a group looks for (the vocabulary of ``listings.vocabulary.Role``)."""

    CO_FOUNDER = "co_founder"
    MEMBER_HOUSEHOLD = "member_household"
    INVESTOR = "investor"
    ARCHITECT = "architect"
    LEGAL_HELP = "legal_help"
    FINANCIAL_HELP = "financial_help"
    CONSTRUCTION_HELP = "construction_help"
    GROUND_FLOOR_USER = "ground_floor_user"
    VOLUNTEER = "volunteer"


ROLE_DISCIPLINES: dict[Role, Discipline] = {
    Role.ARCHITECT: Discipline.ARCHITECTURE,
    Role.LEGAL_HELP: Discipline.LEGAL,
    Role.FINANCIAL_HELP: Discipline.FINANCIAL,
    Role.CONSTRUCTION_HELP: Discipline.CONSTRUCTION,
}
"""Roles that an expert fills: asking for the role is asking for the discipline."""


class Factor(StrEnum):
    DISCIPLINE = "discipline"
    SKILLS = "skills"
    REGION = "region"
    LANGUAGE = "language"


LABELS: dict[StrEnum, str] = {
    Discipline.FINANCIAL: gettext_noop("financial"),
    Discipline.LEGAL: gettext_noop("legal"),
    Discipline.CONSTRUCTION: gettext_noop("construction or technical"),
    Discipline.ARCHITECTURE: gettext_noop("architecture"),
    Discipline.ENERGY: gettext_noop("energy"),
    Discipline.PARTICIPATION: gettext_noop("participation"),
    Discipline.COMMUNICATION: gettext_noop("communication"),
    Discipline.DIGITAL: gettext_noop("digital"),
    Language.DUTCH: gettext_noop("Dutch"),
    Language.FRENCH: gettext_noop("French"),
    Language.ENGLISH: gettext_noop("English"),
    Language.GERMAN: gettext_noop("German"),
    Role.CO_FOUNDER: gettext_noop("co-founder"),
    Role.MEMBER_HOUSEHOLD: gettext_noop("member household"),
    Role.INVESTOR: gettext_noop("investor"),
    Role.ARCHITECT: gettext_noop("architect"),
    Role.LEGAL_HELP: gettext_noop("legal help"),
    Role.FINANCIAL_HELP: gettext_noop("financial help"),
    Role.CONSTRUCTION_HELP: gettext_noop("construction or technical help"),
    Role.GROUND_FLOOR_USER: gettext_noop("user of a ground floor"),
    Role.VOLUNTEER: gettext_noop("volunteer"),
}
ENGLISH_LABELS.update(LABELS)

WEIGHTS: dict[Factor, int] = {
    Factor.DISCIPLINE: 45,  # an architect cannot stand in for a lawyer
    Factor.SKILLS: 20,  # within a discipline, the know-how the group named
    Factor.REGION: 20,  # guidance means site visits and meetings
    Factor.LANGUAGE: 15,  # groups in Brussels or on the language border need a shared one
}
"""How much each factor counts, out of 100."""


@dataclass(frozen=True)
class PartnerSearch:
    """What a group asks: the roles it wants filled, the disciplines (those of the roles an
    expert fills included), skills as words (``skills.skill_words``), where, languages."""

    roles: frozenset[Role] = frozenset()
    disciplines: frozenset[Discipline] = frozenset()
    skills: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    place_label: str = ""
    languages: frozenset[Language] = frozenset()

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class ExpertOffer:
    """What an expert offers; the region served is municipalities and/or a point and radius."""

    disciplines: frozenset[Discipline] = frozenset()
    skills: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    languages: frozenset[Language] = frozenset()


def score_expert(search: PartnerSearch, offer: ExpertOffer) -> Match:
    """Score an expert's offer for a partner search from 0 to 100, with one reason per factor."""
    reasons = [
        _judge_disciplines(search, offer),
        judge_skills(search.skills, offer.skills),
        _judge_region(search, offer),
        _judge_languages(search, offer),
    ]
    weighted = sum(WEIGHTS[reason.factor] * reason.score for reason in reasons)
    return Match(score=(weighted + 50) // 100, reasons=reasons)


def _judge_disciplines(search: PartnerSearch, offer: ExpertOffer) -> Reason:
    """The share of the asked disciplines that the expert covers."""
    if not search.disciplines:
        return Reason(Factor.DISCIPLINE, FULL, gettext_noop("no expertise asked"))
    if not offer.disciplines:
        return Reason(Factor.DISCIPLINE, NEUTRAL, gettext_noop("disciplines unknown"))
    covered = search.disciplines & offer.disciplines
    if not covered:
        message = gettext_noop("offers none of the disciplines you ask")
        return Reason(Factor.DISCIPLINE, ZERO, message)
    params = {"discipline": _first(covered, Discipline)}
    if covered == search.disciplines:
        return Reason(
            Factor.DISCIPLINE, FULL, gettext_noop("offers {discipline}, as you ask"), params
        )
    params.update(count=len(covered), asked=len(search.disciplines))
    message = gettext_noop("offers {discipline}: {count} of the {asked} disciplines you ask")
    return Reason(
        Factor.DISCIPLINE, FULL * len(covered) // len(search.disciplines), message, params
    )


def judge_skills(asked: frozenset[str], offered: frozenset[str]) -> Reason:
    """The share of the asked skill words that the other side names too (``skills.covered``)."""
    if not asked:
        return Reason(Factor.SKILLS, FULL, gettext_noop("no skills asked"))
    if not offered:
        return Reason(Factor.SKILLS, NEUTRAL, gettext_noop("skills unknown"))
    shared = covered(asked, offered)
    if not shared:
        return Reason(Factor.SKILLS, ZERO, gettext_noop("names none of the skills you ask"))
    params = {"skills": ", ".join(shared), "count": len(shared), "asked": len(asked)}
    if len(shared) == len(asked):
        return Reason(Factor.SKILLS, FULL, gettext_noop("names {skills}, as you ask"), params)
    message = gettext_noop("names {skills}: {count} of the {asked} skills you ask")
    return Reason(Factor.SKILLS, FULL * len(shared) // len(asked), message, params)


def _judge_region(search: PartnerSearch, offer: ExpertOffer) -> Reason:
    """Within the radius the expert serves (down to 0 at twice it), or a shared municipality."""
    has_search_point = search.has_point
    if has_search_point and offer.latitude is not None and offer.radius_km:
        distance_km = haversine_km(
            search.latitude, search.longitude, offer.latitude, offer.longitude
        )
        ratio = distance_km / offer.radius_km
        params = {"distance_km": round(distance_km, 1), "radius_km": offer.radius_km}
        if ratio <= 1:
            message = gettext_noop("{distance_km} km away, within the {radius_km} km served")
            return Reason(Factor.REGION, FULL, message, params)
        message = gettext_noop("{distance_km} km away, beyond the {radius_km} km served")
        return Reason(Factor.REGION, max(ZERO, round(FULL * (2 - ratio))), message, params)
    if search.municipalities and offer.municipalities:
        if search.municipalities & offer.municipalities:
            return Reason(Factor.REGION, FULL, gettext_noop("works in your municipality"))
        message = gettext_noop("does not work in your municipalities")
        return Reason(Factor.REGION, ZERO, message)
    if not has_search_point and not search.municipalities:
        return Reason(Factor.REGION, FULL, gettext_noop("no location asked"))
    return Reason(Factor.REGION, NEUTRAL, gettext_noop("region served unknown"))


def _judge_languages(search: PartnerSearch, offer: ExpertOffer) -> Reason:
    if not search.languages:
        return Reason(Factor.LANGUAGE, FULL, gettext_noop("no language asked"))
    if not offer.languages:
        return Reason(Factor.LANGUAGE, NEUTRAL, gettext_noop("languages unknown"))
    shared = search.languages & offer.languages
    if shared:
        params = {"language": _first(shared, Language)}
        return Reason(Factor.LANGUAGE, FULL, gettext_noop("speaks {language}"), params)
    return Reason(Factor.LANGUAGE, ZERO, gettext_noop("speaks none of your languages"))


def _first(values: frozenset, vocabulary: type[StrEnum]) -> StrEnum:
    """The first value in the vocabulary's order, so reasons do not depend on set order."""
    return next(member for member in vocabulary if member in values)

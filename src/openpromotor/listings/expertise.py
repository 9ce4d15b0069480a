"""Score how well an expert's offer fits a group's search for partners, and say why.

The sibling of ``matching`` for the other pair of listings: a *partner search* (a "seek
partners" listing, with the disciplines it asks for) against an *expert offer* (an "offer
expertise" listing). Plain Python, the same ``Match`` and ``Reason`` and the same two rules for
missing data: nothing asked scores ``FULL``, asked but unknown scores ``NEUTRAL``.
"""

from dataclasses import dataclass
from enum import StrEnum

from openpromotor.geo.distance import haversine_km
from openpromotor.listings.matching import FULL, NEUTRAL, ZERO, Match, Reason, gettext_noop


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


class Factor(StrEnum):
    DISCIPLINE = "discipline"
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
}

WEIGHTS: dict[Factor, int] = {
    Factor.DISCIPLINE: 60,  # an architect cannot stand in for a lawyer
    Factor.REGION: 25,  # guidance means site visits and meetings
    Factor.LANGUAGE: 15,  # groups in Brussels or on the language border need a shared one
}
"""How much each factor counts, out of 100."""


@dataclass(frozen=True)
class PartnerSearch:
    """What a group asks: disciplines (roles an expert can fill included), where, languages."""

    disciplines: frozenset[Discipline] = frozenset()
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    place_label: str = ""
    languages: frozenset[Language] = frozenset()


@dataclass(frozen=True)
class ExpertOffer:
    """What an expert offers; the region served is municipalities and/or a point and radius."""

    disciplines: frozenset[Discipline] = frozenset()
    municipalities: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    languages: frozenset[Language] = frozenset()


def score_expert(search: PartnerSearch, offer: ExpertOffer) -> Match:
    """Score an expert's offer for a partner search from 0 to 100, with one reason per factor."""
    reasons = [
        _judge_disciplines(search, offer),
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


def _judge_region(search: PartnerSearch, offer: ExpertOffer) -> Reason:
    """Within the radius the expert serves (down to 0 at twice it), or a shared municipality."""
    has_search_point = search.latitude is not None and search.longitude is not None
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

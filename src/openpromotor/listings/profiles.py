"""Experts' public profiles that fit a search for partners, by the words they show.

Only what people chose to show counts: a public profile that shows its roles, with the expert
role among them; its bio and organisation only when those are shown too. A profile fits when it
shares a word (of four letters or more) with the search's skills or with the names, in any of
the platform's languages, of the roles and disciplines the search asks for.
"""

import re

from django.conf import settings
from django.utils import translation

from openpromotor.accounts.models import Role, User
from openpromotor.listings.vocabulary import Discipline
from openpromotor.listings.vocabulary import Role as WantedRole

WORD = re.compile(r"\w{4,}")
LIMIT = 5
MAX_PROFILES = 500


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text or "")}


def wanted_words(listing) -> set[str]:
    found = words(listing.skills)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for role in listing.roles:
                found |= words(str(WantedRole(role).label))
            for discipline in listing.disciplines:
                found |= words(str(Discipline(discipline).label))
    return found


def expert_profiles_for(listing, limit: int = LIMIT) -> list[tuple[User, list[str]]]:
    """(person, shared words) for the best-fitting public expert profiles, most words first."""
    wanted = wanted_words(listing)
    if not wanted:
        return []
    experts = (
        User.objects.filter(
            is_active=True, profile_is_public=True, show_roles=True, role_set__role=Role.EXPERT
        )
        .exclude(pk=listing.author_id)
        .order_by("pk")[:MAX_PROFILES]
    )
    found = []
    for person in experts:
        shown = " ".join(
            text
            for text, visible in (
                (person.bio, person.show_bio),
                (person.organisation, person.show_organisation),
            )
            if visible
        )
        shared = wanted & words(shown)
        if shared:
            found.append((person, sorted(shared)))
    found.sort(key=lambda pair: (-len(pair[1]), pair[0].pk))
    return found[:limit]

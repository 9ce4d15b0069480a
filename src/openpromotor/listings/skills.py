"""Skills as words: what a search for partners asks for, and what experts and people offer.

Skills are free text, e.g. "timmerwerk, boekhouding; cooperative law". They are compared word
by word (``skill_words``): in lower case, without accents, leaving out words of fewer than
three letters and common linking words of the platform's languages. Two words name the same
skill (``same_skill``) when they are equal, or when their first ``max(5, ⅔ of the shorter
word)`` letters are: "architect" and "architectuur", "boekhouder" and "boekhouding",
"energie" and "energy" match; "particulier" and "participatie" do not. That is how the same
skill written in Dutch, French or English, or as a person rather than a craft, still meets.

Plain Python (no Django), like the scoring functions that use it.
"""

import math
import re
import unicodedata

MIN_LETTERS = 3
SHARED_LETTERS = 5
"""Two different words must share at least this many first letters to name the same skill."""

ENGLISH_STOP_WORDS = "and the for with from our your are not but all any also other help"
DUTCH_STOP_WORDS = (
    "een het van voor met aan bij die dat door ook als wij ons onze zijn naar maar niet over "
    "hulp alle andere"
)
FRENCH_STOP_WORDS = (
    "les des une pour avec dans sur par aux est pas qui que nous votre vos aide autres"
)
GERMAN_STOP_WORDS = "und der die das mit fur ein eine"
STOP_WORDS = frozenset(
    " ".join((ENGLISH_STOP_WORDS, DUTCH_STOP_WORDS, FRENCH_STOP_WORDS, GERMAN_STOP_WORDS)).split()
)
"""Linking words (folded) that name no skill."""

WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """Lower case without accents: "Énergie" → "energie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def skill_words(text: str) -> frozenset[str]:
    """The words of a skills text that can name a skill, folded (see ``fold``)."""
    return frozenset(
        word
        for word in WORD.findall(fold(text or ""))
        if len(word) >= MIN_LETTERS and word not in STOP_WORDS
    )


def same_skill(first: str, second: str) -> bool:
    """Whether two folded words name the same skill (see the module's description)."""
    if first == second:
        return True
    needed = max(SHARED_LETTERS, math.ceil(2 * min(len(first), len(second)) / 3))
    return min(len(first), len(second)) >= needed and first[:needed] == second[:needed]


def covered(asked: frozenset[str], offered: frozenset[str]) -> list[str]:
    """The asked words that some offered word names too, in alphabetical order."""
    return sorted(word for word in asked if any(same_skill(word, other) for other in offered))

"""Compare two texts line by line (``difflib``), and the words of a changed line, for a page
that marks additions and removals with more than colour (signs, labels, ``<ins>``/``<del>``)."""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SAME, ADDED, REMOVED = "same", "added", "removed"
SIMILAR = 0.5
"""Two lines at the same place that share at least this much are shown as one changed line
(with the changed words marked); less alike, they are a removed and an added line."""


@dataclass(frozen=True)
class Part:
    text: str
    changed: bool


@dataclass
class Line:
    kind: str
    parts: list[Part] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.parts)


@dataclass
class Diff:
    lines: list[Line]

    @property
    def added(self) -> int:
        return sum(line.kind == ADDED for line in self.lines)

    @property
    def removed(self) -> int:
        return sum(line.kind == REMOVED for line in self.lines)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed)


def _words(line: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", line)


def _parts(text: str, changed: bool) -> list[Part]:
    """A changed run of words, with the spaces around it left unmarked."""
    core = text.strip()
    if not changed or not core:
        return [Part(text, False)]
    start = text.index(core)
    around = [Part(text[:start], False), Part(core, True), Part(text[start + len(core) :], False)]
    return [part for part in around if part.text]


def _whole(kind: str, line: str) -> Line:
    return Line(kind, [Part(line, True)])


def _changed_pair(old: str, new: str) -> list[Line]:
    """A line changed in place: the old one with its removed words, the new one with its added
    words; or, when the two hardly look alike, a whole removed and a whole added line."""
    matcher = SequenceMatcher(a=_words(old), b=_words(new), autojunk=False)
    if matcher.ratio() < SIMILAR:
        return [_whole(REMOVED, old), _whole(ADDED, new)]
    before, after = Line(REMOVED), Line(ADDED)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        before.parts += _parts("".join(matcher.a[i1:i2]), changed) if i2 > i1 else []
        after.parts += _parts("".join(matcher.b[j1:j2]), changed) if j2 > j1 else []
    return [before, after]


def compare(old: list[str], new: list[str]) -> Diff:
    """Every line of both texts in reading order, each marked same, added or removed."""
    lines: list[Line] = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [Line(SAME, [Part(line, False)]) for line in old[i1:i2]]
            continue
        removed, added = old[i1:i2], new[j1:j2]
        for before, after in zip(removed, added, strict=False):
            lines += _changed_pair(before, after)
        lines += [_whole(REMOVED, line) for line in removed[len(added) :]]
        lines += [_whole(ADDED, line) for line in added[len(removed) :]]
    return Diff(lines)

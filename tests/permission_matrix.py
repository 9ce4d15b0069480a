"""The permission matrices written down in docs/permissions.md, as the tests read them.

The tables in the docs are the source: each app's permission tests read its table, so the docs
and the rules cannot drift apart without a failing test. A row starts with the permission in
backquotes (``| `view_story` |`` for the projects app, ``| `charters.sign_version` |`` for the
others) and has one cell per principal, in the order of ``PRINCIPALS``.
"""

import re
from pathlib import Path

import rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "permissions.md"
PRINCIPALS = [
    "coordinator",
    "member",
    "expert",
    "owner",
    "municipality",
    "observer",
    "outsider",
    "moderator",
    "anonymous",
]


def read_matrix(app: str = "") -> dict[str, dict[str, str]]:
    """``{permission: {principal: cell}}`` of an app's table (the projects table without
    ``app``), permissions without the app's prefix."""
    prefix = rf"{app}\." if app else ""
    row = re.compile(rf"\| `{prefix}(\w+)` \|")
    found = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        match = row.match(line)
        if match:
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            assert len(cells) == 2 + len(PRINCIPALS), line
            found[match.group(1)] = dict(zip(PRINCIPALS, cells[2:], strict=True))
    return found


def registered_permissions(app: str) -> set[str]:
    """The permissions an app's ``rules.py`` registered, without the app's prefix."""
    return {
        name.removeprefix(f"{app}.")
        for name in rules.permissions.permissions
        if name.startswith(f"{app}.")
    }

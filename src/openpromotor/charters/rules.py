"""Who may do what with a project's charter (predicates for the ``rules`` package).

docs/permissions.md ("Charter") writes the same matrix down; tests/charters/test_permissions.py
reads it. Every permission takes a project (or a version or section of it), except
``change_comment``, which takes a comment.

The rules say who may act; the services in ``sections.py`` and ``adoption.py`` say when (an
adopted version is frozen, only the newest adopted version can be signed, once per person).
"""

import rules

from openpromotor.accounts.rules import can_contribute
from openpromotor.projects.models import Part
from openpromotor.projects.rules import (
    can_decide,
    can_speak,
    can_work,
    is_comment_author,
    is_coordinator,
    is_member,
    part_is_public,
)


@rules.predicate
def is_live_comment(user, comment) -> bool:
    return comment is not None and not comment.is_deleted


rules.add_perm("charters.view_adopted_version", is_member | part_is_public(Part.CHARTER))
rules.add_perm("charters.view_drafts", is_member)
rules.add_perm("charters.edit_section", can_contribute & can_work)
rules.add_perm("charters.comment", can_contribute & can_speak)
rules.add_perm(
    "charters.change_comment", can_contribute & is_comment_author & can_speak & is_live_comment
)
rules.add_perm("charters.adopt_version", can_contribute & is_coordinator)
rules.add_perm("charters.sign_version", can_contribute & can_decide)

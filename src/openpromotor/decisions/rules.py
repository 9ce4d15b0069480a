"""Who may do what with proposals (predicates for the ``rules`` package).

docs/permissions.md (section "Decisions") writes the same matrix down for people, and
tests/decisions/test_permissions.py holds the two together. Every permission takes a project or
a proposal. Only coordinators and members vote (``DECIDING_ROLES``), as the issue asks; the
other members read along. Writing needs a verified e-mail address, like everywhere.
"""

import rules

from openpromotor.accounts.rules import can_contribute
from openpromotor.projects.rules import can_decide, is_coordinator, is_member

rules.add_perm("decisions.view_proposals", is_member)
rules.add_perm("decisions.open_proposal", can_contribute & can_decide)
rules.add_perm("decisions.vote", can_contribute & can_decide)
rules.add_perm("decisions.close_proposal", can_contribute & is_coordinator)
rules.add_perm("decisions.record_outcome", can_contribute & is_coordinator)

PERMISSIONS = ["view_proposals", "open_proposal", "vote", "close_proposal", "record_outcome"]

"""Who may do what with feasibility plans (predicates for the ``rules`` package).

A plan is private to its owner. Creating one is a contribution, so it needs a verified e-mail
address (``accounts.contribute``). A share link is not a permission of a user: whoever holds the
random token may read the plan through the share views, which accept only GET and HEAD, so the
link can never change anything. Everyone else gets a 404, so a plan's existence is not revealed.
"""

import rules

from openpromotor.accounts.rules import can_contribute


@rules.predicate
def is_plan_owner(user, plan) -> bool:
    return user.is_authenticated and plan is not None and plan.owner_id == user.pk


rules.add_perm("feasibility.add_plan", can_contribute)
rules.add_perm("feasibility.view_plan", is_plan_owner)
rules.add_perm("feasibility.change_plan", is_plan_owner & can_contribute)

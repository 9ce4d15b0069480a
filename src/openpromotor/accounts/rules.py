"""Who may do what with accounts and profiles (predicates for the ``rules`` package)."""

import rules
from allauth.account.models import EmailAddress

from openpromotor.accounts.models import MODERATORS_GROUP, STAFF_GROUP


@rules.predicate
def is_verified(user) -> bool:
    """Has a verified e-mail address: required before contributing anything."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_verified"):
        user._is_verified = EmailAddress.objects.filter(user=user, verified=True).exists()
    return user._is_verified


def _group_names(user) -> set[str]:
    """The person's groups, read once per request: templates ask for them many times."""
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


@rules.predicate
def is_moderator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or MODERATORS_GROUP in _group_names(user))


@rules.predicate
def is_staff_member(user) -> bool:
    return user.is_authenticated and (user.is_superuser or STAFF_GROUP in _group_names(user))


@rules.predicate
def is_self(user, person) -> bool:
    return user.is_authenticated and person is not None and user.pk == person.pk


@rules.predicate
def has_public_profile(user, person) -> bool:
    return person is not None and person.is_active and person.profile_is_public


can_contribute = rules.is_active & is_verified

rules.add_perm("accounts.contribute", can_contribute)
rules.add_perm("accounts.moderate", is_moderator)
rules.add_perm("accounts.change_profile", is_self)
rules.add_perm("accounts.view_profile", is_self | has_public_profile)

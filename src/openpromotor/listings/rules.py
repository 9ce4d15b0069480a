"""Who may do what with listings and saved searches (predicates for the ``rules`` package)."""

import rules

from openpromotor.accounts.rules import can_contribute, is_moderator
from openpromotor.listings.vocabulary import ClosedReason, Status


@rules.predicate
def is_published(user, listing) -> bool:
    return listing.status == Status.PUBLISHED


@rules.predicate
def is_author(user, listing) -> bool:
    return user.is_authenticated and listing.author_id == user.pk


@rules.predicate
def can_be_published(user, listing) -> bool:
    """A draft, or an expired or closed listing that a moderator did not remove."""
    if listing.status in (Status.DRAFT, Status.EXPIRED):
        return True
    return listing.status == Status.CLOSED and listing.closed_reason != ClosedReason.REMOVED


@rules.predicate
def is_removed(user, listing) -> bool:
    return listing.closed_reason == ClosedReason.REMOVED


@rules.predicate
def is_owner_of_search(user, search) -> bool:
    return user.is_authenticated and search.user_id == user.pk


rules.add_perm("listings.add_listing", can_contribute)
rules.add_perm("listings.view_listing", is_published | is_author | is_moderator)
rules.add_perm("listings.change_listing", can_contribute & is_author & ~is_removed)
rules.add_perm(
    "listings.publish_listing", can_contribute & is_author & (can_be_published | is_published)
)
rules.add_perm("listings.close_listing", is_author & is_published)
rules.add_perm("listings.report_listing", can_contribute & is_published & ~is_author)
rules.add_perm("listings.moderate", is_moderator)
rules.add_perm("listings.change_savedsearch", is_owner_of_search)
rules.add_perm("listings.save_search", can_contribute)

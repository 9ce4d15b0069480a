"""Who may do what with places (predicates for the ``rules`` package)."""

import rules

from openpromotor.accounts.rules import can_contribute, is_moderator
from openpromotor.places.models import ModerationItem, Status


@rules.predicate
def is_published(user, place) -> bool:
    return place.status == Status.PUBLISHED


@rules.predicate
def is_reporter(user, place) -> bool:
    return user.is_authenticated and place.reporter_id == user.pk


@rules.predicate
def is_owner(user, place) -> bool:
    return user.is_authenticated and place.owner_id == user.pk


@rules.predicate
def has_owner(user, place) -> bool:
    return place.owner_id is not None


@rules.predicate
def is_moderator_for(user, place) -> bool:
    """A moderator, limited to their municipalities when they have any."""
    if not is_moderator(user):
        return False
    scopes = set(user.moderator_scopes.values_list("municipality_id", flat=True))
    return not scopes or place.municipality_id in scopes


@rules.predicate
def shows_exact_location(user, place) -> bool:
    return not place.location_is_approximate


@rules.predicate
def has_open_claim(user, place) -> bool:
    return place.moderation_items.filter(
        kind=ModerationItem.Kind.CLAIM, state=ModerationItem.State.OPEN
    ).exists()


rules.add_perm("places.report_place", can_contribute)
rules.add_perm("places.view_place", is_published | is_reporter | is_owner | is_moderator_for)
rules.add_perm("places.change_place", can_contribute & (is_owner | is_moderator_for))
rules.add_perm("places.moderate_place", is_moderator_for)
rules.add_perm("places.moderate", is_moderator)
rules.add_perm("places.view_exact_location", shows_exact_location | is_owner | is_moderator_for)
rules.add_perm("places.claim_place", can_contribute & is_published & ~has_owner & ~has_open_claim)
rules.add_perm("places.follow_place", can_contribute & is_published)
rules.add_perm("places.add_photo", can_contribute & (is_reporter | is_owner | is_moderator_for))
rules.add_perm("places.suggest_correction", can_contribute & is_published)
rules.add_perm("places.report_abuse", can_contribute & is_published)

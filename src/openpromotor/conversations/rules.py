"""Who may read and write which messages (predicates for the ``rules`` package)."""

import rules

from openpromotor.accounts.rules import can_contribute, is_moderator
from openpromotor.conversations.models import Block


@rules.predicate
def is_party(user, conversation) -> bool:
    return conversation.has_party(user)


@rules.predicate
def is_blocked(user, conversation) -> bool:
    """Either party blocked the other."""
    other = conversation.other_party(user)
    return other is None or blocks_between(user, other)


@rules.predicate
def is_sender(user, message) -> bool:
    return user.is_authenticated and message.sender_id == user.pk


@rules.predicate
def is_party_of_message(user, message) -> bool:
    return message.conversation.has_party(user)


def blocks_between(user, other) -> bool:
    return Block.objects.filter(
        blocker__in=[user.pk, other.pk], blocked__in=[user.pk, other.pk]
    ).exists()


rules.add_perm("conversations.view_conversation", is_party)
rules.add_perm("conversations.reply", can_contribute & is_party & ~is_blocked)
rules.add_perm("conversations.report_message", is_party_of_message & ~is_sender)
rules.add_perm("conversations.moderate", is_moderator)

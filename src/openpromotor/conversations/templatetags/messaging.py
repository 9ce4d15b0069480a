"""The unread-messages badge in the navigation, and reported messages in the moderation queue."""

from django import template
from django.db.models import Q
from django.utils.translation import gettext as _

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.conversations.models import Message, MessageReport

register = template.Library()


@register.filter
def party_name(user, conversation) -> str:
    """A party's name as the conversation shows it: a building's owner stays anonymous."""
    if conversation.hides(user):
        return _("the owner")
    return person_name(user)


@register.simple_tag
def unread_message_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return (
        Message.objects.filter(read_at__isnull=True)
        .filter(Q(conversation__starter=user) | Q(conversation__recipient=user))
        .exclude(sender=user)
        .count()
    )


@register.simple_tag
def open_message_reports(user):
    if not user.has_perm("conversations.moderate"):
        return []
    return MessageReport.objects.filter(state=MessageReport.State.OPEN).select_related(
        "message", "message__sender", "reporter"
    )[:100]

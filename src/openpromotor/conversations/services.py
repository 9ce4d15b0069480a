"""Starting conversations, sending messages, blocking and reporting.

A message is one atomic change; the notice to the other party (in-app and by e-mail, never
with the sender's address) goes out as a background task once it is committed.
"""

from django.db import transaction
from django.utils import timezone

from openpromotor.conversations.models import Block, Conversation, Message, MessageReport
from openpromotor.conversations.tasks import notify_message


@transaction.atomic
def start(starter, recipient, body: str, listing=None, place=None) -> Conversation:
    """Write to the author of a listing or the owner of a place; a second time about the same
    subject continues the same conversation."""
    subject = listing or place
    conversation = (
        Conversation.objects.filter(listing=listing, place=place)
        .filter(starter__in=[starter, recipient], recipient__in=[starter, recipient])
        .first()
    )
    if conversation is None:
        conversation = Conversation.objects.create(
            listing=listing,
            place=place,
            subject=subject.title,
            starter=starter,
            recipient=recipient,
        )
    send(conversation, starter, body)
    return conversation


@transaction.atomic
def send(conversation: Conversation, sender, body: str) -> Message:
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, created_at=now
    )
    conversation.last_message_at = now
    conversation.save(update_fields=["last_message_at"])
    transaction.on_commit(lambda: notify_message.enqueue(message.pk))
    return message


def mark_read(conversation: Conversation, reader) -> None:
    conversation.messages.filter(read_at__isnull=True).exclude(sender=reader).update(
        read_at=timezone.now()
    )


def toggle_block(blocker, blocked) -> bool:
    """Block the other party, or lift the block; returns whether they are blocked now."""
    existing = Block.objects.filter(blocker=blocker, blocked=blocked)
    if existing.exists():
        existing.delete()
        return False
    Block.objects.create(blocker=blocker, blocked=blocked)
    return True


@transaction.atomic
def decide(report: MessageReport, moderator, accept: bool) -> None:
    """Accepting a report hides the message from both parties."""
    report.state = MessageReport.State.ACCEPTED if accept else MessageReport.State.DECLINED
    report.decided_by = moderator
    report.decided_at = timezone.now()
    report.save(update_fields=["state", "decided_by", "decided_at"])
    if accept:
        Message.objects.filter(pk=report.message_id).update(hidden=True)

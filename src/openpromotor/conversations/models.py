"""Private messages: a conversation between two people about a listing or a building.

Only the two parties read a conversation; moderators see a message only when one of them
reports it. Nobody ever sees the other party's e-mail address: notices go out from the
platform's address and answers are written on the platform. In a conversation about a
building, its owner is shown as "the owner", never by name: the public never learns who owns
a building.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConversationQuerySet(models.QuerySet):
    def involving(self, user):
        return self.filter(Q(starter=user) | Q(recipient=user))


class Conversation(models.Model):
    """``starter`` wrote first; ``recipient`` is the listing's author or the building's owner.

    A party who deletes their account becomes NULL ("former member"): the other keeps the
    conversation.
    """

    listing = models.ForeignKey(
        "listings.Listing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
    )
    subject = models.CharField(_("subject"), max_length=140)
    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at"]
        indexes = [
            models.Index(fields=["starter", "-last_message_at"], name="conversation_starter"),
            models.Index(fields=["recipient", "-last_message_at"], name="conversation_recipient"),
        ]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("conversations:detail", args=[self.pk])

    def has_party(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.starter_id, self.recipient_id)

    def other_party(self, user):
        return self.recipient if user.pk == self.starter_id else self.starter

    def hides(self, user) -> bool:
        """Whether this party is a building's owner, shown as "the owner" and not by name."""
        return self.place_id is not None and user is not None and user.pk == self.recipient_id


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "read_at"], name="message_unread")]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:60]


class Block(models.Model):
    """``blocker`` no longer receives messages from ``blocked`` (nor the other way round)."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="unique_block")]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"


class MessageReport(models.Model):
    """A party reports a message; moderators decide in the shared moderation queue."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("what is wrong?"), max_length=2000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state"], name="message_report_state")]
        verbose_name = _("message report")
        verbose_name_plural = _("message reports")

    def __str__(self):
        return self.text[:60]

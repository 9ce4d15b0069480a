from django.contrib import admin

from openpromotor.conversations.models import Block, Conversation, MessageReport


@admin.register(MessageReport)
class MessageReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "state", "reporter", "text"]
    list_filter = ["state"]
    raw_id_fields = ["message", "reporter", "decided_by"]


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    raw_id_fields = ["blocker", "blocked"]


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    """Metadata only: the messages themselves stay private to the two parties."""

    list_display = ["subject", "starter", "recipient", "last_message_at"]
    fields = ["subject", "listing", "place", "starter", "recipient", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

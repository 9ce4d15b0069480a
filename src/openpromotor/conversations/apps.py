from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "openpromotor.conversations"
    label = "conversations"
    verbose_name = _("Messages")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data": the messages I sent, and whom I blocked."""
        from openpromotor.conversations.models import Block, Message

        return {
            "messages_sent": [
                {
                    "conversation": message.conversation_id,
                    "body": message.body,
                    "created_at": message.created_at.isoformat(),
                }
                for message in Message.objects.filter(sender=user)
            ],
            "blocked": [block.blocked.display_name for block in Block.objects.filter(blocker=user)],
        }

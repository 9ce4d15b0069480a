"""Background notices about messages."""

from django.utils.translation import gettext_noop
from django_tasks import task

from openpromotor.core.notify import notify

NEW_MESSAGE = gettext_noop(
    "{name} sent you a message about “{subject}”. Read and answer it on Open Promotor."
)
OWNER_MESSAGE = gettext_noop(
    "The owner of “{subject}” sent you a message. Read and answer it on Open Promotor."
)


@task()
def notify_message(message_id: int) -> bool:
    """Tell the other party about a new message: in the app and by e-mail, without the text
    (which stays on the platform) and without anyone's e-mail address."""
    from openpromotor.conversations.models import Message

    message = Message.objects.select_related("conversation", "sender").filter(pk=message_id).first()
    if message is None or message.sender is None:
        return False
    recipient = message.conversation.other_party(message.sender)
    if recipient is None or not recipient.is_active:
        return False
    conversation = message.conversation
    params = {"name": message.sender.display_name, "subject": conversation.subject}
    template = OWNER_MESSAGE if conversation.hides(message.sender) else NEW_MESSAGE
    notify(recipient, template, params, conversation.get_absolute_url())
    return True

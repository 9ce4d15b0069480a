"""Comments on a charter section: posting one tells the other members; editing and deleting
one's own."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from openpromotor.charters.models import Comment
from openpromotor.projects import activity
from openpromotor.projects.models import EventKind, Part


@transaction.atomic
def post_comment(section, author, body: str) -> Comment:
    comment = Comment.objects.create(section=section, author=author, body=body)
    activity.record(
        section.project,
        author,
        EventKind.CHARTER,
        Part.CHARTER,
        gettext_noop("{name} commented on the charter section “{section}”."),
        {"name": author.display_name, "section": section.title},
        comment.get_absolute_url(),
    )
    return comment


def edit_comment(comment, body: str) -> Comment:
    comment.body, comment.edited_at = body, timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


def delete_comment(comment) -> None:
    """The text goes; the comment keeps its place so the replies after it still make sense."""
    comment.body, comment.deleted_at = "", timezone.now()
    comment.save(update_fields=["body", "deleted_at"])

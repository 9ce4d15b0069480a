"""Threads and comments, with @mentions that notify and hiding with a reason.

A mention is ``@`` followed by a member's display name (``@Lotte Peeters``); only members of
the project can be mentioned, so a mention never sends project content to anyone else.
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from openpromotor.projects import activity
from openpromotor.projects.models import Comment, EventKind, Mention, Part, Thread


def mentioned_members(project, text: str, author=None) -> list:
    """The members (other than the author) whose ``@display name`` appears in the text."""
    found = []
    memberships = project.memberships.select_related("user").exclude(user=author)
    for membership in memberships:
        name = membership.user.display_name.strip()
        if name and re.search(rf"(?<![\w@])@{re.escape(name)}(?!\w)", text, re.IGNORECASE):
            found.append(membership.user)
    return found


def _notify_mentions(comment, actor, new_mentions) -> None:
    if new_mentions:
        activity.record(
            comment.thread.project,
            actor,
            EventKind.MENTION,
            Part.DISCUSSIONS,
            gettext_noop("{name} mentioned {mentioned} in “{thread}”."),
            {
                "name": actor.display_name,
                "mentioned": ", ".join(user.display_name for user in new_mentions),
                "thread": comment.thread.title,
            },
            comment.get_absolute_url(),
            audience=new_mentions,
        )


def _save_mentions(comment, actor) -> list:
    """Remember who the comment mentions; returns the people mentioned for the first time."""
    mentioned = mentioned_members(comment.thread.project, comment.body, author=actor)
    known = set(comment.mentions.values_list("user_id", flat=True))
    new = [user for user in mentioned if user.pk not in known]
    Mention.objects.bulk_create(Mention(comment=comment, user=user) for user in new)
    return new


def _others(project, actor, excluded) -> list:
    skip = {user.pk for user in excluded} | {actor.pk}
    return [m.user for m in project.memberships.select_related("user") if m.user_id not in skip]


@transaction.atomic
def start_thread(project, author, title, body, phase=None, task=None) -> Thread:
    thread = Thread.objects.create(
        project=project, title=title, phase=phase, task=task, author=author
    )
    comment = Comment.objects.create(thread=thread, author=author, body=body)
    mentioned = _save_mentions(comment, author)
    activity.record(
        project,
        author,
        EventKind.DISCUSSION,
        Part.DISCUSSIONS,
        gettext_noop("{name} started the discussion “{thread}”."),
        {"name": author.display_name, "thread": title},
        thread.get_absolute_url(),
        audience=_others(project, author, mentioned),
    )
    _notify_mentions(comment, author, mentioned)
    return thread


@transaction.atomic
def post_comment(thread, author, body) -> Comment:
    comment = Comment.objects.create(thread=thread, author=author, body=body)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=comment.created_at)
    mentioned = _save_mentions(comment, author)
    activity.record(
        thread.project,
        author,
        EventKind.DISCUSSION,
        Part.DISCUSSIONS,
        gettext_noop("{name} replied in “{thread}”."),
        {"name": author.display_name, "thread": thread.title},
        comment.get_absolute_url(),
        audience=_others(thread.project, author, mentioned),
    )
    _notify_mentions(comment, author, mentioned)
    return comment


@transaction.atomic
def edit_comment(comment, body, actor) -> Comment:
    comment.body, comment.edited_at = body, timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    _notify_mentions(comment, actor, _save_mentions(comment, actor))
    return comment


@transaction.atomic
def delete_comment(comment) -> None:
    """The text goes; the comment stays in the thread as "deleted" so replies make sense."""
    comment.body, comment.deleted_at = "", timezone.now()
    comment.save(update_fields=["body", "deleted_at"])
    comment.mentions.all().delete()


@transaction.atomic
def hide_comment(comment, moderator, reason: str) -> None:
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = (
        timezone.now(),
        moderator,
        reason,
    )
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    if comment.author_id and comment.author_id != moderator.pk:
        activity.record(
            comment.thread.project,
            moderator,
            EventKind.DISCUSSION,
            Part.DISCUSSIONS,
            gettext_noop("A comment by {author} in “{thread}” was hidden: {reason}"),
            {
                "author": comment.author.display_name,
                "thread": comment.thread.title,
                "reason": reason,
            },
            comment.get_absolute_url(),
            audience=[comment.author],
        )


def unhide_comment(comment) -> None:
    Comment.objects.filter(pk=comment.pk).update(hidden_at=None, hidden_by=None, hidden_reason="")

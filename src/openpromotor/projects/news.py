"""News posts: public ones reach followers too; members-only ones reach members only."""

from django.db import transaction
from django.utils.translation import gettext_noop

from openpromotor.projects import activity
from openpromotor.projects.models import EventKind, Update
from openpromotor.projects.models.activity import INTERNAL, PUBLIC_NEWS


@transaction.atomic
def post_update(project, author, title, body, is_public) -> Update:
    update = Update.objects.create(
        project=project, author=author, title=title, body=body, is_public=is_public
    )
    activity.record(
        project,
        author,
        EventKind.NEWS,
        PUBLIC_NEWS if is_public else INTERNAL,
        gettext_noop("News from “{project}”: {title}"),
        {"title": title},
        update.get_absolute_url() if not is_public else project.get_absolute_url(),
        audience=activity.MEMBERS_AND_FOLLOWERS if is_public else activity.MEMBERS,
    )
    return update

"""The permission matrix of docs/permissions.md on every write of the workspace (and the
downloads), for every person of the ``team``: who is allowed does it, who is refused gets
403, 404 or the login page, and a refused write leaves no trace at all (no row, no file, no
e-mail, no notification).

``WRITES`` is the table: for each endpoint the matrix row it follows, the situation it runs in
(someone else's object, the person's own object, or a project with every part public: the
three columns of ``OUTCOMES``), how to build its address and what to post. Each person runs in
a savepoint that is rolled back afterwards, so everyone starts from the same project.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from openpromotor.core.models import Notification
from openpromotor.projects import discussions, documents, filetypes, roadmap
from openpromotor.projects.models import (
    Invitation,
    JoinRequest,
    Membership,
    Milestone,
    Role,
    StepCard,
    Task,
)
from tests.factories import UserFactory
from tests.projects.factories import PUBLIC_PARTS, add_member
from tests.projects.test_documents import PDF_BYTES
from tests.projects.test_permissions import MATRIX, OUTCOMES, PRINCIPALS

pytestmark = pytest.mark.django_db

SITUATIONS = ("others", "own", "public")
"""The columns of ``OUTCOMES``: someone else's object on a members-only project, the person's
own object (a task assigned to them, their comment), someone else's object with every part
public."""


class Scene:
    """What one person's attempt needs, made on first use (before the database is read)."""

    def __init__(self, team, principal, situation):
        self.project = team["project"]
        self.person = team[principal]
        self.coordinator = team["coordinator"]
        own = situation == "own" and self.person.is_authenticated
        self.holder = self.person if own else team["expert" if principal == "member" else "member"]
        if situation == "public":
            for name, value in PUBLIC_PARTS.items():
                setattr(self.project, name, value)
            self.project.save()

    def url(self, name, *args) -> str:
        return reverse(f"projects:{name}", args=[self.project.pk, *args])

    @cached_property
    def phase(self):
        return self.project.phases.get(number=1)

    @cached_property
    def closed_phase(self):
        roadmap.close_phase(self.phase, self.coordinator, "Het gebouw is bezocht.")
        return self.phase

    @cached_property
    def newcomer(self):
        """A member who is none of the team, for the coordinator to change or remove."""
        user = add_member(self.project, Role.MEMBER, display_name="Nina Nieuw")
        return Membership.objects.get(project=self.project, user=user)

    @cached_property
    def second_coordinator(self):
        """So that the coordinator may leave: a project always keeps one."""
        return add_member(self.project, Role.COORDINATOR, display_name="Colette Co")

    @cached_property
    def invitation(self):
        return Invitation.objects.create(
            project=self.project, email="nieuw@example.org", invited_by=self.coordinator
        )

    @cached_property
    def join_request(self):
        return JoinRequest.objects.create(project=self.project, user=UserFactory())

    @cached_property
    def task(self):
        """A task assigned to the holder: the person themselves when it is their own."""
        return Task.objects.create(
            project=self.project, phase=self.phase, title="Bouwkundige opname", assignee=self.holder
        )

    def task_data(self) -> dict:
        task = self.task
        return {
            "title": "Bouwkundige opname (herzien)",
            "description": "",
            "phase": self.phase.pk,
            "assignee": task.assignee_id,
            "due_date": "",
            "status": Task.Status.DOING,
            "version": task.version,
        }

    @cached_property
    def milestone(self):
        return Milestone.objects.create(
            phase=self.phase, title="Plaatsbezoek", due_date=datetime.date(2030, 6, 1)
        )

    @cached_property
    def thread(self):
        return discussions.start_thread(self.project, self.holder, "Sleutel", "Wie heeft hem?")

    @cached_property
    def comment(self):
        return self.thread.comments.get()

    @cached_property
    def hidden_comment(self):
        discussions.hide_comment(self.comment, self.coordinator, "Naast de kwestie")
        return self.comment

    @cached_property
    def version(self):
        document = documents.add_document(
            self.project,
            self.holder,
            "Financieringsplan",
            ContentFile(PDF_BYTES, "plan.pdf"),
            filetypes.PDF,
        )
        return document.versions.get()

    def settings_data(self) -> dict:
        project = self.project
        visibility = {name: "on" for name, value in PUBLIC_PARTS.items() if getattr(project, name)}
        return {
            "name": project.name,
            "summary": "Een nieuwe samenvatting.",
            "story": project.story,
            "purpose": project.purpose,
            "legal_form": project.legal_form,
            "municipality": project.municipality_id,
            "status": project.status,
            "current_phase": project.current_phase_id,
            **visibility,
        }


def _pdf_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("begroting.pdf", PDF_BYTES, content_type="application/pdf")


def _nothing(scene) -> tuple:
    return ()


def _no_data(scene) -> dict:
    return {}


@dataclass(frozen=True)
class Write:
    endpoint: str
    """Its name in projects/urls.py."""
    permission: str
    """The row of the matrix it follows."""
    args: Callable[[Scene], tuple] = _nothing
    """The address's ids after the project's."""
    data: Callable[[Scene], dict] = _no_data
    situation: str = "others"
    method: str = "post"
    prepare: Callable[[Scene], object] = _nothing
    hidden_without: str | None = None
    """The part of the object the address names: who may not see that part gets 404."""
    refused_by_message: bool = False
    """Refused with a message on the project's page (a redirect) instead of 403."""
    label: str = ""

    @property
    def id(self) -> str:
        name = self.label or self.endpoint
        return name if self.situation == "others" else f"{name}-{self.situation}"


def _task_writes(endpoint, data):
    return [
        Write(
            endpoint,
            "change_task",
            lambda s: (s.task.pk,),
            data,
            situation=situation,
            hidden_without="view_tasks",
        )
        for situation in ("others", "own")
    ]


def _comment_writes(endpoint, permission, situations, data=_no_data, comment="comment"):
    return [
        Write(
            endpoint,
            permission,
            lambda s: (getattr(s, comment).pk,),
            data,
            situation=situation,
            hidden_without="view_discussions",
        )
        for situation in situations
    ]


WRITES = [
    # Members
    Write(
        "hand_over",
        "manage_members",
        data=lambda s: {"successor": s.project.memberships.get(user=s.holder).pk},
    ),
    Write(
        "change_role",
        "manage_members",
        lambda s: (s.newcomer.pk,),
        lambda s: {"role": Role.OBSERVER},
    ),
    Write("remove", "manage_members", lambda s: (s.newcomer.pk,)),
    Write("revoke_invitation", "manage_members", lambda s: (s.invitation.pk,)),
    Write(
        "invite",
        "manage_members",
        data=lambda s: {"email": "nieuw@example.org", "role": Role.MEMBER, "message": "Welkom"},
    ),
    Write(
        "decide_request",
        "manage_members",
        lambda s: (s.join_request.pk,),
        lambda s: {"answer": "accept", "role": Role.MEMBER},
        label="accept_request",
    ),
    Write(
        "decide_request",
        "manage_members",
        lambda s: (s.join_request.pk,),
        lambda s: {"answer": "decline"},
        label="decline_request",
    ),
    Write(
        "request_to_join",
        "request_to_join",
        data=lambda s: {"message": "Ik woon om de hoek."},
        refused_by_message=True,
    ),
    Write("leave", "leave_project", prepare=lambda s: s.second_coordinator),
    # The project
    Write("edit", "change_project", data=Scene.settings_data),
    Write("follow", "follow_project"),
    Write(
        "post_update",
        "post_update",
        data=lambda s: {"title": "Open dag", "body": "Iedereen welkom", "is_public": "on"},
    ),
    # Roadmap and tasks
    Write(
        "lay_card",
        "edit_roadmap",
        lambda s: (StepCard.objects.filter(is_active=True).first().pk,),
        lambda s: {"phase": s.phase.pk},
    ),
    Write(
        "add_task",
        "edit_roadmap",
        data=lambda s: {"title": "Sleutel ophalen", "phase": s.phase.pk, "status": "todo"},
    ),
    Write(
        "add_goal",
        "edit_roadmap",
        lambda s: (s.phase.pk,),
        lambda s: {"text": "De buren gesproken"},
    ),
    Write(
        "set_goal",
        "edit_roadmap",
        lambda s: (s.phase.goals.first().pk,),
        lambda s: {"done": "1"},
    ),
    Write(
        "add_milestone",
        "edit_roadmap",
        lambda s: (s.phase.pk,),
        lambda s: {"title": "Plaatsbezoek", "due_date": "2030-06-01"},
    ),
    Write(
        "set_milestone",
        "edit_roadmap",
        lambda s: (s.milestone.pk,),
        lambda s: {"reached": "1"},
    ),
    Write(
        "close_phase",
        "close_phase",
        lambda s: (s.phase.pk,),
        lambda s: {"reached": "Het gebouw is bezocht.", "changes": ""},
    ),
    Write(
        "reopen_phase",
        "close_phase",
        lambda s: (s.closed_phase.pk,),
        lambda s: {"reason": "Asbest gevonden"},
    ),
    *_task_writes("task", Scene.task_data),
    *_task_writes("move_task", lambda s: {"phase": s.project.phases.get(number=2).pk}),
    # Discussions
    Write(
        "start_thread",
        "comment",
        data=lambda s: {"title": "Sleutel", "body": "Wie heeft hem?"},
    ),
    Write(
        "thread",
        "comment",
        lambda s: (s.thread.pk,),
        lambda s: {"body": "Ik heb hem."},
        hidden_without="view_discussions",
        label="comment",
    ),
    *_comment_writes(
        "edit_comment", "change_comment", ("others", "own"), lambda s: {"body": "Morgen."}
    ),
    *_comment_writes("delete_comment", "change_comment", ("others", "own")),
    *_comment_writes(
        "hide_comment", "hide_comment", ("others", "public"), lambda s: {"reason": "Off-topic"}
    ),
    *_comment_writes(
        "unhide_comment", "hide_comment", ("others", "public"), comment="hidden_comment"
    ),
    # Documents
    Write(
        "upload",
        "upload_document",
        data=lambda s: {"title": "Begroting", "file": _pdf_upload(), "note": ""},
    ),
    Write(
        "add_version",
        "upload_document",
        lambda s: (s.version.document_id,),
        lambda s: {"file": _pdf_upload(), "note": "Tweede versie"},
    ),
    *(
        Write(
            "download",
            "view_documents",
            lambda s: (s.version.document_id, s.version.pk),
            situation=situation,
            method="get",
            hidden_without="view_documents",
        )
        for situation in ("others", "public")
    ),
]

ONLY_READ = {
    "list",
    "detail",
    "feed",
    "workspace",
    "activity",
    "updates",
    "members",
    "board",
    "timeline",
    "phase",
    "tasks",
    "threads",
    "documents",
    "document",
}
"""Pages that change nothing (test_permissions.py checks them against the matrix)."""
NOT_ABOUT_ONE_PROJECT = {"create", "notification_settings", "invitation"}
"""Writes outside a project's matrix: starting a project (``add_project``, test_public.py),
one's own notification settings, and answering one's invitation (test_membership.py)."""


def _expected(permission, principal, situation) -> bool:
    return OUTCOMES[MATRIX[permission][principal]][SITUATIONS.index(situation)]


def _trace() -> tuple:
    """Everything a write could leave behind: the workspace's tables (with their links),
    the notifications, the e-mails sent and the stored files."""
    models = [*apps.get_app_config("projects").get_models(include_auto_created=True)]
    tables = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in [*models, Notification]
    }
    files = sorted(str(path) for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))
    return tables, files, len(mail.outbox)


def _answer(response) -> str:
    if response.status_code == 302 and "/account/login/" in response["Location"]:
        return "login"
    return {403: "forbidden", 404: "hidden"}.get(response.status_code, str(response.status_code))


def _attempt(client, team, principal, write, on_commit) -> list[str]:
    """One person tries the write; returns what went against the matrix, if anything."""
    scene = Scene(team, principal, write.situation)
    write.prepare(scene)
    url, data = scene.url(write.endpoint, *write.args(scene)), write.data(scene)
    client.logout()
    if scene.person.is_authenticated:
        client.force_login(scene.person)
    before = _trace()
    with on_commit(execute=True):
        response = getattr(client, write.method)(url, data)
    after = _trace()
    answer = _answer(response)
    allowed = _expected(write.permission, principal, write.situation)
    if allowed:
        done = response.status_code < 400 and (write.method == "get" or after != before)
        if write.method == "get":
            done = done and b"".join(response.streaming_content) == PDF_BYTES
        return [] if done else [f"{principal}: allowed, but {answer} and nothing done"]
    problems = []
    if after != before:
        problems.append(f"{principal}: refused, but the write left a trace")
    if answer not in {"forbidden", "hidden", "login"} and not write.refused_by_message:
        problems.append(f"{principal}: refused, but answered {answer}")
    part = write.hidden_without
    sees_part = not part or _expected(part, principal, write.situation)
    if scene.person.is_authenticated and not sees_part and answer != "hidden":
        problems.append(f"{principal}: may not see the {part} part, but got {answer}")
    return problems


@pytest.mark.parametrize("write", WRITES, ids=[write.id for write in WRITES])
def test_every_write_follows_the_matrix(client, team, write, on_commit):
    problems = []
    for principal in PRINCIPALS:
        with transaction.atomic():
            problems += _attempt(client, team, principal, write, on_commit)
            transaction.set_rollback(True)
    assert problems == [], (write.id, write.permission, problems)


def test_the_table_covers_every_write_of_the_workspace():
    """A new address that changes something fails here until it has a row in ``WRITES``."""
    from openpromotor.projects.urls import urlpatterns

    named = {pattern.name for pattern in urlpatterns}
    covered = {write.endpoint for write in WRITES}
    assert named - ONLY_READ - NOT_ABOUT_ONE_PROJECT == covered

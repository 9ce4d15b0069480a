"""Who may do what in a project (predicates for the ``rules`` package).

docs/permissions.md writes the same matrix down for people, and a test holds the two together.
Every permission takes a project, except those that name another object: ``change_task`` takes
a task, ``change_comment`` and ``hide_comment`` take a comment.

Writing needs a verified e-mail address (``accounts.contribute``) on top of the role, like every
contribution on the platform. Platform moderators get no access to members-only parts: they can
hide comments only where the discussions are public; inside a project the coordinators moderate.
"""

import rules

from openpromotor.accounts.rules import can_contribute, is_moderator
from openpromotor.projects.models import Membership, Part, Project, ProjectStatus, Role

WORKING_ROLES = (Role.COORDINATOR, Role.MEMBER, Role.EXPERT)
SPEAKING_ROLES = (Role.COORDINATOR, Role.MEMBER, Role.EXPERT, Role.OWNER, Role.MUNICIPALITY)
DECIDING_ROLES = (Role.COORDINATOR, Role.MEMBER)
ASSIGNABLE_ROLES = SPEAKING_ROLES


def project_of(obj) -> Project | None:
    """The project of a project, task, thread, comment or document."""
    if obj is None or isinstance(obj, Project):
        return obj
    if hasattr(obj, "thread"):
        return obj.thread.project
    return obj.project


def role_in(user, obj) -> str | None:
    """The user's role in the object's project, cached on the user for the request."""
    project = project_of(obj)
    if project is None or not user.is_authenticated:
        return None
    roles = user.__dict__.setdefault("_project_roles", {})
    if project.pk not in roles:
        roles[project.pk] = (
            Membership.objects.filter(project_id=project.pk, user_id=user.pk)
            .values_list("role", flat=True)
            .first()
        )
    return roles[project.pk]


def has_role(*roles):
    names = "_or_".join(roles)

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user, obj) -> bool:
        return role_in(user, obj) in roles

    return predicate


def part_is_public(part):
    @rules.predicate(name=f"{part}_is_public")
    def predicate(user, obj) -> bool:
        project = project_of(obj)
        return project is not None and project.is_public(part)

    return predicate


@rules.predicate
def is_member(user, obj) -> bool:
    return role_in(user, obj) is not None


@rules.predicate
def accepts_members(user, project) -> bool:
    return project is not None and project.status in {ProjectStatus.ACTIVE, ProjectStatus.PAUSED}


@rules.predicate
def is_assignee(user, task) -> bool:
    return user.is_authenticated and task is not None and task.assignee_id == user.pk


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return user.is_authenticated and comment is not None and comment.author_id == user.pk


@rules.predicate
def is_live_comment(user, comment) -> bool:
    return comment is not None and not comment.is_deleted and not comment.is_hidden


is_coordinator = has_role(Role.COORDINATOR)
can_work = has_role(*WORKING_ROLES)
can_speak = has_role(*SPEAKING_ROLES)
can_decide = has_role(*DECIDING_ROLES)

rules.add_perm("projects.add_project", can_contribute)
rules.add_perm("projects.view_project", rules.always_allow)
rules.add_perm("projects.view_workspace", is_member)
rules.add_perm("projects.view_story", is_member | part_is_public(Part.STORY))
rules.add_perm("projects.view_members", is_member | part_is_public(Part.MEMBERS))
rules.add_perm("projects.view_roadmap", is_member | part_is_public(Part.ROADMAP))
rules.add_perm("projects.view_discussions", is_member | part_is_public(Part.DISCUSSIONS))
rules.add_perm("projects.view_documents", is_member | part_is_public(Part.DOCUMENTS))
rules.add_perm("projects.view_tasks", is_member)
rules.add_perm("projects.view_participation", is_member)
rules.add_perm(
    "projects.view_participation_plan", is_member | part_is_public(Part.PARTICIPATION_PLAN)
)
rules.add_perm("projects.view_charter", is_member | part_is_public(Part.CHARTER))
rules.add_perm("projects.view_decisions", is_member)
rules.add_perm("projects.view_activity", is_member)
rules.add_perm("projects.change_project", can_contribute & is_coordinator)
rules.add_perm("projects.manage_members", can_contribute & is_coordinator)
rules.add_perm("projects.leave_project", is_member)
rules.add_perm("projects.request_to_join", can_contribute & ~is_member & accepts_members)
rules.add_perm("projects.follow_project", can_contribute)
rules.add_perm("projects.edit_roadmap", can_contribute & can_work)
rules.add_perm("projects.close_phase", can_contribute & can_decide)
rules.add_perm("projects.change_task", can_contribute & (can_work | (is_assignee & can_speak)))
rules.add_perm("projects.comment", can_contribute & can_speak)
rules.add_perm(
    "projects.change_comment", can_contribute & is_comment_author & can_speak & is_live_comment
)
rules.add_perm(
    "projects.hide_comment",
    can_contribute & (is_coordinator | (is_moderator & part_is_public(Part.DISCUSSIONS))),
)
rules.add_perm("projects.upload_document", can_contribute & can_speak)
rules.add_perm("projects.post_update", can_contribute & can_decide)

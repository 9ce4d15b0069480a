"""The projects' part of "download my data" (``accounts.privacy.export_personal_data``).

Everything the workspace holds about a person or that they wrote: memberships, invitations
(sent by them or to their address), requests to join, followed projects, tasks assigned to
them, discussions and comments, phase evaluations, the documents they uploaded (their details,
not the files: members download those in the workspace), news posts and notification settings.
Each item names its project by id and name, so the export reads on its own.
"""

from django.db.models import Q

from openpromotor.projects.models import (
    Comment,
    DocumentVersion,
    Invitation,
    JoinRequest,
    Membership,
    NotificationSetting,
    PhaseEvaluation,
    Task,
    Thread,
    Update,
)


def _moment(value) -> str | None:
    return value.isoformat() if value else None


def _project(project) -> dict:
    return {"id": project.pk, "name": project.name}


def personal_data(user) -> dict:
    return {
        "memberships": [
            {
                "project": _project(membership.project),
                "role": membership.role,
                "joined_at": _moment(membership.joined_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("project")
        ],
        "invitations_sent": [
            _invitation(invitation)
            for invitation in Invitation.objects.filter(invited_by=user).select_related("project")
        ],
        "invitations_received": [
            _invitation(invitation)
            for invitation in Invitation.objects.filter(
                Q(email__iexact=user.email) | Q(accepted_by=user)
            ).select_related("project")
        ],
        "join_requests": [
            {
                "project": _project(join_request.project),
                "message": join_request.message,
                "state": join_request.state,
                "created_at": _moment(join_request.created_at),
                "decided_at": _moment(join_request.decided_at),
            }
            for join_request in JoinRequest.objects.filter(user=user).select_related("project")
        ],
        "followed_projects": [_project(project) for project in user.followed_projects.all()],
        "tasks_assigned": [
            {
                "project": _project(task.project),
                "title": task.title,
                "description": task.description,
                "phase": task.phase.number if task.phase else None,
                "status": task.status,
                "due_date": _moment(task.due_date),
            }
            for task in Task.objects.filter(assignee=user).select_related("project", "phase")
        ],
        "discussions_started": [
            {
                "project": _project(thread.project),
                "title": thread.title,
                "created_at": _moment(thread.created_at),
            }
            for thread in Thread.objects.filter(author=user).select_related("project")
        ],
        "comments": [
            {
                "project": _project(comment.thread.project),
                "discussion": comment.thread.title,
                "body": comment.body,
                "created_at": _moment(comment.created_at),
                "edited_at": _moment(comment.edited_at),
                "deleted_at": _moment(comment.deleted_at),
                "hidden_reason": comment.hidden_reason,
            }
            for comment in Comment.objects.filter(author=user).select_related("thread__project")
        ],
        "phase_evaluations": [
            {
                "project": _project(evaluation.phase.project),
                "phase": evaluation.phase.number,
                "reached": evaluation.reached,
                "changes": evaluation.changes,
                "closed_at": _moment(evaluation.closed_at),
            }
            for evaluation in PhaseEvaluation.objects.filter(closed_by=user).select_related(
                "phase__project"
            )
        ],
        "documents_uploaded": [
            {
                "project": _project(version.document.project),
                "document": version.document.title,
                "version": version.number,
                "file_name": version.original_name,
                "content_type": version.content_type,
                "size": version.size,
                "note": version.note,
                "uploaded_at": _moment(version.created_at),
            }
            for version in DocumentVersion.objects.filter(uploaded_by=user).select_related(
                "document__project"
            )
        ],
        "news_posts": [
            {
                "project": _project(update.project),
                "title": update.title,
                "body": update.body,
                "public": update.is_public,
                "created_at": _moment(update.created_at),
            }
            for update in Update.objects.filter(author=user).select_related("project")
        ],
        "notification_settings": dict(
            NotificationSetting.objects.filter(user=user)
            .order_by("kind")
            .values_list("kind", "frequency")
        ),
    }


def _invitation(invitation) -> dict:
    return {
        "project": _project(invitation.project),
        "email": invitation.email,
        "role": invitation.role,
        "message": invitation.message,
        "state": invitation.state,
        "created_at": _moment(invitation.created_at),
    }

"""The charter page, a section with its comments, and editing and deleting one's comments.

Members see the working draft with its statuses, the adopted version and who signed it. Others
see, when the project made its charter public, only the latest adopted version.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.charters import adoption, comments, versions
from openpromotor.charters.forms import CommentForm
from openpromotor.charters.models import Comment, Section, count_statuses
from openpromotor.charters.public import adopted_charter
from openpromotor.charters.views.access import (
    allowed,
    charter_context,
    hidden_unless,
    refuse_unless,
)
from openpromotor.core.ratelimits import limited, too_many
from openpromotor.projects.views.access import object_in, project_for

COMMENT_RATE = "60/h"


def charter(request, pk):
    project = project_for(request, pk)
    refuse_unless(request, "view_adopted_version", project)
    if not allowed(request, "view_drafts", project):
        context = charter_context(request, project, adopted=adopted_charter(project))
        return render(request, "charters/charter_public.html", context)
    live = project.charter_sections.annotate(
        comment_count=Count("comments", filter=Q(comments__deleted_at__isnull=True))
    ).prefetch_related("points")
    sections = [section for section in live if not section.is_removed]
    adopted = versions.latest_adopted(project)
    context = charter_context(
        request,
        project,
        sections=sections,
        removed_sections=[section for section in live if section.is_removed],
        counts=count_statuses(p.status for s in sections for p in s.points.all()),
        latest=versions.latest(project),
        adopted=adopted,
        **signature_context(request, adopted),
    )
    return render(request, "charters/charter.html", context)


def signature_context(request, version) -> dict:
    """Who signed the version, who has not yet, and whether this person still may sign it."""
    if version is None or not version.is_adopted:
        return {"signatures": [], "not_signed": [], "my_signature": None, "may_sign": False}
    signatures = list(version.signatures.select_related("user"))
    mine = next(
        (s for s in signatures if request.user.is_authenticated and s.user_id == request.user.pk),
        None,
    )
    newest = versions.latest_adopted(version.project)
    return {
        "signatures": signatures,
        "not_signed": adoption.not_signed(version) if newest.pk == version.pk else [],
        "my_signature": mine,
        "may_sign": mine is None
        and newest.pk == version.pk
        and allowed(request, "sign_version", version.project),
    }


def _section_page(request, project, section, form=None, status=200):
    section_comments = list(section.comments.select_related("author"))
    for comment in section_comments:
        comment.may_change = request.user.has_perm("charters.change_comment", comment)
    context = charter_context(
        request,
        project,
        charter_section=section,
        comments=section_comments,
        counts=count_statuses(point.status for point in section.points.all()),
        form=form or CommentForm(),
        proposals=section.proposals.order_by("-opened_at")
        if request.user.has_perm("decisions.view_proposals", project)
        else [],
    )
    return render(request, "charters/section.html", context, status=status)


@require_http_methods(["GET", "POST"])
def section_detail(request, pk, section_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_drafts", project)
    section = object_in(Section.objects.prefetch_related("points"), project, section_pk)
    if request.method == "GET":
        return _section_page(request, project, section)
    refuse_unless(request, "comment", project)
    if limited(request, "charters.comment", COMMENT_RATE):
        return too_many(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _section_page(request, project, section, form=form, status=400)
    comment = comments.post_comment(section, request.user, form.cleaned_data["body"])
    return redirect(comment.get_absolute_url())


def _comment(request, pk, comment_pk) -> Comment:
    project = project_for(request, pk)
    hidden_unless(request, "view_drafts", project)
    comment = get_object_or_404(
        Comment.objects.select_related("section__project"), pk=comment_pk, section__project=project
    )
    refuse_unless(request, "change_comment", comment)
    return comment


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk)
    form = CommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        comments.edit_comment(comment, form.cleaned_data["body"])
        messages.success(request, _("Your comment has been changed."))
        return redirect(comment.get_absolute_url())
    context = charter_context(request, comment.section.project, comment=comment, form=form)
    status = 400 if request.method == "POST" else 200
    return render(request, "charters/comment_edit.html", context, status=status)


@login_required
@require_POST
def delete_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk)
    comments.delete_comment(comment)
    messages.success(request, _("Your comment has been deleted."))
    return redirect(comment.section)

"""Discussions: the threads of a project, a thread with its comments, and editing, deleting
and hiding comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.projects import discussions
from openpromotor.projects.forms import CommentForm, HideCommentForm, ThreadForm
from openpromotor.projects.models import Comment, Thread
from openpromotor.projects.views.access import (
    hidden_unless,
    object_in,
    project_for,
    refuse_unless,
    workspace_context,
)

COMMENT_RATE = "60/h"


def thread_list(request, pk, form=None, status=200):
    project = project_for(request, pk, "view_discussions")
    initial = {"phase": request.GET.get("phase"), "task": request.GET.get("task")}
    context = workspace_context(
        request,
        project,
        "discussions",
        threads=project.threads.select_related("author", "phase", "task"),
        form=form or ThreadForm(project=project, initial=initial),
    )
    return render(request, "projects/threads.html", context, status=status)


@login_required
@require_POST
def start_thread(request, pk):
    project = project_for(request, pk, "comment")
    if limited(request, "projects.comment", COMMENT_RATE):
        return too_many(request)
    form = ThreadForm(request.POST, project=project)
    if not form.is_valid():
        messages.error(request, _("The discussion was not started: correct the form below."))
        return thread_list(request, pk, form=form, status=400)
    data = form.cleaned_data
    thread = discussions.start_thread(
        project, request.user, data["title"], data["body"], data["phase"], data["task"]
    )
    return redirect(thread)


def _thread_page(request, project, thread, form=None, status=200):
    comments = list(
        thread.comments.select_related("author", "hidden_by").prefetch_related("author__groups")
    )
    for comment in comments:
        comment.may_change = request.user.has_perm("projects.change_comment", comment)
        comment.may_hide = request.user.has_perm("projects.hide_comment", comment)
        comment.shows_text = (
            not comment.is_hidden or comment.may_hide or (comment.author_id == request.user.pk)
        )
    context = workspace_context(
        request,
        project,
        "discussions",
        thread=thread,
        comments=comments,
        form=form or CommentForm(),
        hide_form=HideCommentForm(),
        mentionable=project.memberships.select_related("user").exclude(user=request.user.pk),
    )
    return render(request, "projects/thread.html", context, status=status)


@require_http_methods(["GET", "POST"])
def thread_detail(request, pk, thread_pk):
    project = project_for(request, pk)
    hidden_unless(request, "view_discussions", project)
    thread = object_in(Thread.objects.select_related("phase", "task"), project, thread_pk)
    if request.method == "GET":
        return _thread_page(request, project, thread)
    refuse_unless(request, "comment", project)
    if limited(request, "projects.comment", COMMENT_RATE):
        return too_many(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _thread_page(request, project, thread, form=form, status=400)
    comment = discussions.post_comment(thread, request.user, form.cleaned_data["body"])
    return redirect(comment.get_absolute_url())


def _comment(request, pk, comment_pk, permission) -> Comment:
    project = project_for(request, pk)
    hidden_unless(request, "view_discussions", project)
    comment = get_object_or_404(
        Comment.objects.select_related("thread__project"), pk=comment_pk, thread__project=project
    )
    refuse_unless(request, permission, comment)
    return comment


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk, "change_comment")
    form = CommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        discussions.edit_comment(comment, form.cleaned_data["body"], request.user)
        messages.success(request, _("Your comment has been changed."))
        return redirect(comment.get_absolute_url())
    project = comment.thread.project
    context = workspace_context(request, project, "discussions", comment=comment, form=form)
    status = 400 if request.method == "POST" else 200
    return render(request, "projects/comment_edit.html", context, status=status)


@login_required
@require_POST
def delete_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk, "change_comment")
    discussions.delete_comment(comment)
    messages.success(request, _("Your comment has been deleted."))
    return redirect(comment.thread)


@login_required
@require_POST
def hide_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk, "hide_comment")
    form = HideCommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for hiding the comment."))
    elif comment.is_hidden:
        messages.info(request, _("This comment is already hidden."))
    else:
        discussions.hide_comment(comment, request.user, form.cleaned_data["reason"])
        messages.success(request, _("The comment is hidden."))
    return redirect(comment.get_absolute_url())


@login_required
@require_POST
def unhide_comment(request, pk, comment_pk):
    comment = _comment(request, pk, comment_pk, "hide_comment")
    discussions.unhide_comment(comment)
    messages.success(request, _("The comment is shown again."))
    return redirect(comment.get_absolute_url())

"""The members' workspace: the dashboard, the activity stream and the news posts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openpromotor.projects import news, roadmap
from openpromotor.projects.forms import UpdateForm
from openpromotor.projects.models import Milestone, Task
from openpromotor.projects.views.access import project_for, workspace_context

ACTIVITY_PAGE = 30


def dashboard(request, pk):
    project = project_for(request, pk, "view_workspace")
    current = project.current_phase
    phases = roadmap.phases_with_counts(project, with_tasks=True)
    context = workspace_context(
        request,
        project,
        "workspace",
        my_tasks=project.tasks.filter(assignee=request.user)
        .exclude(status=Task.Status.DONE)
        .select_related("phase"),
        current_goals=current.goals.all() if current else [],
        current_phase=next(
            (phase for phase in phases if phase.pk == project.current_phase_id), None
        ),
        milestones=Milestone.objects.filter(
            phase__project=project, reached_at__isnull=True, due_date__gte=timezone.localdate()
        ).select_related("phase")[:5],
        activities=project.activities.select_related("actor")[:10],
        threads=project.threads.all()[:5],
        plans=[(plan, _plan_link(plan, request.user)) for plan in project.plans.all()],
    )
    return render(request, "projects/workspace.html", context)


def _plan_link(plan, user) -> str:
    """A feasibility plan is its owner's: others open it through its share link, if any."""
    if plan.owner_id == user.pk:
        return plan.get_absolute_url()
    if plan.share_token:
        return reverse("feasibility:shared", args=[plan.share_token])
    return ""


def activity_stream(request, pk):
    project = project_for(request, pk, "view_activity")
    page = Paginator(project.activities.select_related("actor"), ACTIVITY_PAGE).get_page(
        request.GET.get("page")
    )
    context = workspace_context(request, project, "activity", page_obj=page)
    return render(request, "projects/activity.html", context)


def updates(request, pk, form=None, status=200):
    """Members see all news; others only public news (the same as on the project's page)."""
    project = project_for(request, pk)
    posts = project.updates.select_related("author")
    if not request.user.has_perm("projects.view_workspace", project):
        posts = posts.filter(is_public=True)
    context = workspace_context(request, project, "updates", posts=posts, form=form or UpdateForm())
    return render(request, "projects/updates.html", context, status=status)


@login_required
@require_POST
def post_update(request, pk):
    project = project_for(request, pk, "post_update")
    form = UpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The news was not posted: correct the form below."))
        return updates(request, pk, form=form, status=400)
    data = form.cleaned_data
    news.post_update(project, request.user, data["title"], data["body"], data["is_public"])
    messages.success(request, _("Your news has been posted."))
    return redirect("projects:updates", project.pk)

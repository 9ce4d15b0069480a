"""The projects overview, starting a project, its public page, its settings, following it,
its news feed, and each person's notification settings.

The public page is built from the project's public parts only, whoever looks at it (members
included), so what it shows is exactly what the public sees.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.charters.public import public_charter
from openpromotor.core.markdown import render_markdown
from openpromotor.participation.public import public_plan_context
from openpromotor.places.models import Place
from openpromotor.projects import activity, buildings, roadmap
from openpromotor.projects.forms import (
    NotificationSettingsForm,
    ProjectFilterForm,
    ProjectForm,
    ProjectSettingsForm,
    own_listings,
)
from openpromotor.projects.models import (
    EventKind,
    JoinRequest,
    NotificationSetting,
    Part,
    Project,
    ProjectFollow,
    TemplatePhase,
    Update,
)
from openpromotor.projects.models.activity import DEFAULT_FREQUENCIES
from openpromotor.projects.views.access import can, project_for, workspace_context

PAGE_SIZE = 20
MAP_LIMIT = 500


def _phase_titles() -> list[tuple[int, str]]:
    return list(
        TemplatePhase.objects.filter(template__is_default=True).values_list("number", "title")
    )


def _map_point(project) -> dict | None:
    location = buildings.public_location(project)
    if location is None:
        return None
    latitude, longitude = location
    return {
        "name": project.name,
        "url": project.get_absolute_url(),
        "lat": latitude,
        "lon": longitude,
    }


def overview(request):
    form = ProjectFilterForm(request.GET or None, phase_titles=_phase_titles())
    projects = buildings.with_public_places(
        Project.objects.select_related("municipality", "current_phase")
    )
    if form.is_bound and form.is_valid():
        projects = form.filter(projects)
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    points = [point for point in map(_map_point, projects[:MAP_LIMIT]) if point]
    context = {"form": form, "page_obj": page, "points": points}
    return render(request, "projects/overview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not request.user.has_perm("projects.add_project"):
        raise PermissionDenied(_("Verify your e-mail address before you start a project."))
    initial = _starting_point(request)
    form = ProjectForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        place, listing = form.cleaned_data["place"], form.cleaned_data["listing"]
        project = roadmap.start_project(
            form.save(commit=False),
            request.user,
            places=[place] if place else [],
            listings=[listing] if listing else [],
            template=form.cleaned_data.get("template"),
        )
        messages.success(
            request, _("Your project has started. Invite the others and plan the first steps.")
        )
        return redirect("projects:workspace", project.pk)
    context = {
        "form": form,
        "place": initial.get("place"),
        "listing": initial.get("listing"),
        "own_listings": own_listings(request.user).exclude(projects__isnull=False)[:10],
    }
    return render(request, "projects/create.html", context, status=_form_status(request))


def _starting_point(request) -> dict:
    """The form's first values when starting from a place or from one's own listing."""
    source = request.POST if request.method == "POST" else request.GET
    initial = {}
    place = Place.objects.published().filter(pk=_number(source.get("place"))).first()
    if place:
        initial.update(place=place, municipality=place.municipality)
    listing = own_listings(request.user).filter(pk=_number(source.get("listing"))).first()
    if listing:
        municipality = listing.municipalities.first()
        initial.update(
            listing=listing,
            name=listing.title,
            summary=Truncator(listing.description).chars(300),
            **({"municipality": municipality} if municipality and not place else {}),
        )
    return initial


def _number(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def detail(request, pk):
    project = project_for(request, pk, "view_project")
    user = request.user
    public = project.public_parts()
    members = project.memberships.select_related("user")
    permissions = can(user, project)
    context = {
        "project": project,
        "public": public,
        "can": permissions,
        "progress": roadmap.project_progress(project),
        "phases": roadmap.phases_with_counts(project, with_tasks=False)
        if Part.ROADMAP in public
        else [],
        "members": members if Part.MEMBERS in public else [],
        "member_count": members.count(),
        "places": buildings.public_places(project),
        "listings": project.listings.published(),
        "point": _map_point(project),
        "updates": project.updates.filter(is_public=True).select_related("author")[:5],
        "is_member": permissions["view_workspace"],
        "is_following": user.is_authenticated
        and ProjectFollow.objects.filter(project=project, user=user).exists(),
        "open_request": user.is_authenticated
        and project.join_requests.filter(user=user, state=JoinRequest.State.OPEN).exists(),
    }
    context |= public_charter(project) | public_plan_context(project)
    return render(request, "projects/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    project = project_for(request, pk, "change_project")
    form = ProjectSettingsForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            activity.record(
                project,
                request.user,
                EventKind.ROADMAP,
                Part.STORY,
                gettext_noop("{name} changed the project's settings."),
                {"name": request.user.display_name},
                project.get_absolute_url(),
                audience=[],
            )
        messages.success(request, _("The project has been saved."))
        return redirect("projects:edit", project.pk)
    return render(
        request,
        "projects/settings.html",
        workspace_context(request, project, "settings", form=form),
        status=_form_status(request),
    )


def _form_status(request) -> int:
    """A form page shown again after a post was not saved answers 400 (a first look: 200)."""
    return 400 if request.method == "POST" else 200


@login_required
@require_POST
def follow(request, pk):
    project = project_for(request, pk, "follow_project")
    following = ProjectFollow.objects.filter(project=project, user=request.user)
    if following.exists():
        following.delete()
        messages.info(request, _("You no longer follow this project."))
    else:
        ProjectFollow.objects.create(project=project, user=request.user)
        messages.success(request, _("You follow this project: you will hear about its news."))
    return redirect(project)


class NewsFeed(Feed):
    """The public news of a project as an Atom feed (never members-only news)."""

    feed_type = Atom1Feed

    def get_object(self, request, pk):
        return get_object_or_404(Project, pk=pk)

    def title(self, project):
        return project.name

    def link(self, project):
        return project.get_absolute_url()

    def subtitle(self, project):
        return project.summary

    def items(self, project):
        return Update.objects.filter(project=project, is_public=True).order_by("-created_at")[:20]

    def item_title(self, update):
        return update.title

    def item_description(self, update):
        return render_markdown(update.body)

    def item_link(self, update):
        return reverse("projects:detail", args=[update.project_id]) + f"#update-{update.pk}"

    def item_pubdate(self, update):
        return update.created_at


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    chosen = dict(
        NotificationSetting.objects.filter(user=request.user).values_list("kind", "frequency")
    )
    current = {kind: chosen.get(kind, default) for kind, default in DEFAULT_FREQUENCIES.items()}
    form = NotificationSettingsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for kind, frequency in form.cleaned_data.items():
                NotificationSetting.objects.update_or_create(
                    user=request.user, kind=kind, defaults={"frequency": frequency}
                )
        messages.success(request, _("Your choices have been saved."))
        return redirect("projects:notification_settings")
    return render(request, "projects/notification_settings.html", {"form": form})

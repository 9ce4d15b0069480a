"""Reporting, showing, editing, following, claiming and moderating places.

Browsing (list and map) lives in ``browse.py``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.municipalities.models import Municipality
from openpromotor.places import services
from openpromotor.places.forms import (
    CorrectionForm,
    MergeForm,
    ModerationItemForm,
    OwnerPlaceForm,
    PhotoForm,
    PlaceForm,
    RejectForm,
    ReportPhotoForm,
    StatusForm,
)
from openpromotor.places.models import ModerationItem, Place, Status

REPORT_RATE = "20/h"
FEEDBACK_RATE = "20/h"


def _place_for(request, pk, permission="places.view_place") -> Place:
    """The place, or 404 when the person may not see it (hiding that it exists)."""
    place = get_object_or_404(
        Place.objects.select_related("municipality", "reporter", "owner"), pk=pk
    )
    if not request.user.has_perm("places.view_place", place):
        raise Http404
    if not request.user.has_perm(permission, place):
        raise PermissionDenied
    return place


def _contributor(request) -> None:
    if not request.user.has_perm("accounts.contribute"):
        raise PermissionDenied(_("Verify your e-mail address before you contribute."))


def detail(request, pk):
    place = _place_for(request, pk)
    user = request.user
    context = {
        "place": place,
        "photos": place.photos.all(),
        "changes": place.changes.select_related("actor")[:30],
        "is_following": user.is_authenticated and place.follow_set.filter(user=user).exists(),
        "show_exact": user.has_perm("places.view_exact_location", place),
    }
    return render(request, "places/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report(request):
    _contributor(request)
    form = PlaceForm(request.POST or None)
    photo_form = ReportPhotoForm(request.POST or None, request.FILES or None, prefix="photo")
    duplicates = []
    if request.method == "POST":
        if limited(request, "places.report", REPORT_RATE):
            return too_many(request)
        if form.is_valid() and photo_form.is_valid():
            place = form.save(commit=False)
            duplicates = services.possible_duplicates(place.latitude, place.longitude)
            if not duplicates or request.POST.get("not_a_duplicate"):
                photos = [photo_form.cleaned_data] if photo_form.cleaned_data.get("image") else []
                services.report_place(place, request.user, photos)
                messages.success(
                    request, _("Thank you! A moderator will check your report before it appears.")
                )
                return redirect(place)
    context = {"form": form, "photo_form": photo_form, "duplicates": duplicates}
    return render(request, "places/report.html", context)


def duplicates(request):
    """htmx partial: published places within 50 m of the pin, while the reporter types."""
    try:
        latitude, longitude = float(request.GET["latitude"]), float(request.GET["longitude"])
        found = services.possible_duplicates(latitude, longitude)
    except (KeyError, ValueError):
        found = []
    return render(request, "places/_duplicates.html", {"duplicates": found})


@login_required
def my_places(request):
    """What I reported, with its moderation state, and what I own or follow."""
    user = request.user
    context = {
        "reported": Place.objects.filter(reporter=user).select_related("municipality"),
        "owned": Place.objects.filter(owner=user).select_related("municipality"),
        "followed": user.followed_places.select_related("municipality"),
    }
    return render(request, "places/my_places.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Owners and moderators (``change_place``) edit, including the approximate location."""
    place = _place_for(request, pk, "places.change_place")
    form = OwnerPlaceForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        services.save_edit(form.save(commit=False), request.user, form.changed_data)
        messages.success(request, _("The place has been saved."))
        return redirect(place)
    return render(request, "places/edit.html", {"form": form, "place": place})


@login_required
@require_http_methods(["GET", "POST"])
def add_photo(request, pk):
    place = _place_for(request, pk, "places.add_photo")
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.add_photo(place, request.user, **form.cleaned_data)
        messages.success(request, _("The photo has been added."))
        return redirect(place)
    return render(request, "places/photo_form.html", {"form": form, "place": place})


@login_required
@require_POST
def follow(request, pk):
    place = _place_for(request, pk, "places.follow_place")
    following = place.follow_set.filter(user=request.user)
    if following.exists():
        following.delete()
        messages.info(request, _("You no longer follow this place."))
    else:
        place.follow_set.create(user=request.user)
        messages.success(request, _("You follow this place: we tell you when it changes."))
    return redirect(place)


def _feedback_view(kind, form_class, permission, template, thanks):
    """Claims, corrections and abuse reports: a text for the moderators, nothing changes yet."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        place = _place_for(request, pk, permission)
        form = form_class(request.POST or None)
        if request.method == "POST":
            if limited(request, "places.feedback", FEEDBACK_RATE):
                return too_many(request)
            if form.is_valid():
                item = form.save(commit=False)
                item.place, item.kind, item.author = place, kind, request.user
                item.save()
                messages.success(request, thanks)
                return redirect(place)
        return render(request, template, {"form": form, "place": place, "kind": kind})

    return view


claim = _feedback_view(
    ModerationItem.Kind.CLAIM,
    ModerationItemForm,
    "places.claim_place",
    "places/feedback_form.html",
    gettext_lazy("Your claim was sent. A moderator will contact you."),
)
correct = _feedback_view(
    ModerationItem.Kind.CORRECTION,
    CorrectionForm,
    "places.suggest_correction",
    "places/feedback_form.html",
    gettext_lazy("Thank you. A moderator will check your correction."),
)
report_abuse = _feedback_view(
    ModerationItem.Kind.ABUSE,
    ModerationItemForm,
    "places.report_abuse",
    "places/feedback_form.html",
    gettext_lazy("Thank you. A moderator will look at your report."),
)


# --- Moderation --------------------------------------------------------------------------------


def _moderator(request) -> None:
    if not request.user.has_perm("places.moderate"):
        raise PermissionDenied


def _in_scope(request, queryset, field="municipality"):
    scopes = request.user.moderator_scopes.values_list("municipality_id", flat=True)
    return queryset.filter(**{f"{field}__in": scopes}) if scopes.exists() else queryset


@login_required
def moderation_queue(request):
    """One queue: pending reports, then open corrections, abuse reports and claims."""
    _moderator(request)
    municipality = request.GET.get("municipality", "")
    reports = _in_scope(request, Place.objects.filter(status=Status.PENDING))
    items = _in_scope(
        request,
        ModerationItem.objects.filter(state=ModerationItem.State.OPEN),
        "place__municipality",
    )
    if municipality:
        reports = reports.filter(municipality__nis_code=municipality)
        items = items.filter(place__municipality__nis_code=municipality)
    context = {
        "reports": Paginator(
            reports.select_related("municipality", "reporter").order_by("created_at"), 25
        ).get_page(request.GET.get("page")),
        "items": items.select_related("place", "author").order_by("created_at")[:100],
        "municipalities": _in_scope(
            request,
            Municipality.objects.current().filter(
                Q(places__status=Status.PENDING)
                | Q(places__moderation_items__state=ModerationItem.State.OPEN)
            ),
            "pk",
        ).distinct(),
        "municipality": municipality,
        "reject_form": RejectForm(),
    }
    return render(request, "places/moderation_queue.html", context)


@login_required
@require_POST
def publish(request, pk):
    place = _place_for(request, pk, "places.moderate_place")
    services.publish(place, request.user)
    messages.success(request, _("“%(title)s” is published.") % {"title": place.title})
    return redirect("places:moderation")


@login_required
@require_http_methods(["GET", "POST"])
def reject(request, pk):
    place = _place_for(request, pk, "places.moderate_place")
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reject(place, request.user, form.cleaned_data["reason"])
        messages.success(request, _("“%(title)s” is rejected.") % {"title": place.title})
        return redirect("places:moderation")
    return render(request, "places/moderation_form.html", {"form": form, "place": place})


@login_required
@require_http_methods(["GET", "POST"])
def change_status(request, pk):
    place = _place_for(request, pk, "places.moderate_place")
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.set_status(
            place, request.user, form.cleaned_data["status"], form.cleaned_data["note"]
        )
        messages.success(request, _("The state has been changed."))
        return redirect(place)
    return render(request, "places/moderation_form.html", {"form": form, "place": place})


@login_required
@require_http_methods(["GET", "POST"])
def merge(request, pk):
    duplicate = _place_for(request, pk, "places.moderate_place")
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        into = form.cleaned_data["into"]
        if into.pk == duplicate.pk or not request.user.has_perm("places.moderate_place", into):
            form.add_error("into", _("Choose another published place that you moderate."))
        else:
            services.merge(duplicate, into, request.user)
            messages.success(request, _("The places have been merged."))
            return redirect(into)
    context = {
        "form": form,
        "place": duplicate,
        "duplicates": services.possible_duplicates(
            duplicate.latitude, duplicate.longitude, exclude_pk=duplicate.pk
        ),
    }
    return render(request, "places/moderation_form.html", context)


@login_required
@require_POST
def decide(request, item_pk):
    item = get_object_or_404(ModerationItem.objects.select_related("place"), pk=item_pk)
    if not request.user.has_perm("places.moderate_place", item.place):
        raise PermissionDenied
    if item.state != ModerationItem.State.OPEN:
        messages.info(request, _("Someone already decided on this."))
    else:
        services.decide(item, request.user, accept=request.POST.get("accept") == "1")
        messages.success(request, _("Your decision has been saved."))
    return redirect(reverse("places:moderation"))

"""Posting, showing, editing, publishing, closing and reporting listings; my listings; the
seekers that fit a building.

Browsing lives in ``browse.py``, moderation in ``moderation.py``, saved searches in
``searches.py``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.core.ratelimits import limited, too_many
from openpromotor.listings import explanations, matches, matching, services
from openpromotor.listings.forms import CloseForm, ListingForm, ListingReportForm
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.reasons import reasons_data
from openpromotor.listings.vocabulary import Kind, Status
from openpromotor.places.models import Place
from openpromotor.places.models import Status as PlaceStatus

POST_RATE = "20/h"
REPORT_RATE = "20/h"


def _listing_for(request, pk, permission="listings.view_listing") -> Listing:
    """The listing, or 404 when the person may not see it (hiding that it exists)."""
    listing = get_object_or_404(Listing.objects.select_related("author", "place"), pk=pk)
    if not request.user.has_perm("listings.view_listing", listing):
        raise Http404
    if not request.user.has_perm(permission, listing):
        raise PermissionDenied
    return listing


def _contributor(request) -> None:
    if not request.user.has_perm("listings.add_listing"):
        raise PermissionDenied(_("Verify your e-mail address before you contribute."))


def match_rows(found: list[matches.Found]) -> list[dict]:
    """Matches with their translated reasons, for the templates."""
    return [{"found": item, "reasons": reasons_data(item.match)} for item in found]


def detail(request, pk):
    listing = _listing_for(request, pk)
    user = request.user
    found = matches.matches_for(listing) if listing.status == Status.PUBLISHED else []
    is_author = user.is_authenticated and user.pk == listing.author_id
    context = {
        "listing": listing,
        "municipalities": listing.municipalities.all(),
        "matches": match_rows(found),
        "is_author": is_author,
        "may_save_matches": is_author and listing.status == Status.PUBLISHED,
        "saved_search": user.is_authenticated
        and SavedSearch.objects.filter(user=user, listing=listing).first(),
    }
    return render(request, "listings/detail.html", context)


@login_required
def choose_kind(request):
    _contributor(request)
    return render(request, "listings/choose_kind.html", {"kinds": Kind.choices})


@login_required
@require_http_methods(["GET", "POST"])
def create(request, kind):
    _contributor(request)
    if kind not in Kind.values:
        raise Http404
    form = ListingForm(_sent(request), kind=kind, author=request.user)
    if request.method == "POST":
        if limited(request, "listings.post", POST_RATE):
            return too_many(request)
        if form.is_valid():
            with transaction.atomic():
                listing = form.save(commit=False)
                listing.kind, listing.author = kind, request.user
                listing.save()
                form.save_m2m()
                if request.POST.get("action") == "publish":
                    services.publish(listing)
            _say_state(request, listing)
            return redirect(listing)
    context = {"form": form, "kind": Kind(kind), "listing": None}
    return render(request, "listings/form.html", context, status=_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    listing = _listing_for(request, pk, "listings.change_listing")
    form = ListingForm(_sent(request), instance=listing, kind=listing.kind, author=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if request.POST.get("action") == "publish" and request.user.has_perm(
                "listings.publish_listing", listing
            ):
                services.publish(listing)
        _say_state(request, listing)
        return redirect(listing)
    context = {"form": form, "kind": Kind(listing.kind), "listing": listing}
    return render(request, "listings/form.html", context, status=_status(form))


def _sent(request):
    """The data of a sent form, even an empty one (then its errors show), else None."""
    return request.POST if request.method == "POST" else None


def _status(form) -> int:
    """400 when a sent form is shown again with its errors, else 200."""
    return 400 if form.is_bound and form.errors else 200


def _say_state(request, listing: Listing) -> None:
    texts = {
        Status.DRAFT: _("Your draft is saved. Only you can see it."),
        Status.PENDING: _(
            "Thank you! Your first listing waits for a moderator; we tell you once it is online."
        ),
        Status.PUBLISHED: _("Your listing is online until %(date)s."),
    }
    text = texts.get(listing.status, _("The listing has been saved."))
    if listing.status == Status.PUBLISHED:
        text %= {"date": listing.expires_at.date().isoformat()}
    messages.success(request, text)


@login_required
@require_POST
def publish(request, pk):
    """Publish a draft, renew a published or expired listing, or reopen a closed one."""
    listing = _listing_for(request, pk, "listings.publish_listing")
    if limited(request, "listings.post", POST_RATE):
        return too_many(request)
    services.publish(listing)
    _say_state(request, listing)
    return redirect(listing)


@login_required
@require_http_methods(["GET", "POST"])
def close(request, pk):
    listing = _listing_for(request, pk, "listings.close_listing")
    form = CloseForm(_sent(request))
    if request.method == "POST" and form.is_valid():
        services.close(listing, form.cleaned_data["reason"])
        messages.success(request, _("Your listing is closed. It is no longer shown."))
        return redirect(listing)
    context = {"form": form, "listing": listing}
    return render(request, "listings/close.html", context, status=_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    listing = _listing_for(request, pk, "listings.report_listing")
    form = ListingReportForm(_sent(request))
    if request.method == "POST":
        if limited(request, "listings.report", REPORT_RATE):
            return too_many(request)
        if form.is_valid():
            item = form.save(commit=False)
            item.listing, item.author = listing, request.user
            item.save()
            messages.success(request, _("Thank you. A moderator will look at your report."))
            return redirect(listing)
    context = {"form": form, "listing": listing}
    return render(request, "listings/report.html", context, status=_status(form))


@login_required
def mine(request):
    """My listings in every state, and my buildings with a link to the seekers that fit them."""
    user = request.user
    context = {
        "listings": Listing.objects.filter(author=user).order_by("-updated_at"),
        "places": Place.objects.filter(owner=user, status=PlaceStatus.PUBLISHED),
    }
    return render(request, "listings/mine.html", context)


def scoring(request):
    """How a score is made: the factors and weights of every scoring function (public)."""
    context = {
        "families": explanations.families(),
        "min_score": matches.MIN_SCORE,
        "full": matching.FULL,
        "neutral": matching.NEUTRAL,
    }
    return render(request, "listings/scoring.html", context)


def place_seekers(request, pk):
    """The needs a published building fits, among seekers who let owners find them."""
    place = get_object_or_404(
        Place.objects.select_related("municipality"), pk=pk, status=PlaceStatus.PUBLISHED
    )
    context = {"place": place, "matches": match_rows(matches.seekers_for_place(place))}
    return render(request, "listings/place_seekers.html", context)

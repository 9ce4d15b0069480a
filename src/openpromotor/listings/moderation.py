"""Moderators publish or turn down the first listing of a new author, and decide on abuse
reports. Both wait in the buildings' moderation queue (``places:moderation``), through the
include ``listings/_moderation_items.html``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.listings import services
from openpromotor.listings.forms import RejectForm
from openpromotor.listings.models import Listing, ListingReport
from openpromotor.listings.vocabulary import Status


def _moderator(request) -> None:
    if not request.user.has_perm("listings.moderate"):
        raise PermissionDenied


def _pending(pk) -> Listing:
    return get_object_or_404(Listing, pk=pk, status=Status.PENDING)


@login_required
@require_POST
def approve(request, pk):
    _moderator(request)
    listing = _pending(pk)
    services.approve(listing)
    messages.success(request, _("“%(title)s” is published.") % {"title": listing.title})
    return redirect("places:moderation")


@login_required
@require_http_methods(["GET", "POST"])
def reject(request, pk):
    _moderator(request)
    listing = _pending(pk)
    form = RejectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.reject(listing, form.cleaned_data["note"])
        messages.success(request, _("“%(title)s” is rejected.") % {"title": listing.title})
        return redirect("places:moderation")
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "listings/reject.html", {"form": form, "listing": listing}, status=status
    )


@login_required
@require_POST
def decide_report(request, pk):
    _moderator(request)
    report = get_object_or_404(ListingReport.objects.select_related("listing"), pk=pk)
    if report.state != ListingReport.State.OPEN:
        messages.info(request, _("Someone already decided on this."))
    else:
        services.decide_report(report, request.user, accept=request.POST.get("accept") == "1")
        messages.success(request, _("Your decision has been saved."))
    return redirect("places:moderation")

"""Saving a search, managing my saved searches, and the one-click unsubscribe link.

The unsubscribe link in every alert works without logging in: its signed token names the
search. Opening it (GET) unsubscribes at once and offers an undo; mail clients that support
RFC 8058 send a POST to the same address, which unsubscribes too. Neither needs a CSRF token:
the signed token is the proof.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.listings import alerts
from openpromotor.listings.filters import filter_query
from openpromotor.listings.forms import SavedSearchForm
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.vocabulary import Frequency, Status

MAX_SEARCHES = 50


@login_required
@require_POST
def save(request):
    """Save the filters of a list or map (``target`` and ``query``) or a listing's matches.

    The matches of any of my published listings can be saved: a need's new places and offers,
    an offer's new seekers, a partner search's new experts and groups, an expert's new partner
    searches. A form with an error (no name, say) is shown again with it.
    """
    if not request.user.has_perm("listings.save_search"):
        raise PermissionDenied(_("Verify your e-mail address before you save a search."))
    if request.user.saved_searches.count() >= MAX_SEARCHES:
        messages.error(request, _("You have saved the most searches allowed: delete one first."))
        return redirect("listings:searches")
    target = request.POST.get("target", "")
    search = SavedSearch(user=request.user, target=target)
    form = SavedSearchForm(request.POST, instance=search)
    if target == SavedSearch.Target.MATCHES:
        listing_id = request.POST.get("listing", "")
        search.listing = get_object_or_404(
            Listing,
            pk=int(listing_id) if listing_id.isdigit() else 0,
            author=request.user,
            status=Status.PUBLISHED,
        )
    elif target in (SavedSearch.Target.LISTINGS, SavedSearch.Target.PLACES):
        search.query = filter_query(QueryDict(request.POST.get("query", "").lstrip("?")))
        if alerts.filter_form(search) is None:
            form.add_error(None, _("These filters are not valid: correct them on the page first."))
    else:
        return HttpResponseBadRequest(_("Unknown kind of search."))
    if not form.is_valid():
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = ""
        context = {"form": form, "search": search, "next": back}
        return render(request, "listings/save_search.html", context, status=400)
    form.save()
    messages.success(
        request,
        _("Search saved: we e-mail you when something new fits “%(name)s”.")
        % {"name": search.name},
    )
    return redirect("listings:searches")


@login_required
def searches(request):
    items = request.user.saved_searches.select_related("listing")
    return render(
        request,
        "listings/searches.html",
        {"searches": items, "frequencies": Frequency.choices, "Target": SavedSearch.Target},
    )


@login_required
@require_POST
def update(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk)
    if not request.user.has_perm("listings.change_savedsearch", search):
        raise Http404
    if request.POST.get("delete"):
        search.delete()
        messages.success(request, _("The search is deleted."))
        return redirect("listings:searches")
    frequency = request.POST.get("frequency", search.frequency)
    if frequency not in Frequency.values:
        return HttpResponseBadRequest(_("Unknown frequency."))
    search.frequency = frequency
    search.active = request.POST.get("active") == "1"
    if search.active and not SavedSearch.objects.get(pk=pk).active:
        search.checked_until = timezone.now()  # no flood of old news after a pause
    search.save(update_fields=["frequency", "active", "checked_until"])
    messages.success(request, _("The search is saved."))
    return redirect("listings:searches")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    search = alerts.search_for_token(token)
    if search is None:
        raise Http404
    resubscribe = request.method == "POST" and request.POST.get("resubscribe") == "1"
    search.active = resubscribe
    if resubscribe:
        search.checked_until = timezone.now()
    search.save(update_fields=["active", "checked_until"])
    return render(request, "listings/unsubscribed.html", {"search": search, "token": token})

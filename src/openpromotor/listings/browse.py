"""Browse published listings: a paginated list, a map of those with a location, an Atom feed.

All three read the same query string through ``ListingFilterForm``, so a filter URL can be
opened as a list, a map or a feed, and saved as a search.
"""

import json

from django import forms
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openpromotor.core.markdown import render_markdown
from openpromotor.geo.bbox import BELGIUM
from openpromotor.listings.filters import ListingFilterForm, filter_query
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind
from openpromotor.listings.widgets import LongSelect
from openpromotor.places.browse import MapViewForm, municipality_choices

PER_PAGE = 20
FEED_SIZE = 50
CHECKBOX_GROUPS = {
    "": ("use", "tenure", "role", "discipline", "language", "fee_model"),
    Kind.SEEK_SPACE: ("use", "tenure"),
    Kind.OFFER_SPACE: ("tenure",),
    Kind.SEEK_PARTNERS: ("role", "discipline"),
    Kind.OFFER_EXPERTISE: ("discipline", "language", "fee_model"),
}
"""The filters shown for each kind (all of them before a kind is chosen)."""


class BrowseFilterForm(ListingFilterForm):
    """The shared filters with the widgets of the browse pages."""

    field_order = ["kind", "q", "municipality", "near", "radius_km", "min_area", "max_area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CHECKBOX_GROUPS[""]:
            field = self.fields[name]
            field.widget = forms.CheckboxSelectMultiple(
                choices=field.choices, attrs={"class": "form-check-input"}
            )
        self.fields["q"].widget = forms.SearchInput(attrs={"class": "form-control"})
        self.fields["kind"].widget.attrs["class"] = "form-select"
        for name in ("min_area", "max_area", "radius_km", "near"):
            self.fields[name].widget.attrs["class"] = "form-control"
        self.fields["municipality"].label = _("Municipality")
        self.fields["municipality"].widget = LongSelect(
            choices=[("", _("All municipalities")), *municipality_choices()],
            attrs={"class": "form-select"},
        )
        self.fields["bbox"].widget = forms.HiddenInput()

    def chosen_kind(self) -> str:
        kind = self.data.get("kind", "")
        return kind if kind in CHECKBOX_GROUPS else ""

    def checkbox_groups(self):
        """The checkbox groups for the chosen kind, and whether each holds a chosen value."""
        names = CHECKBOX_GROUPS[self.chosen_kind()]
        return [(self[name], bool(self[name].value())) for name in names]

    def shows_area(self) -> bool:
        return self.chosen_kind() in ("", Kind.SEEK_SPACE, Kind.OFFER_SPACE)


def listing_list(request):
    form = BrowseFilterForm(request.GET)
    page = None
    if form.is_valid():
        listings = form.filter(Listing.objects.published().select_related("author"))
        page = Paginator(listings.prefetch_related("municipalities"), PER_PAGE).get_page(
            request.GET.get("page")
        )
    context = {
        "form": form,
        "page_obj": page,
        "kinds": Kind.choices,
        "query": filter_query(request.GET),
    }
    return render(request, "listings/list.html", context)


def listing_map(request):
    form = BrowseFilterForm(request.GET)
    view = MapViewForm(request.GET)
    bbox = (form.cleaned_data.get("bbox") if form.is_valid() else None) or BELGIUM
    context = {
        "form": form,
        "view": view.cleaned_data if view.is_valid() else None,
        "fit_bbox": f"{bbox.min_lon},{bbox.min_lat},{bbox.max_lon},{bbox.max_lat}",
        "clusters_url": reverse("api:api-root") + "listings/clusters",
        # The map script shows these facts in popups; listings carry only the municipality.
        "labels": json.dumps({"building_type": {}, "occupancy": {}, "availability": {}}),
        "query": filter_query(request.GET),
    }
    return render(request, "listings/map.html", context)


class ListingFeed(Feed):
    """An Atom feed of the newest published listings that match the query string's filters."""

    feed_type = Atom1Feed
    title = gettext_lazy("Open Promotor: listings")
    subtitle = gettext_lazy("New listings: space sought and offered, partners and expertise.")

    def get_object(self, request):
        form = ListingFilterForm(request.GET)
        if not form.is_valid():
            raise Http404(_("Correct the filters to see the listings."))
        self.list_url = reverse("listings:list") + (
            f"?{filter_query(request.GET)}" if request.GET else ""
        )
        return form

    def link(self, form):
        return self.list_url

    def items(self, form):
        return form.filter(Listing.objects.published().select_related("author"))[:FEED_SIZE]

    def item_title(self, listing):
        return f"{listing.get_kind_display().capitalize()}: {listing.title}"

    def item_description(self, listing):
        return render_markdown(listing.description)

    def item_link(self, listing):
        return listing.get_absolute_url()

    def item_pubdate(self, listing):
        return listing.published_at

    def item_updateddate(self, listing):
        return listing.updated_at

    def item_author_name(self, listing):
        return listing.author.display_name

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

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.core.markdown import render_markdown
from openpromotor.geo.bbox import BELGIUM
from openpromotor.listings.filters import ListingFilterForm, filter_query
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind
from openpromotor.listings.widgets import DateInput, LongSelect
from openpromotor.places.browse import MapViewForm, municipality_choices

PER_PAGE = 20
FEED_SIZE = 50
CHECKBOX_GROUPS = {
    "": ("use", "tenure", "role", "discipline", "language", "fee_model"),
    Kind.SEEK_SPACE: ("use", "tenure"),
    Kind.OFFER_SPACE: ("tenure", "building_type", "condition"),
    Kind.SEEK_PARTNERS: ("role", "discipline", "commitment"),
    Kind.OFFER_EXPERTISE: ("discipline", "language", "fee_model"),
}
AREA = ("min_area", "max_area")
MONEY = ("price", "rent_month")
GROUP = ("min_group", "max_group")
PERIOD = ("date_from", "date_until")
FIELD_ROWS = {
    "": (AREA,),
    Kind.SEEK_SPACE: (AREA, MONEY, GROUP, PERIOD, ("cooperative",)),
    Kind.OFFER_SPACE: (AREA, MONEY, PERIOD),
    Kind.SEEK_PARTNERS: (GROUP, ("max_share",)),
    Kind.OFFER_EXPERTISE: (),
}
"""The filters shown for each kind, besides kind, words, municipality and distance (before a
kind is chosen: those that several kinds share). A filter that holds a value is shown whatever
the kind, so that no filter works unseen."""

KIND_LABELS = {
    Kind.SEEK_SPACE: {
        "price": gettext_lazy("Budget to buy at least (€)"),
        "rent_month": gettext_lazy("Budget to rent at least (€ per month)"),
        "date_from": gettext_lazy("Wanted from"),
        "date_until": gettext_lazy("Wanted until"),
    },
    Kind.OFFER_SPACE: {
        "price": gettext_lazy("Asking price up to (€)"),
        "rent_month": gettext_lazy("Asking rent up to (€ per month)"),
        "date_from": gettext_lazy("Available from"),
        "date_until": gettext_lazy("Available until"),
    },
}
"""Labels that say what a filter means for the chosen kind."""


class BrowseFilterForm(ListingFilterForm):
    """The shared filters with the widgets of the browse pages."""

    field_order = ["kind", "q", "municipality", "near", "radius_km", "min_area", "max_area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in {name for names in CHECKBOX_GROUPS.values() for name in names}:
            field = self.fields[name]
            field.widget = forms.CheckboxSelectMultiple(
                choices=field.choices, attrs={"class": "form-check-input"}
            )
        self.fields["q"].widget = forms.SearchInput(attrs={"class": "form-control"})
        self.fields["kind"].widget.attrs["class"] = "form-select"
        for name in ("radius_km", "near", *AREA, *MONEY, *GROUP, "max_share"):
            self.fields[name].widget.attrs["class"] = "form-control"
        for name in PERIOD:
            self.fields[name].widget = DateInput(attrs={"class": "form-control"})
        self.fields["cooperative"].widget.attrs["class"] = "form-check-input"
        for name, label in KIND_LABELS.get(self.chosen_kind(), {}).items():
            self.fields[name].label = label
            self.fields[name].help_text = ""
        self.fields["municipality"].label = _("Municipality")
        self.fields["municipality"].widget = LongSelect(
            choices=[("", _("All municipalities")), *municipality_choices()],
            attrs={"class": "form-select"},
        )
        self.fields["bbox"].widget = forms.HiddenInput()

    def chosen_kind(self) -> str:
        kind = self.data.get("kind", "")
        return kind if kind in CHECKBOX_GROUPS else ""

    def _has_value(self, name: str) -> bool:
        return any(value not in ("", None) for value in self.data.getlist(name))

    def checkbox_groups(self):
        """The checkbox groups for the chosen kind (and any other holding a chosen value), and
        whether each holds a chosen value."""
        shown = CHECKBOX_GROUPS[self.chosen_kind()]
        others = [name for name in CHECKBOX_GROUPS[""] if name not in shown]
        others += [
            name for name in ("building_type", "condition", "commitment") if name not in shown
        ]
        names = [*shown, *(name for name in others if self._has_value(name))]
        return [(self[name], bool(self[name].value())) for name in names]

    def field_rows(self) -> list[list[forms.BoundField]]:
        """Rows of the chosen kind's other filters (and of any other holding a value)."""
        shown = FIELD_ROWS[self.chosen_kind()]
        everything = dict.fromkeys(row for rows in FIELD_ROWS.values() for row in rows)
        rows = [
            *shown,
            *(row for row in everything if row not in shown and any(map(self._has_value, row))),
        ]
        return [[self[name] for name in row] for row in rows]


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
        return person_name(listing.author)

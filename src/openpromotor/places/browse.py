"""Browse published places: a paginated list and a clustered map that share one filter form.

The list is the accessible equivalent of the map: both read the same query string, so a filter
URL can be shared and opened as either. The map page also reads ``lat``, ``lon`` and ``zoom`` (the
view its script writes back into the URL) and otherwise fits the ``bbox`` filter or Belgium.
"""

import json

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openpromotor.geo.bbox import BELGIUM, MAX_LATITUDE, MAX_LONGITUDE
from openpromotor.geo.tiles import MAX_ZOOM
from openpromotor.municipalities.models import Municipality
from openpromotor.places.filters import PlaceFilterForm
from openpromotor.places.models import Availability, BuildingType, Occupancy, Place

PER_PAGE = 20
CHECKBOX_FILTERS = ("building_type", "occupancy", "availability", "ownership_kind")


class BrowseFilterForm(PlaceFilterForm):
    """The shared filters with the widgets of the browse pages: checkboxes and a menu of
    municipalities instead of multiple selects and a NIS code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CHECKBOX_FILTERS:
            field = self.fields[name]
            field.widget = forms.CheckboxSelectMultiple(
                choices=field.choices, attrs={"class": "form-check-input"}
            )
        self.fields["q"].widget = forms.SearchInput(attrs={"class": "form-control"})
        for name in ("min_area", "max_area"):
            self.fields[name].widget.attrs.update({"class": "form-control", "inputmode": "numeric"})
        self.fields["bbox"].widget = forms.HiddenInput()
        self.fields["municipality"].label = _("Municipality")
        self.fields["municipality"].widget = forms.Select(
            choices=[("", _("All municipalities")), *municipality_choices()],
            attrs={"class": "form-select"},
        )

    def checkbox_groups(self) -> list[tuple[forms.BoundField, bool]]:
        """Each group of checkboxes, and whether it holds a chosen value (shown unfolded)."""
        return [(self[name], bool(self[name].value())) for name in CHECKBOX_FILTERS]


class MapViewForm(forms.Form):
    """The map's centre and zoom from the query string; an invalid view is ignored."""

    lat = forms.FloatField(min_value=-MAX_LATITUDE, max_value=MAX_LATITUDE)
    lon = forms.FloatField(min_value=-MAX_LONGITUDE, max_value=MAX_LONGITUDE)
    zoom = forms.IntegerField(min_value=0, max_value=MAX_ZOOM)


def municipality_choices() -> list[tuple[str, str]]:
    municipalities = Municipality.objects.current().only(
        "nis_code", "name_nl", "name_fr", "name_de"
    )
    return sorted(((m.nis_code, m.name) for m in municipalities), key=lambda choice: choice[1])


def place_list(request):
    form = BrowseFilterForm(request.GET)
    page = None
    if form.is_valid():
        places = form.filter(Place.objects.published().select_related("municipality"))
        page = Paginator(places, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "places/list.html", {"form": form, "page_obj": page})


def place_map(request):
    form = BrowseFilterForm(request.GET)
    view = MapViewForm(request.GET)
    bbox = form.cleaned_data.get("bbox") if form.is_valid() else None
    bbox = bbox or BELGIUM
    context = {
        "form": form,
        "view": view.cleaned_data if view.is_valid() else None,
        "fit_bbox": f"{bbox.min_lon},{bbox.min_lat},{bbox.max_lon},{bbox.max_lat}",
        "clusters_url": reverse("api:api-root") + "places/clusters",
        "labels": json.dumps(choice_labels()),
    }
    return render(request, "places/map.html", context)


def choice_labels() -> dict[str, dict[str, str]]:
    """The translated labels of the values the map's popups show."""
    return {
        name: {value: str(label) for value, label in choices.choices}
        for name, choices in (
            ("building_type", BuildingType),
            ("occupancy", Occupancy),
            ("availability", Availability),
        )
    }

"""The filters of the place list, the map and the API: one form validates and applies them."""

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from openpromotor.geo.bbox import BBox, BBoxError
from openpromotor.geo.tiles import MAX_ZOOM, covering_prefixes, prefix_range
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import (
    MAX_AREA_M2,
    Availability,
    BuildingType,
    Occupancy,
    OwnershipKind,
)

BBOX_TILE_RANGES = 4


class PlaceFilterForm(forms.Form):
    """Query-string filters; an invalid value gives a field error, never a server error."""

    box_in_index = True
    """Whether a map area narrows the index scan (see ``within_bbox``); digests turn it off."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    building_type = forms.MultipleChoiceField(
        label=_("Building type"), choices=BuildingType.choices, required=False
    )
    occupancy = forms.MultipleChoiceField(
        label=_("Occupancy"), choices=Occupancy.choices, required=False
    )
    availability = forms.MultipleChoiceField(
        label=_("Availability"), choices=Availability.choices, required=False
    )
    ownership_kind = forms.MultipleChoiceField(
        label=_("Kind of owner"), choices=OwnershipKind.choices, required=False
    )
    municipality = forms.CharField(label=_("Municipality (NIS code)"), required=False)
    min_area = forms.IntegerField(
        label=_("Floor area from (m²)"), required=False, min_value=0, max_value=MAX_AREA_M2
    )
    max_area = forms.IntegerField(
        label=_("Floor area up to (m²)"), required=False, min_value=0, max_value=MAX_AREA_M2
    )
    bbox = forms.CharField(
        label=_("Map area"), required=False, help_text="minLon,minLat,maxLon,maxLat"
    )

    def clean_municipality(self):
        code = self.cleaned_data["municipality"].strip()
        if code and not Municipality.objects.filter(nis_code=code).exists():
            raise forms.ValidationError(_("Unknown municipality code."))
        return code

    def clean_bbox(self):
        text = self.cleaned_data["bbox"].strip()
        if not text:
            return None
        try:
            return BBox.parse(text)
        except BBoxError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_area"), cleaned.get("max_area")
        if low is not None and high is not None and low > high:
            self.add_error("max_area", _("The largest area must not be below the smallest."))
        return cleaned

    def filter(self, queryset):
        """Apply the cleaned filters to a queryset of places (call after ``is_valid()``)."""
        data = self.cleaned_data
        if data["q"]:
            # The street is searched only where it is public: an approximate location hides it.
            queryset = queryset.filter(
                Q(title__icontains=data["q"])
                | Q(description__icontains=data["q"])
                | Q(street__icontains=data["q"], location_is_approximate=False)
            )
        for name in ("building_type", "occupancy", "ownership_kind"):
            if data[name]:
                queryset = queryset.filter(**{f"{name}__in": data[name]})
        if data["availability"]:
            any_of = Q()
            for value in data["availability"]:
                any_of |= Q(**{value: True})
            queryset = queryset.filter(any_of)
        if data["municipality"]:
            queryset = queryset.filter(municipality__nis_code=data["municipality"])
        if data["min_area"] is not None:
            queryset = queryset.filter(floor_area_m2__gte=data["min_area"])
        if data["max_area"] is not None:
            queryset = queryset.filter(floor_area_m2__lte=data["max_area"])
        if data["bbox"] is not None:
            queryset = within_bbox(queryset, data["bbox"], box_in_index=self.box_in_index)
        return queryset


def within_bbox(queryset, bbox: BBox, zoom: int = MAX_ZOOM, *, box_in_index: bool = True):
    """Places whose public location lies in the box: a few tile-key ranges narrow the scan on
    the index, the exact latitude/longitude test decides.

    The index on the public location also holds the coordinates, so the exact test usually
    narrows the index scan too. Where another condition is far more selective (a digest looks
    only at one day of new places), ``box_in_index=False`` writes the test as ``+ 0`` so that
    the database does not use it to choose an index: PostgreSQL multiplies the selectivities
    of the correlated bounds, expects a handful of rows from the location index and reads
    thousands, where the publication-date index gives a few (bench/README.md, Listings)."""
    tiles = Q()
    for prefix in covering_prefixes(bbox, zoom, BBOX_TILE_RANGES):
        low, high = prefix_range(prefix)
        tiles |= Q(public_tile_key__gte=low, public_tile_key__lt=high)
    latitude, longitude = "public_latitude", "public_longitude"
    if not box_in_index:
        queryset = queryset.alias(
            box_latitude=F("public_latitude") + 0, box_longitude=F("public_longitude") + 0
        )
        latitude, longitude = "box_latitude", "box_longitude"
    return queryset.filter(
        tiles,
        **{
            f"{latitude}__gte": bbox.min_lat,
            f"{latitude}__lte": bbox.max_lat,
            f"{longitude}__gte": bbox.min_lon,
            f"{longitude}__lte": bbox.max_lon,
        },
    )

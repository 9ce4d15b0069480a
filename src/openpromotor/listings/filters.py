"""The filters of the listings page, its map, feed and API, and of saved searches.

``ListingFilterForm`` validates a query string and applies it to listings; the same form serves
every place a filter appears, so a filter URL means the same everywhere. ``PlaceSearchForm``
is the places filter (``places.filters.PlaceFilterForm``) with the point and radius that saved
searches on buildings may add.

"Near a point": ``near`` is a postal code or ``latitude,longitude``, with ``radius_km``. The
distance test in SQL is the equirectangular approximation, well below 1 % off at Belgium's
latitudes over 300 km; a box of public tile-key ranges (``within_bbox``) narrows the scan first.

The filters of one kind keep only listings of the kinds that have the field: an area, a price,
a rent or a period keeps offers of space and needs for space; a group size keeps needs for
space and searches for partners. Each filter compares the reader's value the way matching
does: an offer asking at most ``price``, a need whose budget reaches it; a period
(``date_from``, ``date_until``) that overlaps the wanted or available one, open ends included.
A bound on an amount the listing itself gives (a price, a rent, a share, a group size) keeps
only the listings that give one. An offer tied to a building on the map that leaves its
building type or condition empty has the building's.

These filters narrow the rows that the indexes on kind, status and location select; they need
no index of their own at the size of the listings table.
"""

import functools
import math
import re

from django import forms
from django.db.models import ExpressionWrapper, F, FloatField, Q
from django.utils.translation import gettext_lazy as _

from openpromotor.geo.bbox import EARTH_RADIUS_M, BBox, BBoxError, in_belgium
from openpromotor.geo.distance import bbox_around
from openpromotor.listings.fields import has_any
from openpromotor.listings.matching import MAX_RADIUS_KM
from openpromotor.listings.models import MAX_GROUP_SIZE, MAX_MONEY, Listing
from openpromotor.listings.vocabulary import (
    Commitment,
    Discipline,
    FeeModel,
    Kind,
    Language,
    Role,
    Tenure,
    Use,
)
from openpromotor.municipalities.models import Municipality, PostalCode
from openpromotor.places.filters import PlaceFilterForm, within_bbox
from openpromotor.places.models import MAX_AREA_M2, BuildingType, Condition

KM_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180_000
POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
NEAR_DEFAULT_KM = 10
"""The radius around ``near`` when none is given."""
VIEW_PARAMETERS = ("page", "lat", "lon", "zoom")
"""Query parameters that are not filters: the page number and the map's view."""


@functools.lru_cache(maxsize=4096)
def postal_code_centre(code: str) -> tuple[float, float] | None:
    """The first place of a postal code, remembered: a digest validates thousands of filters,
    and postal codes are reference data that only a migration or an import changes."""
    found = PostalCode.objects.filter(code=code).values_list("latitude", "longitude").first()
    return tuple(found) if found else None


@functools.lru_cache(maxsize=4096)
def _is_municipality(code: str) -> bool:
    return Municipality.objects.filter(nis_code=code).exists()


def clean_municipality_code(text: str) -> str:
    code = text.strip()
    if code and not _is_municipality(code):
        raise forms.ValidationError(_("Unknown municipality code."))
    return code


class NearPointMixin(forms.Form):
    """``near`` (postal code or "lat,lon") and ``radius_km``: things within that distance."""

    box_in_index = True
    """Whether the area narrows the index scan (``places.filters.within_bbox``)."""

    near = forms.CharField(
        label=_("Near (postal code)"),
        required=False,
        max_length=40,
        help_text=_("A postal code, or latitude,longitude."),
    )
    radius_km = forms.FloatField(
        label=_("Within (km)"), required=False, min_value=0, max_value=MAX_RADIUS_KM
    )

    def clean_near(self):
        text = self.cleaned_data["near"].strip()
        if not text:
            return None
        found = POINT.match(text)
        if found:
            latitude, longitude = float(found[1]), float(found[2])
            if not in_belgium(latitude, longitude):
                raise forms.ValidationError(_("This point is not in Belgium."))
            return latitude, longitude
        point = postal_code_centre(text)
        if point is None:
            raise forms.ValidationError(_("Unknown postal code."))
        return point

    def clean_radius_km(self):
        radius = self.cleaned_data["radius_km"]
        if radius is not None and radius <= 0:
            raise forms.ValidationError(_("The radius must be more than 0 km."))
        return radius

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("radius_km") is not None and not self.data.get("near", "").strip():
            self.add_error("near", _("Give a postal code or a point for the radius."))
        return cleaned

    def near_filter(self, queryset, prefix: str = "public_"):
        """Keep the rows whose public location is within the radius (``NEAR_DEFAULT_KM``)."""
        point = self.cleaned_data.get("near")
        if point is None:
            return queryset
        radius = self.cleaned_data.get("radius_km") or NEAR_DEFAULT_KM
        latitude, longitude = point
        queryset = within_bbox(
            queryset, bbox_around(latitude, longitude, radius), box_in_index=self.box_in_index
        )
        dlat = F(f"{prefix}latitude") - latitude
        dlon = (F(f"{prefix}longitude") - longitude) * math.cos(math.radians(latitude))
        squared = ExpressionWrapper(dlat * dlat + dlon * dlon, output_field=FloatField())
        return queryset.alias(squared_degrees=squared).filter(
            squared_degrees__lte=(radius / KM_PER_DEGREE) ** 2
        )


class ListingFilterForm(NearPointMixin, forms.Form):
    """Query-string filters; an invalid value gives a field error, never a server error."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    municipality = forms.CharField(label=_("Municipality (NIS code)"), required=False)
    use = forms.MultipleChoiceField(label=_("Intended use"), choices=Use.choices, required=False)
    tenure = forms.MultipleChoiceField(label=_("Tenure"), choices=Tenure.choices, required=False)
    min_area = forms.IntegerField(
        label=_("Floor area from (m²)"), required=False, min_value=0, max_value=MAX_AREA_M2
    )
    max_area = forms.IntegerField(
        label=_("Floor area up to (m²)"), required=False, min_value=0, max_value=MAX_AREA_M2
    )
    role = forms.MultipleChoiceField(label=_("Roles wanted"), choices=Role.choices, required=False)
    discipline = forms.MultipleChoiceField(
        label=_("Discipline"), choices=Discipline.choices, required=False
    )
    language = forms.MultipleChoiceField(
        label=_("Language"), choices=Language.choices, required=False
    )
    fee_model = forms.MultipleChoiceField(
        label=_("Fee model"), choices=FeeModel.choices, required=False
    )
    price = forms.IntegerField(
        label=_("Price to buy (€)"),
        required=False,
        min_value=0,
        max_value=MAX_MONEY,
        help_text=_("Offers asking at most this; needs with a budget to buy of at least this."),
    )
    rent_month = forms.IntegerField(
        label=_("Rent (€ per month)"),
        required=False,
        min_value=0,
        max_value=MAX_MONEY,
        help_text=_("Offers asking at most this; needs with a budget to rent of at least this."),
    )
    building_type = forms.MultipleChoiceField(
        label=_("Building type"), choices=BuildingType.choices, required=False
    )
    condition = forms.MultipleChoiceField(
        label=_("Condition"), choices=Condition.choices, required=False
    )
    commitment = forms.MultipleChoiceField(
        label=_("Commitment"), choices=Commitment.choices, required=False
    )
    max_share = forms.IntegerField(
        label=_("Share per member up to (€)"), required=False, min_value=0, max_value=MAX_MONEY
    )
    min_group = forms.IntegerField(
        label=_("Group size from (people)"), required=False, min_value=1, max_value=MAX_GROUP_SIZE
    )
    max_group = forms.IntegerField(
        label=_("Group size up to (people)"), required=False, min_value=1, max_value=MAX_GROUP_SIZE
    )
    cooperative = forms.BooleanField(label=_("Open to a cooperative"), required=False)
    date_from = forms.DateField(
        label=_("From (date)"),
        required=False,
        help_text=_("Needs and offers whose wanted or available period overlaps these dates."),
    )
    date_until = forms.DateField(label=_("Until (date)"), required=False)
    bbox = forms.CharField(
        label=_("Map area"), required=False, help_text="minLon,minLat,maxLon,maxLat"
    )

    def clean_municipality(self):
        return clean_municipality_code(self.cleaned_data["municipality"])

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
        for low, high, message in (
            ("min_area", "max_area", _("The largest area must not be below the smallest.")),
            ("min_group", "max_group", _("The largest group must not be below the smallest.")),
            ("date_from", "date_until", _("The end must not be before the start.")),
        ):
            first, last = cleaned.get(low), cleaned.get(high)
            if first is not None and last is not None and first > last:
                self.add_error(high, message)
        return cleaned

    def filter(self, queryset):
        """Apply the cleaned filters to a queryset of listings (call after ``is_valid()``)."""
        data = self.cleaned_data
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["q"]:
            queryset = queryset.filter(
                Q(title__icontains=data["q"])
                | Q(description__icontains=data["q"])
                | Q(skills__icontains=data["q"])
            )
        if data["municipality"]:
            through = Listing.municipalities.through.objects.filter(
                municipality__nis_code=data["municipality"]
            )
            queryset = queryset.filter(pk__in=through.values("listing_id"))
        for name, field in (
            ("use", "uses"),
            ("tenure", "tenures"),
            ("role", "roles"),
            ("discipline", "disciplines"),
            ("language", "languages"),
        ):
            if data[name]:
                queryset = queryset.filter(has_any(field, data[name]))
        for name in ("fee_model", "commitment"):
            if data[name]:
                queryset = queryset.filter(**{f"{name}__in": data[name]})
        for name in ("building_type", "condition"):
            if data[name]:
                queryset = queryset.filter(
                    Q(**{f"{name}__in": data[name]})
                    | Q(**{name: "", f"place__{name}__in": data[name]})
                )
        queryset = self._area_filter(queryset, data["min_area"], data["max_area"])
        queryset = self._budget_filter(queryset, data["price"], "asking_price", "max_price")
        queryset = self._budget_filter(
            queryset, data["rent_month"], "asking_rent_month", "max_rent_month"
        )
        bounds = (
            ("max_share", "share_amount__lte"),
            ("min_group", "group_size__gte"),
            ("max_group", "group_size__lte"),
        )
        for name, lookup in bounds:
            if data[name] is not None:
                queryset = queryset.filter(**{lookup: data[name]})
        if data["cooperative"]:
            queryset = queryset.filter(open_to_cooperative=True)
        queryset = self._period_filter(queryset, data["date_from"], data["date_until"])
        if data["bbox"] is not None:
            queryset = within_bbox(queryset, data["bbox"], box_in_index=self.box_in_index)
        return self.near_filter(queryset)

    @staticmethod
    def _area_filter(queryset, low, high):
        """Offers whose floor area is in the range; needs whose wanted range overlaps it."""
        if low is None and high is None:
            return queryset
        offers, needs = Q(kind=Kind.OFFER_SPACE), Q(kind=Kind.SEEK_SPACE)
        if low is not None:
            offers &= Q(floor_area_m2__gte=low)
            needs &= Q(max_area_m2__gte=low) | Q(max_area_m2__isnull=True)
        if high is not None:
            offers &= Q(floor_area_m2__lte=high)
            needs &= Q(min_area_m2__lte=high) | Q(min_area_m2__isnull=True)
        return queryset.filter(offers | needs)

    @staticmethod
    def _budget_filter(queryset, amount, asking: str, budget: str):
        """Offers asking at most the amount; needs whose budget reaches it."""
        if amount is None:
            return queryset
        offers = Q(kind=Kind.OFFER_SPACE, **{f"{asking}__lte": amount})
        needs = Q(kind=Kind.SEEK_SPACE, **{f"{budget}__gte": amount})
        return queryset.filter(offers | needs)

    @staticmethod
    def _period_filter(queryset, start, end):
        """Needs and offers whose wanted or available period overlaps ``start`` to ``end``; an
        empty date is an open end."""
        if start is None and end is None:
            return queryset
        kept = Q()
        for kind, first, last in (
            (Kind.SEEK_SPACE, "wanted_from", "wanted_until"),
            (Kind.OFFER_SPACE, "available_from", "available_until"),
        ):
            overlaps = Q(kind=kind)
            if end is not None:
                overlaps &= Q(**{f"{first}__isnull": True}) | Q(**{f"{first}__lte": end})
            if start is not None:
                overlaps &= Q(**{f"{last}__isnull": True}) | Q(**{f"{last}__gte": start})
            kept |= overlaps
        return queryset.filter(kept)


class PlaceSearchForm(NearPointMixin, PlaceFilterForm):
    """The places filter, and near a point: what a saved search on buildings may hold."""

    def clean_municipality(self):
        return clean_municipality_code(self.cleaned_data["municipality"])

    def filter(self, queryset):
        return self.near_filter(super().filter(queryset))


def filter_query(querydict) -> str:
    """The filters of a query string, without the page number and the map's view."""
    query = querydict.copy()
    for name in VIEW_PARAMETERS:
        query.pop(name, None)
    return query.urlencode()

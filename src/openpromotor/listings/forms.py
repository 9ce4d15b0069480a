"""The forms of listings: one model form per kind, the abuse report, saving a search.

``ListingForm`` keeps the common fields, the "where" fields that fit the kind and the kind's
own fields. The web pages and the API (``api.py``) both validate through it, so a rule holds
everywhere: area min ≤ max, no negative money, a radius above 0 and at most 300 km together with
a point, known values only, an offer tied to one of the author's own published buildings or
standing on its own location.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.geo.bbox import in_belgium
from openpromotor.listings.matching import MAX_RADIUS_KM
from openpromotor.listings.models import Listing, ListingReport, SavedSearch
from openpromotor.listings.vocabulary import ClosedReason, Kind
from openpromotor.listings.widgets import DateInput, LongSelectMultiple
from openpromotor.municipalities.models import Municipality, PostalCode
from openpromotor.places.browse import municipality_choices
from openpromotor.places.models import Place, Status

COMMON_FIELDS = ["title", "description"]


WHERE_FIELDS = {
    Kind.SEEK_SPACE: ["municipalities", "public_latitude", "public_longitude", "radius_km"],
    Kind.OFFER_SPACE: ["municipalities", "public_latitude", "public_longitude"],
    Kind.SEEK_PARTNERS: ["municipalities", "public_latitude", "public_longitude"],
    Kind.OFFER_EXPERTISE: ["municipalities", "public_latitude", "public_longitude", "radius_km"],
}
KIND_FIELDS = {
    Kind.SEEK_SPACE: [
        "uses",
        "min_area_m2",
        "max_area_m2",
        "tenures",
        "max_price",
        "max_rent_month",
        "wanted_from",
        "wanted_until",
        "group_size",
        "open_to_cooperative",
        "findable",
    ],
    Kind.OFFER_SPACE: [
        "place",
        "building_type",
        "floor_area_m2",
        "condition",
        "tenures",
        "asking_price",
        "asking_rent_month",
        "available_from",
        "available_until",
        "conditions",
    ],
    Kind.SEEK_PARTNERS: [
        "roles",
        "disciplines",
        "skills",
        "commitment",
        "share_amount",
        "group_size",
        "languages",
    ],
    Kind.OFFER_EXPERTISE: ["disciplines", "skills", "languages", "fee_model"],
}
REQUIRED = {
    Kind.SEEK_SPACE: ["uses"],
    Kind.OFFER_EXPERTISE: ["disciplines"],
}
HELP = {
    Kind.SEEK_SPACE: {
        "radius_km": _("With a point: how far from it you would go, up to 300 km."),
        "municipalities": _("Or choose one or more municipalities instead of a point."),
    },
    Kind.OFFER_SPACE: {"municipalities": _("The municipality of the space.")},
    Kind.SEEK_PARTNERS: {"disciplines": _("The expertise you need, if any.")},
    Kind.OFFER_EXPERTISE: {
        "municipalities": _("The municipalities you work in."),
        "radius_km": _("Or the distance you travel from your point, up to 300 km."),
        "disciplines": None,
    },
}


def all_listing_fields() -> list[str]:
    fields = list(COMMON_FIELDS)
    for names in (*WHERE_FIELDS.values(), *KIND_FIELDS.values()):
        fields += [name for name in names if name not in fields]
    return fields


class ListingForm(StyledFormMixin, forms.ModelForm):
    """A listing of one kind; ``author`` decides which buildings an offer may be tied to."""

    municipalities = forms.MultipleChoiceField(
        label=_("Municipalities"),
        required=False,
        widget=LongSelectMultiple(attrs={"size": 6}),
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        required=False,
        max_length=4,
        help_text=_("Without a pin on the map, the centre of the postal code is used."),
    )

    class Meta:
        model = Listing
        fields = [*all_listing_fields(), "place_label"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "conditions": forms.Textarea(attrs={"rows": 3}),
            "public_latitude": forms.NumberInput(attrs={"step": "any"}),
            "public_longitude": forms.NumberInput(attrs={"step": "any"}),
            "radius_km": forms.NumberInput(attrs={"step": "any", "min": "0"}),
            "wanted_from": DateInput(),
            "wanted_until": DateInput(),
            "available_from": DateInput(),
            "available_until": DateInput(),
        }

    owns_places = False
    """Whether the author has published buildings that an offer can be tied to."""

    def __init__(self, *args, kind: str, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = Kind(kind)
        self.author = author
        keep = {*COMMON_FIELDS, *WHERE_FIELDS[self.kind], *KIND_FIELDS[self.kind]}
        keep |= {"postal_code", "place_label"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        for name in REQUIRED.get(self.kind, []):
            self.fields[name].required = True
        for name, text in HELP.get(self.kind, {}).items():
            self.fields[name].help_text = text or ""
        # NIS codes as plain choices: quicker to list and render than model choices.
        self.fields["municipalities"].choices = municipality_choices()
        if self.instance.pk:
            self.initial["municipalities"] = list(
                self.instance.municipalities.values_list("nis_code", flat=True)
            )
        self.fields["public_latitude"].label = _("Latitude")
        self.fields["public_longitude"].label = _("Longitude")
        if "radius_km" in self.fields:
            self.fields["radius_km"].validators = []
        if "place" in self.fields:
            self._limit_places()

    def detail_fields(self) -> list[forms.BoundField]:
        """The kind's own fields, in order (the building of an offer goes with "where")."""
        return [self[name] for name in KIND_FIELDS[self.kind] if name != "place"]

    def _limit_places(self) -> None:
        """An offer may only be tied to a published building that its author owns."""
        owned = Place.objects.filter(owner=self.author, status=Status.PUBLISHED)
        self.owns_places = owned.exists()
        field = self.fields["place"]
        field.queryset = owned.select_related("municipality")
        field.label_from_instance = lambda place: f"{place.title} ({place.municipality.name})"
        field.help_text = _("One of your buildings on the map; leave empty for another space.")

    def clean_municipalities(self):
        return list(Municipality.objects.filter(nis_code__in=self.cleaned_data["municipalities"]))

    def clean_radius_km(self):
        radius = self.cleaned_data.get("radius_km")
        if radius is None:
            return None
        if radius <= 0:
            raise forms.ValidationError(_("The radius must be more than 0 km."))
        if radius > MAX_RADIUS_KM:
            raise forms.ValidationError(
                _("The radius can be at most %(max)s km.") % {"max": MAX_RADIUS_KM}
            )
        return radius

    def clean(self):
        cleaned = super().clean()
        self._check_order(
            "min_area_m2", "max_area_m2", _("The largest area must not be below the smallest.")
        )
        self._check_order("wanted_from", "wanted_until", _("The end must not be before the start."))
        self._check_order(
            "available_from", "available_until", _("The end must not be before the start.")
        )
        self._locate(cleaned)
        if self.kind == Kind.SEEK_SPACE:
            self._check_search_area(cleaned)
        elif self.kind == Kind.OFFER_SPACE:
            self._check_offer_location(cleaned)
        elif self.kind == Kind.SEEK_PARTNERS and not (
            cleaned.get("roles") or cleaned.get("disciplines")
        ):
            self.add_error("roles", _("Choose at least one role or discipline."))
        return cleaned

    def _check_order(self, low_name: str, high_name: str, message) -> None:
        low, high = self.cleaned_data.get(low_name), self.cleaned_data.get(high_name)
        if low is not None and high is not None and low > high:
            self.add_error(high_name, message)

    def _locate(self, cleaned) -> None:
        """A pin in Belgium, or the centre of the postal code (naming the spot after it)."""
        latitude, longitude = cleaned.get("public_latitude"), cleaned.get("public_longitude")
        code = (cleaned.get("postal_code") or "").strip()
        if (latitude is None) != (longitude is None):
            self.add_error("public_latitude", _("Give both the latitude and the longitude."))
        elif latitude is not None and not in_belgium(latitude, longitude):
            self.add_error("public_latitude", _("This point is not in Belgium."))
        elif latitude is None and code:
            postal_code = (
                PostalCode.objects.filter(code=code).select_related("municipality").first()
            )
            if postal_code is None:
                self.add_error("postal_code", _("Unknown postal code."))
                return
            cleaned["public_latitude"] = postal_code.latitude
            cleaned["public_longitude"] = postal_code.longitude
            cleaned["place_label"] = cleaned.get("place_label") or postal_code.place
            self._postal_municipality = postal_code.municipality

    def _check_search_area(self, cleaned) -> None:
        has_point = cleaned.get("public_latitude") is not None
        radius = cleaned.get("radius_km")
        if has_point and cleaned.get("municipalities"):
            self.add_error(
                "municipalities",
                _("Choose municipalities or a point with a radius, not both."),
            )
        if has_point and radius is None and "radius_km" not in self.errors:
            self.add_error("radius_km", _("Give a radius in km around your point."))
        if radius is not None and not has_point:
            self.add_error("radius_km", _("Put a pin on the map or give a postal code."))

    def _check_offer_location(self, cleaned) -> None:
        place = cleaned.get("place")
        if place is not None:
            cleaned["public_latitude"] = place.public_latitude
            cleaned["public_longitude"] = place.public_longitude
            cleaned["municipalities"] = [place.municipality]
            for name in ("building_type", "floor_area_m2", "condition"):
                if cleaned.get(name) in (None, ""):
                    cleaned[name] = getattr(place, name)
            return
        if cleaned.get("public_latitude") is None:
            if self.owns_places:
                message = _("Choose one of your buildings, or put a pin or give a postal code.")
                self.add_error("place", message)
            else:
                self.add_error("postal_code", _("Put a pin on the map or give a postal code."))
            return
        chosen = list(cleaned.get("municipalities") or [])
        if not chosen and getattr(self, "_postal_municipality", None) is not None:
            cleaned["municipalities"] = Municipality.objects.filter(pk=self._postal_municipality.pk)
        elif len(chosen) != 1:
            self.add_error("municipalities", _("Choose the one municipality of the space."))


class ListingReportForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ListingReport
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class CloseForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you close it?"),
        choices=[(ClosedReason.FOUND, _("found")), (ClosedReason.WITHDRAWN, _("withdrawn"))],
        widget=forms.RadioSelect,
    )


class RejectForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Reason (sent to the author)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class SavedSearchForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]

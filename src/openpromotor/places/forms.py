from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.core.images import reencode_image
from openpromotor.geo.bbox import in_belgium
from openpromotor.municipalities.models import Municipality, PostalCode
from openpromotor.places import geocoding
from openpromotor.places.models import ModerationItem, Place, Status
from openpromotor.places.services import PHOTO_SIZE

PLACE_FIELDS = [
    "title",
    "description",
    "street",
    "house_number",
    "box",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "building_type",
    "floor_area_m2",
    "plot_area_m2",
    "floors",
    "construction_year",
    "condition",
    "occupancy",
    "vacant_since",
    "ownership_kind",
    "for_sale",
    "for_rent",
    "temporary_use",
    "cooperative",
    "asking_price",
    "asking_rent_month",
    "temporary_use_from",
    "temporary_use_until",
    "protected_heritage",
    "links",
]


class PlaceForm(StyledFormMixin, forms.ModelForm):
    """Report or edit a place. Without a pin, the postal code's centre gives the location."""

    class Meta:
        model = Place
        fields = PLACE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "links": forms.Textarea(attrs={"rows": 2}),
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
            "temporary_use_from": forms.DateInput(attrs={"type": "date"}),
            "temporary_use_until": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "latitude": _("Click the map or drag the pin; or leave empty to use the postal code."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.current()
        self.fields["municipality"].label_from_instance = lambda unit: unit.name
        self.fields["municipality"].required = False
        for name in ("latitude", "longitude"):
            self.fields[name].required = False

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            validate(link)
        return "\n".join(links)

    def clean(self):
        cleaned = super().clean()
        self._locate(cleaned)
        start, end = cleaned.get("temporary_use_from"), cleaned.get("temporary_use_until")
        if start and end and end < start:
            self.add_error("temporary_use_until", _("The end must not be before the start."))
        return cleaned

    def _locate(self, cleaned) -> None:
        """Fill the municipality and, without a pin, the location: the address when a geocoder
        is configured and finds it, else the postal code's centre."""
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        postal_code = (
            PostalCode.objects.filter(code=cleaned.get("postal_code"))
            .select_related("municipality")
            .first()
        )
        if latitude is None or longitude is None:
            if postal_code is None:
                raise forms.ValidationError(
                    _("Put a pin on the map or give the postal code of the building.")
                )
            found = geocoding.locate(
                cleaned.get("street", ""), cleaned.get("house_number", ""), postal_code.code
            )
            cleaned["latitude"], cleaned["longitude"] = found or (
                postal_code.latitude,
                postal_code.longitude,
            )
        elif not in_belgium(latitude, longitude):
            self.add_error("latitude", _("This point is not in Belgium."))
        if cleaned.get("municipality") is None:
            if postal_code is None or postal_code.municipality is None:
                self.add_error("municipality", _("Choose the municipality."))
            else:
                cleaned["municipality"] = Municipality.objects.get(pk=postal_code.municipality_id)


class OwnerPlaceForm(PlaceForm):
    """An owner also decides whether the exact location is public."""

    class Meta(PlaceForm.Meta):
        fields = [*PLACE_FIELDS, "location_is_approximate"]


class PhotoForm(StyledFormMixin, forms.Form):
    image = forms.ImageField(
        label=_("Photo"),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, at most 10 MB. We remove the photo's metadata."),
    )
    rights_holder = forms.CharField(label=_("Rights holder"), max_length=120)
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)

    def clean_image(self):
        return reencode_image(self.cleaned_data["image"], PHOTO_SIZE)


class ReportPhotoForm(PhotoForm):
    """The optional first photo on the report form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("rights_holder"):
            self.add_error("rights_holder", _("Say who holds the rights to this photo."))
        return cleaned

    def clean_image(self):
        image = self.cleaned_data.get("image")
        return reencode_image(image, PHOTO_SIZE) if image else None


class ModerationItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ModerationItem
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class CorrectionForm(ModerationItemForm):
    class Meta(ModerationItemForm.Meta):
        fields = ["no_longer_vacant", "proposed_occupancy", "text"]


class RejectForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the reporter)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class MergeForm(StyledFormMixin, forms.Form):
    into = forms.ModelChoiceField(
        label=_("Keep this place (number)"),
        queryset=Place.objects.filter(status=Status.PUBLISHED),
        widget=forms.NumberInput,
    )


class StatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("New state"),
        choices=[
            (Status.NO_LONGER_VACANT, Status.NO_LONGER_VACANT.label),
            (Status.ARCHIVED, Status.ARCHIVED.label),
            (Status.PUBLISHED, Status.PUBLISHED.label),
        ],
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

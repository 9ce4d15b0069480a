"""The charter's forms: a section with its points (a formset), a comment, and the choice of two
versions to compare. The version choices are limited to the project at hand, so a posted id of
another project's version is a field error, not a leak."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from openpromotor.charters.models import Comment, Negotiation
from openpromotor.charters.sections import PointDraft
from openpromotor.core.forms import StyledFormMixin

EXTRA_POINTS = 3


class SectionForm(StyledFormMixin, forms.Form):
    """A section's title; ``revision`` is the revision the editor started from."""

    title = forms.CharField(
        label=_("Title of the section"),
        max_length=140,
        error_messages={"required": _("Give the section a title.")},
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PointForm(StyledFormMixin, forms.Form):
    """One point; ``point`` is the saved point it edits (empty for a new one)."""

    point = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label=_("Text"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(
        label=_("Negotiation status"),
        choices=Negotiation.choices,
        initial=Negotiation.AGREED,
        error_messages={
            "invalid_choice": _("Choose one of the statuses: agreed, reconcilable or divergent.")
        },
    )
    remove = forms.BooleanField(label=_("Remove this point"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("point") and not data.get("remove") and not data.get("text", "").strip():
            self.add_error("text", _("Write the point, or tick “Remove this point”."))
        return data

    def draft(self) -> PointDraft | None:
        """The point as written, or None for an empty row (nothing to save, nothing lost)."""
        data = self.cleaned_data
        if not data or (not data.get("point") and not data.get("text", "").strip()):
            return None
        return PointDraft(data.get("point"), data["text"], data["status"], bool(data["remove"]))


PointFormSet = forms.formset_factory(
    PointForm, extra=EXTRA_POINTS, max_num=100, validate_max=True, absolute_max=150
)


def point_formset(data=None, points=(), prefix="points"):
    """The points of a section (``points`` as dicts of a snapshot) with empty rows to add more."""
    initial = [
        {"point": point.get("id"), "text": point["text"], "status": point["status"]}
        | ({"remove": True} if point.get("remove") else {})
        for point in points
    ]
    return PointFormSet(data, initial=initial, prefix=prefix)


def drafts(formset) -> list[PointDraft]:
    return [draft for form in formset.forms if (draft := form.draft()) is not None]


class CommentForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class CompareForm(StyledFormMixin, forms.Form):
    """Two versions of this project's charter (GET ``old`` and ``new``)."""

    old = forms.ModelChoiceField(label=_("From version"), queryset=None, empty_label=None)
    new = forms.ModelChoiceField(label=_("To version"), queryset=None, empty_label=None)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            field = self.fields[name]
            field.queryset = project.charter_versions.all()
            field.label_from_instance = version_label
            field.error_messages["invalid_choice"] = _(
                "Choose one of the versions of this project's charter."
            )

    def clean(self):
        data = super().clean()
        if data.get("old") and data.get("old") == data.get("new"):
            raise forms.ValidationError(_("Choose two different versions to compare."))
        return data


def version_label(version) -> str:
    saved = date_format(timezone.localtime(version.saved_at), "j M Y, H:i")
    if version.is_adopted:
        return _("Version %(number)s (adopted), %(date)s") % {
            "number": version.number,
            "date": saved,
        }
    return _("Version %(number)s, %(date)s") % {"number": version.number, "date": saved}

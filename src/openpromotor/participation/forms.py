"""The forms of the stakeholder map, the plan and the bodies.

Each form limits its choices to the project at hand (its stakeholders, its members, its
phases), so a posted id of another project's stakeholder is a field error, never a link across
projects.
"""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.participation.models import (
    Body,
    BodyMember,
    Meeting,
    PlanCell,
    Relation,
    Stakeholder,
)
from openpromotor.participation.vocabulary import (
    SINGLE_BODIES,
    SYMMETRIC_RELATIONS,
    BodyKind,
    Ladder,
    Means,
)

PROFILE_NUMBER = re.compile(r"^(?:.*/mensen/)?(\d+)/?$")
NOT_ON_THE_MAP = _("Choose a stakeholder of this project's map.")
NOT_A_MEMBER = _("Choose a member of this project.")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _members(project):
    return project.members.order_by("display_name")


def _member_field(field, queryset) -> None:
    field.queryset = queryset
    field.label_from_instance = lambda user: user.display_name
    field.error_messages["invalid_choice"] = NOT_A_MEMBER


def _stakeholder_field(field, queryset) -> None:
    field.queryset = queryset
    field.error_messages["invalid_choice"] = NOT_ON_THE_MAP


class VersionedForm(StyledFormMixin, forms.ModelForm):
    """A form that remembers the version of the object it started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    def started_from(self) -> int:
        return self.cleaned_data["version"] or 0

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


# --- The stakeholder map -------------------------------------------------------------------


class StakeholderForm(VersionedForm):
    """A stakeholder; its platform account is a project member, or anyone with a public
    profile (given by the address of the profile page, so no account can be looked up by
    e-mail)."""

    member = forms.ModelChoiceField(
        label=_("Member of this project"),
        queryset=None,
        required=False,
        empty_label=_("not a member"),
        help_text=_("When this stakeholder is one of the project's members."),
    )
    profile = forms.CharField(
        label=_("Or their public profile on the platform"),
        required=False,
        max_length=300,
        help_text=_("The address or number of their profile page, e.g. /mensen/12/."),
    )

    class Meta:
        model = Stakeholder
        fields = [
            "name",
            "kind",
            "group",
            "interests",
            "influence",
            "interest",
            "attitude",
            "expertise",
            "level",
            "trust",
        ]
        widgets = {
            "interests": forms.Textarea(attrs={"rows": 3}),
            "expertise": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        _member_field(self.fields["member"], _members(project))
        self.fields["trust"].choices = [("", _("not known yet")), *self.fields["trust"].choices[1:]]
        user = self.instance.user
        if user is not None and not self.is_bound:
            if self.fields["member"].queryset.filter(pk=user.pk).exists():
                self.fields["member"].initial = user.pk
            else:
                self.fields["profile"].initial = f"/mensen/{user.pk}/"

    def fieldsets(self) -> list[tuple[str, list]]:
        """The fields in two groups: who the stakeholder is, and their stake in the project."""
        who = ["name", "kind", "group", "member", "profile"]
        stake = [name for name in self.Meta.fields if name not in who]
        return [
            (_("Who"), [self[name] for name in who]),
            (_("Their stake in the project"), [self[name] for name in stake]),
        ]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = self.project.stakeholders.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The map already has a stakeholder with this name."))
        return name

    def clean_profile(self):
        text = self.cleaned_data["profile"].strip()
        if not text:
            return None
        match = PROFILE_NUMBER.search(text.split("://", 1)[-1].split("?")[0])
        people = get_user_model().objects.filter(is_active=True, profile_is_public=True)
        person = people.filter(pk=match.group(1)).first() if match else None
        if person is None:
            raise forms.ValidationError(_("No public profile has this number or address."))
        return person

    def clean(self):
        data = super().clean()
        if data.get("member") and data.get("profile"):
            self.add_error("profile", _("Choose a member or give a profile, not both."))
        return data

    def account(self):
        return self.cleaned_data.get("member") or self.cleaned_data.get("profile")

    def changes(self) -> dict:
        return {**super().changes(), "user": self.account()}


class RelationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Relation
        fields = ["source", "kind", "target", "strength", "note"]

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            _stakeholder_field(self.fields[name], project.stakeholders.order_by("name"))

    def clean(self):
        data = super().clean()
        source, kind, target = data.get("source"), data.get("kind"), data.get("target")
        if not (source and kind and target):
            return data
        if source == target:
            self.add_error("target", _("A stakeholder cannot have a relation with itself."))
            return data
        same = Relation.objects.filter(source=source, kind=kind, target=target)
        reverse = Relation.objects.none()
        if kind in SYMMETRIC_RELATIONS:
            reverse = Relation.objects.filter(source=target, kind=kind, target=source)
        if same.exists() or reverse.exists():
            self.add_error("target", _("This relation is already on the map."))
        return data


# --- The participation plan ----------------------------------------------------------------


class PlanCellForm(VersionedForm):
    means = forms.MultipleChoiceField(
        label=_("Means"),
        choices=Means.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PlanCell
        fields = ["level", "means", "other_means", "negotiable", "not_negotiable"]
        widgets = {
            "level": forms.RadioSelect,
            "negotiable": forms.Textarea(attrs={"rows": 2}),
            "not_negotiable": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = Ladder.choices  # a level is required: no empty choice

    def clean(self):
        data = super().clean()
        means = data.get("means") or []
        if data.get("other_means") and Means.OTHER not in means:
            data["means"] = [*means, Means.OTHER.value]
        elif Means.OTHER in means and not data.get("other_means"):
            self.add_error("other_means", _("Say which other means you use."))
        return data


# --- Governance bodies ---------------------------------------------------------------------


class BodyForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "mandate", "meeting_rhythm"]
        widgets = {"mandate": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project

    def _others(self):
        return self.project.bodies.exclude(pk=self.instance.pk)

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind in SINGLE_BODIES and self._others().filter(kind=kind).exists():
            raise forms.ValidationError(
                _("This project already has a %(kind)s.") % {"kind": BodyKind(kind).label}
            )
        return kind

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self._others().filter(name__iexact=name).exists():
            raise forms.ValidationError(_("The project already has a body with this name."))
        return name


class BodyMemberForm(StyledFormMixin, forms.Form):
    """A seat for a project member or for a stakeholder of the map (one of the two)."""

    member = forms.ModelChoiceField(
        label=_("Project member"), queryset=None, required=False, empty_label="—"
    )
    stakeholder = forms.ModelChoiceField(
        label=_("Or a stakeholder of the map"), queryset=None, required=False, empty_label="—"
    )
    function = forms.ChoiceField(
        label=_("Function"), choices=BodyMember._meta.get_field("function").choices
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        seats = body.members.all()
        members = _members(body.project).exclude(
            pk__in=seats.filter(user__isnull=False).values("user")
        )
        _member_field(self.fields["member"], members)
        stakeholders = body.project.stakeholders.exclude(
            pk__in=seats.filter(stakeholder__isnull=False).values("stakeholder")
        )
        _stakeholder_field(self.fields["stakeholder"], stakeholders.order_by("name"))

    def clean(self):
        data = super().clean()
        member, stakeholder = data.get("member"), data.get("stakeholder")
        if self.errors:
            return data
        if member and stakeholder:
            raise forms.ValidationError(_("Choose a project member or a stakeholder, not both."))
        if not member and not stakeholder:
            raise forms.ValidationError(_("Choose a project member or a stakeholder."))
        return data


class MeetingForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "time", "place", "phase", "agenda"]
        widgets = {
            "date": DATE_INPUT,
            "time": TIME_INPUT,
            "agenda": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        phase = self.fields["phase"]
        phase.queryset = project.phases.order_by("number")
        phase.empty_label = _("not linked to a phase")
        phase.error_messages["invalid_choice"] = _("Choose a phase of this project.")


class MinutesForm(VersionedForm):
    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 12})}

"""The workspace's forms. Each limits its choices to the project at hand (its phases, its
members), so a posted id of another project's phase or person is a field error, not a leak."""

import re

from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import ClosedReason
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Place
from openpromotor.places.models import Status as PlaceStatus
from openpromotor.projects import filetypes
from openpromotor.projects.models import (
    Comment,
    Document,
    EventKind,
    Frequency,
    Invitation,
    Milestone,
    Project,
    ProjectStatus,
    Purpose,
    RoadmapTemplate,
    Role,
    Task,
    Thread,
    Update,
)
from openpromotor.projects.rules import ASSIGNABLE_ROLES

VISIBILITY_FIELDS = [
    "story_is_public",
    "members_are_public",
    "roadmap_is_public",
    "discussions_are_public",
    "documents_are_public",
    "participation_plan_is_public",
    "charter_is_public",
]
ABOUT_FIELDS = ["name", "summary", "story", "purpose", "legal_form", "municipality"]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PLACE_NUMBER = re.compile(r"^(?:.*/panden/)?(\d+)/?$")


def _municipality_field(field) -> None:
    field.queryset = Municipality.objects.current()
    field.label_from_instance = lambda unit: unit.name


def _member_choices(field, project, roles=ASSIGNABLE_ROLES) -> None:
    field.queryset = project.members.filter(
        project_memberships__project=project, project_memberships__role__in=roles
    ).order_by("display_name")
    field.label_from_instance = lambda user: user.display_name


def _phase_choices(field, project) -> None:
    field.queryset = project.phases.order_by("number")


class GroupedFieldsMixin:
    """The fields about the project and its visibility choices, shown as two groups."""

    def about_fields(self):
        return [self[name] for name in self.Meta.fields if name not in VISIBILITY_FIELDS]

    def visibility_fields(self):
        return [self[name] for name in VISIBILITY_FIELDS]


def own_listings(user):
    """The listings a person may link to a project: their own, unless a moderator removed it."""
    return Listing.objects.filter(author=user).exclude(closed_reason=ClosedReason.REMOVED)


class ProjectForm(GroupedFieldsMixin, StyledFormMixin, forms.ModelForm):
    """Start a project: from scratch, from a place or from one of the person's own listings."""

    place = forms.ModelChoiceField(
        queryset=Place.objects.published(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _(
                "This building cannot be linked: it is not published (any more). Start the "
                "project without it, or from another building."
            )
        },
    )
    listing = forms.ModelChoiceField(
        queryset=Listing.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _("This listing cannot be linked: you can link only your own.")
        },
    )
    template = forms.ModelChoiceField(
        label=_("Roadmap template"), queryset=RoadmapTemplate.objects.all(), required=False
    )

    class Meta:
        model = Project
        fields = [*ABOUT_FIELDS, *VISIBILITY_FIELDS]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "story": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        _municipality_field(self.fields["municipality"])
        self.fields["listing"].queryset = own_listings(user)
        templates = RoadmapTemplate.objects.all()
        if templates.count() < 2:
            del self.fields["template"]
        else:
            self.fields["template"].initial = templates.filter(is_default=True).first()
            self.fields["template"].empty_label = None

    def clean(self):
        """The building and the listing are hidden fields: their errors are shown above."""
        cleaned = super().clean()
        for name in ("place", "listing"):
            for error in self.errors.get(name, []):
                self.add_error(None, error)
        return cleaned


class ProjectSettingsForm(GroupedFieldsMixin, StyledFormMixin, forms.ModelForm):
    """Coordinators edit the project: texts, status, current phase, links, visibility."""

    keep_places = forms.ModelMultipleChoiceField(
        label=_("Linked buildings"),
        queryset=Place.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a building to unlink it."),
    )
    add_place = forms.CharField(
        label=_("Link another building"),
        required=False,
        help_text=_("The number or the address of the building's page, e.g. /panden/12/."),
    )

    class Meta:
        model = Project
        fields = [*ABOUT_FIELDS, "status", "current_phase", "listings", "plans"]
        fields += VISIBILITY_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "story": forms.Textarea(attrs={"rows": 8}),
            "listings": forms.CheckboxSelectMultiple,
            "plans": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        project = self.instance
        _municipality_field(self.fields["municipality"])
        _phase_choices(self.fields["current_phase"], project)
        keep_places = self.fields["keep_places"]
        keep_places.queryset = project.places.all()
        keep_places.initial = list(project.places.all())
        keep_places.label_from_instance = _linked_place_label
        plans = self.fields["plans"]
        plans.queryset = (plans.queryset.filter(owner=user) | project.plans.all()).distinct()
        plans.help_text = _("Your own feasibility plans, and those already linked.")
        listings = self.fields["listings"]
        listings.queryset = (own_listings(user) | project.listings.all()).distinct()
        listings.help_text = _(
            "Your own listings, and those already linked; the published ones appear on the "
            "project's page as what the group is looking for."
        )

    def clean_add_place(self):
        text = self.cleaned_data["add_place"].strip()
        if not text:
            return None
        path = text.split("://", 1)[-1].split("?")[0]
        match = PLACE_NUMBER.search(path)
        place = Place.objects.published().filter(pk=match.group(1)).first() if match else None
        if place is None:
            raise forms.ValidationError(_("No published building has this number or address."))
        return place

    def save(self, commit=True):
        project = super().save(commit)
        places = list(self.cleaned_data["keep_places"])
        if self.cleaned_data["add_place"]:
            places.append(self.cleaned_data["add_place"])
        project.places.set(places)
        return project


def _linked_place_label(place) -> str:
    """Coordinators see that a linked building is no longer shown on the project's page."""
    if place.status == PlaceStatus.PUBLISHED:
        return place.title
    return _("%(title)s (not shown to the public: %(status)s)") % {
        "title": place.title,
        "status": place.get_status_display(),
    }


class InviteForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 2})}


class JoinRequestForm(StyledFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Why do you want to join?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. The coordinators read it."),
    )


class RoleForm(StyledFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class HandOverForm(StyledFormMixin, forms.Form):
    successor = forms.ModelChoiceField(label=_("New coordinator"), queryset=None)

    def __init__(self, *args, project, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["successor"]
        field.queryset = project.memberships.exclude(user=user).select_related("user")
        field.label_from_instance = lambda m: f"{m.user.display_name} ({m.get_role_display()})"


class LayCardForm(StyledFormMixin, forms.Form):
    """The keyboard way to lay a card: choose the phase and press the button."""

    phase = forms.ModelChoiceField(label=_("Phase"), queryset=None, empty_label=None)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        _phase_choices(self.fields["phase"], project)
        self.fields["phase"].widget.attrs["class"] += " form-select-sm"


class MoveTaskForm(LayCardForm):
    pass


class TaskForm(StyledFormMixin, forms.ModelForm):
    """Edit a task; ``version`` is the version the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Task
        fields = ["title", "description", "phase", "assignee", "due_date", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "due_date": DATE_INPUT}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        _phase_choices(self.fields["phase"], project)
        _member_choices(self.fields["assignee"], project)
        self.fields["assignee"].empty_label = _("nobody yet")
        self.fields["version"].initial = self.instance.version

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class GoalForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("New goal"), max_length=200)


class MilestoneForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_date"]
        widgets = {"due_date": DATE_INPUT}


class ClosePhaseForm(StyledFormMixin, forms.Form):
    reached = forms.CharField(
        label=_("What did you reach in this phase?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    changes = forms.CharField(
        label=_("What changes for the next steps?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReopenPhaseForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why do you reopen this phase?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ThreadForm(StyledFormMixin, forms.ModelForm):
    body = forms.CharField(
        label=_("First message"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=Comment._meta.get_field("body").help_text,
    )

    class Meta:
        model = Thread
        fields = ["title", "phase", "task"]

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        _phase_choices(self.fields["phase"], project)
        self.fields["task"].queryset = project.tasks.order_by("title")


class CommentForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class HideCommentForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (shown to everyone)"), max_length=300)


def _document_file_field() -> forms.FileField:
    return forms.FileField(
        label=_("File"),
        help_text=format_lazy(
            _("PDF, office document or image; at most {mb} MB."),
            mb=filetypes.MAX_DOCUMENT_BYTES // 2**20,
        ),
        widget=forms.ClearableFileInput(attrs={"accept": filetypes.ACCEPT_ATTRIBUTE}),
    )


def _checked_file(upload):
    """Check an upload by its content; the FileType is kept on the upload for the service."""
    upload.file_type = filetypes.identify(upload)
    return upload


class DocumentForm(StyledFormMixin, forms.ModelForm):
    file = _document_file_field()
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    class Meta:
        model = Document
        fields = ["title", "file", "phase", "task", "note"]

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        _phase_choices(self.fields["phase"], project)
        self.fields["task"].queryset = project.tasks.order_by("title")

    def clean_file(self):
        return _checked_file(self.cleaned_data["file"])


class VersionForm(StyledFormMixin, forms.Form):
    file = _document_file_field()
    note = forms.CharField(label=_("What changed?"), max_length=200, required=False)

    def clean_file(self):
        return _checked_file(self.cleaned_data["file"])


class UpdateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Update
        fields = ["title", "body", "is_public"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class NotificationSettingsForm(StyledFormMixin, forms.Form):
    """One choice per kind of event."""

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in EventKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices, initial=current[kind]
            )


class ProjectFilterForm(StyledFormMixin, forms.Form):
    """The overview's filters (query string); bad values are ignored field by field."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=[("", _("any purpose")), *Purpose.choices], required=False
    )
    phase = forms.TypedChoiceField(
        label=_("Phase"), coerce=int, required=False, empty_value=None, choices=()
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("any status")), *ProjectStatus.choices],
        required=False,
    )

    def __init__(self, *args, phase_titles: list, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.queryset = Municipality.objects.current().filter(projects__isnull=False).distinct()
        field.label_from_instance = lambda unit: unit.name
        field.empty_label = _("all municipalities")
        self.fields["phase"].choices = [("", _("any phase"))] + [
            (number, f"{number}. {title}") for number, title in phase_titles
        ]

    def filter(self, projects):
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"]
            projects = projects.filter(Q(name__icontains=words) | Q(summary__icontains=words))
        if data.get("municipality"):
            projects = projects.filter(municipality=data["municipality"])
        if data.get("purpose"):
            projects = projects.filter(purpose=data["purpose"])
        if data.get("phase"):
            projects = projects.filter(current_phase__number=data["phase"])
        if data.get("status"):
            projects = projects.filter(status=data["status"])
        return projects

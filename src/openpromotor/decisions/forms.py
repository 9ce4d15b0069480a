"""The forms of the decisions: opening a proposal, voting, and recording the outcome.

Each form limits its choices to the proposal or project at hand, so a posted id of another
proposal's option or another project's phase is a field error, not a vote elsewhere.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openpromotor.core.forms import StyledFormMixin
from openpromotor.decisions.models import QUORUM_MESSAGE, SCORE_LIMIT, PollType, Proposal
from openpromotor.decisions.proposals import option_texts

DEFAULT_DURATION = datetime.timedelta(days=7)
OTHER_OPTION = _("Choose one of this proposal's options.")
REASON_LABELS = {
    PollType.CONSENT: _("Your reason (needed when you object)"),
    PollType.CONSENSUS: _("Your reason (needed when you block)"),
}


class ProposalForm(StyledFormMixin, forms.ModelForm):
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only for single choice, multiple choice and score polls: one option per line, "
            "at least two."
        ),
    )

    class Meta:
        model = Proposal
        fields = [
            "title",
            "description",
            "poll_type",
            "options",
            "score_min",
            "score_max",
            "closes_at",
            "quorum",
            "is_anonymous",
            "hide_results",
            "phase",
            "charter_section",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "poll_type": forms.RadioSelect,
            "closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "quorum": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "score_min": forms.NumberInput(attrs={"min": 0, "max": SCORE_LIMIT - 1}),
            "score_max": forms.NumberInput(attrs={"min": 1, "max": SCORE_LIMIT}),
        }
        help_texts = {
            "score_min": _("Only for score polls: e.g. 0 to 5, or 1 to 10 (at most 10)."),
        }
        error_messages = {"quorum": {"min_value": QUORUM_MESSAGE, "max_value": QUORUM_MESSAGE}}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        phase = self.fields["phase"]
        phase.queryset = project.phases.order_by("number")
        phase.empty_label = _("no phase")
        section = self.fields["charter_section"]
        section.queryset = project.charter_sections.filter(removed_at__isnull=True)
        section.empty_label = _("no charter section")
        in_a_week = timezone.localtime() + DEFAULT_DURATION
        self.initial["phase"] = self.initial.get("phase") or project.current_phase_id
        self.initial["closes_at"] = self.initial.get("closes_at") or in_a_week.replace(
            minute=0, second=0, microsecond=0
        )

    def clean(self):
        data = super().clean()
        if "poll_type" in data:
            try:
                option_texts(data["poll_type"], data.get("options", ""))
            except ValidationError as error:
                self.add_error("options", error)
        return data


class _VoteFields(forms.Form):
    """The fields of a vote, which depend on the poll type (``VoteForm`` styles them)."""

    def __init__(self, *args, proposal, vote=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        options = proposal.options.all()
        chosen = {choice.option_id: choice.score for choice in vote.choices.all()} if vote else {}
        if proposal.is_score:
            scale = [(score, str(score)) for score in proposal.score_range()]
            for option in options:
                self.fields[f"score_{option.pk}"] = forms.TypedChoiceField(
                    label=option.label,
                    choices=[("", _("choose a score")), *scale],
                    coerce=int,
                    initial=chosen.get(option.pk),
                )
        elif proposal.poll_type == PollType.MULTIPLE_CHOICE:
            self.fields["choices"] = forms.ModelMultipleChoiceField(
                label=_("Your choices"),
                queryset=options,
                widget=forms.CheckboxSelectMultiple,
                initial=list(chosen),
                error_messages={"invalid_choice": OTHER_OPTION, "invalid_pk_value": OTHER_OPTION},
            )
            self.fields["choices"].label_from_instance = lambda option: option.label
        else:
            self.fields["choice"] = forms.ModelChoiceField(
                label=_("Your vote") if proposal.has_stances else _("Your choice"),
                queryset=options,
                widget=forms.RadioSelect,
                empty_label=None,
                initial=next(iter(chosen), None),
                error_messages={"invalid_choice": OTHER_OPTION},
            )
            self.fields["choice"].label_from_instance = lambda option: option.label
        self.fields["reason"] = forms.CharField(
            label=REASON_LABELS.get(proposal.poll_type, _("Comment (optional)")),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            initial=vote.reason if vote else "",
            help_text=_("Shown to the members without your name.")
            if proposal.is_anonymous
            else _("Shown to the members with your name."),
        )


class VoteForm(StyledFormMixin, _VoteFields):
    def clean(self):
        data = super().clean()
        needs_reason = any(option.needs_reason for option in self.picks())
        if needs_reason and not data.get("reason", "").strip():
            self.add_error("reason", _("Give a reason: an objection or a block needs one."))
        return data

    def picks(self) -> dict:
        """The chosen options with their scores (``None`` except in score polls)."""
        data = self.cleaned_data
        if self.proposal.is_score:
            return {
                option: data[f"score_{option.pk}"]
                for option in self.proposal.options.all()
                if data.get(f"score_{option.pk}") is not None
            }
        if "choices" in self.fields:
            return dict.fromkeys(data.get("choices") or [])
        return {data["choice"]: None} if data.get("choice") else {}


class OutcomeForm(StyledFormMixin, forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=Proposal._meta.get_field("outcome").help_text,
    )

"""Operators can look into proposals (for support and abuse), but never into votes: the
``Vote`` model is not registered, and a proposal shows only how many votes it has."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from openpromotor.decisions.models import Option, Proposal


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ["position", "text", "stance"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "poll_type", "status", "closes_at", "is_anonymous"]
    list_filter = ["status", "poll_type", "is_anonymous"]
    search_fields = ["title", "project__name"]
    raw_id_fields = ["project", "phase", "proposer", "closed_by", "outcome_by"]
    readonly_fields = [
        "vote_count",
        "poll_type",
        "is_anonymous",
        "hide_results",
        "score_min",
        "score_max",
        "status",
        "eligible_count",
        "opened_at",
        "closed_at",
    ]
    """What the votes depend on cannot change once a proposal is open."""
    inlines = [OptionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(number_of_votes=Count("votes"))

    @admin.display(description=_("votes"))
    def vote_count(self, proposal) -> int:
        return proposal.number_of_votes

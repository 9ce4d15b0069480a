"""Operators can look into feasibility plans and their versions (for support and abuse), but
not change them: a plan is its owner's working document. Deleting a plan stays possible, for a
person who asks for it to be removed.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from openpromotor.feasibility.models import Plan, PlanVersion


class ReadOnlyMixin:
    """Every field shown, none editable, nothing added by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PlanVersionInline(ReadOnlyMixin, admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ["created_at", "note"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "owner", "place", "is_shared", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["title", "owner__email", "owner__display_name"]
    list_select_related = ["owner", "place"]
    fields = ["title", "owner", "place", "is_shared", "created_at", "updated_at"]
    readonly_fields = fields
    inlines = [PlanVersionInline]

    def get_deleted_objects(self, objs, request):
        """A plan's versions go with it, though nobody may delete them one by one."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(str(PlanVersion._meta.verbose_name))
        return deleted, counts, perms_needed, protected

    @admin.display(boolean=True, description=_("shared"))
    def is_shared(self, plan) -> bool:
        """Whether a share link works; the token itself is a secret and is not shown."""
        return plan.share_token is not None


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["__str__", "plan", "note", "created_at"]
    search_fields = ["plan__title", "note"]
    list_select_related = ["plan"]
    fields = ["plan", "note", "created_at", "scenario"]
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        """A version goes with its plan; deleting one alone would rewrite the plan's history."""
        return False

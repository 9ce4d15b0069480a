"""Operators manage the roadmap templates and the step-card library here, and can look into
projects (for support and abuse)."""

from django.contrib import admin

from openpromotor.projects.models import (
    Comment,
    Membership,
    Phase,
    Project,
    RoadmapTemplate,
    StepCard,
    TemplatePhase,
    Update,
)


class TemplatePhaseInline(admin.StackedInline):
    model = TemplatePhase
    extra = 0


@admin.register(RoadmapTemplate)
class RoadmapTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    inlines = [TemplatePhaseInline]


@admin.register(StepCard)
class StepCardAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "suggested_phase", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["category", "suggested_phase", "is_active"]
    search_fields = ["title", "explanation"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["number", "title", "state", "closed_at"]
    readonly_fields = ["closed_at"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "purpose", "status", "current_phase", "updated_at"]
    list_filter = ["status", "purpose", "legal_form"]
    search_fields = ["name", "summary"]
    raw_id_fields = ["municipality", "places", "plans", "created_by", "current_phase"]
    inlines = [MembershipInline, PhaseInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "thread", "author", "created_at", "hidden_at", "deleted_at"]
    raw_id_fields = ["thread", "author", "hidden_by"]


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "is_public", "created_at"]
    raw_id_fields = ["project", "author"]

"""Operators can look into a project's map, plan and bodies here (for support and abuse)."""

from django.contrib import admin

from openpromotor.participation.models import (
    Body,
    BodyMember,
    Meeting,
    PlanCell,
    Relation,
    Stakeholder,
)


class RelationInline(admin.TabularInline):
    model = Relation
    fk_name = "source"
    extra = 0
    raw_id_fields = ["target"]


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "group", "influence", "interest", "attitude"]
    list_filter = ["group", "attitude"]
    search_fields = ["name", "project__name"]
    raw_id_fields = ["project", "user"]
    readonly_fields = ["created_by", "updated_by", "version"]
    inlines = [RelationInline]


@admin.register(PlanCell)
class PlanCellAdmin(admin.ModelAdmin):
    list_display = ["phase", "group", "level"]
    list_filter = ["level"]
    raw_id_fields = ["phase"]
    readonly_fields = ["updated_by", "version"]


class BodyMemberInline(admin.TabularInline):
    model = BodyMember
    extra = 0
    raw_id_fields = ["user", "stakeholder"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "project"]
    list_filter = ["kind"]
    search_fields = ["name", "project__name"]
    raw_id_fields = ["project"]
    inlines = [BodyMemberInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "date", "time"]
    raw_id_fields = ["body", "phase"]
    readonly_fields = ["minutes_by", "minutes_at", "created_by", "version"]

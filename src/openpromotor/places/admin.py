from django.contrib import admin

from openpromotor.places.models import (
    ModerationItem,
    ModeratorScope,
    Place,
    PlaceChange,
    PlacePhoto,
)


class PlacePhotoInline(admin.TabularInline):
    model = PlacePhoto
    extra = 0
    fields = ["image", "rights_holder", "caption"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "building_type", "occupancy", "status", "created_at"]
    list_filter = ["status", "building_type", "occupancy", "source"]
    search_fields = ["title", "street", "external_id"]
    raw_id_fields = ["municipality", "reporter", "owner"]
    inlines = [PlacePhotoInline]


@admin.register(ModerationItem)
class ModerationItemAdmin(admin.ModelAdmin):
    list_display = ["kind", "place", "state", "created_at"]
    list_filter = ["kind", "state"]
    raw_id_fields = ["place", "author", "decided_by"]


@admin.register(ModeratorScope)
class ModeratorScopeAdmin(admin.ModelAdmin):
    list_display = ["moderator", "municipality"]
    raw_id_fields = ["moderator", "municipality"]


@admin.register(PlaceChange)
class PlaceChangeAdmin(admin.ModelAdmin):
    list_display = ["place", "kind", "actor", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["place", "actor"]

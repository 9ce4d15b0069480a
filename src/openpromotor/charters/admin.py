"""Operators can look into charters (for support and abuse) but not rewrite them: every change
goes through the services, which record a version, and adopted versions are frozen."""

from django.contrib import admin

from openpromotor.charters.models import Comment, Section, Signature, Version


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Section)
class SectionAdmin(ReadOnlyAdmin):
    list_display = ["title", "project", "order", "revision", "removed_at"]
    search_fields = ["title", "project__name"]


@admin.register(Version)
class VersionAdmin(ReadOnlyAdmin):
    list_display = ["project", "number", "change", "saved_by", "saved_at", "adopted_at"]
    list_filter = ["change"]
    search_fields = ["project__name"]


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["version", "user", "signed_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Operators may delete an abusive comment here."""

    list_display = ["section", "author", "created_at", "deleted_at"]
    search_fields = ["body"]
    readonly_fields = ["section", "author", "created_at", "edited_at"]

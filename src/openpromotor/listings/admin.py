"""The admin of listings, saved searches and abuse reports: for staff who look into a problem.

Moderation itself (publishing a new author's first listing, deciding on reports) happens in the
moderation queue, which notifies the people concerned; the admin is for looking things up.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from openpromotor.accounts.templatetags.people import person_name
from openpromotor.listings.models import Listing, ListingReport, SavedSearch


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "author_name", "published_at", "expires_at"]
    list_filter = ["kind", "status", "closed_reason", "findable", "open_to_cooperative"]
    search_fields = ["title", "description", "skills", "author__email", "author__display_name"]
    raw_id_fields = ["author", "place", "municipalities"]
    readonly_fields = ["created_at", "updated_at", "public_tile_key", "reminder_sent_at"]
    date_hierarchy = "published_at"
    list_select_related = ["author"]

    @admin.display(description=_("author"), ordering="author__display_name")
    def author_name(self, listing):
        return person_name(listing.author)


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "target", "frequency", "active", "last_sent_at"]
    list_filter = ["target", "frequency", "active"]
    search_fields = ["name", "query", "user__email", "user__display_name"]
    raw_id_fields = ["user", "listing"]
    readonly_fields = ["created_at", "last_sent_at"]
    list_select_related = ["user"]


@admin.register(ListingReport)
class ListingReportAdmin(admin.ModelAdmin):
    list_display = ["listing", "state", "reporter", "created_at", "decided_at"]
    list_filter = ["state"]
    search_fields = ["text", "listing__title", "author__email"]
    raw_id_fields = ["listing", "author", "decided_by"]
    readonly_fields = ["created_at", "decided_at"]
    list_select_related = ["listing", "author"]

    @admin.display(description=_("reported by"), ordering="author__display_name")
    def reporter(self, report):
        return person_name(report.author)

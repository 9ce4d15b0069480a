"""What the moderation queue shows of listings (the queue's template includes
``listings/_moderation_items.html``, which loads this)."""

from django import template

from openpromotor.listings.models import Listing, ListingReport
from openpromotor.listings.vocabulary import Status

register = template.Library()


@register.simple_tag
def listings_to_moderate(user):
    """First listings of new authors waiting for a moderator, and open abuse reports."""
    if not user.has_perm("listings.moderate"):
        return {"pending": [], "reports": []}
    return {
        "pending": Listing.objects.filter(status=Status.PENDING)
        .select_related("author")
        .order_by("created_at")[:100],
        "reports": ListingReport.objects.filter(state=ListingReport.State.OPEN)
        .select_related("listing", "author")
        .order_by("created_at")[:100],
    }

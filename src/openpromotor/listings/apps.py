from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    name = "openpromotor.listings"
    label = "listings"
    verbose_name = _("Listings")

    def ready(self):
        from openpromotor.listings import signals  # noqa: F401 (connects the receivers)

    def personal_data(self, user) -> dict:
        """This app's part of "download my data"."""
        from openpromotor.listings.models import Listing

        return {
            "listings": [
                {
                    "id": listing.pk,
                    "kind": listing.kind,
                    "title": listing.title,
                    "description": listing.description,
                    "status": listing.status,
                    "created_at": listing.created_at.isoformat(),
                }
                for listing in Listing.objects.filter(author=user)
            ],
            "saved_searches": [
                {
                    "name": search.name,
                    "target": search.target,
                    "query": search.query,
                    "frequency": search.frequency,
                    "active": search.active,
                }
                for search in user.saved_searches.all()
            ],
        }

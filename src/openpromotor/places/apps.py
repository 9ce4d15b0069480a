from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "openpromotor.places"
    label = "places"
    verbose_name = _("Places")

    def personal_data(self, user) -> dict:
        """This app's part of "download my data"."""
        from openpromotor.places.models import ModerationItem, Place, PlacePhoto

        def summary(places):
            return [{"id": p.pk, "title": p.title, "status": p.status} for p in places]

        return {
            "reported_places": summary(Place.objects.filter(reporter=user)),
            "owned_places": summary(Place.objects.filter(owner=user)),
            "followed_places": summary(user.followed_places.all()),
            "claims_corrections_and_abuse_reports": [
                {
                    "place": item.place_id,
                    "kind": item.kind,
                    "text": item.text,
                    "state": item.state,
                    "created_at": item.created_at.isoformat(),
                }
                for item in ModerationItem.objects.filter(author=user)
            ],
            "photos_uploaded": [
                {"place": photo.place_id, "caption": photo.caption, "file": photo.image.name}
                for photo in PlacePhoto.objects.filter(uploaded_by=user)
            ],
        }

"""Values every page needs: the navigation, the contact address, the supported languages."""

from django.conf import settings


def site(request):
    return {
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "PRODUCTION": settings.PRODUCTION,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_ATTRIBUTION": settings.MAP_ATTRIBUTION,
    }

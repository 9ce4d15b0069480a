"""Values every page needs: the navigation, the contact address, the supported languages."""

from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    unread = (
        user.notifications.filter(read_at__isnull=True).count()
        if user is not None and user.is_authenticated
        else 0
    )
    return {
        "UNREAD_NOTIFICATIONS": unread,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "OPERATOR_NAME": settings.OPERATOR_NAME,
        "OPERATOR_ADDRESS": settings.OPERATOR_ADDRESS,
        "PRODUCTION": settings.PRODUCTION,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_ATTRIBUTION": settings.MAP_ATTRIBUTION,
    }

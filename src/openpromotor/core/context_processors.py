"""Values every page needs: the navigation, the contact address, the supported languages."""

from django.conf import settings


def site(request):
    return {
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "PRODUCTION": settings.PRODUCTION,
    }

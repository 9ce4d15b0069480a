from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from openpromotor.api import api
from openpromotor.core import views as core_views

urlpatterns = [
    path("", include("openpromotor.core.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("allauth.urls")),
    path("", include("openpromotor.accounts.urls")),
    path("panden/", include("openpromotor.places.urls")),
    path("haalbaarheid/", include("openpromotor.feasibility.urls")),
    path("projecten/", include("openpromotor.projects.urls")),
    path("projecten/", include("openpromotor.participation.urls")),
    path("projecten/", include("openpromotor.charters.urls")),
    path("projecten/", include("openpromotor.decisions.urls")),
    path("zoekertjes/", include("openpromotor.listings.urls")),
    path("berichten/", include("openpromotor.conversations.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# Uploaded files in development; in production the reverse proxy serves MEDIA_ROOT (README).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

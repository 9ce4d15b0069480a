from django.urls import path

from openpromotor.listings import browse, moderation, searches, views

app_name = "listings"

urlpatterns = [
    path("", browse.listing_list, name="list"),
    path("kaart/", browse.listing_map, name="map"),
    path("feed/", browse.ListingFeed(), name="feed"),
    path("nieuw/", views.choose_kind, name="choose_kind"),
    path("nieuw/<str:kind>/", views.create, name="create"),
    path("mijn/", views.mine, name="mine"),
    path("scores/", views.scoring, name="scoring"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.edit, name="edit"),
    path("<int:pk>/publiceren/", views.publish, name="publish"),
    path("<int:pk>/sluiten/", views.close, name="close"),
    path("<int:pk>/melden/", views.report, name="report"),
    path("pand/<int:pk>/zoekers/", views.place_seekers, name="place_seekers"),
    path("zoekopdrachten/", searches.searches, name="searches"),
    path("zoekopdrachten/bewaren/", searches.save, name="save_search"),
    path("zoekopdrachten/<int:pk>/", searches.update, name="update_search"),
    path("zoekopdrachten/afmelden/<str:token>/", searches.unsubscribe, name="unsubscribe"),
    path("moderatie/<int:pk>/publiceren/", moderation.approve, name="approve"),
    path("moderatie/<int:pk>/afwijzen/", moderation.reject, name="reject"),
    path("moderatie/melding/<int:pk>/", moderation.decide_report, name="decide_report"),
]

from django.urls import path

from openpromotor.places import browse, views

app_name = "places"

urlpatterns = [
    path("", browse.place_list, name="list"),
    path("kaart/", browse.place_map, name="map"),
    path("melden/", views.report, name="report"),
    path("melden/dubbels/", views.duplicates, name="duplicates"),
    path("mijn-panden/", views.my_places, name="my_places"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.edit, name="edit"),
    path("<int:pk>/foto/", views.add_photo, name="add_photo"),
    path("<int:pk>/volgen/", views.follow, name="follow"),
    path("<int:pk>/claimen/", views.claim, name="claim"),
    path("<int:pk>/correctie/", views.correct, name="correct"),
    path("<int:pk>/melding-misbruik/", views.report_abuse, name="report_abuse"),
    path("moderatie/", views.moderation_queue, name="moderation"),
    path("moderatie/<int:pk>/publiceren/", views.publish, name="publish"),
    path("moderatie/<int:pk>/afwijzen/", views.reject, name="reject"),
    path("moderatie/<int:pk>/status/", views.change_status, name="change_status"),
    path("moderatie/<int:pk>/samenvoegen/", views.merge, name="merge"),
    path("moderatie/beslissing/<int:item_pk>/", views.decide, name="decide"),
]

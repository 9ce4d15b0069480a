from django.urls import path

from openpromotor.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/blokkeren/", views.block, name="block"),
    path("nieuw/zoekertje/<int:pk>/", views.start_about_listing, name="start_listing"),
    path("nieuw/pand/<int:pk>/", views.start_about_place, name="start_place"),
    path("bericht/<int:pk>/melden/", views.report, name="report"),
    path("moderatie/<int:pk>/", views.decide, name="decide"),
]

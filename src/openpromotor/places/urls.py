from django.urls import path

from openpromotor.places import views

app_name = "places"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
]

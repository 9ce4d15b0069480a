from django.urls import path

from openpromotor.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.profile_edit, name="profile_edit"),
    path("profiel/mijn-gegevens.json", views.data_export, name="data_export"),
    path("profiel/verwijderen/", views.account_delete, name="account_delete"),
    path("mensen/<int:pk>/", views.profile_public, name="profile_public"),
]

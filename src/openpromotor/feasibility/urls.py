from django.urls import path

from openpromotor.feasibility import views

app_name = "feasibility"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("nieuw/", views.plan_create, name="create"),
    path("vergelijk/", views.compare_view, name="compare"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/bereken/", views.calculate, name="calculate"),
    path("<int:pk>/gevoeligheid/", views.sensitivity_view, name="sensitivity"),
    path("<int:pk>/delen/", views.share, name="share"),
    path("<int:pk>/verwijderen/", views.plan_delete, name="delete"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("gedeeld/<str:token>/", views.shared, name="shared"),
    path("gedeeld/<str:token>/gevoeligheid/", views.shared_sensitivity, name="shared_sensitivity"),
    path("gedeeld/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
]

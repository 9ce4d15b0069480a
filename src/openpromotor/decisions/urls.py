from django.urls import path

from openpromotor.decisions import views

app_name = "decisions"

urlpatterns = [
    path("<int:pk>/besluiten/", views.proposal_list, name="list"),
    path("<int:pk>/besluiten/nieuw/", views.open_proposal, name="open"),
    path("<int:pk>/besluiten/besluitenlijst/", views.decision_log, name="log"),
    path("<int:pk>/besluiten/<int:proposal_pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/besluiten/<int:proposal_pk>/stemmen/", views.vote, name="vote"),
    path(
        "<int:pk>/besluiten/<int:proposal_pk>/resultaten/",
        views.results_fragment,
        name="results",
    ),
    path(
        "<int:pk>/besluiten/<int:proposal_pk>/resultaten.csv",
        views.results_csv,
        name="results_csv",
    ),
    path("<int:pk>/besluiten/<int:proposal_pk>/afsluiten/", views.close_proposal, name="close"),
    path("<int:pk>/besluiten/<int:proposal_pk>/uitkomst/", views.record_outcome, name="outcome"),
]

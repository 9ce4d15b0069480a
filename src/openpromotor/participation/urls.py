from django.urls import path

from openpromotor.participation.views import analysis, bodies, plan, stakeholders

app_name = "participation"

urlpatterns = [
    # The stakeholder map
    path("<int:pk>/belanghebbenden/", stakeholders.stakeholder_list, name="stakeholders"),
    path("<int:pk>/belanghebbenden/nieuw/", stakeholders.add_stakeholder, name="add_stakeholder"),
    path("<int:pk>/belanghebbenden/analyse/", analysis.analysis, name="analysis"),
    path(
        "<int:pk>/belanghebbenden/belanghebbenden.csv",
        stakeholders.export_stakeholders,
        name="export_stakeholders",
    ),
    path(
        "<int:pk>/belanghebbenden/relaties.csv",
        stakeholders.export_relations,
        name="export_relations",
    ),
    path(
        "<int:pk>/belanghebbenden/<int:stakeholder_pk>/",
        stakeholders.stakeholder_detail,
        name="stakeholder",
    ),
    path(
        "<int:pk>/belanghebbenden/<int:stakeholder_pk>/verwijderen/",
        stakeholders.delete_stakeholder,
        name="delete_stakeholder",
    ),
    path("<int:pk>/belanghebbenden/relaties/", stakeholders.add_relation, name="add_relation"),
    path(
        "<int:pk>/belanghebbenden/relaties/<int:relation_pk>/verwijderen/",
        stakeholders.delete_relation,
        name="delete_relation",
    ),
    # The participation plan
    path("<int:pk>/participatieplan/", plan.plan_page, name="plan"),
    path("<int:pk>/participatieplan/<int:phase_pk>/<slug:group>/", plan.edit_cell, name="cell"),
    # Governance bodies
    path("<int:pk>/organen/", bodies.body_list, name="bodies"),
    path("<int:pk>/organen/nieuw/", bodies.add_body, name="add_body"),
    path("<int:pk>/organen/<int:body_pk>/", bodies.body_detail, name="body"),
    path("<int:pk>/organen/<int:body_pk>/bewerken/", bodies.edit_body, name="edit_body"),
    path("<int:pk>/organen/<int:body_pk>/verwijderen/", bodies.delete_body, name="delete_body"),
    path("<int:pk>/organen/<int:body_pk>/leden/", bodies.add_seat, name="add_seat"),
    path(
        "<int:pk>/organen/<int:body_pk>/leden/<int:seat_pk>/verwijderen/",
        bodies.remove_seat,
        name="remove_seat",
    ),
    path(
        "<int:pk>/organen/<int:body_pk>/vergaderingen/nieuw/",
        bodies.plan_meeting,
        name="plan_meeting",
    ),
    path(
        "<int:pk>/organen/<int:body_pk>/vergaderingen/<int:meeting_pk>/",
        bodies.meeting_detail,
        name="meeting",
    ),
    path(
        "<int:pk>/organen/<int:body_pk>/vergaderingen/<int:meeting_pk>/bewerken/",
        bodies.edit_meeting,
        name="edit_meeting",
    ),
    path(
        "<int:pk>/organen/<int:body_pk>/vergaderingen/<int:meeting_pk>/verslag/",
        bodies.write_minutes,
        name="write_minutes",
    ),
]

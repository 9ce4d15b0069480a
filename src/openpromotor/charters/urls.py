from django.urls import path

from openpromotor.charters.views import charter, editing, versions

app_name = "charters"

urlpatterns = [
    path("<int:pk>/handvest/", charter.charter, name="charter"),
    path("<int:pk>/handvest/onderdelen/nieuw/", editing.add_section, name="add_section"),
    path(
        "<int:pk>/handvest/onderdelen/<int:section_pk>/",
        charter.section_detail,
        name="section",
    ),
    path(
        "<int:pk>/handvest/onderdelen/<int:section_pk>/bewerken/",
        editing.edit_section,
        name="edit_section",
    ),
    path(
        "<int:pk>/handvest/onderdelen/<int:section_pk>/verplaatsen/",
        editing.move_section,
        name="move_section",
    ),
    path(
        "<int:pk>/handvest/onderdelen/<int:section_pk>/verwijderen/",
        editing.remove_section,
        name="remove_section",
    ),
    path(
        "<int:pk>/handvest/onderdelen/<int:section_pk>/terugzetten/",
        editing.restore_section,
        name="restore_section",
    ),
    path(
        "<int:pk>/handvest/reacties/<int:comment_pk>/bewerken/",
        charter.edit_comment,
        name="edit_comment",
    ),
    path(
        "<int:pk>/handvest/reacties/<int:comment_pk>/verwijderen/",
        charter.delete_comment,
        name="delete_comment",
    ),
    path("<int:pk>/handvest/versies/", versions.version_list, name="versions"),
    path("<int:pk>/handvest/versies/<int:version_pk>/", versions.version_detail, name="version"),
    path("<int:pk>/handvest/versies/<int:version_pk>/aannemen/", versions.adopt, name="adopt"),
    path("<int:pk>/handvest/versies/<int:version_pk>/ondertekenen/", versions.sign, name="sign"),
    path("<int:pk>/handvest/vergelijken/", versions.compare, name="compare"),
]

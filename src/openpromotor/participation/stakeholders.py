"""Writing the stakeholder map: adding, changing and removing stakeholders and relations.

The map is for members only, and so is what the activity stream says about it.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.participation.editing import save_versioned
from openpromotor.participation.models import Relation, Stakeholder
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import EventKind

PART = "participation"
"""The ``part`` of the activities about the map and the bodies (members only)."""


def relations_of(project):
    """The relations of a project's map (a relation's two ends are in the same project)."""
    return Relation.objects.filter(source__project=project).select_related("source", "target")


@transaction.atomic
def add_stakeholder(stakeholder: Stakeholder, actor) -> Stakeholder:
    stakeholder.created_by = stakeholder.updated_by = actor
    try:
        with transaction.atomic():
            stakeholder.save()
    except IntegrityError as clash:
        raise ActionRefused(_("The map already has a stakeholder with this name.")) from clash
    activity.record(
        stakeholder.project,
        actor,
        EventKind.PARTICIPATION,
        PART,
        gettext_noop("{name} added “{stakeholder}” to the stakeholder map."),
        {"name": actor.display_name, "stakeholder": stakeholder.name},
        stakeholder.get_absolute_url(),
    )
    return stakeholder


@transaction.atomic
def change_stakeholder(stakeholder, expected_version: int, changes: dict, actor) -> Stakeholder:
    """Save the changes unless someone saved the stakeholder since ``expected_version``."""
    try:
        with transaction.atomic():
            return save_versioned(
                Stakeholder.objects.all(),
                stakeholder.pk,
                expected_version,
                {**changes, "updated_by": actor},
            )
    except IntegrityError as clash:
        raise ActionRefused(_("The map already has a stakeholder with this name.")) from clash


@transaction.atomic
def delete_stakeholder(stakeholder: Stakeholder) -> None:
    """Remove a stakeholder with its relations and its seats in the bodies."""
    stakeholder.delete()


@transaction.atomic
def add_relation(relation: Relation, actor) -> Relation:
    if relation.source.project_id != relation.target.project_id:
        raise ActionRefused(_("Both stakeholders of a relation must be on this project's map."))
    relation.created_by = actor
    try:
        with transaction.atomic():
            relation.save()
    except IntegrityError as clash:
        raise ActionRefused(_("This relation is already on the map.")) from clash
    return relation


def delete_relation(relation: Relation) -> None:
    relation.delete()

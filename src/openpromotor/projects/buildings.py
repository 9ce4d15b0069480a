"""The buildings a project is linked to, as the public sees them.

A link stays when moderators later reject or archive the building, or when it is no longer
published for another reason. The project's page, the overview map and the API then leave it
out: they show only the buildings whose own page is public (the places app's ``published()``),
and only at their public location, which is approximate when the building asks for that.
Coordinators still see every linked building in the project's settings, so they can unlink it.
"""

from django.db.models import Prefetch

from openpromotor.places.models import Place


def _published():
    return Place.objects.published().select_related("municipality").order_by("pk")


def with_public_places(projects):
    """The projects with ``public_places`` filled in for each, in one query for the page."""
    return projects.prefetch_related(Prefetch("places", _published(), to_attr="public_places"))


def public_places(project) -> list[Place]:
    """The project's linked buildings that the public may see, in the order of their ids."""
    if not hasattr(project, "public_places"):
        project.public_places = list(_published().filter(projects=project))
    return project.public_places


def public_location(project) -> tuple[float, float] | None:
    """Where the first public building is, as the public may see it, or None without one."""
    places = public_places(project)
    if not places:
        return None
    return round(places[0].public_latitude, 5), round(places[0].public_longitude, 5)

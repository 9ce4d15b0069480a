"""Writing the charter's draft: adding, editing, moving, removing and putting back sections.

Every one of these saves records a new version of the whole charter and happens in one
transaction that first locks the project, so versions are numbered one after the other.

A section carries a revision number. ``save_section`` refuses a save based on an older revision
and hands back the section as it is now (``SectionConflict``): the later of two editors is told
and can merge, and nothing is overwritten. Points the editor still has but someone else removed
meanwhile come back as new points, and points that the form does not mention are kept: text is
only ever removed on purpose.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openpromotor.charters import versions
from openpromotor.charters.models import Negotiation, Point, Section, Version
from openpromotor.projects import activity
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import EventKind, Part, Project

UP, DOWN = "up", "down"


@dataclass(frozen=True)
class PointDraft:
    """One point as an editor wrote it; ``point_id`` is the saved point it started from."""

    point_id: int | None
    text: str
    status: str
    remove: bool = False


class SectionConflict(Exception):
    """Someone saved the section after the editor opened it; ``current`` is it as it is now."""

    def __init__(self, current: Section):
        super().__init__(current)
        self.current = current


def _lock(project_id) -> Project:
    return Project.objects.select_for_update().get(pk=project_id)


def _checked(title: str, points: list[PointDraft]) -> str:
    """The services check what the forms check too, so no caller can save a bad charter."""
    title = title.strip()
    if not title:
        raise ActionRefused(_("A section needs a title."))
    for point in points:
        if point.status not in Negotiation.values:
            message = _("“%(status)s” is not a status of a point.")
            raise ActionRefused(message % {"status": point.status})
        if not point.remove and not point.text.strip():
            raise ActionRefused(_("A point needs a text."))
    return title


def _section_activity(section, actor, template) -> None:
    activity.record(
        section.project,
        actor,
        EventKind.CHARTER,
        Part.CHARTER,
        template,
        {"name": actor.display_name, "section": section.title},
        section.get_absolute_url(),
    )


@transaction.atomic
def add_section(project, title: str, points: list[PointDraft], actor) -> Section:
    title = _checked(title, points)
    project = _lock(project.pk)
    last = project.charter_sections.aggregate(last=Max("order"))["last"] or 0
    section = Section.objects.create(
        project=project, title=title, order=last + 1, created_by=actor, updated_by=actor
    )
    Point.objects.bulk_create(
        Point(section=section, text=point.text.strip(), status=point.status, order=order)
        for order, point in enumerate(p for p in points if not p.remove)
    )
    versions.record(project, actor, Version.Change.SECTION_ADDED, title)
    _section_activity(
        section, actor, gettext_noop("{name} added the section “{section}” to the charter.")
    )
    return section


def _proposed(current: Section, drafts: list[PointDraft]) -> tuple[list, list]:
    """What the section will hold: (point, text, status) rows in their new order, and the
    saved points to delete. A draft naming a point of another section counts as a new point."""
    saved = {point.pk: point for point in current.points.all()}
    rows, removed = [], []
    for draft in drafts:
        point = saved.pop(draft.point_id, None) if draft.point_id else None
        if draft.remove:
            if point is not None:
                removed.append(point)
            continue
        rows.append((point, draft.text.strip(), draft.status))
    rows += [(point, point.text, point.status) for point in saved.values()]  # never lose text
    return rows, removed


@transaction.atomic
def save_section(section, revision: int, title: str, points: list[PointDraft], actor):
    """Save the section unless someone saved it since ``revision``; returns the new version,
    or None when nothing changed. Saving a section removed meanwhile puts it back."""
    title = _checked(title, points)
    project = _lock(section.project_id)
    current = Section.objects.select_for_update().get(pk=section.pk)
    if current.revision != revision:
        raise SectionConflict(current)
    rows, removed = _proposed(current, points)
    before = (current.title, [(p.text, p.status) for p in current.points.all()])
    after = (title, [(text, status) for _point, text, status in rows])
    if before == after and not current.is_removed:
        return None
    for point in removed:
        point.delete()
    for order, (point, text, status) in enumerate(rows):
        point = point or Point(section=current)
        point.text, point.status, point.order = text, status, order
        point.save()
    was_removed = current.is_removed
    current.title, current.removed_at = title, None
    current.revision += 1
    current.updated_by, current.updated_at = actor, timezone.now()
    current.save()
    version = versions.record(project, actor, Version.Change.SECTION_EDITED, title)
    template = (
        gettext_noop("{name} put the section “{section}” back into the charter.")
        if was_removed
        else gettext_noop("{name} edited the charter section “{section}”.")
    )
    _section_activity(current, actor, template)
    return version


@transaction.atomic
def move_section(section, direction: str, actor) -> Version | None:
    """Swap the section with its neighbour above or below; None when it is already at the end.

    No activity: the order of sections is seen on the page and in the versions, and a
    notification for each step of a rearrangement would only be noise."""
    project = _lock(section.project_id)
    current = Section.objects.select_for_update().get(pk=section.pk)
    if current.is_removed:
        raise ActionRefused(_("This section was removed from the charter."))
    others = project.charter_sections.filter(removed_at__isnull=True).exclude(pk=current.pk)
    if direction == UP:
        neighbour = others.filter(order__lte=current.order).order_by("-order", "-pk").first()
    else:
        neighbour = others.filter(order__gte=current.order).order_by("order", "pk").first()
    if neighbour is None:
        return None
    if neighbour.order == current.order:  # sections of the same rank: give each its own first
        _renumber(project)
        current.refresh_from_db()
        neighbour.refresh_from_db()
    current.order, neighbour.order = neighbour.order, current.order
    Section.objects.bulk_update([current, neighbour], ["order"])
    return versions.record(project, actor, Version.Change.SECTION_MOVED, current.title)


def _renumber(project) -> None:
    sections = list(project.charter_sections.all())
    for order, section in enumerate(sections, start=1):
        section.order = order
    Section.objects.bulk_update(sections, ["order"])


@transaction.atomic
def remove_section(section, actor) -> Version:
    """Take the section out of the charter. It stays (with its comments) and can be put back;
    its text stays in every earlier version."""
    project = _lock(section.project_id)
    current = Section.objects.select_for_update().get(pk=section.pk)
    if current.is_removed:
        raise ActionRefused(_("This section was already removed from the charter."))
    current.removed_at, current.updated_by = timezone.now(), actor
    current.revision += 1
    current.save(update_fields=["removed_at", "updated_by", "revision"])
    version = versions.record(project, actor, Version.Change.SECTION_REMOVED, current.title)
    _section_activity(
        current, actor, gettext_noop("{name} removed the section “{section}” from the charter.")
    )
    return version


@transaction.atomic
def restore_section(section, actor) -> Version:
    project = _lock(section.project_id)
    current = Section.objects.select_for_update().get(pk=section.pk)
    if not current.is_removed:
        raise ActionRefused(_("This section is already in the charter."))
    current.removed_at, current.updated_by = None, actor
    current.revision += 1
    current.save(update_fields=["removed_at", "updated_by", "revision"])
    version = versions.record(project, actor, Version.Change.SECTION_RESTORED, current.title)
    _section_activity(
        current, actor, gettext_noop("{name} put the section “{section}” back into the charter.")
    )
    return version

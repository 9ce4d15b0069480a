"""Versions of a charter: the snapshot every save records, and the charter as lines of text
for comparing two versions (or an editor's text with the newest saved one)."""

import re

from django.db.models import Max
from django.utils.translation import gettext as _

from openpromotor.charters.models import Negotiation, Section, Version


def section_as_dict(section: Section) -> dict:
    """A live section in the shape of a snapshot's section."""
    return {
        "id": section.pk,
        "title": section.title,
        "points": [
            {"id": point.pk, "text": point.text, "status": point.status}
            for point in section.points.all()
        ],
    }


def snapshot(project) -> dict:
    """All sections (not the removed ones) with their points and statuses, in their order."""
    sections = project.charter_sections.filter(removed_at__isnull=True).prefetch_related("points")
    return {"sections": [section_as_dict(section) for section in sections]}


def record(project, actor, change: str, subject: str) -> Version:
    """Record the charter as it is now as its next version (call inside the writing
    transaction, after locking the project, so two saves never get the same number)."""
    last = project.charter_versions.aggregate(last=Max("number"))["last"] or 0
    return Version.objects.create(
        project=project,
        number=last + 1,
        snapshot=snapshot(project),
        change=change,
        subject=subject[:140],
        saved_by=actor,
    )


def latest(project) -> Version | None:
    return project.charter_versions.select_related("saved_by", "adopted_by").first()


def latest_adopted(project) -> Version | None:
    return project.charter_versions.adopted().select_related("saved_by", "adopted_by").first()


def _one_line(text: str) -> str:
    """Points may hold line breaks; a diff compares their words, so whitespace is folded."""
    return re.sub(r"\s+", " ", text).strip()


def point_line(point: dict) -> str:
    return _("%(status)s: %(text)s") % {
        "status": Negotiation(point["status"]).label.capitalize(),
        "text": _one_line(point["text"]),
    }


def section_lines(section: dict) -> list[str]:
    """A section as lines: its title, then one line per point with its status."""
    title = _("Section “%(title)s”") % {"title": section["title"]}
    return [title, *(point_line(point) for point in section["points"])]


def charter_lines(sections: list[dict]) -> list[str]:
    return [line for section in sections for line in section_lines(section)]

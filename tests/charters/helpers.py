"""Charters for tests, written through the services exactly as the pages write them."""

from openpromotor.charters import sections
from openpromotor.charters.sections import PointDraft


def write_section(project, actor, title, *points):
    """A section with points given as (text, status) pairs."""
    drafts = [PointDraft(None, text, status) for text, status in points]
    return sections.add_section(project, title, drafts, actor)


def section_post(title, points=(), revision=None, extra=1):
    """The POST data of the section form: ``points`` as dicts with text, status and optionally
    point (the saved point's id) and remove."""
    rows = [*points, *({"text": "", "status": "agreed"} for _ in range(extra))]
    data = {
        "title": title,
        "points-TOTAL_FORMS": len(rows),
        "points-INITIAL_FORMS": len(points),
        "points-MIN_NUM_FORMS": 0,
        "points-MAX_NUM_FORMS": 100,
    }
    if revision is not None:
        data["revision"] = revision
    for index, row in enumerate(rows):
        data[f"points-{index}-point"] = row.get("point", "")
        data[f"points-{index}-text"] = row["text"]
        data[f"points-{index}-status"] = row["status"]
        if row.get("remove"):
            data[f"points-{index}-remove"] = "on"
    return data


def rows_of(section):
    """The saved points of a section as POST rows."""
    return [
        {"point": point.pk, "text": point.text, "status": point.status}
        for point in section.points.all()
    ]

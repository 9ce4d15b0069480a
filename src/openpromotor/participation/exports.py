"""The stakeholder map as CSV files (stakeholders, relations), for members.

UTF-8 with a byte order mark, so spreadsheet programs read the accents right. A cell that would
start like a formula (= + - @) gets a leading apostrophe, so opening the file runs nothing.
"""

import csv
import io

from django.utils.translation import gettext as _

from openpromotor.participation.charts import quadrant_labels, quadrant_of
from openpromotor.participation.stakeholders import relations_of

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def stakeholders_csv(project) -> bytes:
    members = set(project.memberships.values_list("user_id", flat=True))
    quadrants = quadrant_labels()
    header = [
        _("Name"),
        _("Kind"),
        _("Category"),
        _("Group"),
        _("Influence"),
        _("Interest in the project"),
        _("Quadrant"),
        _("Attitude"),
        _("Level"),
        _("Trust"),
        _("Interests"),
        _("Expertise they bring"),
        _("Platform account"),
        _("Member of the project"),
    ]
    rows = (
        [
            stakeholder.name,
            stakeholder.get_kind_display(),
            stakeholder.category.label,
            stakeholder.get_group_display(),
            stakeholder.influence,
            stakeholder.interest,
            quadrants[quadrant_of(stakeholder.influence, stakeholder.interest)],
            stakeholder.get_attitude_display(),
            stakeholder.get_level_display(),
            stakeholder.get_trust_display() if stakeholder.trust else "",
            stakeholder.interests,
            stakeholder.expertise,
            stakeholder.user.display_name if stakeholder.user else "",
            _("yes") if stakeholder.user_id in members else _("no"),
        ]
        for stakeholder in project.stakeholders.select_related("user").order_by("name")
    )
    return _csv(header, rows)


def relations_csv(project) -> bytes:
    header = [_("Stakeholder"), _("Relation"), _("Other stakeholder"), _("Strength"), _("Note")]
    relations = relations_of(project)
    rows = (
        [
            relation.source.name,
            relation.get_kind_display(),
            relation.target.name,
            relation.strength,
            relation.note,
        ]
        for relation in relations
    )
    return _csv(header, rows)

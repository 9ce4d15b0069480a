"""The participation plan: its matrix of stakeholder groups by phases, and saving a cell.

The rows are the groups of the project's stakeholders, plus any group that still has a cell
after its last stakeholder left the map (so nothing planned silently disappears). Whoever sees
the plan without being a member sees only the rows that have something planned, and never the
stakeholders in them: the map stays with the members.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_noop

from openpromotor.participation.editing import EditConflict
from openpromotor.participation.models import PlanCell
from openpromotor.participation.vocabulary import GROUP_ORDER, Group, category_of
from openpromotor.projects import activity
from openpromotor.projects.models import EventKind, Part, Phase


@dataclass
class Row:
    group: Group
    cells: list = field(default_factory=list)
    """(phase, cell or None) for every phase, in the order of the roadmap."""
    stakeholders: list = field(default_factory=list)

    @property
    def category(self):
        return category_of(self.group)


def matrix(project, with_stakeholders: bool) -> tuple[list[Phase], list[Row]]:
    """The phases and the rows of the plan; ``with_stakeholders`` only for members."""
    phases = list(project.phases.order_by("number"))
    cells = {
        (cell.phase_id, cell.group): cell
        for cell in PlanCell.objects.filter(phase__project=project)
    }
    groups = {group for _phase, group in cells}
    people: dict[str, list] = {}
    if with_stakeholders:
        for stakeholder in project.stakeholders.order_by("name"):
            people.setdefault(stakeholder.group, []).append(stakeholder)
        groups |= set(people)
    rows = []
    for group in sorted(groups, key=lambda value: GROUP_ORDER[Group(value)]):
        row = Row(
            group=Group(group),
            cells=[(phase, cells.get((phase.pk, group))) for phase in phases],
            stakeholders=people.get(group, []),
        )
        rows.append(row)
    return phases, rows


def cell_of(phase: Phase, group: str) -> PlanCell:
    """The saved cell, or an unsaved empty one (version 0) to start from."""
    return PlanCell.objects.filter(phase=phase, group=group).first() or PlanCell(
        phase=phase, group=group, version=0
    )


@transaction.atomic
def save_cell(phase: Phase, group: str, expected_version: int, changes: dict, actor) -> PlanCell:
    """Save a cell unless someone saved (or removed) it since ``expected_version``.

    Version 0 means the editor started from an empty cell. On a conflict, ``EditConflict``
    carries the cell as it is now: a saved cell, or an unsaved empty one when it was removed.
    """
    current = PlanCell.objects.select_for_update().filter(phase=phase, group=group).first()
    if (current.version if current else 0) != expected_version:
        raise EditConflict(current or PlanCell(phase=phase, group=group, version=0))
    cell = current or PlanCell(phase=phase, group=group, version=0)
    for name, value in changes.items():
        setattr(cell, name, value)
    cell.version += 1
    cell.updated_by = actor
    try:
        with transaction.atomic():
            cell.save()
    except IntegrityError as clash:  # someone created this cell a moment ago
        raise EditConflict(PlanCell.objects.get(phase=phase, group=group)) from clash
    _changed(phase, actor)
    return cell


@transaction.atomic
def clear_cell(phase: Phase, group: str, expected_version: int, actor) -> None:
    """Take a group out of a phase's plan (unless someone saved the cell in between)."""
    current = PlanCell.objects.select_for_update().filter(phase=phase, group=group).first()
    if current is None:
        return
    if current.version != expected_version:
        raise EditConflict(current)
    current.delete()
    _changed(phase, actor)


def _changed(phase: Phase, actor) -> None:
    activity.record(
        phase.project,
        actor,
        EventKind.PARTICIPATION,
        Part.PARTICIPATION_PLAN,
        gettext_noop("{name} changed the participation plan for phase {number}, “{phase}”."),
        {"name": actor.display_name, "number": phase.number, "phase": phase.title},
        reverse("participation:plan", args=[phase.project_id]) + f"#phase-{phase.pk}",
    )

"""The stakeholder map as two pictures drawn on the server (inline SVG, no JavaScript):

- the influence-interest grid: influence (1 to 5) up, interest in the project (1 to 5) to the right,
  cut into the four classic quadrants. A score of 3 or more counts as high, so a stakeholder
  of medium influence and medium interest is managed closely rather than only monitored;
  stakeholders that share a cell are laid out side by side, never on top of each other;
- the relations graph: the stakeholders on a circle, grouped by category, with their relations
  as lines (thicker when stronger, dashed for a conflict, with an arrow when the relation has a
  direction).

In both, the colour of a mark tells the category and its shape tells the attitude (circle:
supportive, square: neutral, triangle: critical), so nothing depends on colour alone. Every text
goes through ``format_html``. Each picture comes with a table on the page (the view builds it)
as its text equivalent.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from openpromotor.participation.vocabulary import (
    GROUP_ORDER,
    Attitude,
    Category,
    RelationKind,
    Score,
)

TEXT = "#212529"
GRID_LINE = "#adb5bd"
AXIS = "#495057"
CONFLICT = "#a04000"
EDGE = "#5c636a"
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="12"'
CATEGORY_COLOURS = {
    Category.LOCAL: "#1b4f72",
    Category.INSTITUTIONAL: "#6c3483",
    Category.EXPERT: "#0e6655",
    Category.ECONOMIC: "#7d6608",
    Category.CAPITAL: "#7b241c",
}
CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}
HIGH = Score.MEDIUM
"""From this score up, influence or interest counts as high."""
DIRECTED = {RelationKind.FUNDS, RelationKind.ADVISES, RelationKind.REPRESENTS}
EDGE_WIDTH = {1: 1.5, 2: 3.0, 3: 5.0}


class Quadrant:
    KEEP_SATISFIED = "keep_satisfied"
    MANAGE_CLOSELY = "manage_closely"
    MONITOR = "monitor"
    KEEP_INFORMED = "keep_informed"


def quadrant_labels() -> dict[str, str]:
    return {
        Quadrant.KEEP_SATISFIED: _("Keep satisfied"),
        Quadrant.MANAGE_CLOSELY: _("Manage closely"),
        Quadrant.MONITOR: _("Monitor"),
        Quadrant.KEEP_INFORMED: _("Keep informed"),
    }


def quadrant_of(influence: int, interest: int) -> str:
    if influence >= HIGH:
        return Quadrant.MANAGE_CLOSELY if interest >= HIGH else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if interest >= HIGH else Quadrant.MONITOR


def graph_order(stakeholders) -> list:
    """Category by category, group by group, then by name: the order around the circle."""
    return sorted(
        stakeholders,
        key=lambda s: (CATEGORY_ORDER[s.category], GROUP_ORDER[s.group], s.name.lower(), s.pk),
    )


@dataclass(frozen=True)
class Mark:
    """Where one stakeholder is drawn: its centre and its size."""

    x: float
    y: float
    size: float


# --- The influence-interest grid -----------------------------------------------------------

GRID_LEFT = 76
GRID_TOP = 12
CELL = 100
BAND = 20
"""The strip of the outer cells that holds the quadrant names, kept free of marks."""
GRID_WIDTH = GRID_LEFT + 5 * CELL + 24
GRID_HEIGHT = GRID_TOP + 5 * CELL + 56


def _cell_origin(influence: int, interest: int) -> tuple[float, float]:
    return GRID_LEFT + (interest - 1) * CELL, GRID_TOP + (5 - influence) * CELL


def grid_layout(stakeholders) -> dict[int, Mark]:
    """The mark of each stakeholder (by pk): those in one cell share it in a small grid."""
    cells: dict[tuple[int, int], list] = {}
    for stakeholder in stakeholders:
        cells.setdefault((stakeholder.influence, stakeholder.interest), []).append(stakeholder)
    marks = {}
    for (influence, interest), members in cells.items():
        left, top = _cell_origin(influence, interest)
        height = CELL
        if influence == 5:
            top, height = top + BAND, height - BAND
        if influence == 1:
            height -= BAND
        columns = math.ceil(math.sqrt(len(members)))
        rows = math.ceil(len(members) / columns)
        step = min((CELL - 8) / columns, (height - 8) / rows)
        size = min(step * 0.86, 30)
        start_x = left + (CELL - step * columns) / 2 + step / 2
        start_y = top + (height - step * rows) / 2 + step / 2
        for index, stakeholder in enumerate(members):
            row, column = divmod(index, columns)
            marks[stakeholder.pk] = Mark(start_x + column * step, start_y + row * step, size)
    return marks


def influence_interest_grid(stakeholders, numbers: dict[int, int], uid="grid") -> SafeString:
    """The grid; ``numbers`` gives each stakeholder (by pk) the number of its table row."""
    labels = quadrant_labels()
    split_x = GRID_LEFT + (HIGH - 1) * CELL
    split_y = GRID_TOP + (5 - HIGH + 1) * CELL
    right, bottom = GRID_LEFT + 5 * CELL, GRID_TOP + 5 * CELL
    quadrants = [
        (GRID_LEFT, GRID_TOP, split_x, split_y, "#fff4d6", Quadrant.KEEP_SATISFIED, "start"),
        (split_x, GRID_TOP, right, split_y, "#fbe9e7", Quadrant.MANAGE_CLOSELY, "end"),
        (GRID_LEFT, split_y, split_x, bottom, "#eef0f2", Quadrant.MONITOR, "start"),
        (split_x, split_y, right, bottom, "#e7f1ec", Quadrant.KEEP_INFORMED, "end"),
    ]
    parts = []
    for x1, y1, x2, y2, fill, key, anchor in quadrants:
        parts.append(_rect(x1, y1, x2 - x1, y2 - y1, fill))
        label_x = x1 + 8 if anchor == "start" else x2 - 8
        label_y = y1 + 15 if y1 == GRID_TOP else y2 - 6
        parts.append(_text(label_x, label_y, labels[key], anchor, bold=True))
    for step in range(6):
        x, y = GRID_LEFT + step * CELL, GRID_TOP + step * CELL
        parts.append(_line(x, GRID_TOP, x, bottom, GRID_LINE, 1))
        parts.append(_line(GRID_LEFT, y, right, y, GRID_LINE, 1))
    parts.append(_line(split_x, GRID_TOP, split_x, bottom, AXIS, 2.5))
    parts.append(_line(GRID_LEFT, split_y, right, split_y, AXIS, 2.5))
    for score in range(1, 6):
        parts.append(_text(GRID_LEFT + (score - 0.5) * CELL, bottom + 17, str(score), "middle"))
        parts.append(_text(GRID_LEFT - 8, GRID_TOP + (5.5 - score) * CELL + 4, str(score), "end"))
    parts.append(
        _text(GRID_LEFT + 2.5 * CELL, bottom + 40, _("Interest in the project →"), "middle")
    )
    parts.append(
        format_html(
            '<text x="0" y="0" transform="translate({} {}) rotate(-90)" text-anchor="middle" '
            'fill="{}">{}</text>',
            _at(GRID_LEFT - 40),
            _at(GRID_TOP + 2.5 * CELL),
            TEXT,
            _("Influence →"),
        )
    )
    marks = grid_layout(stakeholders)
    for stakeholder in stakeholders:
        mark = marks[stakeholder.pk]
        title = f"{numbers[stakeholder.pk]}. {stakeholder.name}"
        parts.append(_mark(stakeholder, mark, title, str(numbers[stakeholder.pk])))
    title = _("Influence and interest of the stakeholders")
    desc = _(
        "%(count)d stakeholders on a grid of influence (1 to 5, upwards) and interest in the "
        "project (1 to 5, to the right), in four quadrants; the numbers are those of the table."
    ) % {"count": len(stakeholders)}
    return _svg(uid, title, desc, GRID_WIDTH, GRID_HEIGHT, parts)


# --- The relations graph --------------------------------------------------------------------

GRAPH_WIDTH = 760
RADIUS = 180
CENTRE_X = GRAPH_WIDTH / 2
CENTRE_Y = 40 + RADIUS
NODE = 18
LABEL_LENGTH = 26


def graph_layout(stakeholders) -> dict[int, tuple[float, float, float]]:
    """Each stakeholder's (x, y, angle) on the circle, with a gap between two categories."""
    ordered = graph_order(stakeholders)
    slots, previous = [], None
    for stakeholder in ordered:
        if previous is not None and stakeholder.category != previous:
            slots.append(None)
        slots.append(stakeholder)
        previous = stakeholder.category
    if len(slots) > 1 and slots[0].category != slots[-1].category:
        slots.append(None)
    places = {}
    for index, stakeholder in enumerate(slots):
        if stakeholder is None:
            continue
        angle = -math.pi / 2 + 2 * math.pi * index / len(slots)
        x = CENTRE_X + RADIUS * math.cos(angle)
        y = CENTRE_Y + RADIUS * math.sin(angle)
        places[stakeholder.pk] = (x, y, angle)
    return places


def relations_graph(stakeholders, relations, uid="graph") -> SafeString:
    places = graph_layout(stakeholders)
    by_pair: dict[frozenset, list] = {}
    for relation in relations:
        by_pair.setdefault(frozenset((relation.source_id, relation.target_id)), []).append(relation)
    parts = [
        format_html(
            '<defs><marker id="{}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" '
            'markerHeight="4" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            'fill="{}"/></marker></defs>',
            uid,
            EDGE,
        )
    ]
    parts.append(
        format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="none" stroke="{}" stroke-width="1"/>',
            _at(CENTRE_X),
            _at(CENTRE_Y),
            _at(RADIUS),
            "#dee2e6",
        )
    )
    for pair in by_pair.values():
        for index, relation in enumerate(pair):
            offset = (index - (len(pair) - 1) / 2) * 22
            parts.append(_edge(relation, places, offset, uid))
    for stakeholder in stakeholders:
        x, y, angle = places[stakeholder.pk]
        parts.append(_mark(stakeholder, Mark(x, y, NODE), stakeholder.name, ""))
        parts.append(_node_label(stakeholder.name, x, y, angle))
    title = _("Relations between the stakeholders")
    desc = _(
        "%(count)d stakeholders on a circle, grouped by category, and %(relations)d relations "
        "between them; the table below lists them all."
    ) % {"count": len(stakeholders), "relations": len(relations)}
    return _svg(uid, title, desc, GRAPH_WIDTH, CENTRE_Y + RADIUS + 44, parts)


def _edge(relation, places, offset: float, uid: str) -> str:
    x1, y1, _angle = places[relation.source_id]
    x2, y2, _angle = places[relation.target_id]
    length = math.hypot(x2 - x1, y2 - y1) or 1
    # The control point of the curve: the middle of the chord, pushed sideways by ``offset``
    # (parallel relations between the same two stakeholders bend apart).
    normal_x, normal_y = -(y2 - y1) / length, (x2 - x1) / length
    cx, cy = (x1 + x2) / 2 + normal_x * offset, (y1 + y2) / 2 + normal_y * offset
    x1, y1 = _pulled_back(x1, y1, cx, cy, NODE * 0.75)
    x2, y2 = _pulled_back(x2, y2, cx, cy, NODE * 0.75 + 2)
    conflict = relation.kind == RelationKind.IN_CONFLICT
    arrow = format_html(' marker-end="url(#{}-arrow)"', uid) if relation.kind in DIRECTED else ""
    dashes = mark_safe(' stroke-dasharray="7 4"') if conflict else ""  # a constant
    label = _("%(source)s %(relation)s %(target)s, strength %(strength)s") % {
        "source": relation.source.name,
        "relation": relation.get_kind_display(),
        "target": relation.target.name,
        "strength": relation.get_strength_display(),
    }
    return format_html(
        '<path d="M{} {} Q{} {} {} {}" fill="none" stroke="{}" stroke-width="{}"{}{}>'
        "<title>{}</title></path>",
        _at(x1),
        _at(y1),
        _at(cx),
        _at(cy),
        _at(x2),
        _at(y2),
        CONFLICT if conflict else EDGE,
        EDGE_WIDTH[relation.strength],
        dashes,
        arrow,
        label,
    )


def _pulled_back(x: float, y: float, towards_x: float, towards_y: float, by: float):
    """The point ``by`` pixels from (x, y) in the direction of the curve's control point."""
    length = math.hypot(towards_x - x, towards_y - y) or 1
    return x + (towards_x - x) / length * by, y + (towards_y - y) / length * by


def _node_label(name: str, x: float, y: float, angle: float) -> str:
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    distance = NODE * 0.9
    label_x = x + cos * distance + (0 if anchor == "middle" else 4 * (1 if cos > 0 else -1))
    label_y = y + sin * distance + 4 + (8 * sin if anchor == "middle" else 0)
    return _text(label_x, label_y, _short(name), anchor)


@dataclass(frozen=True)
class Key:
    """One entry of a legend: a small picture and what it means."""

    symbol: SafeString
    label: str


def legend() -> dict[str, list[Key]]:
    """The legend of both pictures, shown as HTML next to them (so it wraps on a phone)."""
    middle = Mark(8, 8, 13)
    categories = [
        Key(_symbol(_rect(2, 2, 12, 12, CATEGORY_COLOURS[category])), str(category.label))
        for category in Category
    ]
    attitudes = [
        Key(_symbol(_shape(attitude, middle, AXIS)), str(attitude.label)) for attitude in Attitude
    ]
    relations = [
        Key(_symbol(_line(0, 8, 16, 8, EDGE, 3)), _("working together, advising, funding")),
        Key(
            _symbol(_line(0, 8, 16, 8, CONFLICT, 3, dashed=True), width=24),
            _("in conflict (dashed)"),
        ),
        Key(
            _symbol(
                _line(0, 8, 14, 8, EDGE, 2)
                + format_html('<path d="M12,3 L20,8 L12,13 z" fill="{}"/>', EDGE),
                width=24,
            ),
            _("with a direction: funds, advises, represents"),
        ),
        Key(_symbol(_line(0, 8, 16, 8, EDGE, 5)), _("a thicker line is a stronger relation")),
    ]
    return {"categories": categories, "attitudes": attitudes, "relations": relations}


def _symbol(body: str, width: int = 16) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="legend-symbol" width="{w}" height="16" '
        'viewBox="0 0 {w} 16" aria-hidden="true" focusable="false">{}</svg>',
        mark_safe(body),  # drawn with format_html
        w=width,
    )


# --- Drawing --------------------------------------------------------------------------------


def _mark(stakeholder, mark: Mark, title: str, number: str) -> str:
    colour = CATEGORY_COLOURS[stakeholder.category]
    shape = _shape(stakeholder.attitude, mark, colour)
    text = ""
    if number:
        font = max(8, min(13, mark.size * 0.45))
        # The centre of a triangle's area sits lower than the middle of its box.
        y = (
            mark.y
            + font * 0.35
            + (mark.size * 0.12 if stakeholder.attitude == Attitude.CRITICAL else 0)
        )
        text = format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="#fff" font-size="{}" '
            'font-weight="bold">{}</text>',
            _at(mark.x),
            _at(y),
            _at(font),
            number,
        )
    return format_html("<g><title>{}</title>{}{}</g>", title, shape, text)


def _shape(attitude: str, mark: Mark, colour: str) -> str:
    half = mark.size / 2
    if attitude == Attitude.SUPPORTIVE:
        return format_html(
            '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#fff" stroke-width="1"/>',
            _at(mark.x),
            _at(mark.y),
            _at(half),
            colour,
        )
    if attitude == Attitude.NEUTRAL:
        side = mark.size * 0.86
        return format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff" stroke-width="1"/>',
            _at(mark.x - side / 2),
            _at(mark.y - side / 2),
            _at(side),
            _at(side),
            colour,
        )
    points = " ".join(
        f"{_at(x)},{_at(y)}"
        for x, y in (
            (mark.x, mark.y - half * 1.1),
            (mark.x + half * 1.1, mark.y + half * 0.85),
            (mark.x - half * 1.1, mark.y + half * 0.85),
        )
    )
    return format_html(
        '<polygon points="{}" fill="{}" stroke="#fff" stroke-width="1"/>', points, colour
    )


def _svg(uid: str, title: str, desc: str, width: float, height: float, parts) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="participation-chart chart-{uid}" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{uid}-title {uid}-desc" {font}>'
        '<title id="{uid}-title">{title}</title><desc id="{uid}-desc">{desc}</desc>{body}</svg>',
        w=int(width),
        h=int(height),
        uid=uid,
        font=mark_safe(FONT),  # a constant
        title=title,
        desc=desc,
        body=mark_safe("".join(parts)),  # every part went through format_html
    )


def _rect(x, y, width, height, fill: str) -> str:
    return format_html(
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
        _at(x),
        _at(y),
        _at(width),
        _at(height),
        fill,
    )


def _line(x1, y1, x2, y2, colour: str, width: float, dashed: bool = False) -> str:
    dashes = mark_safe(' stroke-dasharray="7 4"') if dashed else ""  # a constant
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>',
        _at(x1),
        _at(y1),
        _at(x2),
        _at(y2),
        colour,
        width,
        dashes,
    )


def _text(x, y, text: str, anchor: str = "start", bold: bool = False) -> str:
    weight = mark_safe(' font-weight="bold"') if bold else ""  # a constant
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" fill="{}"{}>{}</text>',
        _at(x),
        _at(y),
        anchor,
        TEXT,
        weight,
        text,
    )


def _at(value) -> str:
    return f"{float(value):.1f}"


def _short(label: str, length: int = LABEL_LENGTH) -> str:
    return label if len(label) <= length else label[: length - 1] + "\u2026"

"""The influence-interest grid and the relations graph: quadrants, marks that never overlap,
escaped texts, conflicts and attitudes told apart without colour, and the tables beside them."""

import itertools
import math
import re

import pytest
from django.urls import reverse

from openpromotor.participation import charts
from openpromotor.participation.models import Relation
from tests.participation.factories import make_stakeholder

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("influence", "interest", "quadrant"),
    [
        (5, 5, "manage_closely"),
        (3, 3, "manage_closely"),
        (3, 2, "keep_satisfied"),
        (5, 1, "keep_satisfied"),
        (2, 3, "keep_informed"),
        (1, 5, "keep_informed"),
        (2, 2, "monitor"),
        (1, 1, "monitor"),
    ],
)
def test_the_quadrants_count_three_or_more_as_high(influence, interest, quadrant):
    assert charts.quadrant_of(influence, interest) == quadrant


def test_stakeholders_in_one_cell_never_overlap(team):
    project = team["project"]
    crowd = [make_stakeholder(project, f"Bewoner {n}", influence=5, interest=1) for n in range(11)]
    alone = make_stakeholder(project, "Alleen", influence=1, interest=5)
    marks = charts.grid_layout([*crowd, alone])
    left, top = charts._cell_origin(5, 1)
    for one, other in itertools.combinations(crowd, 2):
        a, b = marks[one.pk], marks[other.pk]
        assert math.hypot(a.x - b.x, a.y - b.y) >= a.size, (one.name, other.name)
    for person in crowd:
        mark = marks[person.pk]
        assert left <= mark.x - mark.size / 2 and mark.x + mark.size / 2 <= left + charts.CELL
        # The top row keeps its strip for the quadrant's name free.
        assert top + charts.BAND <= mark.y - mark.size / 2
        assert mark.y + mark.size / 2 <= top + charts.CELL
    single = marks[alone.pk]
    cell_left, cell_top = charts._cell_origin(1, 5)
    assert single.x == pytest.approx(cell_left + charts.CELL / 2)
    assert single.y + single.size / 2 <= cell_top + charts.CELL - charts.BAND


def test_the_pictures_escape_every_name(team):
    project = team["project"]
    evil = make_stakeholder(project, '<script>alert("x")</script>', attitude="critical")
    other = make_stakeholder(project, "Buren & co")
    Relation.objects.create(source=evil, kind="in_conflict", target=other)
    relations = list(Relation.objects.select_related("source", "target"))
    grid = charts.influence_interest_grid([evil, other], {evil.pk: 1, other.pk: 2})
    graph = charts.relations_graph([evil, other], relations)
    for svg in (grid, graph):
        assert "<script>" not in svg
        assert "&lt;script&gt;" in svg
        assert "Buren &amp; co" in svg
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg


def test_the_graph_tells_conflicts_and_attitudes_apart_without_colour(team):
    project = team["project"]
    fan = make_stakeholder(project, "Fan", attitude="supportive")
    sceptic = make_stakeholder(project, "Scepticus", attitude="critical", group="investors")
    calm = make_stakeholder(project, "Kalm", attitude="neutral", group="academia")
    Relation.objects.create(source=fan, kind="in_conflict", target=sceptic, strength=3)
    Relation.objects.create(source=calm, kind="advises", target=fan, strength=1)
    Relation.objects.create(source=calm, kind="works_with", target=fan, strength=2)
    relations = list(Relation.objects.select_related("source", "target"))
    svg = str(charts.relations_graph([fan, sceptic, calm], relations))
    paths = re.findall(r"<path d=\"M[^>]* Q[^>]*>", svg)
    conflict = [path for path in paths if "stroke-dasharray" in path]
    assert len(conflict) == 1 and 'stroke-width="5.0"' in conflict[0]
    arrows = [path for path in paths if "marker-end" in path]
    assert len(arrows) == 1 and 'stroke-width="1.5"' in arrows[0]
    # Two relations between the same pair bend apart instead of lying on top of each other.
    pair = [path for path in paths if "stroke-dasharray" not in path]
    assert len({re.search(r"Q([\d.]+ [\d.]+)", path).group(1) for path in pair}) == 2
    nodes = re.findall(r'<(circle|rect|polygon)[^>]*fill="#', svg)
    assert sorted(nodes) == ["circle", "polygon", "rect"]  # supportive, critical, neutral


def test_the_circle_keeps_each_category_together(team):
    project = team["project"]
    groups = ["residents", "investors", "academia", "users", "elected_officials", "operator"]
    people = [make_stakeholder(project, f"S{n}", group=group) for n, group in enumerate(groups)]
    order = [person.category for person in charts.graph_order(people)]
    assert order == ["local", "local", "institutional", "expert", "capital", "capital"]
    places = charts.graph_layout(people)
    angles = sorted(angle for _x, _y, angle in places.values())
    steps = [round(b - a, 3) for a, b in itertools.pairwise(angles)]
    assert len(set(steps)) == 2  # a wider step between two categories


def test_the_page_shows_both_pictures_with_their_tables_and_legend(client, mapped):
    project = mapped["project"]
    client.force_login(mapped["observer"])
    response = client.get(reverse("participation:analysis", args=[project.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('class="participation-chart') == 2
    assert "The stakeholders in the grid" in content
    assert "The relations in the graph" in content
    assert "Shape: attitude" in content and "in conflict (dashed)" in content
    assert re.search(r"Schepen van Cultuur</a></th><td>5</td><td>4</td><td>Manage closely", content)
    assert "Buurtcomité Bruul" in content and "works with" in content


def test_an_empty_map_says_so(client, team):
    client.force_login(team["coordinator"])
    response = client.get(reverse("participation:analysis", args=[team["project"].pk]))
    assert "appear once the map has stakeholders" in response.content.decode()
    assert "<svg" not in response.content.decode().split("<main", 1)[1]

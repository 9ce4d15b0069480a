"""The versions of a charter and the differences between any two: computed on the server
with difflib, marked with signs, labels and <ins>/<del>; bad choices get a clear 400."""

import pytest
from django.urls import reverse

from openpromotor.charters import diff, sections
from openpromotor.charters.sections import PointDraft
from tests.charters.helpers import write_section
from tests.factories import UserFactory
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(team):
    """Version 1: a section; version 2: its point changed status and got words; version 3: a
    second section."""
    project, coordinator = team["project"], team["coordinator"]
    housing = write_section(project, coordinator, "Wonen", ("Zes gezinnen", "reconcilable"))
    point = housing.points.get()
    sections.save_section(
        housing,
        1,
        "Wonen",
        [PointDraft(point.pk, "Zes gezinnen en twee ouderen", "agreed")],
        coordinator,
    )
    write_section(project, team["member"], "Tuin", ("De speelplaats wordt een tuin", "divergent"))
    return project


def _compare(client, project, old, new):
    url = reverse("charters:compare", args=[project.pk])
    return client.get(url, {"old": old.pk, "new": new.pk})


def test_the_versions_page_lists_every_save(client, team, history):
    client.force_login(team["observer"])
    response = client.get(reverse("charters:versions", args=[history.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for expected in (
        "Version 3",
        "Section added: “Tuin”",
        "Section edited: “Wonen”",
        "Section added: “Wonen”",
        "Mats Member",
        "draft",
    ):
        assert expected in page


def test_a_version_page_shows_that_version_only(client, team, history):
    client.force_login(team["member"])
    first = history.charter_versions.get(number=1)
    response = client.get(first.get_absolute_url())
    page = response.content.decode()
    assert "Zes gezinnen" in page and "Zes gezinnen en twee ouderen" not in page
    assert "De speelplaats" not in page
    assert [(c.status, c.count) for c in response.context["counts"]] == [
        ("agreed", 0),
        ("reconcilable", 1),
        ("divergent", 0),
    ]


def test_the_differences_between_two_versions(client, team, history):
    client.force_login(team["member"])
    first, last = history.charter_versions.get(number=1), history.charter_versions.get(number=3)
    response = _compare(client, history, first, last)
    assert response.status_code == 200
    page = response.content.decode()
    assert "From version 1 to version 3" in page
    assert '<span class="visually-hidden">removed in version 3: </span>' in page
    assert '<span class="visually-hidden">added in version 3: </span>' in page
    assert "<del>Reconcilable:</del> Zes gezinnen" in page
    assert "<ins>Agreed:</ins> Zes gezinnen <ins>en twee ouderen</ins>" in page
    assert "<ins>Section “Tuin”</ins>" in page
    assert "<ins>Divergent: De speelplaats wordt een tuin</ins>" in page
    assert "3 lines added, 1 line removed." in page


def test_the_compare_page_starts_with_the_newest_two_versions(client, team, history):
    client.force_login(team["member"])
    response = client.get(reverse("charters:compare", args=[history.pk]))
    assert response.status_code == 200
    assert (response.context["old"].number, response.context["new"].number) == (2, 3)


def test_bad_choices_of_versions_are_clear_errors(client, team, history):
    other = make_project(UserFactory(), name="Andere groep")
    foreign = write_section(other, other.created_by, "Geheim", ("Niet voor jou", "agreed"))
    foreign_version = other.charter_versions.get()
    mine = history.charter_versions.get(number=1)
    client.force_login(team["member"])
    url = reverse("charters:compare", args=[history.pk])
    cases = [
        ({"old": foreign_version.pk, "new": mine.pk}, "Choose one of the versions of this project"),
        ({"old": mine.pk, "new": mine.pk}, "Choose two different versions to compare."),
        ({"old": "een", "new": mine.pk}, "Choose one of the versions of this project"),
    ]
    for params, message in cases:
        response = client.get(url, params)
        assert response.status_code == 400, params
        page = response.content.decode()
        assert message in page
        assert "Niet voor jou" not in page and foreign.title not in page
    assert client.get(foreign_version.get_absolute_url()).status_code == 404
    wrong_project = reverse("charters:version", args=[history.pk, foreign_version.pk])
    assert client.get(wrong_project).status_code == 404


def test_compare_marks_lines_and_words():
    result = diff.compare(
        ["Titel", "Agreed: samen wonen", "Weg"], ["Titel", "Agreed: samen wonen en werken", "Nieuw"]
    )
    shown = [(line.kind, [(p.text, p.changed) for p in line.parts]) for line in result.lines]
    assert shown == [
        ("same", [("Titel", False)]),
        ("removed", [("Agreed: samen wonen", False)]),
        ("added", [("Agreed: samen wonen", False), (" ", False), ("en werken", True)]),
        ("removed", [("Weg", True)]),
        ("added", [("Nieuw", True)]),
    ]
    assert (result.added, result.removed) == (2, 2) and result.has_changes
    assert not diff.compare(["a"], ["a"]).has_changes


def test_lines_that_hardly_look_alike_are_a_removal_and_an_addition():
    result = diff.compare(["Agreed: de tuin"], ["Divergent: een gedeelde auto voor iedereen"])
    assert [(line.kind, line.text, line.parts[0].changed) for line in result.lines] == [
        ("removed", "Agreed: de tuin", True),
        ("added", "Divergent: een gedeelde auto voor iedereen", True),
    ]

"""A coordinator maps five stakeholders and one conflict, sees them in the influence-interest
grid and the relations graph, sets the ladder levels of their two groups for two phases (in
place, with htmx), and sets up a steering committee; axe checks the map, the grid and graph,
the plan and the body pages on the way.

The pages run in English (the language of the source strings), so the test does not depend on
the translations.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from openpromotor.participation.models import PlanCell
from tests.e2e.conftest import assert_accessible
from tests.factories import UserFactory
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db(transaction=True)

STAKEHOLDERS = [
    # name, kind, group, influence, interest, attitude
    ("Buurtcomité Bruul", "organisation", "Residents", "2", "5", "supportive"),
    ("Familie Wouters", "person", "Residents", "2", "5", "critical"),
    ("Koor Cantabile", "organisation", "Residents", "2", "4", "supportive"),
    ("Schepen van Cultuur", "person", "Elected officials", "5", "3", "neutral"),
    ("Dienst Erfgoed", "organisation", "Elected officials", "4", "2", "neutral"),
]


def _log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url},
        ]
    )


def _map(page, name, kind, group, influence, interest, attitude, last):
    page.get_by_label("Name:", exact=True).fill(name)
    page.get_by_label("Kind").select_option(kind)
    page.get_by_label("Group").select_option(label=group.lower())
    page.get_by_label("Influence:", exact=True).select_option(influence)
    page.get_by_label("Interest in the project").select_option(interest)
    page.get_by_label("Attitude").select_option(attitude)
    button = "Add to the map" if last else "Add and add another"
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("status")).to_contain_text(f"“{name}” is on the stakeholder map")


def _plan(page, group, number, level, axe=None):
    page.get_by_role("link", name=f"Plan {group} in phase {number}").click()
    editor = page.locator("#cell-editor")
    expect(editor.get_by_role("heading")).to_be_focused()
    if axe:
        assert_accessible(axe, page)  # with the editor open
    editor.get_by_label(level).check()
    editor.get_by_role("button", name="Save the cell").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"The plan for {group.lower()} in phase {number} has been saved"
    )


def test_a_coordinator_maps_stakeholders_and_plans_their_participation(
    page, axe, live_server, settings
):
    settings.LANGUAGE_CODE = "en"
    coordinator = UserFactory(display_name="Cora Coordinator")
    project = make_project(coordinator, name="Buurtkapel")
    _log_in(page, live_server, coordinator)
    page.set_viewport_size({"width": 1280, "height": 1000})

    # Map five stakeholders, then a conflict between two of them.
    page.goto(f"/projecten/{project.pk}/belanghebbenden/")
    assert_accessible(axe, page)
    page.get_by_role("link", name="Add a stakeholder").click()
    assert_accessible(axe, page)
    for index, stakeholder in enumerate(STAKEHOLDERS):
        _map(page, *stakeholder, last=index == len(STAKEHOLDERS) - 1)
    page.wait_for_url(re.compile(r"/belanghebbenden/$"))
    assert project.stakeholders.count() == 5
    page.get_by_label("Stakeholder:", exact=True).select_option(label="Familie Wouters")
    page.get_by_label("Relation:", exact=True).select_option(label="is in conflict with")
    page.get_by_label("Other stakeholder").select_option(label="Koor Cantabile")
    page.get_by_role("button", name="Add the relation").click()
    expect(page.locator("#relations tbody tr")).to_have_count(1)
    assert_accessible(axe, page)

    # The grid and the graph, with their tables.
    page.get_by_role("link", name="Influence and relations").click()
    expect(page.locator("svg.chart-grid")).to_be_visible()
    expect(page.locator("svg.chart-graph")).to_be_visible()
    grid_table = page.get_by_role("table", name="The stakeholders in the grid")
    expect(grid_table.locator("tbody tr")).to_have_count(5)
    expect(grid_table.get_by_role("row", name=re.compile("Schepen van Cultuur"))).to_contain_text(
        "Manage closely"
    )
    expect(page.locator("svg.chart-graph path[stroke-dasharray]")).to_have_count(1)
    assert_accessible(axe, page)

    # The ladder levels of both groups for the first two phases, edited in place.
    page.get_by_role("link", name="Participation plan").click()
    assert_accessible(axe, page)
    _plan(page, "Residents", 1, "2. Consultation", axe)
    _plan(page, "Residents", 2, "5. Co-production")
    _plan(page, "Elected officials", 1, "1. Information (and awareness)")
    _plan(page, "Elected officials", 2, "3. Concertation")
    cell = page.locator(f"#cell-{project.phases.get(number=2).pk}-residents")
    expect(cell).to_contain_text("5. co-production")
    assert_accessible(axe, page)
    levels = dict(PlanCell.objects.values_list("phase__number", "level").filter(group="residents"))
    assert levels == {1: "consultation", 2: "co_production"}
    assert PlanCell.objects.filter(group="elected_officials").count() == 2

    # A steering committee, with the coordinator in it from the start.
    page.get_by_role("link", name="Governance bodies").click()
    assert_accessible(axe, page)
    page.get_by_role("link", name="Set up a steering committee").click()
    page.get_by_label("Meeting rhythm").fill("Elke eerste dinsdag")
    page.get_by_role("button", name="Set up the body").click()
    expect(page.get_by_role("heading", name="Steering committee", exact=True)).to_be_visible()
    seats = page.get_by_role("region", name="1 member")
    expect(seats.get_by_role("listitem").first).to_contain_text("Cora Coordinator")
    expect(seats.get_by_role("listitem").first).to_contain_text("project coordinator")
    assert_accessible(axe, page)

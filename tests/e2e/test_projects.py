"""A coordinator starts a project from a demo place and invites a member by e-mail; the member
accepts; they lay three step cards into phase 1 (button, keyboard, drag and drop), assign
tasks, close phase 1 with an evaluation and reopen it; an @mention notifies the member; the
public page shows only the public parts; axe checks every workspace page on the way.

The pages run in English (the language of the source strings), so the test does not depend on
the translations.
"""

import random
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from openpromotor.core.models import Notification
from openpromotor.municipalities.models import Municipality
from openpromotor.places import demo as places_demo
from openpromotor.projects.library import install
from openpromotor.projects.models import Project, RoadmapTemplate, StepCard, Task, TemplatePhase
from tests.e2e.conftest import assert_accessible, logged_in_context
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _demo_chapel():
    """A chapel in Mechelen made by the places demo loader the way it makes the demo's
    ``demo-234`` (its random details aside): one building, since loading all 300 with their
    photos takes seconds."""
    mechelen = Municipality.objects.get(nis_code="12025")
    place = places_demo._place(
        random.Random(2026), 234, mechelen, *places_demo.CITIES[mechelen.nis_code]
    )
    place.save()
    return place


def _phase_one(page):
    return page.locator("[data-drop-phase]").first


def test_a_group_works_through_its_first_phase(page, browser, axe, live_server, settings):
    settings.LANGUAGE_CODE = "en"  # notices are written in the platform's language
    install(RoadmapTemplate, TemplatePhase, StepCard)
    coordinator = UserFactory(display_name="Cora Coordinator")
    member = UserFactory(display_name="Mats Member", email="mats@example.org")
    place = _demo_chapel()
    page.context.add_cookies(logged_in_context(browser, live_server, coordinator).cookies())
    page.set_viewport_size({"width": 1280, "height": 1000})

    # Start a project from the demo place.
    page.goto(place.get_absolute_url())
    page.get_by_role("link", name="Start a project here").click()
    page.get_by_label("Name").fill("Buurtkapel")
    page.get_by_label("Summary").fill("Een lege kapel wordt een buurtplek.")
    page.get_by_label("Purpose").select_option("culture")
    page.get_by_role("button", name="Start the project").click()
    page.wait_for_url(re.compile(r"/projecten/\d+/werkruimte/$"))
    project = Project.objects.get()
    assert list(project.places.all()) == [place]
    assert_accessible(axe, page)

    # Invite the member by e-mail.
    page.get_by_role("link", name="Members").click()
    page.get_by_label("E-mail address").fill("mats@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("The invitation was sent")
    assert_accessible(axe, page)
    link = re.search(r"https?://[^/\s]+(/projecten/uitnodiging/\S+/)", mail.outbox[-1].body)

    # The member accepts.
    member_page = logged_in_context(browser, live_server, member).new_page()
    member_page.goto(link.group(1))
    assert_accessible(axe, member_page)
    member_page.get_by_role("button", name="Accept the invitation").click()
    member_page.wait_for_url(re.compile(r"/werkruimte/$"))
    assert project.memberships.filter(user=member).exists()

    # Lay three step cards into phase 1: with the button, with the keyboard (choosing the
    # phase for a card meant for phase 3), and by dragging.
    page.get_by_role("link", name="Roadmap").click()
    page.get_by_role("button", name="Add Bouwkundige opname").click()
    expect(page.locator("#board-status")).to_contain_text("Bouwkundige opname")
    # The board gives the focus back to the button after htmx settles; wait for it, or that
    # late focus would pull the keyboard away from the phase chosen next.
    expect(page.get_by_role("button", name="Add Bouwkundige opname")).to_be_focused()
    phase_select = page.locator(".step-card", has_text="Asbestinventaris").get_by_label("Phase")
    phase_select.focus()
    phase_select.select_option(label="1. Verkennen en diagnose")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#board-status")).to_contain_text("Asbestinventaris")
    expect(page.get_by_role("button", name="Add Asbestinventaris")).to_be_focused()
    card = page.locator(".step-card", has_text="Stakeholderkaart")
    card.scroll_into_view_if_needed()
    card.drag_to(_phase_one(page))
    expect(page.locator("#board-status")).to_contain_text("Stakeholderkaart")
    expect(_phase_one(page).locator(".board-task")).to_have_count(3)
    assert_accessible(axe, page)
    phase = project.phases.get(number=1)
    assert phase.tasks.count() == 3

    # Assign two tasks.
    _phase_one(page).get_by_role("link", name="Bouwkundige opname").click()
    page.get_by_label("Assigned to").select_option(label="Mats Member")
    page.get_by_label("Due date").fill("2030-06-01")
    page.get_by_role("button", name="Save the task").click()
    expect(page.get_by_role("status")).to_contain_text("The task has been saved")
    assert_accessible(axe, page)
    page.goto(Task.objects.get(title="Stakeholderkaart").get_absolute_url())
    page.get_by_label("Assigned to").select_option(label="Cora Coordinator")
    page.get_by_role("button", name="Save the task").click()
    survey = Task.objects.get(title="Bouwkundige opname")
    assert survey.assignee == member
    assert Notification.objects.filter(recipient=member, url=survey.get_absolute_url()).exists()

    # Close phase 1 with an evaluation, then reopen it.
    page.goto(phase.get_absolute_url())
    assert_accessible(axe, page)
    page.get_by_role("link", name="Close this phase with an evaluation").click()
    assert_accessible(axe, page)
    page.get_by_label("What did you reach in this phase?").fill("We kennen het gebouw.")
    page.get_by_role("button", name="Close the phase").click()
    expect(page.get_by_role("status")).to_contain_text("Phase 1 is closed")
    phase.refresh_from_db()
    assert phase.is_closed and phase.evaluations.get().reached == "We kennen het gebouw."
    page.get_by_label("Why do you reopen this phase?").fill("Asbest gevonden")
    page.get_by_role("button", name="Reopen this phase").click()
    expect(page.get_by_role("status")).to_contain_text("Phase 1 is open again")
    phase.refresh_from_db()
    assert not phase.is_closed

    # A comment with an @mention notifies the member.
    page.get_by_role("link", name="Discussions").click()
    page.get_by_label("Subject").fill("Sleutel van de kapel")
    page.get_by_label("First message").fill("@Mats Member, heb jij de sleutel?")
    page.get_by_role("button", name="Start the discussion").click()
    expect(page.get_by_role("heading", name="Sleutel van de kapel")).to_be_visible()
    assert_accessible(axe, page)
    thread_url = project.threads.get().get_absolute_url()
    member_page.goto("/meldingen/")
    mention = member_page.locator(f'a[href^="{thread_url}#comment-"]')
    expect(mention).to_contain_text("mentioned Mats Member")

    # The timeline and the documents page.
    page.get_by_role("link", name="Timeline").click()
    assert_accessible(axe, page)
    page.get_by_role("link", name="Documents").click()
    assert_accessible(axe, page)

    # The public page shows only the public parts (roadmap and story by default).
    public = browser.new_context(base_url=live_server.url, locale="en")
    public.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
    )
    visitor = public.new_page()
    visitor.goto(project.get_absolute_url())
    body = visitor.locator("main").inner_text()
    assert "Een lege kapel wordt een buurtplek." in body and place.title in body
    for secret in ("Bouwkundige opname", "Sleutel van de kapel", "Mats Member"):
        assert secret not in body
    assert_accessible(axe, visitor)
    visitor.goto("/projecten/")
    expect(visitor.get_by_role("link", name="Buurtkapel")).to_be_visible()
    assert_accessible(axe, visitor)
    public.close()
    member_page.context.close()

"""A coordinator opens a consent proposal; two members vote, each in their own browser, one of
them objects with a reason (after being told a reason is needed); the coordinator closes the
vote and records the outcome; axe checks the list, proposal and outcome pages.

The pages run in English (the language of the source strings).
"""

import re

import pytest
from playwright.sync_api import expect

from openpromotor.decisions.models import Proposal, Vote
from openpromotor.projects.models import Role
from tests.e2e.conftest import assert_accessible, logged_in_context
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_group_decides_by_consent(page, browser, axe, live_server, settings):
    settings.LANGUAGE_CODE = "en"
    coordinator = UserFactory(display_name="Cora Coordinator")
    project = make_project(coordinator, name="Buurtkapel")
    mats = add_member(project, Role.MEMBER, display_name="Mats Member")
    sara = add_member(project, Role.MEMBER, display_name="Sara Second")
    page.context.add_cookies(logged_in_context(browser, live_server, coordinator).cookies())

    # The coordinator opens a consent proposal.
    page.goto(f"/projecten/{project.pk}/besluiten/")
    assert_accessible(axe, page)
    page.get_by_role("link", name="Open a proposal").click()
    page.get_by_label("Title").fill("We rekenen met kostprijshuur")
    page.get_by_label("Description").fill("De huur dekt de **kosten**, niet meer.")
    page.get_by_label(re.compile(r"^Consent:")).check()
    page.get_by_label("Quorum (%)").fill("50")
    page.get_by_role("button", name="Open the proposal").click()
    expect(page.get_by_role("status")).to_contain_text("The proposal is open for votes")
    proposal = Proposal.objects.get()
    assert proposal.poll_type == "consent" and proposal.is_open
    expect(page.locator(".proposal-description strong")).to_have_text("kosten")
    assert_accessible(axe, page)

    # Mats consents; Sara objects, and is told that an objection needs a reason.
    mats_page = logged_in_context(browser, live_server, mats).new_page()
    mats_page.goto(proposal.get_absolute_url())
    mats_page.get_by_label("consent", exact=True).check()
    mats_page.get_by_role("button", name="Vote").click()
    expect(mats_page.get_by_role("status")).to_contain_text("Your vote has been saved")
    expect(mats_page.locator(".own-vote")).to_contain_text("consent")

    sara_page = logged_in_context(browser, live_server, sara).new_page()
    sara_page.goto(proposal.get_absolute_url())
    sara_page.get_by_label("object", exact=True).check()
    sara_page.get_by_role("button", name="Vote").click()
    expect(sara_page.get_by_text("an objection or a block needs one")).to_be_visible()
    assert Vote.objects.count() == 1
    assert_accessible(axe, sara_page)
    sara_page.get_by_label("Your reason (needed when you object)").fill("De reserve is te klein.")
    sara_page.get_by_role("button", name="Vote").click()
    expect(sara_page.get_by_role("status")).to_contain_text("Your vote has been saved")
    assert Vote.objects.count() == 2

    # The coordinator sees the votes come in, closes the vote and records the outcome.
    page.reload()
    expect(page.locator(".results-table")).to_contain_text("object")
    expect(page.get_by_text("De reserve is te klein.")).to_be_visible()
    page.get_by_role("button", name="Close the vote now").click()
    expect(page.get_by_role("status")).to_contain_text("The vote is closed")
    expect(page.locator(".computed-result")).to_contain_text("objections raised")
    page.get_by_role("link", name="Record the outcome").click()
    assert_accessible(axe, page)
    page.get_by_label("Outcome").fill("We verhogen de reserve en stemmen opnieuw.")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_role("status")).to_contain_text("The outcome has been recorded")
    expect(page.locator(".outcome-statement")).to_contain_text("We verhogen de reserve")
    assert_accessible(axe, page)

    # The decision log lists it; a vote after the close is refused.
    page.get_by_role("link", name="Decision log").click()
    expect(page.locator(".log-entry")).to_contain_text("objections raised")
    assert_accessible(axe, page)
    mats_page.get_by_role("button", name="Change my vote").click()  # the old form, after the close
    expect(mats_page.get_by_role("status")).to_contain_text("The vote closed on")
    proposal.refresh_from_db()
    assert proposal.status == "closed" and "reserve" in proposal.outcome
    mats_page.context.close()
    sara_page.context.close()

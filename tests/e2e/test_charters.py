"""The coordinator drafts the charter (a section with two points) and marks one point
divergent; she adopts the version and signs it; the member signs it in his own browser. axe
checks the charter, edit, version and compare pages on the way.

The pages run in English (the language of the source strings), so the test does not depend on
the translations.
"""

import re

import pytest
from playwright.sync_api import expect

from openpromotor.charters.models import Signature
from openpromotor.projects.models import Role
from tests.e2e.conftest import assert_accessible, logged_in_context
from tests.factories import UserFactory
from tests.projects.factories import add_member, make_project

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_charter_is_drafted_adopted_and_signed(browser, axe, live_server, settings):
    settings.LANGUAGE_CODE = "en"
    coordinator = UserFactory(display_name="Cora Coordinator")
    member = UserFactory(display_name="Mats Member")
    project = make_project(coordinator, name="Buurtkapel")
    add_member(project, Role.MEMBER, user=member)
    cora = logged_in_context(browser, live_server, coordinator).new_page()
    cora.set_viewport_size({"width": 1280, "height": 1000})

    # Draft a section with two points.
    cora.goto(f"/projecten/{project.pk}/handvest/")
    assert_accessible(axe, cora)
    cora.get_by_role("link", name="Add a section").click()
    cora.get_by_label("Title of the section").fill("Samen beheren")
    cora.get_by_role("group", name="Point 1").get_by_label("Text").fill("De kapel blijft open.")
    cora.get_by_role("group", name="Point 2").get_by_label("Text").fill("De banken mogen weg.")
    cora.get_by_role("button", name="Add the section").click()
    expect(cora.get_by_role("status")).to_contain_text("has been added")

    # Mark the second point divergent.
    cora.get_by_role("link", name="Edit Samen beheren").click()
    assert_accessible(axe, cora)
    cora.get_by_role("group", name="Point 2").get_by_label("Negotiation status").select_option(
        "divergent"
    )
    cora.get_by_role("button", name="Save the section").click()
    expect(cora.get_by_role("status")).to_contain_text("version 2 of the charter")
    divergent = cora.locator(".charter-point-divergent")
    expect(divergent).to_contain_text("Divergent")
    expect(divergent).to_contain_text("De banken mogen weg.")
    assert_accessible(axe, cora)

    # Compare the two versions.
    cora.get_by_role("link", name="Compare versions").click()
    expect(cora.get_by_role("heading", name="From version 1 to version 2")).to_be_visible()
    expect(cora.locator(".charter-diff ins")).to_have_text("Divergent:")
    assert_accessible(axe, cora)

    # Adopt version 2 and sign it.
    cora.get_by_role("link", name="Back to the charter").click()
    cora.get_by_role("button", name="Adopt version 2").click()
    cora.wait_for_url(re.compile(r"/handvest/versies/\d+/$"))
    expect(cora.get_by_role("status")).to_contain_text("Version 2 is adopted")
    assert_accessible(axe, cora)
    cora.get_by_role("button", name="Sign version 2").click()
    expect(cora.get_by_role("status")).to_contain_text("You signed version 2")

    # The member signs it too, from the charter page.
    mats = logged_in_context(browser, live_server, member).new_page()
    mats.goto(f"/projecten/{project.pk}/handvest/")
    expect(mats.get_by_role("region", name="Signatures of version 2")).to_contain_text(
        "Cora Coordinator"
    )
    mats.get_by_role("button", name="Sign version 2").click()
    expect(mats.get_by_role("status")).to_contain_text("You signed version 2")

    cora.reload()
    signatures = cora.get_by_role("region", name="Signatures of version 2")
    expect(signatures).to_contain_text("Mats Member")
    expect(signatures).not_to_contain_text("Not signed yet")
    assert_accessible(axe, cora)
    signed = Signature.objects.filter(version__project=project, version__number=2)
    assert {s.user for s in signed} == {coordinator, member}
    mats.context.close()
    cora.context.close()

"""A building's life in the browser: a verified person reports it by dragging the pin and adding
a photo; a moderator publishes it; it shows on the map and in the list; a follower hears when it
becomes available; the owner claims it and hides the exact location. axe checks the pages."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from openpromotor.core.models import Notification
from openpromotor.places.models import Place, Status
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

TILES = re.compile(r"^https://tile\.openstreetmap\.org/")


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 90, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def open_as(browser, live_server):
    """A fresh browser context logged in as a person (through the log-in form)."""
    contexts = []

    def open_as(person):
        context = browser.new_context(base_url=live_server.url, locale="nl-BE")
        context.set_default_timeout(10_000)
        context.route(TILES, lambda route: route.fulfill(status=204))
        contexts.append(context)
        page = context.new_page()
        page.goto(reverse("account_login"))
        page.locator("#id_login").fill(person.email)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form.op-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/profiel/$"))
        return page

    yield open_as
    for context in contexts:
        context.close()


def drag_pin(page, dx, dy):
    pin = page.locator("[data-map=picker] .leaflet-marker-icon")
    box = pin.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx / 2, y + dy / 2)
    page.mouse.move(x + dx, y + dy)
    page.mouse.up()


def test_a_building_from_report_to_claim(open_as, axe):
    reporter, moderator = UserFactory(), UserFactory(moderator=True)
    follower, owner = UserFactory(), UserFactory()

    # Report: drag the pin onto the building (it fills in the coordinates), then fine-tune the
    # coordinates by typing, give the postal code and add a photo.
    page = open_as(reporter)
    page.goto(reverse("places:report"))
    assert_accessible(axe, page)
    assert page.locator("#id_latitude").input_value() == ""
    drag_pin(page, 60, 20)
    expect(page.locator("#id_latitude")).not_to_have_value("")
    expect(page.locator("#id_longitude")).not_to_have_value("")
    page.locator("#id_latitude").fill("51.2210")
    page.locator("#id_longitude").fill("4.4000")
    page.get_by_label("Postcode").fill("2000")
    page.get_by_label("Titel").fill("Lege drukkerij aan het Eilandje")
    page.get_by_label("Type gebouw").select_option("industrial")
    page.get_by_label("Bezetting").select_option("vacant")
    page.get_by_label("Vloeroppervlakte").fill("850")
    page.locator("#id_photo-image").set_input_files(
        {"name": "drukkerij.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    )
    page.locator("#id_photo-rights_holder").fill("Buurtbewoner")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lege drukkerij aan het Eilandje")
    place = Place.objects.get(title="Lege drukkerij aan het Eilandje")
    assert place.status == Status.PENDING and place.photos.count() == 1
    assert_accessible(axe, page)

    # A moderator publishes it from the queue.
    moderation = open_as(moderator)
    moderation.goto(reverse("places:moderation"))
    assert_accessible(axe, moderation)
    row = moderation.get_by_role("row").filter(has_text="Lege drukkerij aan het Eilandje")
    row.get_by_role("button", name="Publiceren").click()
    place.refresh_from_db()
    assert place.status == Status.PUBLISHED

    # It is on the map and in the list for everybody.
    visitor = open_as(follower)
    visitor.goto(reverse("places:map") + "?lat=51.2212&lon=4.4010&zoom=17")
    expect(visitor.locator("#browse-map")).to_have_attribute("data-state", "loaded")
    expect(visitor.get_by_role("button", name="Lege drukkerij aan het Eilandje")).to_have_count(1)
    assert_accessible(axe, visitor)
    visitor.goto(reverse("places:list") + "?q=drukkerij")
    assert_accessible(axe, visitor)
    visitor.get_by_role("link", name="Lege drukkerij aan het Eilandje").click()
    assert_accessible(axe, visitor)

    # Someone follows it.
    visitor.get_by_role("button", name="Volg dit gebouw").click()
    expect(visitor.get_by_role("button", name="Niet meer volgen")).to_be_visible()

    # The owner claims it; the moderator approves.
    owner_page = open_as(owner)
    owner_page.goto(place.get_absolute_url())
    owner_page.get_by_role("link", name="Dit gebouw is van mij").click()
    owner_page.get_by_label("Toelichting").fill("Ik ben zaakvoerder van de eigenaar-vennootschap.")
    owner_page.get_by_role("button", name="Versturen").click()
    moderation.goto(reverse("places:moderation"))
    claim_row = moderation.get_by_role("row").filter(has_text="Ik ben zaakvoerder")
    claim_row.get_by_role("button", name="Aanvaarden").click()
    place.refresh_from_db()
    assert place.owner == owner

    # The owner offers it for rent and shows only an approximate location.
    owner_page.goto(reverse("places:edit", args=[place.pk]))
    owner_page.get_by_label("Toon enkel een benaderende ligging").check()
    owner_page.get_by_label("Te huur").check()
    owner_page.get_by_label("Gevraagde huur").fill("2100")
    owner_page.get_by_role("button", name="Opslaan").click()
    expect(owner_page.get_by_role("status")).to_contain_text("bewaard")
    place.refresh_from_db()
    assert place.location_is_approximate and place.for_rent
    assert (place.public_latitude, place.public_longitude) != (place.latitude, place.longitude)

    # The follower is told, in the platform and by e-mail.
    notice = Notification.objects.get(recipient=follower)
    assert "Lege drukkerij aan het Eilandje" in notice.message
    assert any(follower.email in message.to for message in mail.outbox)
    visitor.goto(reverse("core:notifications"))
    expect(visitor.get_by_role("link", name=re.compile("Lege drukkerij"))).to_be_visible()

    # The public page shows no street address for an approximate location.
    visitor.goto(place.get_absolute_url())
    expect(visitor.get_by_text("benaderende ligging")).to_be_visible()

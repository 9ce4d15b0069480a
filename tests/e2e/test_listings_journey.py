"""A seeker saves a search from the map (with its area), posts a need, finds a building from the
map among the top matches with its reasons, saves the search, hears at once of a new matching
building, messages its owner through the platform and reads the owner's reply; axe checks the
listing pages on the way.

Interface elements of the listings are found by their ids and values, not their text, so the
test holds in every language.
"""

import pytest
from django.core import mail

from openpromotor.listings.models import SavedSearch
from openpromotor.listings.vocabulary import Status
from openpromotor.places.models import Status as PlaceStatus
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory
from tests.listings.factories import ListingFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEAR_BERCHEM = {"latitude": 51.2052, "longitude": 4.4301}


def log_in(page, user):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/profiel/")


def test_seeker_finds_a_building_saves_the_search_hears_of_a_new_one_and_messages_the_owner(
    page, axe, browser, live_server
):
    seeker = UserFactory(display_name="Lotte Zoeker")
    owner = UserFactory(display_name="Marc Eigenaar")
    moderator = UserFactory(display_name="Youssef Moderator", moderator=True)
    # The seeker posted before, so the new need goes online at once (no first-time moderation).
    ListingFactory(author=seeker, status=Status.CLOSED, closed_reason="found")
    school = PlaceFactory(
        title="Voormalige school aan de Statiestraat",
        building_type="school",
        floor_area_m2=1200,
        cooperative=True,
        owner=owner,
        **NEAR_BERCHEM,
    )

    # The seeker posts a need.
    log_in(page, seeker)
    page.goto("/zoekertjes/")
    assert_accessible(axe, page)
    page.goto("/zoekertjes/kaart/?kind=offer_space")
    page.wait_for_selector("#browse-map[data-state=loaded]")
    assert_accessible(axe, page)

    # From the map, the seeker saves the offers in the map area shown as a search.
    page.locator(".save-search summary").click()
    page.locator("#save-search-name").fill("Aanbod op de kaart")
    page.locator(".save-search button[type=submit]").click()
    page.wait_for_url("**/zoekertjes/zoekopdrachten/")
    map_search = SavedSearch.objects.get(user=seeker, target=SavedSearch.Target.LISTINGS)
    assert map_search.query.startswith("kind=offer_space&bbox=")
    assert "zoom" not in map_search.query
    page.goto("/zoekertjes/nieuw/")
    assert_accessible(axe, page)
    page.locator("a[href='/zoekertjes/nieuw/seek_space/']").click()
    page.locator("#id_title").fill("Zes gezinnen zoeken een school om samen te wonen")
    page.locator("#id_description").fill("Wij zoeken een **school** in Berchem.")
    page.locator("input[name=uses][value=co_housing]").check()
    page.locator("#id_min_area_m2").fill("800")
    page.locator("#id_max_area_m2").fill("2500")
    page.locator("input[name=tenures][value=cooperative_project]").check()
    page.locator("#id_postal_code").fill("2600")
    page.locator("#id_radius_km").fill("5")
    page.locator("#id_findable").check()
    assert_accessible(axe, page)
    page.locator("button[value=publish]").click()
    page.wait_for_url("**/zoekertjes/*/")

    # The building from the map is among the top matches, with its reasons.
    matches = page.locator(".match")
    assert matches.first.locator("h3").inner_text() == school.title
    reasons = matches.first.locator(".match-reasons li").all_inner_texts()
    assert len(reasons) == 7
    assert any("1.200 m²" in reason for reason in reasons)
    assert any("Berchem" in reason for reason in reasons)
    assert_accessible(axe, page)
    need_url = page.url

    # The seeker saves the search, with an e-mail at once for each new match.
    page.locator("#alert-frequency").select_option("instant")
    page.locator("form input[name=target][value=matches] ~ button").click()
    page.wait_for_url("**/zoekertjes/zoekopdrachten/")
    assert_accessible(axe, page)

    # A new matching building is reported, and a moderator publishes it.
    new_school = PlaceFactory(
        title="Klooster met tuin in Berchem",
        building_type="monastery",
        floor_area_m2=1500,
        cooperative=True,
        status=PlaceStatus.PENDING,
        published_at=None,
        latitude=51.198,
        longitude=4.425,
    )
    mail.outbox.clear()
    moderator_context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    moderator_page = moderator_context.new_page()
    log_in(moderator_page, moderator)
    moderator_page.goto("/panden/moderatie/")
    moderator_page.locator(
        f"form[action='/panden/moderatie/{new_school.pk}/publiceren/'] button"
    ).click()
    moderator_page.wait_for_url("**/panden/moderatie/")
    moderator_context.close()

    # The seeker receives the alert.
    alerts = [message for message in mail.outbox if message.to == [seeker.email]]
    assert len(alerts) == 1 and new_school.title in alerts[0].body
    assert "/zoekertjes/zoekopdrachten/afmelden/" in alerts[0].body

    # The seeker messages the owner of the first school through the platform.
    page.goto(need_url)
    page.locator(f"a[href='/berichten/nieuw/pand/{school.pk}/']").click()
    assert_accessible(axe, page)
    page.locator("#id_body").fill("Dag Marc, mogen we de school eens bezoeken?")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/berichten/*/")
    conversation_url = page.url
    notice = [message for message in mail.outbox if message.to == [owner.email]]
    assert notice and seeker.email not in notice[-1].body

    # The owner replies.
    owner_context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    owner_page = owner_context.new_page()
    log_in(owner_page, owner)
    owner_page.goto("/berichten/")
    assert_accessible(axe, owner_page)
    owner_page.locator(f"a[href='{conversation_url.removeprefix(live_server.url)}']").click()
    assert "mogen we de school eens bezoeken?" in owner_page.locator(".conversation").inner_text()
    owner_page.locator("#id_body").fill("Graag, zaterdag om tien uur?")
    owner_page.locator("main form button[type=submit]").first.click()
    owner_page.wait_for_load_state()
    owner_context.close()

    # The seeker reads the reply.
    page.goto(conversation_url)
    assert "Graag, zaterdag om tien uur?" in page.locator(".conversation").inner_text()
    assert_accessible(axe, page)

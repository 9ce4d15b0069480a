"""Browse buildings in a browser: clusters from the API on the map, a popup link to the place,
live filters kept in the URL, the same places in the list, the location picker; axe checks the
map and the list. Map tiles are answered with an empty 204, so no network is needed."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from openpromotor.municipalities.models import Municipality
from tests.e2e.conftest import assert_accessible
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)

TILES = re.compile(r"^https://tile\.openstreetmap\.org/")
CHAPELS = ["Kapel aan de Schelde", "Kapel in het Schoon", "Kapel op het Zuid"]
SCHOOL = "Oude school in Gent"


@pytest.fixture
def places():
    """Three chapels a few dozen metres apart in Antwerpen and a school in Gent."""
    chapels = [
        PlaceFactory(title=title, latitude=51.2200 + n * 0.0003, longitude=4.4000 + n * 0.0003)
        for n, title in enumerate(CHAPELS)
    ]
    school = PlaceFactory(
        title=SCHOOL,
        building_type="school",
        municipality=Municipality.objects.get(nis_code="44021"),
        latitude=51.0500,
        longitude=3.7300,
    )
    return chapels, school


@pytest.fixture
def map_page(page):
    page.route(TILES, lambda route: route.fulfill(status=204))
    return page


def wait_for_markers(page):
    expect(page.locator("#browse-map")).to_have_attribute("data-state", "loaded")


def marker_counts(page) -> tuple[list[int], int]:
    """The counts on the cluster markers and the number of single-place markers."""
    clusters = page.locator("#browse-map .map-cluster").all_inner_texts()
    singles = page.locator("#browse-map .leaflet-marker-icon:not(.map-cluster)").count()
    return [int(text) for text in clusters], singles


PIN_IN_THE_MIDDLE = """() => {
  const map = document.querySelector("[data-map=picker]").getBoundingClientRect();
  const pin = document.querySelector("[data-map=picker] .leaflet-marker-icon")
    .getBoundingClientRect();
  const dx = pin.left + pin.width / 2 - (map.left + map.width / 2);
  const dy = pin.bottom - (map.top + map.height / 2);
  return Math.abs(dx) < 3 && Math.abs(dy) < 3;
}"""


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_the_map_shows_clusters_and_opens_a_place(map_page, axe, places):
    page = map_page
    _, school = places
    page.goto(reverse("places:map"))
    wait_for_markers(page)
    # At the zoom that shows Belgium the chapels are one cluster and the school stands alone.
    assert marker_counts(page) == ([3], 1)
    assert page.locator("#map-places li").all_inner_texts()[0].startswith(SCHOOL)
    view = query(page)
    assert set(view) == {"lat", "lon", "zoom"}
    assert_accessible(axe, page)

    # A click on a cluster zooms in on it; the new view is written into the URL.
    zoom = int(view["zoom"][0])
    page.locator("#browse-map .map-cluster").click()
    page.wait_for_url(re.compile(rf"zoom={zoom + 2}\b"))
    wait_for_markers(page)
    assert float(query(page)["lat"][0]) == pytest.approx(51.2203, abs=0.001)
    assert float(query(page)["lon"][0]) == pytest.approx(4.4003, abs=0.001)
    assert sum(marker_counts(page)[0]) == 3

    # The school's marker is a button named after it; its popup links to the place's page.
    page.goto(reverse("places:map"))
    wait_for_markers(page)
    page.get_by_role("button", name=SCHOOL).click()
    link = page.locator(".leaflet-popup-content a")
    expect(link).to_have_text(SCHOOL)
    link.click()
    page.wait_for_url(re.compile(rf"{school.get_absolute_url()}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(SCHOOL)


def test_filters_apply_to_the_map_the_url_and_the_list(map_page, axe, places):
    page = map_page
    page.goto(reverse("places:map"))
    wait_for_markers(page)

    # Ticking a filter reloads the map at once and keeps the filter in the shareable URL.
    page.locator("#place-filters details:has(input[name=building_type]) > summary").click()
    page.locator("input[name=building_type][value=school]").check()
    page.wait_for_url(re.compile(r"building_type=school"))
    wait_for_markers(page)
    assert marker_counts(page) == ([], 1)
    shared = page.url

    # The shared URL opens the same map with the filter ticked.
    page.goto(shared)
    wait_for_markers(page)
    assert marker_counts(page) == ([], 1)
    expect(page.locator("input[name=building_type][value=school]")).to_be_checked()

    # The list link carries the filters and the map area; the list shows the same place.
    page.locator("#map-list-link").click()
    page.wait_for_url(re.compile(reverse("places:list")))
    assert query(page)["building_type"] == ["school"] and "bbox" in query(page)
    expect(page.locator(".place-card h3")).to_have_text([SCHOOL])
    assert_accessible(axe, page)

    # Without filters the list holds every place the map counted.
    page.goto(reverse("places:list"))
    assert sorted(page.locator(".place-card h3").all_inner_texts()) == sorted([*CHAPELS, SCHOOL])
    assert_accessible(axe, page)


def test_the_map_on_a_small_screen(map_page, axe, places):
    page = map_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(reverse("places:map"))
    wait_for_markers(page)
    # The filters fold away so the map comes first; nothing is wider than the screen.
    expect(page.locator("details.map-filters")).not_to_have_attribute("open", "")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    counts, singles = marker_counts(page)
    assert sum(counts) + singles == 4
    assert_accessible(axe, page)


def test_the_location_picker_fills_in_the_coordinates(map_page, live_server):
    page = map_page
    client = Client()
    client.force_login(UserFactory())
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto(reverse("places:report"))
    picker = page.locator("[data-map=picker]")
    latitude, longitude = page.locator("#id_latitude"), page.locator("#id_longitude")
    expect(latitude).to_have_value("")

    # A click on the map moves the pin there and fills in both fields.
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] / 2 + 60, "y": box["height"] / 2 - 40})
    lat, lon = float(latitude.input_value()), float(longitude.input_value())
    assert 49.4 < lat < 51.6 and 2.3 < lon < 6.5

    # The arrow keys move the focused pin; north raises the latitude.
    pin = picker.locator(".leaflet-marker-icon")
    pin.focus()
    pin.press("ArrowUp")
    assert float(latitude.input_value()) > lat
    assert float(longitude.input_value()) == pytest.approx(lon, abs=1e-5)

    # Typed coordinates move the pin, and the map follows it to the middle.
    latitude.fill("51.05")
    longitude.fill("3.72")
    longitude.press("Tab")
    page.wait_for_function(PIN_IN_THE_MIDDLE)

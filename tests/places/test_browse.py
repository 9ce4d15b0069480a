"""The list and map pages: filters, pagination, shareable URLs, and what they never show."""

import re

import pytest
from django.urls import reverse

from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Status
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

LIST = reverse("places:list")
MAP = reverse("places:map")


def titles(response) -> set[str]:
    return {place.title for place in response.context["page_obj"]}


def gent():
    return Municipality.objects.get(nis_code="44021")


def test_only_published_places_are_listed(client):
    shown = PlaceFactory(title="Gepubliceerd")
    for status in (Status.PENDING, Status.REJECTED, Status.ARCHIVED, Status.NO_LONGER_VACANT):
        PlaceFactory(title=f"Niet zichtbaar {status}", status=status)
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == {"Gepubliceerd"}
    html = response.content.decode()
    assert shown.get_absolute_url() in html
    assert "Niet zichtbaar" not in html


def test_a_card_shows_the_facts_and_links_to_the_detail_page(client):
    place = PlaceFactory(
        title="Oude school",
        building_type="school",
        occupancy="partly_vacant",
        floor_area_m2=1250,
        for_rent=True,
        municipality=gent(),
    )
    html = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    card = re.search(r'<article class="card h-100 place-card">.*?</article>', html, re.S).group()
    assert f'href="{place.get_absolute_url()}"' in card
    assert "Oude school" in card
    assert "Gent" in card
    assert re.search(r"1.250 m²", card)
    for label in ("School", "Partly vacant", "For rent"):
        assert label in card


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("building_type=school", {"school"}),
        ("building_type=school&building_type=farm", {"school", "farm"}),
        ("occupancy=under_used", {"farm"}),
        ("availability=for_sale", {"school"}),
        ("availability=for_sale&availability=temporary_use", {"school", "church"}),
        ("ownership_kind=company", {"farm"}),
        ("municipality=44021", {"school"}),
        ("min_area=300", {"school", "farm"}),
        ("max_area=300", {"church"}),
        ("min_area=300&max_area=1000", {"school"}),
        ("q=hoeve", {"farm"}),
        ("bbox=4.3,51.1,4.5,51.3", {"church", "farm"}),
        ("", {"church", "school", "farm"}),
    ],
)
def test_filters(client, query, expected):
    PlaceFactory(title="church", floor_area_m2=200, temporary_use=True)
    PlaceFactory(
        title="school",
        building_type="school",
        floor_area_m2=800,
        for_sale=True,
        municipality=gent(),
        latitude=51.05,
        longitude=3.72,
    )
    PlaceFactory(
        title="farm",
        building_type="farm",
        occupancy="under_used",
        ownership_kind="company",
        floor_area_m2=1500,
        description="Een oude hoeve.",
    )
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_pagination_keeps_the_filters(client):
    PlaceFactory.create_batch(45, building_type="school")
    PlaceFactory(building_type="farm")
    first = client.get(f"{LIST}?building_type=school")
    assert len(first.context["page_obj"]) == 20
    assert first.context["page_obj"].paginator.count == 45
    html = first.content.decode()
    assert 'href="?building_type=school&amp;page=2"' in html

    last = client.get(f"{LIST}?building_type=school&page=3")
    assert len(last.context["page_obj"]) == 5
    assert 'href="?building_type=school&amp;page=2"' in last.content.decode()

    # A page number out of range or not a number shows a page, never an error.
    assert client.get(f"{LIST}?page=99").context["page_obj"].number == 3
    assert client.get(f"{LIST}?page=abc").context["page_obj"].number == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("building_type=castle", "building_type"),
        ("occupancy=haunted", "occupancy"),
        ("availability=free", "availability"),
        ("municipality=99999", "municipality"),
        ("min_area=-5", "min_area"),
        ("min_area=abc", "min_area"),
        ("max_area=99999999999", "max_area"),
        ("min_area=500&max_area=100", "max_area"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=5,50,4,51", "bbox"),
        ("bbox=nan,50,4,51", "bbox"),
    ],
)
@pytest.mark.parametrize("url", [LIST, MAP])
def test_an_invalid_filter_gives_a_form_error(client, url, query, field):
    PlaceFactory()
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()


def test_the_list_says_when_nothing_matches(client):
    PlaceFactory(building_type="church")
    response = client.get(f"{LIST}?building_type=farm", HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["page_obj"].paginator.count == 0
    assert "No buildings match these filters" in response.content.decode()


def test_the_list_keeps_the_map_area_and_can_drop_it(client):
    PlaceFactory()
    html = client.get(f"{LIST}?bbox=4.3,51.1,4.5,51.3&q=pand").content.decode()
    assert 'type="hidden" name="bbox" value="4.3,51.1,4.5,51.3"' in html
    assert 'href="?q=pand"' in html  # "show all areas"
    assert f'href="{MAP}?bbox=4.3%2C51.1%2C4.5%2C51.3&amp;q=pand"' in html


def test_the_map_page_carries_the_filters_and_the_view(client):
    response = client.get(f"{MAP}?building_type=school&lat=51.05&lon=3.72&zoom=13")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-map="browse"' in html
    assert 'aria-label="' in re.search(r'<div id="browse-map"[^>]*>', html).group()
    assert 'data-clusters-url="/api/v1/places/clusters"' in html
    assert 'data-lat="51.05" data-lon="3.72" data-zoom="13"' in html
    assert 'value="school" class="form-check-input" id="id_building_type_2" checked' in html
    # The accessible equivalent: a link to the list with the same filters, before the map.
    list_link = f'href="{LIST}?building_type=school"'
    assert list_link in html
    assert html.index(list_link) < html.index('id="browse-map"')
    assert 'href="#places-in-view"' in html  # skip link past the map


@pytest.mark.parametrize("view", ["lat=91&lon=4&zoom=10", "lat=51&lon=4&zoom=25", "lat=x"])
def test_an_invalid_map_view_falls_back_to_the_filter_area_or_belgium(client, view):
    html = client.get(f"{MAP}?{view}").content.decode()
    assert "data-lat=" not in html
    assert 'data-fit-bbox="2.3,49.4,6.5,51.6"' in html
    html = client.get(f"{MAP}?{view}&bbox=4.3,51.1,4.5,51.3").content.decode()
    assert 'data-fit-bbox="4.3,51.1,4.5,51.3"' in html


def test_approximate_places_never_show_their_exact_location(client):
    place = PlaceFactory(latitude=51.2194321, longitude=4.4025432, location_is_approximate=True)
    assert (place.public_latitude, place.public_longitude) != (place.latitude, place.longitude)
    pages = {url: client.get(url).content.decode() for url in (LIST, MAP, f"{MAP}?q=pand")}
    assert place.title in pages[LIST]
    for html in pages.values():
        for digits in ("51.2194", "51,2194", "4.40254", "4,40254"):
            assert digits not in html


def test_the_main_navigation_links_to_the_list_and_the_map(client):
    response = client.get(LIST)
    html = response.content.decode()
    assert f'href="{LIST}" aria-current="page"' in html
    assert f'href="{MAP}"' in html

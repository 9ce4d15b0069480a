"""A new plan for a building: the building is given by its number or page address, not picked
from a list of every published place; the building's page links to the planner with it."""

import pytest
from django.urls import reverse

from openpromotor.feasibility.models import Plan
from openpromotor.places.models import Status
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("feasibility:create")


@pytest.fixture
def place(db):
    return PlaceFactory(floor_area_m2=640, asking_price=395000, title="Kapel Sint-Jozef")


def test_the_form_lists_no_places(user_client, place):
    PlaceFactory(title="Ander pand")
    html = user_client.get(CREATE).content.decode()
    assert '<input type="text" name="place"' in html
    assert '<select name="place"' not in html
    assert place.title not in html
    assert "Ander pand" not in html


@pytest.mark.parametrize(
    "given",
    [
        "{pk}",
        "/panden/{pk}/",
        "panden/{pk}",
        "https://openpromotor.example/panden/{pk}/?tab=foto#map",
        "  {pk} ",
    ],
)
def test_the_building_by_its_number_or_page_address(user_client, user, place, given):
    data = {"title": "Kapel", "place": given.format(pk=place.pk), "start": "blank"}
    response = user_client.post(CREATE, data)
    assert response.status_code == 302
    assert Plan.objects.get(owner=user).place == place


@pytest.mark.parametrize(
    "given",
    ["999999", "/panden/999999/", "/projecten/{pk}/", "/panden/{pk}/bewerken/", "kapel", "9" * 40],
)
def test_an_unknown_building_is_a_field_error(user_client, user, place, given):
    data = {"title": "Kapel", "place": given.format(pk=place.pk), "start": "blank"}
    response = user_client.post(CREATE, data)
    assert response.status_code == 400
    assert response.context["form"].errors["place"]
    assert 'id="id_place"' in response.content.decode()
    assert not Plan.objects.exists()


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.ARCHIVED])
def test_an_unpublished_building_cannot_be_linked(user_client, user, status):
    hidden = PlaceFactory(status=status)
    data = {"title": "Kapel", "place": str(hidden.pk), "start": "blank"}
    response = user_client.post(CREATE, data)
    assert response.status_code == 400
    assert not Plan.objects.exists()
    # A page link to it does not reveal the building either.
    assert hidden.title not in user_client.get(CREATE, {"place": hidden.pk}).content.decode()


def test_a_plan_without_a_title_is_a_field_error(user_client, place):
    response = user_client.post(CREATE, {"title": "", "place": str(place.pk), "start": "blank"})
    assert response.status_code == 400
    assert response.context["form"].errors["title"]
    assert place.title in response.content.decode()  # the building is still shown


def test_the_link_on_the_buildings_page_prefills_the_plan(user_client, user, place):
    detail = user_client.get(reverse("places:detail", args=[place.pk])).content.decode()
    link = f"{CREATE}?place={place.pk}"
    assert f'href="{link}"' in detail
    page = user_client.get(link)
    form = page.context["form"]
    assert form["place"].value() == str(place.pk)
    assert form["title"].value() == "Kapel Sint-Jozef"
    html = page.content.decode()
    assert 'id="place-preview"' in html
    assert "640 m²" in html

    response = user_client.post(
        link, {"title": form["title"].value(), "place": form["place"].value(), "start": "blank"}
    )
    plan = Plan.objects.get(owner=user)
    assert response["Location"] == plan.get_absolute_url()
    planner = user_client.get(plan.get_absolute_url()).context["planner"]
    assert planner.forms["building"]["gross_floor_area_m2"].value() == "640"
    assert planner.forms["acquisition"]["price"].value() == "395000"


def test_the_example_can_be_linked_to_a_building(user_client, user, place):
    data = {"title": "School", "place": f"/panden/{place.pk}/", "start": "example"}
    assert user_client.post(CREATE, data).status_code == 302
    plan = Plan.objects.get(owner=user)
    assert plan.place == place
    assert plan.versions.count() == 1

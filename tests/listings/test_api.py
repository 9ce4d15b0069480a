"""The listings API: lists with filters and pages, details, ranked matches, posting with field
errors, authentication, and the OpenAPI schema."""

import json

import pytest
from django.test import Client

from openpromotor.core.models import ApiToken
from openpromotor.listings.api import ListingOut, ListingPage, MatchOut
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind, Status
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory, expert, offer
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

LISTINGS = "/api/v1/listings"


def new_need(**changes):
    need = {
        "kind": "seek_space",
        "title": "Atelier gezocht",
        "description": "Voor vier kunstenaars.",
        "uses": ["workspace"],
        "min_area_m2": 100,
        "max_area_m2": 300,
        "max_rent_month": 1200,
        "tenures": ["rent", "temporary_use"],
        "postal_code": "9000",
        "radius_km": 8,
    }
    return need | changes


def post(client, data, **headers):
    return client.post(LISTINGS, json.dumps(data), content_type="application/json", **headers)


def error_fields(response) -> set[str]:
    assert response.status_code == 422, response.content
    return {
        [part for part in error["loc"] if isinstance(part, str)][-1]
        for error in response.json()["detail"]
    }


def test_list_filters_and_pages(client):
    needs = [ListingFactory(title=f"Zoekertje {n}") for n in range(3)]
    expert(title="Jurist", disciplines=["legal"])
    ListingFactory(status=Status.DRAFT, published_at=None)

    body = client.get(LISTINGS, {"limit": 2}).json()
    ListingPage.model_validate(body)
    assert [item["id"] for item in body["items"]] == [needs[0].pk, needs[1].pk]
    rest = Client().get(body["next"].replace("http://testserver", "")).json()
    assert len(rest["items"]) == 2 and "next" not in rest

    body = client.get(LISTINGS, {"kind": "offer_expertise", "discipline": "legal"}).json()
    assert [item["title"] for item in body["items"]] == ["Jurist"]
    body = client.get(LISTINGS, {"near": "2600", "radius_km": 10, "use": "co_housing"}).json()
    assert {item["id"] for item in body["items"]} == {need.pk for need in needs}
    assert client.get(LISTINGS, {"near": "4.4,51.2"}).status_code == 422  # lon,lat: not Belgium


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"radius_km": 0, "near": "2600"}, "radius_km"),
        ({"radius_km": 10_000, "near": "2600"}, "radius_km"),
        ({"use": "spaceport"}, "use"),
        ({"min_area": 500, "max_area": 100}, "max_area"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"municipality": "99999"}, "municipality"),
    ],
)
def test_bad_filters_are_a_422_with_the_field(client, query, field):
    assert field in error_fields(client.get(LISTINGS, query))


def test_detail_and_matches(client):
    need = ListingFactory(tenures=["cooperative_project"])
    place = PlaceFactory(
        building_type="school", floor_area_m2=600, latitude=51.205, longitude=4.43, cooperative=True
    )
    space = offer(building_type="monastery")

    detail = client.get(f"{LISTINGS}/{need.pk}").json()
    ListingOut.model_validate(detail)
    assert detail["kind"] == "seek_space" and detail["uses"] == ["co_housing"]
    assert detail["location"] == {"latitude": 51.2005, "longitude": 4.427}
    assert "email" not in json.dumps(detail)

    response = client.get(f"{LISTINGS}/{need.pk}/matches", HTTP_ACCEPT_LANGUAGE="en")
    matches = response.json()
    for item in matches:
        MatchOut.model_validate(item)
    assert [(item["kind"], item["id"]) for item in matches[:2]] == [
        ("place", place.pk),
        ("listing", space.pk),
    ]
    first = matches[0]
    assert 0 <= first["score"] <= 100 and first["url"].endswith(f"/panden/{place.pk}/")
    factors = [reason["factor"] for reason in first["reasons"]]
    assert factors == ["use", "area", "location", "budget", "availability", "timing", "condition"]
    assert "school: well suited to co-housing" in [reason["text"] for reason in first["reasons"]]


def test_a_verified_user_posts_with_a_token_and_gets_201(client):
    user = UserFactory()
    _, key = ApiToken.issue(user, "test")
    response = post(client, new_need(), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 201, response.content
    body = response.json()
    listing = Listing.objects.get()
    assert body["id"] == listing.pk and body["status"] == "pending"  # a first publication
    assert listing.author == user and listing.place_label == "Gent"
    response = post(
        client, new_need(publish=False, title="Concept"), HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.json()["status"] == "draft"


def test_posting_through_the_browser_session_needs_the_csrf_token():
    user = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    assert post(browser, new_need()).status_code == 403
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_area_m2": 500, "max_area_m2": 100}, "max_area_m2"),
        ({"max_rent_month": -1}, "max_rent_month"),
        ({"radius_km": 0}, "radius_km"),
        ({"radius_km": 10_000}, "radius_km"),
        ({"uses": ["spaceport"]}, "uses"),
        ({"kind": "sell_bicycles"}, "kind"),
        ({"postal_code": "", "latitude": 48.85, "longitude": 2.35}, "latitude"),
        ({"municipalities": ["99999"], "postal_code": "", "radius_km": None}, "municipalities"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_is_a_422_with_field_errors_and_nothing_is_saved(client, changes, field):
    client.force_login(UserFactory())
    response = post(client, new_need(**changes))
    assert field in error_fields(response)
    assert all(error["msg"] for error in response.json()["detail"])
    assert not Listing.objects.exists()


def test_who_may_not_post(client):
    assert post(client, new_need()).status_code == 401
    client.force_login(UserFactory(verified=False))
    assert post(client, new_need()).status_code == 403
    assert not Listing.objects.exists()


def test_clusters_for_the_map(client):
    ListingFactory()
    ListingFactory(public_latitude=51.2006, public_longitude=4.4271)
    offer()
    ListingFactory(public_latitude=None, public_longitude=None, radius_km=None)  # no location
    body = client.get(
        f"{LISTINGS}/clusters", {"bbox": "4.3,51.1,4.6,51.3", "zoom": 16, "kind": "seek_space"}
    ).json()
    assert body["count"] == 2
    zoomed_out = client.get(f"{LISTINGS}/clusters", {"bbox": "4.3,51.1,4.6,51.3", "zoom": 8})
    assert zoomed_out.json()["count"] == 3
    assert client.get(f"{LISTINGS}/clusters", {"zoom": 8}).status_code == 422


def test_the_openapi_schema_documents_the_listings(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/listings"])
    assert "get" in paths["/api/v1/listings/{listing_id}"]
    assert "get" in paths["/api/v1/listings/{listing_id}/matches"]
    assert "MatchOut" in schema["components"]["schemas"]
    assert set(schema["components"]["schemas"]["Kind"]["enum"]) == set(Kind.values)

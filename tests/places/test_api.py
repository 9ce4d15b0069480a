"""The places API: GeoJSON lists and details, clusters, reports, tokens, errors and privacy."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from openpromotor.core.models import ApiToken
from openpromotor.municipalities.models import Municipality
from openpromotor.places.api import (
    ClusterCollection,
    PlaceCollection,
    PlaceDetailFeature,
    ReportedPlaceFeature,
)
from openpromotor.places.models import Place, PlaceChange, Source, Status
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

PLACES = "/api/v1/places"
CLUSTERS = "/api/v1/places/clusters"
ANTWERP_BBOX = "4.3,51.15,4.55,51.35"
SOURCES = ("query", "body", "filters", "payload")
FORBIDDEN_KEYS = {"reporter", "owner", "reporter_id", "owner_id", "latitude", "longitude"}


def valid_report(**changes):
    report = {
        "title": "Leegstaande school",
        "latitude": 51.2194,
        "longitude": 4.4025,
        "postal_code": "2000",
        "building_type": "school",
        "occupancy": "vacant",
        "floor_area_m2": 1200,
        "availability": ["for_rent", "cooperative"],
    }
    return report | changes


def post_json(client, data, **headers):
    return client.post(PLACES, json.dumps(data), content_type="application/json", **headers)


def gent():
    return Municipality.objects.get(nis_code="44021")


def all_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in all_keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in all_keys(item)}
    return set()


def error_fields(response) -> set[str]:
    """The input names the errors point at: ``loc`` is like ["query", name, index]."""
    assert response.status_code == 422, response.content
    names = set()
    for error in response.json()["detail"]:
        location = [part for part in error["loc"] if part not in SOURCES]
        names.add(location[0] if location else "")
    return names


# --- GET /places ----------------------------------------------------------------------------


def test_list_is_a_feature_collection_of_published_places(client):
    published = PlaceFactory(for_rent=True, temporary_use=True)
    PlaceFactory(status=Status.PENDING)
    PlaceFactory(status=Status.REJECTED)

    response = client.get(PLACES)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    PlaceCollection.model_validate(body)
    assert [feature["id"] for feature in body["features"]] == [published.pk]
    feature = body["features"][0]
    assert feature["geometry"]["coordinates"] == [
        round(published.public_longitude, 6),
        round(published.public_latitude, 6),
    ]
    properties = feature["properties"]
    assert properties["availability"] == ["for_rent", "temporary_use"]
    assert properties["municipality"] == {"nis_code": "11002", "name": "Antwerpen"}
    assert properties["url"] == f"http://testserver/panden/{published.pk}/"
    assert {"id", "title", "building_type", "floor_area_m2", "occupancy"} <= set(properties)
    assert "next" not in body


def test_pages_follow_next_links_and_keep_the_filters(client):
    places = [PlaceFactory(building_type="school") for _ in range(5)]
    PlaceFactory(building_type="church")
    seen, url = [], f"{PLACES}?building_type=school&limit=2"
    while url:
        body = client.get(url).json()
        seen += [feature["id"] for feature in body["features"]]
        url = body.get("next")
        assert url is None or ("building_type=school" in url and "limit=2" in url)
    assert seen == [place.pk for place in places]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("building_type=office&building_type=school", {"school", "office"}),
        ("occupancy=under_used", {"under-used"}),
        ("availability=for_sale", {"for sale"}),
        ("min_area=450&max_area=600", {"500 m²"}),
        ("q=kapel", {"church"}),
        ("municipality=44021", {"Gent"}),
        ("bbox=4.40,51.20,4.50,51.30", {"in the box"}),
    ],
)
def test_filters(client, query, expected):
    outside_box = {"latitude": 51.16, "longitude": 4.35}
    PlaceFactory(title="school", building_type="school", **outside_box)
    PlaceFactory(title="office", building_type="office", **outside_box)
    PlaceFactory(title="under-used", occupancy="under_used", **outside_box)
    PlaceFactory(title="for sale", for_sale=True, **outside_box)
    PlaceFactory(title="500 m²", floor_area_m2=500, **outside_box)
    PlaceFactory(title="church", description="Een oude kapel", **outside_box)
    PlaceFactory(title="Gent", municipality=gent(), latitude=51.05, longitude=3.72)
    PlaceFactory(title="in the box", latitude=51.25, longitude=4.45)

    response = client.get(f"{PLACES}?{query}")

    assert response.status_code == 200, response.content
    assert {feature["properties"]["title"] for feature in response.json()["features"]} == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("bbox=4.5,51.2,4.4,51.3", "bbox"),
        ("bbox=4.4,51.3,4.5,51.2", "bbox"),
        ("bbox=4.4,51.2,4.5", "bbox"),
        ("bbox=west,51.2,4.5,51.3", "bbox"),
        ("building_type=castle", "building_type"),
        ("availability=for_free", "availability"),
        ("municipality=99999", "municipality"),
        ("min_area=-1", "min_area"),
        ("min_area=lots", "min_area"),
        ("min_area=500&max_area=100", "max_area"),
        ("limit=0", "limit"),
        ("after=-3", "after"),
    ],
)
def test_bad_filters_answer_422_with_the_field(client, query, field):
    response = client.get(f"{PLACES}?{query}")
    assert field in error_fields(response)
    assert all(error["msg"] for error in response.json()["detail"])


# --- GET /places/{id} -----------------------------------------------------------------------


def test_detail_is_one_feature_with_the_facts(client):
    place = PlaceFactory(construction_year=1910, links="https://example.org/a")

    response = client.get(f"{PLACES}/{place.pk}")

    assert response.status_code == 200
    feature = PlaceDetailFeature.model_validate(response.json())
    assert feature.id == place.pk
    assert feature.properties.construction_year == 1910
    assert feature.properties.street == "Kerkstraat"
    assert feature.properties.links == ["https://example.org/a"]


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.ARCHIVED])
def test_detail_of_an_unpublished_place_is_404(client, status):
    assert client.get(f"{PLACES}/{PlaceFactory(status=status).pk}").status_code == 404


def test_detail_of_a_missing_place_is_404(client):
    assert client.get(f"{PLACES}/424242").status_code == 404


# --- Privacy ----------------------------------------------------------------------------------


def test_an_approximate_location_never_leaks(client):
    owner, reporter = UserFactory(), UserFactory()
    place = PlaceFactory(
        latitude=51.2112345,
        longitude=4.4012345,
        location_is_approximate=True,
        owner=owner,
        reporter=reporter,
        external_id="11002A0123/00B000",
    )
    exact = [json.dumps(round(place.latitude, 6)), json.dumps(round(place.longitude, 6))]
    assert json.dumps(round(place.public_latitude, 6)) not in exact
    responses = [
        client.get(PLACES),
        client.get(f"{PLACES}/{place.pk}"),
        client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom=18"),
        client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom=10"),
    ]
    for response in responses:
        text = response.content.decode()
        assert response.status_code == 200
        for secret in (*exact, "Kerkstraat", "11002A0123", owner.email):
            assert secret not in text
        assert not all_keys(response.json()) & FORBIDDEN_KEYS
    detail = responses[1].json()
    assert detail["geometry"]["coordinates"] == [
        round(place.public_longitude, 6),
        round(place.public_latitude, 6),
    ]
    assert detail["properties"]["location_is_approximate"] is True


def test_no_owner_or_reporter_in_an_exact_place_either(client):
    owner = UserFactory(display_name="Geheime Eigenaar")
    place = PlaceFactory(owner=owner, reporter=UserFactory())
    text = client.get(f"{PLACES}/{place.pk}").content.decode()
    assert "Geheime Eigenaar" not in text
    assert owner.email not in text
    assert not all_keys(json.loads(text)) & FORBIDDEN_KEYS


# --- GET /places/clusters -----------------------------------------------------------------------


def test_clusters_and_singles_add_up(client):
    for _ in range(3):
        PlaceFactory(latitude=51.2203, longitude=4.4015)
    lone = PlaceFactory(latitude=51.17, longitude=4.33, building_type="school")
    PlaceFactory(latitude=51.2203, longitude=4.4015, status=Status.PENDING)
    PlaceFactory(latitude=50.85, longitude=4.35)  # Brussels, outside the box

    response = client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom=12")

    assert response.status_code == 200
    body = ClusterCollection.model_validate(response.json())
    assert body.count == 4
    clusters = [f for f in body.features if f.properties.cluster]
    singles = [f for f in body.features if not f.properties.cluster]
    assert [c.properties.count for c in clusters] == [3]
    assert clusters[0].geometry.coordinates == pytest.approx([4.4015, 51.2203])
    west, south, east, north = clusters[0].bbox
    assert west <= 4.4015 <= east and south <= 51.2203 <= north
    assert [s.id for s in singles] == [lone.pk]
    assert singles[0].properties.building_type == "school"


@pytest.mark.parametrize("zoom", [8, 11, 12, 15])
def test_clusters_from_the_summary_answer_as_the_live_query_does(client, zoom):
    """Without filters the tile summary answers; a filter that every place passes counts them
    live. Both give the same features, in the same documented shape."""
    for step in range(12):
        PlaceFactory(latitude=51.16 + step * 0.012, longitude=4.31 + step * 0.017)
        PlaceFactory(latitude=51.2203 + step * 1e-5, longitude=4.4015, building_type="school")
    PlaceFactory(latitude=51.2203, longitude=4.4015, status=Status.PENDING)

    summarised = client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom={zoom}").json()
    every_type = "&building_type=church&building_type=school"
    live = client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom={zoom}{every_type}").json()

    ClusterCollection.model_validate(summarised)
    assert summarised["count"] == live["count"] == 24
    assert [f["id"] for f in summarised["features"]] == [f["id"] for f in live["features"]]
    for got, want in zip(summarised["features"], live["features"], strict=True):
        assert got["geometry"]["coordinates"] == pytest.approx(want["geometry"]["coordinates"])
        assert got["properties"] == want["properties"]
        assert got.get("bbox") == want.get("bbox")


def test_clusters_take_the_filters(client):
    PlaceFactory(latitude=51.2203, longitude=4.4015, building_type="school")
    PlaceFactory(latitude=51.2203, longitude=4.4015, building_type="church")
    body = client.get(f"{CLUSTERS}?bbox={ANTWERP_BBOX}&zoom=12&building_type=school").json()
    assert body["count"] == 1
    assert body["features"][0]["properties"]["building_type"] == "school"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("zoom=12", "bbox"),
        (f"bbox={ANTWERP_BBOX}", "zoom"),
        (f"bbox={ANTWERP_BBOX}&zoom=21", "zoom"),
        (f"bbox={ANTWERP_BBOX}&zoom=-1", "zoom"),
        ("bbox=4.55,51.15,4.3,51.35&zoom=12", "bbox"),
        (f"bbox={ANTWERP_BBOX}&zoom=12&occupancy=haunted", "occupancy"),
    ],
)
def test_bad_cluster_requests_answer_422(client, query, field):
    assert field in error_fields(client.get(f"{CLUSTERS}?{query}"))


# --- POST /places -------------------------------------------------------------------------------


def test_a_verified_user_reports_a_place_that_waits_for_moderation(client, user):
    client.force_login(user)

    response = post_json(client, valid_report())

    assert response.status_code == 201, response.content
    feature = ReportedPlaceFeature.model_validate(response.json())
    assert feature.properties.status == Status.PENDING
    assert feature.properties.municipality.nis_code == "11002"
    assert feature.properties.availability == ["for_rent", "cooperative"]
    place = Place.objects.get(pk=feature.id)
    assert (place.status, place.source, place.reporter) == (Status.PENDING, Source.CITIZEN, user)
    assert (place.latitude, place.longitude) == (51.2194, 4.4025)
    assert place.changes.get().kind == PlaceChange.Kind.REPORTED
    assert client.get(f"{PLACES}/{place.pk}").status_code == 404


def test_anonymous_callers_may_not_report(client):
    assert post_json(client, valid_report()).status_code == 401
    assert not Place.objects.exists()


def test_unverified_users_may_not_report(client, unverified_user):
    client.force_login(unverified_user)
    assert post_json(client, valid_report()).status_code == 403
    assert not Place.objects.exists()


def test_inactive_token_holders_may_not_report(client):
    holder = UserFactory(is_active=False)
    _, key = ApiToken.issue(holder, "script")
    response = post_json(client, valid_report(), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401


def test_session_reports_need_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert post_json(client, valid_report()).status_code == 403
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert post_json(client, valid_report(), HTTP_X_CSRFTOKEN=token).status_code == 201


def test_token_reports_need_no_csrf(user):
    client = Client(enforce_csrf_checks=True)
    token, key = ApiToken.issue(user, "script")
    response = post_json(client, valid_report(), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 201
    assert Place.objects.get().reporter == user
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_wrong_token_is_401(client, user):
    ApiToken.issue(user, "script")
    response = post_json(client, valid_report(), HTTP_AUTHORIZATION="Bearer op_not-a-key")
    assert response.status_code == 401


def test_an_unverified_token_holder_is_403(client, unverified_user):
    _, key = ApiToken.issue(unverified_user, "script")
    response = post_json(client, valid_report(), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"latitude": 91}, "latitude"),
        ({"longitude": -181}, "longitude"),
        ({"latitude": 48.85, "longitude": 2.35}, "latitude"),  # Paris
        ({"latitude": "north"}, "latitude"),
        ({"floor_area_m2": -20}, "floor_area_m2"),
        ({"floor_area_m2": 5_000_000}, "floor_area_m2"),
        ({"plot_area_m2": -1}, "plot_area_m2"),
        ({"building_type": "castle"}, "building_type"),
        ({"occupancy": "haunted"}, "occupancy"),
        ({"availability": ["for_free"]}, "availability"),
        ({"title": ""}, "title"),
        ({"title": "x" * 141}, "title"),
        ({"construction_year": 3000}, "construction_year"),
        ({"asking_price": -5}, "asking_price"),
        ({"postal_code": "0000"}, "postal_code"),
        ({"municipality": "99999"}, "municipality"),
        ({"links": ["javascript:alert(1)"]}, "links"),
        ({"temporary_use_from": "2026-06-01", "temporary_use_until": "2026-01-01"}, None),
    ],
)
def test_bad_reports_answer_422_and_save_nothing(client, user, changes, field):
    client.force_login(user)
    report = valid_report(**changes)
    response = post_json(client, report)
    assert (field or "temporary_use_until") in error_fields(response)
    assert not Place.objects.exists()


def test_a_missing_field_is_422(client, user):
    client.force_login(user)
    report = valid_report()
    del report["occupancy"]
    assert "occupancy" in error_fields(post_json(client, report))


def test_without_postal_code_the_municipality_is_required(client, user):
    client.force_login(user)
    report = valid_report(postal_code="")
    assert "municipality" in error_fields(post_json(client, report))
    assert post_json(client, report | {"municipality": "11002"}).status_code == 201


# --- Tokens and the schema ----------------------------------------------------------------------


def test_create_api_token_prints_a_key_that_works(client, user, capsys):
    call_command("create_api_token", user.email.upper(), name="import script")
    key = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(user=user)
    assert token.name == "import script"
    assert token.key_hash == ApiToken.hash_key(key) != key
    response = post_json(client, valid_report(), HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 201


def test_create_api_token_refuses_an_unknown_address(db):
    with pytest.raises(CommandError, match="No user"):
        call_command("create_api_token", "nobody@example.org")


def test_the_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/places"])
    assert "get" in paths["/api/v1/places/clusters"]
    assert "get" in paths["/api/v1/places/{place_id}"]
    parameters = {p["name"] for p in paths["/api/v1/places/clusters"]["get"]["parameters"]}
    assert {"bbox", "zoom", "building_type", "min_area", "q"} <= parameters

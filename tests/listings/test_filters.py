"""The filters of each kind — budget, building type and condition, commitment and share, group
size, open to a cooperative, wanted or available dates — on the list, the map layer, the feed,
the API and saved searches; bad values; and the filters shown for each kind."""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from openpromotor.listings import alerts
from openpromotor.listings import news as news_module
from openpromotor.listings.filters import ListingFilterForm
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.vocabulary import Frequency
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory, expert, offer, partner_search
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

LISTINGS = "/api/v1/listings"


def titles(response) -> set[str]:
    return {listing.title for listing in response.context["page_obj"]}


def filtered(**query) -> set[str]:
    form = ListingFilterForm(QueryDict(urlencode(query, doseq=True)))
    assert form.is_valid(), form.errors
    return set(form.filter(Listing.objects.published()).values_list("title", flat=True))


@pytest.fixture
def world():
    """Two offers, two needs and two partner searches that differ in every new filter."""
    school = PlaceFactory(building_type="school", condition="needs_refresh")
    return {
        "cheap": offer(
            title="Goedkope loods",
            building_type="industrial",
            condition="good",
            asking_price=300_000,
            asking_rent_month=900,
            available_from=date(2027, 1, 1),
            available_until=date(2027, 6, 30),
        ),
        "dear": offer(
            title="Dure school",
            place=school,
            building_type="",  # leaves it to the building on the map
            condition="",
            asking_price=2_000_000,
            asking_rent_month=None,
        ),
        "big_group": ListingFactory(
            title="Grote groep",
            max_price=1_500_000,
            max_rent_month=None,
            group_size=14,
            open_to_cooperative=True,
            wanted_from=date(2027, 3, 1),
        ),
        "small_group": ListingFactory(
            title="Klein gezin",
            max_price=None,
            max_rent_month=1000,
            group_size=3,
            wanted_from=date(2026, 1, 1),
            wanted_until=date(2026, 12, 31),
        ),
        "core": partner_search(
            title="Kernteam", commitment="core", share_amount=25_000, group_size=12
        ),
        "helpers": partner_search(
            title="Helpers", commitment="occasional", share_amount=None, group_size=None
        ),
        "expert": expert(title="Jurist"),
    }


def test_budget_offers_asking_at_most_and_needs_whose_budget_reaches_it(world):
    assert filtered(kind="offer_space", price=500_000) == {"Goedkope loods"}
    assert filtered(kind="seek_space", price=1_000_000) == {"Grote groep"}  # 1.5 M reaches it
    assert filtered(kind="seek_space", price=2_000_000) == set()
    assert filtered(price=400_000) == {"Goedkope loods", "Grote groep"}  # both sides at once
    assert filtered(rent_month=950) == {"Goedkope loods", "Klein gezin"}
    assert filtered(price=5_000_000, rent_month=5_000) == {"Goedkope loods"}  # both hold


def test_building_type_and_condition_are_an_offers_own_or_its_buildings(world):
    assert filtered(building_type="school") == {"Dure school"}
    assert filtered(building_type=["industrial", "school"]) == {"Goedkope loods", "Dure school"}
    assert filtered(condition="needs_refresh") == {"Dure school"}
    assert filtered(condition="good", building_type="industrial") == {"Goedkope loods"}


def test_commitment_share_group_size_and_cooperative(world):
    assert filtered(commitment="core") == {"Kernteam"}
    assert filtered(max_share=30_000) == {"Kernteam"}  # a search that gives no share is out
    assert filtered(max_share=10_000) == set()
    assert filtered(min_group=10) == {"Grote groep", "Kernteam"}
    assert filtered(kind="seek_space", max_group=5) == {"Klein gezin"}
    assert filtered(cooperative="on") == {"Grote groep"}


def test_dates_keep_the_wanted_or_available_periods_that_overlap(world):
    # Needs and offers only; open ends count as open.
    assert filtered(date_from="2027-02-01", date_until="2027-02-28") == {
        "Goedkope loods",  # available January to June 2027
        "Dure school",  # no dates: always
    }
    assert filtered(date_from="2027-07-01") == {"Dure school", "Grote groep"}
    assert filtered(date_until="2026-06-01") == {"Dure school", "Klein gezin"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"price": "-1"}, "price"),
        ({"rent_month": "abc"}, "rent_month"),
        ({"max_share": "-5"}, "max_share"),
        ({"min_group": "0"}, "min_group"),
        ({"min_group": "12", "max_group": "3"}, "max_group"),
        ({"date_from": "2027-05-01", "date_until": "2027-01-01"}, "date_until"),
        ({"date_from": "morgen"}, "date_from"),
        ({"building_type": "castle"}, "building_type"),
        ({"condition": "perfect"}, "condition"),
        ({"commitment": "always"}, "commitment"),
    ],
)
def test_bad_values_are_field_errors_on_the_page_and_422_in_the_api(client, query, field):
    response = client.get(reverse("listings:list"), query)
    assert response.status_code == 200 and response.context["page_obj"] is None
    assert field in response.context["form"].errors
    body = client.get(LISTINGS, query)
    assert body.status_code == 422, body.content
    names = {
        [part for part in error["loc"] if isinstance(part, str)][-1]
        for error in body.json()["detail"]
    }
    assert field in names


def test_the_list_page_shows_the_filters_of_the_chosen_kind(client, world):
    url = reverse("listings:list")

    def shown(query):
        form = client.get(url, query).context["form"]
        rows = [field.name for row in form.field_rows() for field in row]
        return rows, [field.name for field, _open in form.checkbox_groups()]

    rows, groups = shown({"kind": "offer_space"})
    assert rows == ["min_area", "max_area", "price", "rent_month", "date_from", "date_until"]
    assert groups == ["tenure", "building_type", "condition"]
    rows, groups = shown({"kind": "seek_space"})
    assert {"price", "min_group", "cooperative", "date_from"} <= set(rows)
    assert groups == ["use", "tenure"]
    rows, groups = shown({"kind": "seek_partners"})
    assert rows == ["min_group", "max_group", "max_share"] and "commitment" in groups
    # A filter that holds a value shows whatever the kind: no filter works unseen.
    rows, groups = shown({"kind": "offer_expertise", "max_share": "100"})
    assert rows == ["max_share"]
    rows, groups = shown({"building_type": "school"})
    assert "building_type" in groups

    response = client.get(url, {"kind": "offer_space", "price": 500_000}, HTTP_ACCEPT_LANGUAGE="en")
    assert titles(response) == {"Goedkope loods"}
    html = response.content.decode()
    assert "Asking price up to" in html and 'name="price"' in html
    html = client.get(url, {"kind": "seek_space"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Budget to buy at least" in html


def test_the_map_layer_the_feed_and_the_api_apply_the_same_filters(client, world):
    query = {"kind": "offer_space", "building_type": "school"}
    clusters = client.get(
        f"{LISTINGS}/clusters", {**query, "bbox": "4.3,51.1,4.6,51.3", "zoom": 16}
    ).json()
    assert [feature["id"] for feature in clusters["features"]] == [world["dear"].pk]
    feed = client.get(reverse("listings:feed"), query).content.decode()
    assert "Dure school" in feed and "Goedkope loods" not in feed
    body = client.get(LISTINGS, {"price": 400_000, "rent_month": 5_000}).json()
    assert [item["title"] for item in body["items"]] == ["Goedkope loods"]
    body = client.get(LISTINGS, {"cooperative": "true", "min_group": 10}).json()
    assert [item["title"] for item in body["items"]] == ["Grote groep"]
    body = client.get(LISTINGS, {"date_from": "2027-07-01", "kind": "offer_space"}).json()
    assert [item["title"] for item in body["items"]] == ["Dure school"]


def test_the_openapi_schema_documents_the_new_filters(client):
    schema = client.get("/api/v1/openapi.json").json()
    names = {
        parameter["name"] for parameter in schema["paths"]["/api/v1/listings"]["get"]["parameters"]
    }
    assert {
        "price",
        "rent_month",
        "building_type",
        "condition",
        "commitment",
        "max_share",
        "min_group",
        "max_group",
        "cooperative",
        "date_from",
        "date_until",
    } <= names


def test_a_saved_search_alerts_only_with_what_passes_the_new_filters():
    user = UserFactory()
    since = timezone.now() - timedelta(hours=1)
    SavedSearch.objects.create(
        user=user,
        name="Betaalbare scholen",
        target=SavedSearch.Target.LISTINGS,
        query="building_type=school&price=800000",
        frequency=Frequency.DAILY,
        checked_until=since,
    )
    school = PlaceFactory(building_type="school")
    now = timezone.now()
    offer(
        title="Betaalbare school",
        place=school,
        building_type="",
        asking_price=700_000,
        published_at=now,
    )
    offer(title="Te dure school", building_type="school", asking_price=900_000, published_at=now)
    offer(
        title="Betaalbare loods", building_type="industrial", asking_price=500_000, published_at=now
    )
    offer(title="Oude school", building_type="school", asking_price=100_000)  # yesterday

    assert alerts.send_digests(Frequency.DAILY) == (1, 1)
    body = mail.outbox[0].body
    assert "Betaalbare school" in body
    assert "Te dure school" not in body and "Betaalbare loods" not in body
    assert "Oude school" not in body


def test_the_quick_test_of_a_digest_never_hides_news_of_the_new_filters():
    """A building type in a listings search names offers, not a kind of listing."""
    since = timezone.now() - timedelta(hours=1)
    offer(building_type="school", asking_price=500_000, published_at=timezone.now())
    ListingFactory(group_size=10, open_to_cooperative=True, published_at=timezone.now())
    news = news_module.NewThings(since, timezone.now())
    queries = [
        "building_type=school",
        "building_type=church",
        "condition=good",
        "price=600000",
        "min_group=5&cooperative=on",
        "kind=seek_space&min_group=5",
        "kind=offer_expertise&commitment=core",
        "date_from=2020-01-01",
    ]
    found_any = 0
    for text in queries:
        search = SavedSearch(user=UserFactory.build(), target="listings", query=text)
        form = alerts.filter_form(search)
        found = form.filter(news.window(Listing.objects.published())).exists()
        assert news_module.could_have_news(search, form, news) or not found, text
        found_any += found
    assert found_any >= 4

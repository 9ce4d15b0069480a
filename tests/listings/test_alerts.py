"""Saved searches: instant alerts, digests of only what is new (never empty), and the one-click
unsubscribe link that works without logging in."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from openpromotor.listings import alerts
from openpromotor.listings import news as news_module
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.vocabulary import Frequency
from openpromotor.municipalities.models import Municipality
from openpromotor.places import services as place_services
from openpromotor.places.models import Place
from openpromotor.places.models import Status as PlaceStatus
from tests.factories import UserFactory
from tests.listings.factories import ListingFactory, offer
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

NEAR_BERCHEM = {"latitude": 51.205, "longitude": 4.43}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def matching_place(**fields):
    values = {"building_type": "school", "floor_area_m2": 600, "cooperative": True}
    return PlaceFactory(**(values | NEAR_BERCHEM | fields))


def unsubscribe_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/zoekertjes/zoekopdrachten/afmelden/\S+/)", message.body)[1]


def test_saving_the_matches_of_a_need_and_an_instant_alert_when_a_place_is_published(
    client, moderator, on_commit
):
    need = ListingFactory()
    client.force_login(need.author)
    response = client.post(
        reverse("listings:save_search"),
        {"target": "matches", "listing": need.pk, "name": need.title, "frequency": "instant"},
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.user, search.listing, search.frequency) == (need.author, need, "instant")

    place = matching_place(status=PlaceStatus.PENDING, published_at=None)
    with on_commit(execute=True):
        place_services.publish(place, moderator)
    alert = next(message for message in mail.outbox if message.to == [need.author.email])
    assert place.title in alert.body and place.get_absolute_url() in alert.body
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/zoekertjes/zoekopdrachten/afmelden/" in alert.extra_headers["List-Unsubscribe"]

    # Editing the published place again is no news.
    mail.outbox.clear()
    with on_commit(execute=True):
        place.title = "Nieuwe titel"
        place.save()
    assert mail.outbox == []


def test_a_daily_digest_lists_only_what_is_new_and_is_never_sent_empty(on_commit):
    user = UserFactory()
    start = timezone.now() - timedelta(days=1)
    search = SavedSearch.objects.create(
        user=user,
        name="Scholen in Antwerpen",
        target=SavedSearch.Target.PLACES,
        query="building_type=school&municipality=11002",
        frequency=Frequency.DAILY,
        checked_until=start,
    )
    PlaceFactory(title="Oude school", building_type="school", published_at=start - timedelta(1))
    PlaceFactory(title="Nieuwe school", building_type="school")
    PlaceFactory(title="Nieuwe kerk", building_type="church")

    call_command("listings", "digest", "daily")

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Nieuwe school" in body and "Oude school" not in body and "Nieuwe kerk" not in body
    search.refresh_from_db()
    assert search.checked_until > start and search.last_sent_at is not None

    call_command("listings", "digest", "daily")  # nothing new since: no e-mail
    assert len(mail.outbox) == 1
    call_command("listings", "digest", "weekly")  # not a weekly search
    assert len(mail.outbox) == 1

    PlaceFactory(title="Nog een school", building_type="school")
    call_command("listings", "digest", "daily")
    assert len(mail.outbox) == 2
    assert "Nog een school" in mail.outbox[1].body and "Nieuwe school" not in mail.outbox[1].body


def test_a_listings_search_near_a_point_and_a_matches_digest():
    user = UserFactory()
    since = timezone.now() - timedelta(hours=2)
    SavedSearch.objects.create(
        user=user,
        name="Aanbod bij Berchem",
        target=SavedSearch.Target.LISTINGS,
        query="kind=offer_space&near=2600&radius_km=5",
        frequency=Frequency.WEEKLY,
        checked_until=since,
    )
    need = ListingFactory(author=user)
    SavedSearch.objects.create(
        user=user,
        name="Mijn zoektocht",
        target=SavedSearch.Target.MATCHES,
        listing=need,
        frequency=Frequency.WEEKLY,
        checked_until=since,
    )
    offer(title="School in Antwerpen", building_type="school", published_at=timezone.now())
    offer(title="Ruimte in Gent", public_latitude=51.05, public_longitude=3.72)
    matching_place(title="Passende school")
    matching_place(title="Eigen pand", owner=user)  # never alert about one's own

    sent, looked = alerts.send_digests(Frequency.WEEKLY)

    assert (sent, looked) == (2, 2)
    bodies = {message.subject: message.body for message in mail.outbox}
    listings_body = next(body for subject, body in bodies.items() if "Aanbod" in subject)
    assert "School in Antwerpen" in listings_body and "Ruimte in Gent" not in listings_body
    matches_body = next(body for subject, body in bodies.items() if "Mijn zoektocht" in subject)
    assert "Passende school" in matches_body and "Eigen pand" not in matches_body
    assert "/100)" in matches_body


def test_the_unsubscribe_link_works_without_logging_in_and_can_be_undone():
    search = SavedSearch.objects.create(
        user=UserFactory(), name="Alles", target="listings", frequency="daily"
    )
    ListingFactory(published_at=timezone.now())
    search.checked_until = timezone.now() - timedelta(hours=1)
    search.save()
    alerts.send_digests(Frequency.DAILY)
    path = unsubscribe_path(mail.outbox[0])
    anonymous = Client(enforce_csrf_checks=True)

    response = anonymous.get(path)
    assert response.status_code == 200
    search.refresh_from_db()
    assert not search.active
    anonymous.post(path, {"resubscribe": "1"})
    search.refresh_from_db()
    assert search.active
    anonymous.post(path, {"List-Unsubscribe": "One-Click"})  # RFC 8058, from a mail client
    search.refresh_from_db()
    assert not search.active

    assert anonymous.get(path[:-3] + "xx/").status_code == 404  # a tampered token
    ListingFactory(published_at=timezone.now())
    alerts.send_digests(Frequency.DAILY)
    assert len(mail.outbox) == 1  # an inactive search gets nothing


def test_saving_searches_and_who_may_not_change_them(client, user):
    client.force_login(user)
    response = client.post(
        reverse("listings:save_search"),
        {
            "target": "listings",
            "query": "?kind=seek_space&near=2600&radius_km=5&page=2",
            "name": "Zoekers bij Berchem",
            "frequency": "weekly",
        },
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert search.query == "kind=seek_space&near=2600&radius_km=5"
    bad = {"target": "listings", "query": "radius_km=10000&near=2600", "name": "x"}
    assert client.post(reverse("listings:save_search"), bad).status_code == 400
    other_need = ListingFactory()
    matches = {"target": "matches", "listing": other_need.pk, "name": "x", "frequency": "daily"}
    assert client.post(reverse("listings:save_search"), matches).status_code == 404
    assert SavedSearch.objects.count() == 1

    client.force_login(UserFactory())
    update = reverse("listings:update_search", args=[search.pk])
    assert client.post(update, {"delete": "1"}).status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()
    client.force_login(UserFactory(verified=False))
    assert client.post(reverse("listings:save_search"), bad).status_code == 403


def test_an_instant_listings_search_hears_of_a_new_listing(client, on_commit):
    watcher = UserFactory()
    SavedSearch.objects.create(
        user=watcher,
        name="Aanbod",
        target="listings",
        query="kind=offer_space",
        frequency="instant",
    )
    author = UserFactory()
    ListingFactory(author=author)  # has published before: goes live at once
    client.force_login(author)
    data = {
        "title": "Loods te huur",
        "description": "Ruim.",
        "building_type": "industrial",
        "postal_code": "9000",
        "municipalities": ["44021"],
        "action": "publish",
    }
    with on_commit(execute=True):
        client.post(reverse("listings:create", args=["offer_space"]), data)
    assert [message.to for message in mail.outbox] == [[watcher.email]]
    assert "Loods te huur" in mail.outbox[0].body


def test_the_quick_test_never_hides_news_that_the_filters_find():
    since = timezone.now() - timedelta(hours=1)
    gent = {"latitude": 51.05, "longitude": 3.72}
    PlaceFactory(building_type="school", **NEAR_BERCHEM)
    PlaceFactory(
        building_type="church", municipality=Municipality.objects.get(nis_code="44021"), **gent
    )
    offer(building_type="school", published_at=timezone.now())
    ListingFactory(
        published_at=timezone.now(), municipalities=[Municipality.objects.get(nis_code="44021")]
    )
    queries = {
        SavedSearch.Target.PLACES: [
            "building_type=school",
            "building_type=church&municipality=11002",
            "building_type=church&municipality=44021",
            "near=2600&radius_km=3",
            "near=9000&radius_km=3",
            "near=8400&radius_km=3",
            "bbox=4.3,51.1,4.6,51.3&building_type=farm",
        ],
        SavedSearch.Target.LISTINGS: [
            "kind=offer_space",
            "kind=offer_expertise",
            "municipality=44021",
            "municipality=21004",
            "near=2000&radius_km=5",
            "near=8400&radius_km=5",
        ],
    }
    news = news_module.NewThings(since, timezone.now())
    skipped = hits = 0
    for target, texts in queries.items():
        for text in texts:
            search = SavedSearch(user=UserFactory.build(), target=target, query=text)
            form = alerts.filter_form(search)
            model = Place if target == SavedSearch.Target.PLACES else Listing
            found = form.filter(news.window(model.objects.published())).exists()
            quick = news_module.could_have_news(search, form, news)
            assert quick or not found, (target, text)
            skipped += not quick
            hits += found
    assert skipped >= 5 and hits >= 5


def test_the_matches_of_a_digest_are_those_of_scoring_every_new_row_in_reach():
    from openpromotor.listings import candidates, matching

    gent = Municipality.objects.get(nis_code="44021")
    for number, (lat, lon) in enumerate([(51.205, 4.43), (51.25, 4.5), (51.05, 3.72), (50.9, 4.7)]):
        matching_place(title=f"Pand {number}", latitude=lat, longitude=lon)
    matching_place(title="In Gent", municipality=gent, latitude=51.06, longitude=3.73)
    needs = [
        ListingFactory(),
        ListingFactory(radius_km=30),
        ListingFactory(
            public_latitude=None, public_longitude=None, radius_km=None, municipalities=[gent]
        ),
        ListingFactory(public_latitude=None, public_longitude=None, radius_km=None),
    ]
    news = news_module.NewThings(timezone.now() - timedelta(hours=1), timezone.now())
    for need in needs:
        search = SavedSearch(user=UserFactory(), listing=need, target="matches", name="x")
        plain = candidates.need_of(
            need, candidates.municipality_codes([need]).get(need.pk, frozenset())
        )
        in_reach = candidates.could_fit(plain)
        everything = sorted(
            row.title
            for row in news.rows()
            if in_reach(row.candidate)
            and matching.score_candidate(plain, row.candidate).score >= alerts.ALERT_MIN_SCORE
        )
        assert sorted(item.title for item in alerts._new_matches(search, news)) == everything

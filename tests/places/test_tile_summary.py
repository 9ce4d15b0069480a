"""The tile summary stays exact through every way a place is written, and can be rebuilt."""

import importlib
import threading
import time

import pytest
from django.apps import apps
from django.db import connection, models, transaction
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openpromotor.places import services, tile_summary
from openpromotor.places.models import ModerationItem, Place, Source, Status, TileSummary
from openpromotor.places.tile_summary import SUMMARY_ZOOM
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory
from tests.places.summaries import assert_summary_is_exact, stored_summary
from tests.places.test_import_export import ROWS, run, write_csv

pytestmark = pytest.mark.django_db

CATHEDRAL = {"latitude": 51.2203, "longitude": 4.4015}
GHENT = {"latitude": 51.0543, "longitude": 3.7174}


def tile(place: Place) -> str:
    return place.public_tile_key[:SUMMARY_ZOOM]


def counted(place: Place) -> int:
    """How many places the summary counts in the place's (public) tile."""
    place.refresh_from_db()
    return stored_summary().get(tile(place), (0,))[0]


def place_form(place: Place, **changes) -> dict:
    """The edit form's data for a place, with some changes."""
    data = {
        "title": place.title,
        "description": place.description,
        "street": place.street,
        "house_number": place.house_number,
        "postal_code": place.postal_code,
        "latitude": str(place.latitude),
        "longitude": str(place.longitude),
        "building_type": place.building_type,
        "occupancy": place.occupancy,
        "ownership_kind": place.ownership_kind,
        "floor_area_m2": str(place.floor_area_m2),
    }
    data.update(changes)
    return data


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


# --- The pages and services of a place's life ------------------------------------------------


def test_a_report_is_counted_once_a_moderator_publishes_it(user_client, client, moderator):
    data = place_form(PlaceFactory.build(**CATHEDRAL), floor_area_m2="300")
    user_client.post(reverse("places:report"), {**data, "not_a_duplicate": "1"})
    place = Place.objects.get()
    assert place.status == Status.PENDING
    assert stored_summary() == {}

    client.force_login(moderator)
    client.post(reverse("places:publish", args=[place.pk]))

    assert counted(place) == 1
    assert_summary_is_exact()


def test_a_report_through_the_api_waits_outside_the_summary(user_client):
    report = {
        "title": "Leegstaande school",
        **CATHEDRAL,
        "postal_code": "2000",
        "building_type": "school",
        "occupancy": "vacant",
    }
    response = user_client.post("/api/v1/places", report, content_type="application/json")
    assert response.status_code == 201
    assert stored_summary() == {}


def test_a_rejected_report_is_not_counted(moderator_client):
    PlaceFactory(**CATHEDRAL)
    pending = PlaceFactory(**CATHEDRAL, status=Status.PENDING)
    moderator_client.post(reverse("places:reject", args=[pending.pk]), {"reason": "Dubbel."})
    assert counted(pending) == 1
    assert_summary_is_exact()


@pytest.mark.parametrize("status", [Status.ARCHIVED, Status.NO_LONGER_VACANT])
def test_a_place_leaves_the_summary_and_comes_back_with_its_status(moderator_client, status):
    place, neighbour = PlaceFactory(**CATHEDRAL), PlaceFactory(**CATHEDRAL)
    url = reverse("places:change_status", args=[place.pk])

    moderator_client.post(url, {"status": status, "note": ""})
    assert counted(neighbour) == 1
    assert_summary_is_exact()

    moderator_client.post(url, {"status": Status.PUBLISHED, "note": ""})
    assert counted(neighbour) == 2
    assert_summary_is_exact()


def test_moving_a_place_moves_it_to_its_new_tile(moderator_client):
    place = PlaceFactory(**CATHEDRAL)
    old_tile = tile(place)
    data = place_form(place, latitude=str(GHENT["latitude"]), longitude=str(GHENT["longitude"]))
    data["postal_code"] = "9000"

    response = moderator_client.post(reverse("places:edit", args=[place.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    assert counted(place) == 1 and tile(place) != old_tile
    assert TileSummary.objects.get(tile=old_tile).place_count == 0
    assert_summary_is_exact()


def test_a_small_move_within_its_tile_changes_the_mean_position(moderator_client):
    place = PlaceFactory(**CATHEDRAL)
    data = place_form(place, latitude="51.22035")
    moderator_client.post(reverse("places:edit", args=[place.pk]), data)
    place.refresh_from_db()
    assert stored_summary()[tile(place)][1] == pytest.approx(51.22035)
    assert_summary_is_exact()


def test_an_approximate_location_is_counted_only_where_the_public_sees_it(moderator_client):
    place = PlaceFactory(**CATHEDRAL)
    data = place_form(place, location_is_approximate="on")

    moderator_client.post(reverse("places:edit", args=[place.pk]), data)

    place.refresh_from_db()
    assert place.location_is_approximate
    (count, latitude_sum, longitude_sum, _) = stored_summary()[tile(place)]
    assert (count, latitude_sum, longitude_sum) == (
        1,
        place.public_latitude,
        place.public_longitude,
    )
    assert abs(latitude_sum - place.latitude) + abs(longitude_sum - place.longitude) > 1e-4
    exact_tile = place.tile_key[:SUMMARY_ZOOM]
    if exact_tile != tile(place):
        assert stored_summary().get(exact_tile) is None
    assert_summary_is_exact()


def test_merging_archives_the_duplicate_in_the_summary(moderator_client):
    keep, duplicate = PlaceFactory(**CATHEDRAL), PlaceFactory(**CATHEDRAL)
    moderator_client.post(reverse("places:merge", args=[duplicate.pk]), {"into": keep.pk})
    assert counted(keep) == 1
    assert_summary_is_exact()


@pytest.mark.parametrize(
    ("kind", "fields", "left"),
    [
        (ModerationItem.Kind.ABUSE, {}, 0),
        (ModerationItem.Kind.CORRECTION, {"no_longer_vacant": True}, 0),
        (ModerationItem.Kind.CORRECTION, {"proposed_occupancy": "under_used"}, 1),
        (ModerationItem.Kind.CLAIM, {}, 1),
    ],
)
def test_accepted_moderation_items_keep_the_summary_exact(moderator_client, kind, fields, left):
    place = PlaceFactory(**CATHEDRAL)
    item = ModerationItem.objects.create(
        place=place, kind=kind, author=UserFactory(), text="Zie foto.", **fields
    )
    moderator_client.post(reverse("places:decide", args=[item.pk]), {"accept": "1"})
    assert counted(place) == left
    assert_summary_is_exact()


def test_deleting_places_one_by_one_or_in_bulk():
    first, second, third = (PlaceFactory(**CATHEDRAL) for _ in range(3))
    first.delete()
    assert counted(second) == 2
    Place.objects.filter(pk=second.pk).delete()
    assert counted(third) == 1
    assert_summary_is_exact()


# --- The admin -------------------------------------------------------------------------------


def test_the_admin_changes_a_status(staff_client):
    place = PlaceFactory(**CATHEDRAL)
    url = reverse("admin:places_place_change", args=[place.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {
        name: "" if value is None else value
        for name, value in model_to_dict(place, fields=form.fields).items()
    }
    for name in ("created_at", "published_at"):  # a date and a time field each
        moment = data.pop(name)
        data.update({f"{name}_0": f"{moment:%Y-%m-%d}", f"{name}_1": f"{moment:%H:%M:%S}"})
    data["status"] = Status.ARCHIVED
    data.update({"photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0"})

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    place.refresh_from_db()
    assert place.status == Status.ARCHIVED
    assert stored_summary() == {}


def test_the_admin_deletes_one_place_and_a_selection(staff_client):
    places = [PlaceFactory(**CATHEDRAL) for _ in range(3)]
    staff_client.post(reverse("admin:places_place_delete", args=[places[0].pk]), {"post": "yes"})
    assert counted(places[1]) == 2

    changelist = reverse("admin:places_place_changelist")
    selection = {"action": "delete_selected", "_selected_action": [places[1].pk], "post": "yes"}
    staff_client.post(changelist, selection)

    assert list(Place.objects.all()) == [places[2]]
    assert counted(places[2]) == 1
    assert_summary_is_exact()


# --- Imports ---------------------------------------------------------------------------------


def test_an_import_counts_its_new_places_and_follows_a_reimport(tmp_path, monkeypatch):
    def no_rebuild():
        raise AssertionError("a small import refreshes its tiles")

    monkeypatch.setattr(tile_summary, "rebuild", no_rebuild)
    PlaceFactory(**CATHEDRAL)
    run("import", write_csv(tmp_path, *ROWS))
    assert sum(count for count, *_ in stored_summary().values()) == 4
    assert_summary_is_exact()

    moved = ROWS[1].replace("51.0543,3.7174", "51.0500,3.7300")
    out, _ = run("import", write_csv(tmp_path, ROWS[0], moved, ROWS[2]))
    assert "1 updated" in out
    assert_summary_is_exact()


def test_a_big_import_rebuilds_the_summary(tmp_path, monkeypatch):
    rebuilt = []
    rebuild = tile_summary.rebuild
    monkeypatch.setattr(tile_summary, "REBUILD_ABOVE_TILES", 2)
    monkeypatch.setattr(tile_summary, "rebuild", lambda: rebuilt.append(1) or rebuild())

    run("import", write_csv(tmp_path, *ROWS))

    assert rebuilt == [1]
    assert len(stored_summary()) == 3
    assert_summary_is_exact()


def test_an_import_that_writes_nothing_leaves_the_summary_alone(tmp_path):
    run("import", "--dry-run", write_csv(tmp_path, *ROWS))
    bad = write_csv(tmp_path, *ROWS, "CAPA-9,Nergens,48.85,2.35,2000,school,vacant,")
    with pytest.raises(Exception, match="Nothing written"):
        run("import", bad)
    assert not TileSummary.objects.exists()


# --- Every way of writing places through the ORM ---------------------------------------------


def _create(place):
    Place.objects.create(
        title="Nieuw",
        municipality=place.municipality,
        source=Source.IMPORT,
        status=Status.PUBLISHED,
        building_type="school",
        occupancy="vacant",
        **GHENT,
    )


def _get_or_create(place):
    Place.objects.get_or_create(
        external_id="CAPA-7",
        defaults={
            "title": "Nieuw",
            "municipality": place.municipality,
            "source": Source.IMPORT,
            "status": Status.PUBLISHED,
            "building_type": "school",
            "occupancy": "vacant",
            **GHENT,
        },
    )


def _update_or_create(place):
    Place.objects.update_or_create(pk=place.pk, defaults=GHENT)


def _update_status(place):
    Place.objects.filter(pk=place.pk).update(status=Status.ARCHIVED)


def _bulk_update(place):
    place.latitude, place.longitude = GHENT["latitude"], GHENT["longitude"]
    place.update_location_keys()
    fields = ["latitude", "longitude", "public_latitude", "public_longitude", "public_tile_key"]
    Place.objects.bulk_update([place], fields)


def _bulk_create(place):
    new = Place(
        title="Nieuw",
        municipality=place.municipality,
        source=Source.IMPORT,
        status=Status.PUBLISHED,
        building_type="school",
        occupancy="vacant",
        **GHENT,
    )
    new.update_location_keys()
    Place.objects.bulk_create([new])


def _save_status_only(place):
    place.status = Status.REJECTED
    place.save(update_fields=["status"])


def _save_a_stale_copy(place):
    stale = Place.objects.get(pk=place.pk)
    place.status = Status.ARCHIVED
    place.save()
    stale.title = "Oud"
    stale.save()  # publishes it again: the summary follows what is stored


def _related_manager(place):
    place.municipality.places.update(status=Status.PENDING)


def _delete_through_the_queryset(place):
    Place.objects.filter(municipality=place.municipality).delete()


@pytest.mark.parametrize(
    "write",
    [
        _create,
        _get_or_create,
        _update_or_create,
        _update_status,
        _bulk_update,
        _bulk_create,
        _save_status_only,
        _save_a_stale_copy,
        _related_manager,
        _delete_through_the_queryset,
    ],
)
def test_every_orm_write_keeps_the_summary_exact(write):
    place = PlaceFactory(**CATHEDRAL)
    PlaceFactory(**CATHEDRAL, status=Status.PENDING)
    write(place)
    assert_summary_is_exact()


def test_a_bulk_upsert_is_refused():
    place = PlaceFactory.build(**CATHEDRAL)
    place.update_location_keys()
    with pytest.raises(ValueError, match="cannot update conflicts"):
        Place.objects.bulk_create(
            [place], update_conflicts=True, unique_fields=["external_id"], update_fields=["title"]
        )


def test_writes_that_cannot_change_the_counts_do_not_touch_the_summary():
    place = PlaceFactory(**CATHEDRAL)
    place.title = "Nieuwe titel"
    with CaptureQueriesContext(connection) as saving:
        place.save(update_fields=["title"])
    with CaptureQueriesContext(connection) as updating:
        Place.objects.filter(pk=place.pk).update(title="Nog een titel")
    queries = [query["sql"] for query in [*saving.captured_queries, *updating.captured_queries]]
    assert not [sql for sql in queries if "tilesummary" in sql]
    # the update of each, and the status read by the listings' alerts before a save
    assert len(queries) == 3


def test_a_rolled_back_change_rolls_the_summary_back_too():
    place = PlaceFactory(**CATHEDRAL)
    with pytest.raises(RuntimeError), transaction.atomic():
        place.status = Status.ARCHIVED
        place.save()
        raise RuntimeError
    assert counted(place) == 1
    assert_summary_is_exact()


def test_places_are_never_deleted_by_a_cascade():
    """So every deletion goes through ``Place.delete`` or its queryset, which keep the summary."""
    for field in Place._meta.get_fields():
        if field.many_to_one and field.concrete:
            assert field.remote_field.on_delete in (models.PROTECT, models.SET_NULL), field


def test_a_deferred_block_catches_up_once_at_its_end():
    first = PlaceFactory(**CATHEDRAL)
    with transaction.atomic(), tile_summary.deferred() as noted:
        PlaceFactory(**CATHEDRAL)
        with tile_summary.deferred() as inner:
            PlaceFactory(**GHENT)
        assert inner is noted and len(noted) == 2
        assert counted(first) == 1  # not yet
    assert counted(first) == 2
    assert_summary_is_exact()


def test_a_deferred_block_that_is_rolled_back_does_not_catch_up(monkeypatch):
    monkeypatch.setattr(tile_summary, "catch_up", lambda tiles: pytest.fail("caught up"))
    with transaction.atomic(), tile_summary.deferred():
        PlaceFactory(**CATHEDRAL)
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=True)
def test_a_deferred_block_must_be_part_of_a_transaction():
    with pytest.raises(transaction.TransactionManagementError), tile_summary.deferred():
        pass


# --- Rebuilding ------------------------------------------------------------------------------


def test_the_command_rebuilds_a_damaged_summary():
    for _ in range(3):
        PlaceFactory(**CATHEDRAL)
    PlaceFactory(**GHENT)
    PlaceFactory(**GHENT, status=Status.ARCHIVED)
    TileSummary.objects.filter(tile=tile(Place.objects.first())).delete()
    TileSummary.objects.update(place_count=7)

    out, _ = run("rebuild_tile_summary")

    assert "Rebuilt the tile summary: 2 tiles" in out
    assert_summary_is_exact()


def test_the_migration_summarises_the_places_already_stored():
    for _ in range(2):
        PlaceFactory(**CATHEDRAL)
    PlaceFactory(**GHENT, location_is_approximate=True)
    TileSummary.objects.all().delete()
    migration = importlib.import_module("openpromotor.places.migrations.0002_tile_summary")

    migration.summarise_published_places(apps, None)

    assert_summary_is_exact()


# --- Concurrent changes ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
def test_two_changes_of_one_tile_at_the_same_time_are_both_counted():
    """The second refresh waits for the tile's lock, then counts what the first committed."""
    PlaceFactory(**CATHEDRAL)
    first, second = (PlaceFactory(**CATHEDRAL, status=Status.PENDING) for _ in range(2))
    first_refreshed, go_on = threading.Event(), threading.Event()

    def publish_first():
        with transaction.atomic():
            services.publish(first, None)
            first_refreshed.set()
            go_on.wait(10)
        connection.close()

    def publish_second():
        first_refreshed.wait(10)
        services.publish(second, None)
        connection.close()

    threads = [threading.Thread(target=publish_first), threading.Thread(target=publish_second)]
    for thread in threads:
        thread.start()
    first_refreshed.wait(10)
    time.sleep(0.5)
    second_waited = threads[1].is_alive()
    go_on.set()
    for thread in threads:
        thread.join(10)

    assert second_waited
    assert counted(first) == 3
    assert_summary_is_exact()

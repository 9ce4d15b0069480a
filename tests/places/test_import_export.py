"""``openpromotor places import/export``: row validation, all or nothing, idempotence, privacy."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from openpromotor.places import importing, readers
from openpromotor.places.models import Place, Source, Status
from tests.factories import UserFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = "external_id,title,latitude,longitude,postal_code,building_type,occupancy,availability"
ROWS = [
    "CAPA-1,Oude school,51.2194,4.4025,2000,school,vacant,for_rent;cooperative",
    "CAPA-2,Kerk,51.0543,3.7174,9000,church,under_used,",
    "CAPA-3,Winkel,50.8467,4.3525,1000,shop,partly_vacant,for_sale",
]


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("places", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_csv(tmp_path, *rows, header=HEADER, name="places.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_import_creates_published_places(tmp_path):
    out, err = run("import", write_csv(tmp_path, *ROWS))

    assert "3 rows: 3 new, 0 updated, 0 unchanged, 0 with errors" in out
    assert "100%" in err
    school = Place.objects.get(external_id="CAPA-1")
    assert (school.status, school.source) == (Status.PUBLISHED, Source.IMPORT)
    assert school.published_at is not None
    assert school.municipality.nis_code == "11002"
    assert school.availabilities == ["for_rent", "cooperative"]
    assert school.public_tile_key == school.tile_key != ""
    assert set(Place.objects.values_list("municipality__nis_code", flat=True)) == {
        "11002",
        "44021",
        "21004",
    }


def test_import_is_idempotent_by_external_id(tmp_path):
    path = write_csv(tmp_path, *ROWS)
    run("import", path)
    first = dict(Place.objects.values_list("external_id", "pk"))

    out, _ = run("import", path)

    assert "3 rows: 0 new, 0 updated, 3 unchanged" in out
    assert dict(Place.objects.values_list("external_id", "pk")) == first

    changed = ROWS[0].replace("Oude school", "Oude basisschool")
    out, _ = run("import", write_csv(tmp_path, changed, *ROWS[1:]))
    assert "0 new, 1 updated, 2 unchanged" in out
    assert Place.objects.get(pk=first["CAPA-1"]).title == "Oude basisschool"


def test_a_reimport_keeps_a_moderators_status(tmp_path):
    path = write_csv(tmp_path, *ROWS)
    run("import", path)
    Place.objects.filter(external_id="CAPA-2").update(status=Status.NO_LONGER_VACANT)
    out, _ = run("import", write_csv(tmp_path, ROWS[0], ROWS[1].replace("Kerk", "Kapel"), ROWS[2]))
    assert "1 updated" in out
    place = Place.objects.get(external_id="CAPA-2")
    assert (place.title, place.status) == ("Kapel", Status.NO_LONGER_VACANT)


def test_a_reimport_keeps_what_the_owner_of_a_claimed_place_manages(tmp_path):
    run("import", write_csv(tmp_path, *ROWS))
    Place.objects.filter(external_id="CAPA-1").update(
        owner=UserFactory(), for_rent=False, for_sale=True, asking_price=450_000
    )
    changed = ROWS[0].replace("Oude school", "Oude basisschool")
    out, _ = run("import", write_csv(tmp_path, changed, *ROWS[1:]))
    assert "1 updated" in out
    school = Place.objects.get(external_id="CAPA-1")
    assert school.title == "Oude basisschool"  # the register's facts are updated
    assert school.availabilities == ["for_sale", "cooperative"]  # the owner's choices stay
    assert school.asking_price == 450_000
    out, _ = run("import", write_csv(tmp_path, changed, *ROWS[1:]))
    assert "0 updated, 3 unchanged" in out


def test_one_bad_row_writes_nothing_and_names_the_row(tmp_path):
    bad = [
        "CAPA-4,Buiten België,48.85,2.35,2000,school,vacant,",
        "CAPA-5,Negatief,51.2,4.4,2000,school,vacant,for_free",
        ",Zonder id,51.2,4.4,2000,castle,vacant,",
    ]
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing written") as raised:
        call_command("places", "import", str(write_csv(tmp_path, *ROWS, *bad)), stderr=err)
    err = err.getvalue()
    assert "row 5: latitude:" in err
    assert "row 6: availability:" in err
    assert "row 7: external_id:" in err
    assert "row 7: building_type:" in err
    assert "3 with errors" in str(raised.value)
    assert not Place.objects.exists()


def test_allow_partial_writes_the_good_rows(tmp_path):
    bad = "CAPA-4,Te groot,51.2,4.4,2000,school,vacant,"
    header = HEADER + ",floor_area_m2"
    rows = [row + ",100" for row in ROWS] + [bad + ",9999999999"]
    out, err = run("import", "--allow-partial", write_csv(tmp_path, *rows, header=header))
    assert "row 5: floor_area_m2:" in err
    assert "3 new" in out and "1 with errors" in out
    assert Place.objects.count() == 3


def test_a_duplicate_external_id_in_the_file_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        run("import", write_csv(tmp_path, *ROWS, ROWS[0].replace("Oude school", "Kopie")))
    assert not Place.objects.exists()


def test_dry_run_counts_but_writes_nothing(tmp_path):
    PlaceFactory(external_id="CAPA-1", title="Oud")
    out, _ = run("import", "--dry-run", write_csv(tmp_path, *ROWS))
    assert "Dry run, nothing written. 3 rows: 2 new, 1 updated" in out
    assert Place.objects.count() == 1
    assert Place.objects.get().title == "Oud"


def test_semicolon_csv_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "excel.csv"
    lines = [HEADER.replace(",", ";"), *(row.replace(",", ";").replace(";;", ";") for row in ROWS)]
    lines[1] = "CAPA-1;Oude school;51.2194;4.4025;2000;school;vacant;for_rent,cooperative"
    path.write_text("\ufeff" + "\n".join(lines), encoding="utf-8")
    run("import", path)
    assert Place.objects.get(external_id="CAPA-1").availabilities == ["for_rent", "cooperative"]
    assert Place.objects.count() == 3


def test_geojson_import_reads_features_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "READ_SIZE", 7)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [4.4025 + n / 1000, 51.2194]},
            "properties": {
                "external_id": f"GJ-{n}",
                "title": f"Pakhuis {n} “Zuid”",
                "municipality": {"nis_code": "11002", "name": "Antwerpen"},
                "building_type": "industrial",
                "occupancy": "vacant",
                "floor_area_m2": 1234567890123 if n == 2 else 800,
                "availability": ["temporary_use"],
                "links": ["https://example.org/pakhuis"],
            },
        }
        for n in range(3)
    ]
    document = {"type": "FeatureCollection", "name": "test", "features": features, "count": 3}
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")

    with pytest.raises(CommandError):
        run("import", path)
    features[2]["properties"]["floor_area_m2"] = 800
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out, _ = run("import", path)

    assert "3 new" in out
    place = Place.objects.get(external_id="GJ-1")
    assert (place.latitude, place.longitude) == (51.2194, 4.4035)
    assert place.title == "Pakhuis 1 “Zuid”"
    assert place.temporary_use and place.link_list() == ["https://example.org/pakhuis"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.geojson", '{"type": "FeatureCollection", "features": [{"type": ', "GeoJSON"),
        ("list.geojson", "[1, 2]", "GeoJSON"),
        ("places.xlsx", "PK", "csv"),
        ("no_header.csv", "CAPA-1,Oude school\n", "title"),
    ],
)
def test_unreadable_files_are_refused(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run("import", path)


def test_a_geometry_that_is_not_a_point_is_a_row_error(tmp_path):
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": []},
                "properties": {"external_id": "X", "title": "Vlak"},
            }
        ],
    }
    path = tmp_path / "polygon.geojson"
    path.write_text(json.dumps(document), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("places", "import", str(path), stderr=err)
    assert "row 1: latitude:" in err.getvalue()


# --- Export -------------------------------------------------------------------------------------


def exported_places():
    owner = UserFactory(display_name="Geheime Eigenaar")
    exact = PlaceFactory(external_id="CAPA-9", reporter=owner, for_sale=True)
    hidden = PlaceFactory(
        latitude=51.2112345,
        longitude=4.4012345,
        location_is_approximate=True,
        owner=owner,
        external_id="11002A0123/00B000",
    )
    PlaceFactory(status=Status.PENDING, title="Nog niet gepubliceerd")
    return owner, exact, hidden


def test_csv_export_follows_the_privacy_rules_of_the_api(tmp_path):
    owner, exact, hidden = exported_places()
    path = tmp_path / "export.csv"

    out, _ = run("export", path)

    assert "Exported 2 published places" in out
    text = path.read_text(encoding="utf-8")
    rows = {int(row["id"]): row for row in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {exact.pk, hidden.pk}
    assert rows[exact.pk]["street"] == "Kerkstraat"
    assert rows[exact.pk]["external_id"] == "CAPA-9"
    assert rows[exact.pk]["availability"] == "for_sale"
    assert rows[hidden.pk]["street"] == rows[hidden.pk]["external_id"] == ""
    assert float(rows[hidden.pk]["latitude"]) == round(hidden.public_latitude, 6)
    for secret in (str(round(hidden.latitude, 6)), "11002A0123", owner.email, "Geheime"):
        assert secret not in text
    assert not {"owner", "reporter", "owner_id", "reporter_id"} & set(rows[exact.pk])


def test_geojson_export_is_a_feature_collection_that_imports_again(tmp_path):
    owner, exact, hidden = exported_places()
    path = tmp_path / "export.geojson"
    run("export", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["type"] == "FeatureCollection"
    assert [f["id"] for f in document["features"]] == [exact.pk, hidden.pk]
    assert owner.email not in path.read_text(encoding="utf-8")

    Place.objects.all().delete()
    for feature in document["features"]:
        feature["properties"]["external_id"] = f"copy-{feature['id']}"
    path.write_text(json.dumps(document), encoding="utf-8")
    run("import", path)
    assert Place.objects.count() == 2


def test_export_refuses_an_unknown_format(tmp_path):
    with pytest.raises(CommandError, match="csv"):
        run("export", tmp_path / "places.xlsx")


def test_a_bulk_import_refreshes_the_planner_statistics(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "ANALYZE_AFTER_ROWS", 3)
    run("import", write_csv(tmp_path, *ROWS))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'places_place'")
            assert cursor.fetchone()[0] > 0


def test_new_and_known_rows_mixed_in_small_batches(tmp_path, monkeypatch):
    """Updates interrupt the stream of new rows (PostgreSQL's COPY) batch after batch."""
    monkeypatch.setattr(importing, "BATCH_SIZE", 1)
    run("import", write_csv(tmp_path, ROWS[1]))
    rows = [ROWS[0], ROWS[1].replace("Kerk", "Kapel"), ROWS[2]]
    out, _ = run("import", write_csv(tmp_path, *rows))
    assert "3 rows: 2 new, 1 updated, 0 unchanged" in out
    assert sorted(Place.objects.values_list("title", flat=True)) == [
        "Kapel",
        "Oude school",
        "Winkel",
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
def test_a_big_import_vacuums_the_places_on_postgresql(tmp_path, monkeypatch):
    """So that the map's counts can read the index alone (see ``importing.vacuum``)."""

    def vacuums() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = %s",
                [Place._meta.db_table],
            )
            return cursor.fetchone()[0]

    before = vacuums()
    monkeypatch.setattr(importing, "ANALYZE_AFTER_ROWS", 3)
    run("import", write_csv(tmp_path, *ROWS))
    assert vacuums() == before + 1

"""Benchmark of listings (issue 4): the matches of one need, and a daily digest run.

Targets: with 1,000,000 places and 100,000 listings, the matches of one need in p95 ≤ 200 ms on
PostgreSQL (≤ 500 ms on SQLite); a daily digest for 10,000 saved searches in ≤ 60 s.

The data is generated into an empty database (``DATABASE_URL``; by default an SQLite file in
/tmp; ``--rebuild`` starts that file afresh) and reused by later runs with the same sizes; the
planner's statistics are refreshed after the load (``ANALYZE``), as ``openpromotor places
import`` does. Places and listings are spread evenly over Belgium's postal-code places (each
``PostalCode`` row with a municipality counts once), so cities with many postal codes are dense,
as in life. ``DEBUG`` is off, as in production. One day of news
(``--new-places`` and ``--new-listings``, published in the last 24 hours) feeds the digest; the
saved searches mix listing filters, building filters (by municipality or near a postal code)
and the matches of a need.

Workloads, each run ``--runs`` times after a warm-up, interleaved with the baseline:
- ``matches, need with a point``: ``matches_for`` a co-housing need within 5 km of Berchem
  (Antwerp), with the reasons of the top 10 rendered as the page does;
- ``matches, need by municipality``: the same need in the municipality of Antwerpen;
- ``seekers for an offer``: the findable needs that an offer in Antwerp fits.
The baseline is one primary-key read of a place (``Place.objects.get``): the ratio workload /
baseline says how many database round trips a workload is worth on this machine.

Run: ``.venv/bin/python bench/listings_matches.py [--places N] [--listings N] [--runs N]``;
exits 1 above a target.
"""

import argparse
import dataclasses
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openpromotor.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/openpromotor-bench-listings.sqlite3")
os.environ.setdefault("DEBUG", "false")  # as in production: no query log

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from openpromotor.accounts.models import User  # noqa: E402
from openpromotor.listings import alerts, candidates, matches  # noqa: E402
from openpromotor.listings.models import LIFETIME, Listing, SavedSearch  # noqa: E402
from openpromotor.listings.reasons import reasons_data  # noqa: E402
from openpromotor.listings.vocabulary import (  # noqa: E402
    Discipline,
    Frequency,
    Kind,
    Status,
    Tenure,
    Use,
)
from openpromotor.municipalities.models import Municipality, PostalCode  # noqa: E402
from openpromotor.places import tile_summary  # noqa: E402
from openpromotor.places.models import BuildingType, Condition, Occupancy, Place  # noqa: E402

BERCHEM = (51.2005, 4.4270)
ANTWERPEN = "11002"
BATCH = 5000
AUTHORS = 2000
TARGET_NEED_MS = 200.0 if connection.vendor == "postgresql" else 500.0
TARGET_DIGEST_S = 60.0


def timed_ms(function) -> float:
    start = time.perf_counter_ns()
    function()
    return (time.perf_counter_ns() - start) / 1e6


def percentile(values, share) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# --- Data -------------------------------------------------------------------------------------


def centres() -> list[tuple[float, float, int]]:
    """(latitude, longitude, municipality id) of every postal code that has a municipality."""
    rows = PostalCode.objects.exclude(municipality=None).values_list(
        "latitude", "longitude", "municipality_id"
    )
    return list(rows)


def jitter(rng, centre, spread=0.03):
    lat, lon, _municipality = centre
    return lat + rng.uniform(-spread, spread), lon + rng.uniform(-spread * 1.5, spread * 1.5)


def generate(places: int, listings: int, searches: int, new_places: int, new_listings: int):
    rng = random.Random(4)
    points = centres()
    now = timezone.now()
    old = now - timedelta(days=30)
    started = time.perf_counter()
    if Place.objects.exists() or Listing.objects.exists():
        raise SystemExit(
            "The bench database holds other data: give an empty one in DATABASE_URL "
            "(or --rebuild, which starts the SQLite file afresh)."
        )
    with transaction.atomic():
        User.objects.bulk_create(
            User(email=f"author{n}@bench.invalid", display_name=f"Author {n}", password="!")
            for n in range(AUTHORS)
        )
    authors = list(
        User.objects.filter(email__endswith="@bench.invalid").values_list("pk", flat=True)
    )
    types, conditions = BuildingType.values, Condition.values
    # One transaction whose map summary is rebuilt once at its end, not once per batch.
    with transaction.atomic(), tile_summary.deferred():
        for first in range(0, places, BATCH):
            batch = []
            for number in range(first, min(places, first + BATCH)):
                centre = rng.choice(points)
                lat, lon = jitter(rng, centre)
                fresh = number >= places - new_places
                place = Place(
                    title=f"Pand {number}",
                    municipality_id=centre[2],
                    latitude=lat,
                    longitude=lon,
                    building_type=rng.choice(types),
                    floor_area_m2=rng.randrange(50, 5000, 10),
                    condition=rng.choice(conditions),
                    occupancy=Occupancy.VACANT,
                    for_sale=rng.random() < 0.3,
                    for_rent=rng.random() < 0.3,
                    temporary_use=rng.random() < 0.4,
                    cooperative=rng.random() < 0.3,
                    asking_price=rng.randrange(100_000, 3_000_000, 5000)
                    if rng.random() < 0.4
                    else None,
                    asking_rent_month=rng.randrange(500, 9000, 50) if rng.random() < 0.4 else None,
                    source="import",
                    status=Status.PUBLISHED,
                    published_at=now - timedelta(hours=rng.uniform(0, 23)) if fresh else old,
                )
                place.update_location_keys()
                batch.append(place)
            Place.objects.bulk_create(batch)
            print(f"  places: {min(places, first + BATCH):,}", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    _generate_listings(rng, points, authors, listings, new_listings, now, old)
    _generate_searches(rng, authors, searches, now)
    analyze()
    print(f"  generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def analyze() -> None:
    """Fresh planner statistics after the bulk load, as ``openpromotor places import`` does."""
    with connection.cursor() as cursor:
        for model in (Place, Listing, Listing.municipalities.through, SavedSearch):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _generate_listings(rng, points, authors, count, new_count, now, old):
    kinds = [Kind.SEEK_SPACE] * 40 + [Kind.OFFER_SPACE] * 30
    kinds += [Kind.SEEK_PARTNERS] * 15 + [Kind.OFFER_EXPERTISE] * 15
    through = Listing.municipalities.through
    for first in range(0, count, BATCH):
        batch, where = [], []
        for number in range(first, min(count, first + BATCH)):
            kind = rng.choice(kinds)
            centre = rng.choice(points)
            lat, lon = jitter(rng, centre)
            by_municipality = kind == Kind.SEEK_SPACE and rng.random() < 0.3
            fresh = number >= count - new_count
            low = rng.randrange(50, 2000, 10)
            listing = Listing(
                kind=kind,
                title=f"Zoekertje {number}",
                description="Bench.",
                author_id=rng.choice(authors),
                status=Status.PUBLISHED,
                published_at=now - timedelta(hours=rng.uniform(0, 23)) if fresh else old,
                expires_at=now + LIFETIME,
                public_latitude=None if by_municipality else lat,
                public_longitude=None if by_municipality else lon,
                radius_km=None
                if by_municipality or kind in (Kind.OFFER_SPACE, Kind.SEEK_PARTNERS)
                else rng.choice([2, 5, 10, 25]),
                findable=kind == Kind.SEEK_SPACE and rng.random() < 0.5,
            )
            if kind == Kind.SEEK_SPACE:
                listing.uses = rng.sample(Use.values, rng.randint(1, 2))
                listing.min_area_m2, listing.max_area_m2 = low, low * 2
                listing.tenures = rng.sample(Tenure.values, rng.randint(1, 2))
                listing.max_rent_month = rng.randrange(500, 5000, 100)
            elif kind == Kind.OFFER_SPACE:
                listing.building_type = rng.choice(BuildingType.values)
                listing.floor_area_m2 = low
                listing.tenures = rng.sample(Tenure.values, rng.randint(1, 2))
                listing.asking_rent_month = rng.randrange(500, 5000, 100)
            else:
                listing.disciplines = rng.sample(Discipline.values, rng.randint(1, 3))
            listing.update_location_keys()
            batch.append(listing)
            where.append(centre[2] if by_municipality or kind == Kind.OFFER_SPACE else None)
        created = Listing.objects.bulk_create(batch)
        if connection.vendor == "sqlite" and created[0].pk is None:
            raise SystemExit("bulk_create did not return ids")
        through.objects.bulk_create(
            through(listing_id=listing.pk, municipality_id=municipality)
            for listing, municipality in zip(created, where, strict=True)
            if municipality is not None
        )
        print(f"  listings: {min(count, first + BATCH):,}", end="\r", file=sys.stderr)
    print(file=sys.stderr)


def _generate_searches(rng, authors, count, now):
    codes = list(PostalCode.objects.values_list("code", flat=True).distinct())
    municipalities = list(Municipality.objects.values_list("nis_code", flat=True))
    needs = list(
        Listing.objects.filter(kind=Kind.SEEK_SPACE).values_list("pk", "author_id")[: count // 5]
    )
    searches = []
    for number in range(count):
        share = number % 5
        search = SavedSearch(
            user_id=rng.choice(authors),
            name=f"Zoekopdracht {number}",
            frequency=Frequency.DAILY,
            checked_until=now - timedelta(days=1),
        )
        if share in (0, 1):
            search.target = SavedSearch.Target.LISTINGS
            search.query = (
                f"kind={rng.choice(Kind.values)}&near={rng.choice(codes)}&radius_km=10"
                if share == 0
                else f"municipality={rng.choice(municipalities)}"
            )
        elif share in (2, 3):
            search.target = SavedSearch.Target.PLACES
            search.query = (
                f"building_type={rng.choice(BuildingType.values)}"
                f"&municipality={rng.choice(municipalities)}"
                if share == 2
                else f"near={rng.choice(codes)}&radius_km=5&min_area=200"
            )
        else:
            need, author = needs[number % len(needs)]
            search.target = SavedSearch.Target.MATCHES
            search.listing_id, search.user_id = need, author
        searches.append(search)
    SavedSearch.objects.bulk_create(searches, batch_size=BATCH)


def the_need(author_id) -> Listing:
    need = Listing.objects.filter(title="Bench need").first() or Listing(title="Bench need")
    need.kind, need.author_id, need.description = Kind.SEEK_SPACE, author_id, "Bench."
    need.status, need.findable = Status.PUBLISHED, True
    need.uses, need.tenures = [Use.CO_HOUSING], [Tenure.COOPERATIVE_PROJECT, Tenure.BUY]
    need.min_area_m2, need.max_area_m2, need.max_price = 800, 2500, 1_900_000
    need.public_latitude, need.public_longitude = BERCHEM
    need.radius_km, need.place_label = 5, "Berchem"
    need.published_at = need.published_at or timezone.now() - timedelta(days=30)
    need.save()
    need.municipalities.clear()
    return need


# --- Measurement ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=1_000_000)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=10_000)
    parser.add_argument("--new-places", type=int, default=2_000)
    parser.add_argument("--new-listings", type=int, default=500)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--rebuild", action="store_true", help="SQLite: start the database file afresh."
    )
    options = parser.parse_args()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    database = settings.DATABASES["default"]
    if options.rebuild and connection.vendor == "sqlite":
        Path(database["NAME"]).unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    sizes = (Place.objects.count(), Listing.objects.exclude(title="Bench need").count())
    if options.rebuild or sizes != (options.places, options.listings):
        print(
            f"Generating {options.places:,} places, {options.listings:,} listings…", file=sys.stderr
        )
        generate(
            options.places,
            options.listings,
            options.searches,
            options.new_places,
            options.new_listings,
        )
        sizes = (Place.objects.count(), Listing.objects.exclude(title="Bench need").count())
    translation.activate("nl")
    author = User.objects.filter(email__endswith="@bench.invalid").values_list("pk", flat=True)[0]
    need = the_need(author)
    offer = (
        Listing.objects.published()
        .filter(kind=Kind.OFFER_SPACE, municipalities__nis_code=ANTWERPEN)
        .first()
    )
    place_ids = list(Place.objects.values_list("pk", flat=True)[:1000])
    rng = random.Random(7)

    def with_reasons(found):
        for item in found:
            reasons_data(item.match)
        return found

    need_by_municipality = dataclasses.replace(
        candidates.need_of(need, frozenset()),
        latitude=None,
        longitude=None,
        radius_km=None,
        municipalities=frozenset({ANTWERPEN}),
    )
    workloads = {
        "matches, need with a point": lambda: with_reasons(matches.matches_for(need)),
        "matches, need by municipality": lambda: with_reasons(
            matches.matches_for_need(need_by_municipality, author)
        ),
        "seekers for an offer": lambda: with_reasons(matches.matches_for(offer)),
    }

    def baseline():
        Place.objects.get(pk=rng.choice(place_ids))

    for function in (*workloads.values(), baseline):
        function()  # warm-up: imports, caches, the database's pages
    times = {name: [] for name in workloads}
    base_ms = []
    for _ in range(options.runs):
        for name, function in workloads.items():
            times[name].append(timed_ms(function))
            base_ms.append(timed_ms(baseline))
    base = statistics.median(base_ms)
    need_rows = len(candidates.rows_for_need(candidates.need_of(need, frozenset())))
    print(f"Database: {connection.vendor}; {sizes[0]:,} places, {sizes[1]:,} listings")
    print(f"Need with a point: {need_rows:,} places and offers within its radius worth scoring")
    print(f"Baseline (one place by primary key): median {base:.2f} ms")
    failed = False
    for name, values in times.items():
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(
            f"{name:32} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"max {max(values):7.1f} ms  ratio p50/baseline {p50 / base:6.0f}"
        )
        if name == "matches, need with a point" and p95 > TARGET_NEED_MS:
            failed = True
    digest_s = run_digest()
    print(f"Target: p95 ≤ {TARGET_NEED_MS:.0f} ms for one need; digest ≤ {TARGET_DIGEST_S:.0f} s")
    return 1 if failed or digest_s > TARGET_DIGEST_S else 0


def run_digest() -> float:
    """One daily digest over every saved search, from a watermark of 24 hours ago."""
    from django.core import mail

    yesterday = timezone.now() - timedelta(days=1)
    SavedSearch.objects.update(checked_until=yesterday, active=True, frequency=Frequency.DAILY)
    mail.outbox = []
    started = time.perf_counter()
    sent, looked = alerts.send_digests(Frequency.DAILY)
    elapsed = time.perf_counter() - started
    empty = looked - sent
    print(
        f"Daily digest: {looked:,} saved searches in {elapsed:.1f} s "
        f"({elapsed / looked * 1000:.2f} ms each); {sent:,} e-mails, {empty:,} empty ones not sent"
    )
    return elapsed


if __name__ == "__main__":
    sys.exit(main())

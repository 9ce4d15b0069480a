"""Benchmark of the map's cluster endpoint over HTTP (issue 3): p95 ≤ 50 ms on PostgreSQL and
≤ 150 ms on SQLite with 1,000,000 places, and at least 20 times faster than the same viewport's
places as plain GeoJSON at city zoom.

The platform runs under gunicorn with one worker (one thread, ``DEBUG=false``) on the database
of ``DATABASE_URL``; this process is the only client and sends one request at a time over a
kept-alive connection, timing each from sending it to having read the whole answer.

- Viewports are 1280 x 800 px, the size of a laptop's map, centred like the data: on a random
  postal-code centroid moved by a normal jitter of 1.5 km. Zooms are drawn uniformly from 6 to 18.
- City zoom is 13 (a city centre on a laptop screen). For each of its viewports the clusters and
  the plain GeoJSON (``/api/v1/places?bbox=…``, following every ``next`` link with ``limit=1000``)
  are fetched one after the other; the ratio is p95(GeoJSON) / p95(clusters).

Run (after ``places_generate.py`` and ``places_import.py`` filled the database)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/openpromotor_bench \\
        .venv/bin/python bench/places_clusters.py [--requests 400] [--city-requests 40]

Exits 1 when a target is missed.
"""

import argparse
import http.client
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import django

WIDTH_PX, HEIGHT_PX = 1280, 800
TILE_PX = 256
ZOOMS = range(6, 19)
CITY_ZOOM = 13
JITTER_KM = 1.5
PAGE_LIMIT = 1000
TARGETS_MS = {"postgresql": 50.0, "sqlite": 150.0}
TARGET_RATIO = 20.0


def centres() -> list[tuple[float, float]]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openpromotor.settings")
    django.setup()
    from openpromotor.municipalities.models import PostalCode

    return list(PostalCode.objects.values_list("latitude", "longitude"))


def viewport(rng: random.Random, points, zoom: int) -> str:
    """The bbox of a 1280 x 800 px map at ``zoom`` around a jittered postal-code centroid."""
    lat, lon = rng.choice(points)
    lat += rng.gauss(0, JITTER_KM) / 111.2
    lon += rng.gauss(0, JITTER_KM) / (111.2 * math.cos(math.radians(lat)))
    world = TILE_PX * 2**zoom
    x = (lon + 180) / 360 * world
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * world

    def longitude(px: float) -> float:
        return max(-180.0, min(180.0, px / world * 360 - 180))

    def latitude(py: float) -> float:
        py = max(0.0, min(world, py))
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py / world))))

    west, east = longitude(x - WIDTH_PX / 2), longitude(x + WIDTH_PX / 2)
    south, north = latitude(y + HEIGHT_PX / 2), latitude(y - HEIGHT_PX / 2)
    return f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}"


class Client:
    """One kept-alive HTTP connection; ``get`` returns (milliseconds, decoded JSON)."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path: str) -> tuple[float, dict]:
        start = time.perf_counter()
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            sys.exit(f"GET {path} answered {response.status}: {body[:300]!r}")
        return elapsed, json.loads(body)


def clusters(client: Client, bbox: str, zoom: int) -> tuple[float, int]:
    elapsed, body = client.get("/api/v1/places/clusters?" + urlencode({"bbox": bbox, "zoom": zoom}))
    return elapsed, body["count"]


def all_places(client: Client, bbox: str) -> tuple[float, int]:
    """Every place of the viewport as GeoJSON, page after page."""
    path = "/api/v1/places?" + urlencode({"bbox": bbox, "limit": PAGE_LIMIT})
    total_ms, count = 0.0, 0
    while path:
        elapsed, body = client.get(path)
        total_ms += elapsed
        count += len(body["features"])
        next_url = body.get("next")
        path = urlsplit(next_url)._replace(scheme="", netloc="").geturl() if next_url else None
    return total_ms, count


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def serve(port: int) -> subprocess.Popen:
    environment = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "openpromotor.wsgi",
            "--workers=1",
            "--threads=1",
            f"--bind=127.0.0.1:{port}",
            "--timeout=300",
            "--log-level=warning",
        ],
        env=environment,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--city-requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    points = centres()
    from django.db import connection

    vendor = connection.vendor
    port = free_port()
    server = serve(port)
    try:
        client = Client(port)
        for _ in range(20):  # warm-up: imports, connections, the database's cache
            zoom = rng.choice(ZOOMS)
            clusters(client, viewport(rng, points, zoom), zoom)
        print(f"database: {vendor}; load average before: {os.getloadavg()[0]:.2f}")
        results = mixed_zooms(client, rng, points, options.requests)
        ratio = city_zoom(client, rng, points, options.city_requests)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        server.terminate()
        server.wait()
    target = TARGETS_MS[vendor]
    passed = results <= target and ratio >= TARGET_RATIO
    print(f"targets p95 <= {target:.0f} ms and ratio >= {TARGET_RATIO:.0f}: ", end="")
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


def mixed_zooms(client: Client, rng: random.Random, points, requests: int) -> float:
    by_zoom: dict[int, list[float]] = {zoom: [] for zoom in ZOOMS}
    counts: dict[int, list[int]] = {zoom: [] for zoom in ZOOMS}
    for _ in range(requests):
        zoom = rng.choice(ZOOMS)
        elapsed, count = clusters(client, viewport(rng, points, zoom), zoom)
        by_zoom[zoom].append(elapsed)
        counts[zoom].append(count)
    every = [elapsed for times in by_zoom.values() for elapsed in times]
    print(f"clusters, {requests} viewports at zoom 6-18:")
    print(
        f"  p50 {statistics.median(every):.1f} ms, p95 {p95(every):.1f} ms, "
        f"p99 {statistics.quantiles(every, n=100, method='inclusive')[-1]:.1f} ms, "
        f"max {max(every):.1f} ms"
    )
    print("  zoom  n  median ms  max ms  median places in view")
    for zoom in ZOOMS:
        if by_zoom[zoom]:
            print(
                f"  {zoom:4} {len(by_zoom[zoom]):2} {statistics.median(by_zoom[zoom]):9.1f} "
                f"{max(by_zoom[zoom]):7.1f}  {statistics.median(counts[zoom]):.0f}"
            )
    return p95(every)


def city_zoom(client: Client, rng: random.Random, points, requests: int) -> float:
    cluster_ms, geojson_ms, sizes = [], [], []
    for _ in range(requests):
        bbox = viewport(rng, points, CITY_ZOOM)
        elapsed, count = clusters(client, bbox, CITY_ZOOM)
        cluster_ms.append(elapsed)
        elapsed, fetched = all_places(client, bbox)
        geojson_ms.append(elapsed)
        if fetched != count:
            sys.exit(f"{bbox}: {count} places in the clusters but {fetched} as GeoJSON")
        sizes.append(count)
    ratio = p95(geojson_ms) / p95(cluster_ms)
    print(
        f"city zoom {CITY_ZOOM}, {requests} viewports, places in view: "
        f"median {statistics.median(sizes):.0f}, max {max(sizes)}"
    )
    print(
        f"  clusters p95 {p95(cluster_ms):.1f} ms (median {statistics.median(cluster_ms):.1f}), "
        f"plain GeoJSON p95 {p95(geojson_ms):.1f} ms (median {statistics.median(geojson_ms):.1f}), "
        f"ratio of the p95s {ratio:.1f}"
    )
    return ratio


if __name__ == "__main__":
    sys.exit(main())

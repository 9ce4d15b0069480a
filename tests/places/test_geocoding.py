"""The optional geocoder: off by default (the postal code places a report without a pin); when
configured it places the report at the address, and any failure falls back to the postal code."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from openpromotor.municipalities.models import PostalCode
from openpromotor.places import geocoding
from openpromotor.places.models import Place
from tests.places.test_workflow import report_data

pytestmark = pytest.mark.django_db
NOMINATIM = "https://geocoder.example/search"


@pytest.fixture
def answers(monkeypatch):
    """What the fake geocoder answers, and the requests it received."""
    state = {"reply": [{"lat": "51.2163", "lon": "4.4009"}], "requests": []}

    def urlopen(request, timeout):
        state["requests"].append((request, timeout))
        if isinstance(state["reply"], Exception):
            raise state["reply"]
        return io.BytesIO(json.dumps(state["reply"]).encode())

    monkeypatch.setattr(geocoding.urllib.request, "urlopen", urlopen)
    return state


def _report_without_pin(client):
    client.post(reverse("places:report"), report_data(latitude="", longitude=""))
    return Place.objects.get()


def test_off_by_default_the_postal_code_places_the_report(user_client, answers, settings):
    assert settings.GEOCODER_URL == ""
    place = _report_without_pin(user_client)
    centre = PostalCode.objects.filter(code="2000").first()
    assert (place.latitude, place.longitude) == (centre.latitude, centre.longitude)
    assert answers["requests"] == []


def test_a_configured_geocoder_places_the_report_at_its_address(user_client, answers, settings):
    settings.GEOCODER_URL = NOMINATIM
    place = _report_without_pin(user_client)
    assert (place.latitude, place.longitude) == (51.2163, 4.4009)
    request, timeout = answers["requests"][0]
    query = parse_qs(urlsplit(request.full_url).query)
    assert query["street"] == ["12 Kerkstraat"] and query["postalcode"] == ["2000"]
    assert query["countrycodes"] == ["be"] and timeout == settings.GEOCODER_TIMEOUT


@pytest.mark.parametrize(
    "reply",
    [OSError("timed out"), [], [{"lat": "48.85", "lon": "2.35"}], {"error": "x"}, [{"lat": "?"}]],
)
def test_any_failure_falls_back_to_the_postal_code(user_client, answers, settings, reply):
    settings.GEOCODER_URL = NOMINATIM
    answers["reply"] = reply
    place = _report_without_pin(user_client)
    centre = PostalCode.objects.filter(code="2000").first()
    assert (place.latitude, place.longitude) == (centre.latitude, centre.longitude)


def test_a_pin_is_never_overridden(user_client, answers, settings):
    settings.GEOCODER_URL = NOMINATIM
    user_client.post(reverse("places:report"), report_data())
    place = Place.objects.get()
    assert (place.latitude, place.longitude) == (51.2201, 4.4103)
    assert answers["requests"] == []

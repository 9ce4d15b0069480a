"""The demo buildings: invented places in four cities, some photos, something for the
moderation queue, a moderator limited to Gent, an approximate location; loading twice adds none."""

import pytest

from openpromotor.accounts import demo as accounts_demo
from openpromotor.places import demo
from openpromotor.places.models import ModerationItem, ModeratorScope, Place, Status

pytestmark = pytest.mark.django_db


def test_the_demo_buildings(monkeypatch):
    monkeypatch.setattr(demo, "PLACES_PER_CITY", 12)
    monkeypatch.setattr(demo, "PHOTOS", 2)
    accounts_demo.load()
    demo.load()
    demo.load()
    assert Place.objects.count() == 48
    cities = set(Place.objects.values_list("municipality__name_nl", flat=True))
    assert cities == {"Antwerpen", "Gent", "Leuven", "Mechelen"}
    assert Place.objects.filter(status=Status.PENDING).exists()
    assert Place.objects.filter(photos__isnull=False).distinct().count() == 2
    first = Place.objects.get(external_id="demo-1")
    assert first.owner.email == "marc@demo.openpromotor.be" and first.location_is_approximate
    assert (first.public_latitude, first.public_longitude) != (first.latitude, first.longitude)
    kinds = set(ModerationItem.objects.values_list("kind", flat=True))
    assert kinds == {ModerationItem.Kind.CORRECTION, ModerationItem.Kind.CLAIM, "abuse"}
    assert ModerationItem.objects.filter(state=ModerationItem.State.OPEN).count() == 3
    scope = ModeratorScope.objects.get()
    assert scope.moderator.email == "moderator@demo.openpromotor.be"
    assert scope.municipality.nis_code == "44021"

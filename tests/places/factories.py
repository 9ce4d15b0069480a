"""factory_boy factory for places: published, in Antwerpen, near the cathedral by default."""

import factory
from django.utils import timezone

from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Place, Source, Status


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    title = factory.Sequence(lambda n: f"Leegstaand pand {n}")
    description = "Een leeg gebouw."
    street = "Kerkstraat"
    house_number = "12"
    postal_code = "2000"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(nis_code="11002"))
    latitude = factory.Sequence(lambda n: 51.2 + (n % 100) * 0.001)
    longitude = factory.Sequence(lambda n: 4.39 + (n // 100 % 100) * 0.001)
    building_type = "church"
    occupancy = "vacant"
    ownership_kind = "church_council"
    floor_area_m2 = 400
    source = Source.CITIZEN
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

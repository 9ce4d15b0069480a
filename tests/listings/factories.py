"""factory_boy factories for listings: a published need around Berchem by default."""

from datetime import timedelta

import factory
from django.utils import timezone

from openpromotor.listings.models import LIFETIME, Listing
from openpromotor.listings.vocabulary import Kind, Status
from tests.factories import UserFactory

BERCHEM = (51.2005, 4.4270)


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing
        skip_postgeneration_save = True

    kind = Kind.SEEK_SPACE
    title = factory.Sequence(lambda n: f"Zoekertje {n}")
    description = "Wij zoeken **ruimte**."
    author = factory.SubFactory(UserFactory)
    status = Status.PUBLISHED
    uses = ["co_housing"]
    min_area_m2 = 300
    max_area_m2 = 1000
    public_latitude, public_longitude = BERCHEM
    place_label = "Berchem"
    radius_km = 5
    findable = True
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    expires_at = factory.LazyFunction(lambda: timezone.now() + LIFETIME)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


def offer(**fields) -> Listing:
    """A published "offer space" listing near the cathedral of Antwerpen."""
    values = {
        "kind": Kind.OFFER_SPACE,
        "uses": [],
        "min_area_m2": None,
        "max_area_m2": None,
        "radius_km": None,
        "place_label": "",
        "findable": False,
        "building_type": "school",
        "floor_area_m2": 600,
        "tenures": ["rent"],
        "public_latitude": 51.2203,
        "public_longitude": 4.4014,
    }
    return ListingFactory(**(values | fields))


def expert(**fields) -> Listing:
    values = {
        "kind": Kind.OFFER_EXPERTISE,
        "uses": [],
        "min_area_m2": None,
        "max_area_m2": None,
        "findable": False,
        "disciplines": ["architecture"],
        "languages": ["nl"],
        "radius_km": 50,
    }
    return ListingFactory(**(values | fields))


def partner_search(**fields) -> Listing:
    values = {
        "kind": Kind.SEEK_PARTNERS,
        "uses": [],
        "min_area_m2": None,
        "max_area_m2": None,
        "radius_km": None,
        "findable": False,
        "roles": ["architect", "member_household"],
        "languages": ["nl"],
    }
    return ListingFactory(**(values | fields))

"""Demo buildings: a few hundred invented vacant places in Antwerpen, Gent, Leuven and Mechelen.

Everything is made up (no real owners); photos are drawn locally. Loading again updates the same
places (matched by their ``demo-`` external id) instead of adding new ones. The moderation queue
gets something to do (reports waiting, a correction, a claim, an abuse report), the demo
moderator is limited to Gent, and Marc's first building shows only an approximate location.
"""

import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from openpromotor.accounts.models import User
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import (
    BuildingType,
    Condition,
    ModerationItem,
    ModeratorScope,
    Occupancy,
    OwnershipKind,
    Place,
    PlacePhoto,
    Source,
    Status,
)
from openpromotor.places.services import THUMBNAIL_SIZE

PLACES_PER_CITY = 75
PHOTOS = 24

CITIES = {
    # NIS code: (centre latitude, longitude, postal code, streets)
    "11002": (
        51.2194,
        4.4025,
        "2000",
        [
            "Lange Nieuwstraat",
            "Kerkstraat",
            "Provinciestraat",
            "Turnhoutsebaan",
            "Statiestraat",
            "Kronenburgstraat",
        ],
    ),
    "44021": (
        51.0543,
        3.7174,
        "9000",
        [
            "Sleepstraat",
            "Dampoortstraat",
            "Brugsesteenweg",
            "Wondelgemstraat",
            "Nieuwewandeling",
            "Sint-Pietersnieuwstraat",
        ],
    ),
    "24062": (
        50.8798,
        4.7005,
        "3000",
        [
            "Tiensestraat",
            "Brusselsestraat",
            "Vaartkom",
            "Diestsestraat",
            "Naamsestraat",
            "Kapucijnenvoer",
        ],
    ),
    "12025": (
        51.0259,
        4.4776,
        "2800",
        ["Bruul", "Hoogstraat", "Adegemstraat", "Nekkerspoel", "Leuvensesteenweg", "Vijfhoek"],
    ),
}

KINDS = [
    # building type, title pattern, floor area range, ownership kinds
    (
        BuildingType.CHURCH,
        "Leegstaande kapel aan de {street}",
        (250, 900),
        [OwnershipKind.CHURCH_COUNCIL],
    ),
    (
        BuildingType.SCHOOL,
        "Voormalige schoolgebouwen {street}",
        (800, 3500),
        [OwnershipKind.SCHOOL_BOARD, OwnershipKind.PUBLIC_BODY],
    ),
    (
        BuildingType.SHOP,
        "Lege winkel op de hoek van de {street}",
        (60, 300),
        [OwnershipKind.PRIVATE_PERSON, OwnershipKind.COMPANY],
    ),
    (
        BuildingType.UPPER_FLOORS,
        "Lege verdiepingen boven winkel, {street}",
        (80, 400),
        [OwnershipKind.PRIVATE_PERSON, OwnershipKind.COMPANY],
    ),
    (
        BuildingType.INDUSTRIAL,
        "Oude werkplaats achter de {street}",
        (400, 2500),
        [OwnershipKind.COMPANY],
    ),
    (
        BuildingType.OFFICE,
        "Kantoorgebouw {street} staat leeg",
        (500, 4000),
        [OwnershipKind.COMPANY, OwnershipKind.PUBLIC_BODY],
    ),
    (
        BuildingType.MONASTERY,
        "Klooster met tuin, {street}",
        (1200, 5000),
        [OwnershipKind.CHURCH_COUNCIL, OwnershipKind.COMPANY],
    ),
    (
        BuildingType.HOUSE,
        "Rijhuis al jaren onbewoond, {street}",
        (90, 220),
        [OwnershipKind.PRIVATE_PERSON, OwnershipKind.SOCIAL_HOUSING],
    ),
    (
        BuildingType.PUBLIC_BUILDING,
        "Voormalig stadsloket {street}",
        (300, 1500),
        [OwnershipKind.PUBLIC_BODY],
    ),
]

STORIES = [
    "De buren zien het gebouw al jaren leeg staan. De ramen zijn deels dichtgetimmerd.",
    "Het gebouw is structureel in orde, maar de technieken zijn verouderd.",
    "Er is interesse van een buurtgroep voor tijdelijk gebruik in afwachting van een project.",
    "Grote ruimtes met veel daglicht; geschikt voor ateliers of samenwonen.",
    "De eigenaar zoekt een maatschappelijk project met een lange termijn.",
]


def load() -> list:
    rng = random.Random(2026)
    owner = User.objects.filter(email="marc@demo.openpromotor.be").first()
    reporter = User.objects.filter(email="lotte@demo.openpromotor.be").first()
    number = 0
    for nis_code, (latitude, longitude, postal_code, streets) in CITIES.items():
        municipality = Municipality.objects.get(nis_code=nis_code)
        for _ in range(PLACES_PER_CITY):
            number += 1
            place = _place(rng, number, municipality, latitude, longitude, postal_code, streets)
            place.reporter = reporter
            place.owner = owner if number == 1 else None
            place.location_is_approximate = number == 1
            place.save()
            if number <= PHOTOS and not place.photos.exists():
                _add_photo(place, rng)
    _moderation()
    return []


FEEDBACK = [
    # (place number, kind, author, text, the correction says "no longer vacant")
    (
        5,
        ModerationItem.Kind.CORRECTION,
        "amina",
        "Sinds september zit hier een fietsenwinkel.",
        True,
    ),
    (
        7,
        ModerationItem.Kind.CLAIM,
        "marc",
        "Ik ben de zaakvoerder van de eigenaar-vennootschap.",
        False,
    ),
    (9, ModerationItem.Kind.ABUSE, "lotte", "De foto toont een ander gebouw.", False),
]


def _moderation() -> None:
    """Open feedback in the queue, and the demo moderator's municipality."""
    moderator = User.objects.filter(email="moderator@demo.openpromotor.be").first()
    if moderator is not None:
        gent = Municipality.objects.get(nis_code="44021")
        ModeratorScope.objects.get_or_create(moderator=moderator, municipality=gent)
    for number, kind, author, text, no_longer_vacant in FEEDBACK:
        place = Place.objects.filter(external_id=f"demo-{number}").first()
        person = User.objects.filter(email=f"{author}@demo.openpromotor.be").first()
        if place is None or person is None:
            continue
        ModerationItem.objects.get_or_create(
            place=place,
            kind=kind,
            author=person,
            defaults={"text": text, "no_longer_vacant": no_longer_vacant},
        )


def _place(rng, number, municipality, latitude, longitude, postal_code, streets) -> Place:
    kind, pattern, (low, high), owner_kinds = KINDS[number % len(KINDS)]
    street = rng.choice(streets)
    place = Place.objects.filter(external_id=f"demo-{number}").first() or Place(
        external_id=f"demo-{number}"
    )
    status = Status.PENDING if number % 25 == 0 else Status.PUBLISHED
    fields = dict(
        title=pattern.format(street=street),
        description=rng.choice(STORIES),
        street=street,
        house_number=str(rng.randint(1, 180)),
        postal_code=postal_code,
        municipality_id=municipality.pk,
        latitude=round(latitude + rng.uniform(-0.025, 0.025), 6),
        longitude=round(longitude + rng.uniform(-0.04, 0.04), 6),
        building_type=kind,
        floor_area_m2=rng.randrange(low, high, 10),
        floors=rng.randint(1, 5),
        construction_year=rng.randint(1860, 1985),
        condition=rng.choice(Condition.values),
        occupancy=rng.choice(Occupancy.values),
        vacant_since=rng.randint(2012, 2025),
        ownership_kind=rng.choice(owner_kinds),
        for_sale=rng.random() < 0.3,
        for_rent=rng.random() < 0.3,
        temporary_use=rng.random() < 0.4,
        cooperative=rng.random() < 0.35,
        source=Source.CITIZEN if number % 3 else Source.MUNICIPALITY_REGISTER,
        status=status,
        published_at=timezone.now() if status == Status.PUBLISHED else None,
    )
    for name, value in fields.items():
        setattr(place, name, value)
    if place.for_sale:
        place.asking_price = rng.randrange(150_000, 2_500_000, 5_000)
    if place.for_rent:
        place.asking_rent_month = rng.randrange(600, 9_000, 50)
    return place


def _add_photo(place, rng) -> None:
    """A simple drawn facade, so the demo shows photos without any download."""
    image = Image.new("RGB", (800, 600), (200, 215, 230))
    draw = ImageDraw.Draw(image)
    wall = tuple(rng.randint(120, 200) for _ in range(3))
    draw.rectangle([120, 160, 680, 600], fill=wall)
    draw.polygon([(100, 170), (400, 40), (700, 170)], fill=(110, 60, 50))
    for row in range(3):
        for column in range(4):
            x, y = 160 + column * 130, 210 + row * 120
            draw.rectangle([x, y, x + 70, y + 80], fill=(60, 70, 80))
    photo = PlacePhoto(place=place, rights_holder="Open Promotor (demo)", caption=place.title)
    photo.image.save(f"demo-{place.pk}.webp", _webp(image), save=False)
    image.thumbnail(THUMBNAIL_SIZE)
    photo.thumbnail.save(f"demo-{place.pk}-thumb.webp", _webp(image), save=False)
    photo.save()


def _webp(image) -> ContentFile:
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", quality=70)
    return ContentFile(buffer.getvalue())

"""Demo listings whose matches make sense with the demo buildings (all invented).

Lotte's co-housing group looks for a school or monastery around Berchem and finds Marc's
former school; Amina's children's workshop looks for a small ground floor in Borgerhout; Gent
offers a depot for temporary use; Sofie offers architecture around Leuven; the groups look
for partners that the experts answer, and Nora, who looks for a group to live with, answers
with her public profile. Loading again updates the same listings (matched by
author and title). It runs after the places and accounts demo (INSTALLED_APPS order).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from openpromotor.accounts.demo import DEMO_PASSWORD
from openpromotor.accounts.models import Role, User
from openpromotor.conversations.models import Conversation, Message
from openpromotor.listings.models import LIFETIME, Listing, SavedSearch
from openpromotor.listings.vocabulary import Frequency, Kind, Status
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Place

BERCHEM = (51.2005, 4.4270)
BORGERHOUT = (51.2123, 4.4380)
MECHELEN = (51.0259, 4.4776)
GENT_DEPOT = (51.0669, 3.7263)
LEUVEN = (50.8798, 4.7005)

LISTINGS = [
    {
        "author": "lotte",
        "kind": Kind.SEEK_SPACE,
        "title": "Zes gezinnen zoeken een school of klooster om samen te wonen",
        "description": (
            "Wij zijn zes gezinnen (14 mensen) die in **Berchem** of omgeving een leegstaand "
            "schoolgebouw of klooster zoeken om er een wooncoöperatie met gedeelde tuin, "
            "wasruimte en gastenkamer van te maken.\n\n"
            "- eigen inbreng per gezin: €25.000 tot €60.000\n"
            "- we werken met een architect en een bank die coöperatief wonen kent"
        ),
        "uses": ["co_housing"],
        "min_area_m2": 800,
        "max_area_m2": 2500,
        "tenures": ["cooperative_project", "buy"],
        "max_price": 1_900_000,
        "point": BERCHEM,
        "place_label": "Berchem",
        "radius_km": 5,
        "wanted_from_days": 120,
        "group_size": 14,
        "open_to_cooperative": True,
        "findable": True,
        "alert": True,
    },
    {
        "author": "amina",
        "kind": Kind.SEEK_SPACE,
        "title": "Leeg handelspand gezocht voor een kinderatelier in Borgerhout",
        "description": (
            "De Ruimtemakers vzw zoekt een gelijkvloers van 60 tot 250 m² voor een "
            "laagdrempelig kinderatelier (knutselen, huiswerkbegeleiding, voorleesuurtjes). "
            "Tijdelijk gebruik is welkom: we starten liefst nog dit jaar."
        ),
        "uses": ["education", "culture"],
        "min_area_m2": 60,
        "max_area_m2": 250,
        "tenures": ["temporary_use", "rent"],
        "max_rent_month": 1500,
        "point": BORGERHOUT,
        "place_label": "Borgerhout",
        "radius_km": 3,
        "wanted_from_days": 30,
        "wanted_until_days": 760,
        "group_size": 6,
        "findable": True,
    },
    {
        "author": "marc",
        "kind": Kind.OFFER_SPACE,
        "title": "Voormalige school: tijdelijk gebruik en coöperatief project",
        "description": (
            "Het schoolgebouw staat leeg sinds de fusie van twee scholen. We zoeken een groep "
            "die er tijdelijk in wil en liefst ook een coöperatief woonproject op lange termijn."
        ),
        "place": "demo-1",
        "condition": "needs_refresh",
        "tenures": ["temporary_use", "cooperative_project", "buy"],
        "asking_price": 1_250_000,
        "available_days": (0, None),
        "conditions": "Gebruikersovereenkomst, de gebruiker betaalt de energie en de verzekering.",
        "conversation": True,
    },
    {
        "author": "marc",
        "kind": Kind.OFFER_SPACE,
        "title": "Kapel in Mechelen zoekt culturele gebruikers",
        "description": (
            "De kerkfabriek stelt de kapel open voor concerten, tentoonstellingen en "
            "repetities. Verwarming en sanitair zijn beperkt."
        ),
        "building_type": "church",
        "floor_area_m2": 420,
        "condition": "needs_refresh",
        "tenures": ["temporary_use", "rent"],
        "asking_rent_month": 900,
        "point": MECHELEN,
        "municipality": "12025",
        "available_days": (14, None),
    },
    {
        "author": "gemeente",
        "kind": Kind.OFFER_SPACE,
        "title": "Stedelijk depot in Gent: tijdelijk gebruik voor makers",
        "description": (
            "Een stedelijk depot van 1.200 m² met hoge plafonds en laadkade, vrij voor "
            "tijdelijk gebruik tot de herontwikkeling start. Ideaal voor ateliers en opslag."
        ),
        "building_type": "industrial",
        "floor_area_m2": 1200,
        "condition": "good",
        "tenures": ["temporary_use"],
        "asking_rent_month": 1200,
        "point": GENT_DEPOT,
        "municipality": "44021",
        "available_days": (30, 1100),
    },
    {
        "author": "jonas",
        "kind": Kind.SEEK_SPACE,
        "title": "Collectief van acht makers zoekt ateliers en opslag in Gent",
        "description": (
            "Meubelmakers, een keramist en een fietsenmaker zoeken samen 800 tot 1.500 m² "
            "werkruimte met een laadkade. Tijdelijk gebruik van twee à drie jaar is perfect."
        ),
        "uses": ["workspace", "storage"],
        "min_area_m2": 800,
        "max_area_m2": 1500,
        "tenures": ["temporary_use", "rent"],
        "max_rent_month": 1500,
        "municipalities": ["44021"],
        "wanted_from_days": 60,
        "wanted_until_days": 1000,
        "group_size": 8,
        "open_to_cooperative": True,
        "findable": True,
    },
    {
        "author": "jonas",
        "kind": Kind.SEEK_SPACE,
        "title": "Ruimte voor een zomertentoonstelling in Mechelen",
        "description": (
            "Voor een expo van hergebruikt meubilair zoeken we drie maanden lang een "
            "karaktervolle ruimte van 200 tot 600 m² in Mechelen."
        ),
        "uses": ["culture"],
        "min_area_m2": 200,
        "max_area_m2": 600,
        "tenures": ["temporary_use", "rent"],
        "max_rent_month": 1000,
        "municipalities": ["12025"],
        "wanted_from_days": 45,
        "wanted_until_days": 135,
        "findable": True,
    },
    {
        "author": "sofie",
        "kind": Kind.OFFER_EXPERTISE,
        "title": "Architect voor herbestemming van scholen, kloosters en kerken",
        "description": (
            "Atelier Herbestemming begeleidt groepen van de eerste haalbaarheidsschets tot de "
            "bouwaanvraag, met aandacht voor erfgoed en gefaseerd verbouwen."
        ),
        "disciplines": ["architecture", "construction", "energy"],
        "skills": "haalbaarheidsstudie, erfgoed, stedenbouwkundige vergunning",
        "languages": ["nl", "en", "fr"],
        "fee_model": "paid",
        "point": LEUVEN,
        "place_label": "Leuven",
        "radius_km": 60,
    },
    {
        "author": "gemeente",
        "kind": Kind.OFFER_EXPERTISE,
        "title": "Stad Gent begeleidt tijdelijk gebruik en participatie",
        "description": (
            "De dienst Wonen helpt groepen met een gebruikersovereenkomst, "
            "buurtparticipatie en de vergunningen voor tijdelijk gebruik."
        ),
        "disciplines": ["participation", "legal"],
        "skills": "gebruikersovereenkomst, buurtoverleg",
        "languages": ["nl", "fr"],
        "fee_model": "subsidised",
        "municipalities": ["44021"],
    },
    {
        "author": "lotte",
        "kind": Kind.SEEK_PARTNERS,
        "title": "Wooncoöperatie in oprichting zoekt gezinnen, een architect en financieel advies",
        "description": (
            "Onze groep heeft nog plaats voor twee gezinnen. Daarnaast zoeken we een architect "
            "met ervaring in herbestemming en iemand die ons financieel plan kritisch naleest."
        ),
        "roles": ["member_household", "architect", "financial_help"],
        "disciplines": ["financial"],
        "skills": "coöperatief wonen, financieel plan",
        "commitment": "core",
        "share_amount": 25_000,
        "group_size": 14,
        "languages": ["nl", "en"],
        "point": BERCHEM,
        "place_label": "Berchem",
    },
    {
        "author": "amina",
        "kind": Kind.SEEK_PARTNERS,
        "title": "Kinderatelier zoekt vrijwilligers en juridisch advies",
        "description": (
            "Voor de opstart zoeken we vrijwilligers voor de ateliers en iemand die ons helpt "
            "met een gebruikersovereenkomst voor tijdelijk gebruik."
        ),
        "roles": ["volunteer", "legal_help"],
        "disciplines": ["participation"],
        "commitment": "regular",
        "languages": ["nl", "fr"],
        "municipalities": ["11002"],
    },
    {
        "author": "amina",
        "kind": Kind.SEEK_SPACE,
        "title": "Opslagruimte voor materiaal van het kinderatelier",
        "description": "Deze vraag is verlopen: we vonden intussen een oplossing bij de buren.",
        "uses": ["storage"],
        "min_area_m2": 20,
        "max_area_m2": 60,
        "municipalities": ["11002"],
        "status": Status.EXPIRED,
        "findable": True,
    },
]

CONVERSATION = [
    (
        "lotte",
        "Dag Marc, onze groep van zes gezinnen zoekt precies zo'n school. Kunnen we het "
        "gebouw eens bezoeken?",
    ),
    ("marc", "Dag Lotte, graag! Past zaterdagvoormiddag? Ik stuur dan de plannen mee."),
]

SIMPLE_FIELDS = (
    "uses",
    "min_area_m2",
    "max_area_m2",
    "tenures",
    "max_price",
    "max_rent_month",
    "place_label",
    "radius_km",
    "group_size",
    "open_to_cooperative",
    "findable",
    "building_type",
    "floor_area_m2",
    "condition",
    "asking_price",
    "asking_rent_month",
    "conditions",
    "roles",
    "disciplines",
    "skills",
    "commitment",
    "share_amount",
    "languages",
    "fee_model",
)


EXTRA_PEOPLE = [
    {
        # A maker in Gent, so the offers in Gent and Mechelen have a seeker to match.
        "email": "jonas@demo.openpromotor.be",
        "display_name": "Jonas Van Damme",
        "bio": "Meubelmaker in een collectief van makers in Gent.",
        "organisation": "Makerscollectief Dok",
        "municipality": "44021",
        "roles": [Role.SEEKER],
    },
    {
        # A nurse in Antwerpen looking for a group to live with: her public profile answers
        # the partner searches of Lotte's co-housing group and of Amina's workshop.
        "email": "nora@demo.openpromotor.be",
        "display_name": "Nora Peeters",
        "bio": "Verpleegkundige, woon met mijn dochter in Antwerpen en zoek een woongroep.",
        "skills": "verpleegkunde, moestuin, coöperatief wonen, vrijwilligerswerk",
        "municipality": "11002",
        "roles": [Role.SEEKER],
        "public": True,
    },
]


def load() -> list[tuple[str, str]]:
    """Create or refresh the demo listings; returns the logins of the extra demo people."""
    extra = [_extra_person(spec) for spec in EXTRA_PEOPLE]
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith="@demo.openpromotor.be")
    }
    if not {"lotte", "amina", "marc", "sofie", "gemeente"} <= people.keys():
        return []
    now = timezone.now()
    for spec in LISTINGS:
        listing = _listing(spec, people[spec["author"]], now)
        if spec.get("alert"):
            SavedSearch.objects.get_or_create(
                user=listing.author,
                target=SavedSearch.Target.MATCHES,
                listing=listing,
                defaults={"name": listing.title, "frequency": Frequency.DAILY},
            )
        if spec.get("conversation"):
            _conversation(listing, people, now)
    return [(person.email, f"{person.display_name} ({Role.SEEKER.label})") for person in extra]


def _extra_person(spec: dict) -> User:
    """A demo person of the listings; with ``public``, a public profile showing everything."""
    public = spec.get("public", False)
    user, created = User.objects.update_or_create(
        email=spec["email"],
        defaults={
            "display_name": spec["display_name"],
            "bio": spec["bio"],
            "organisation": spec.get("organisation", ""),
            "skills": spec.get("skills", ""),
            "home_municipality": Municipality.objects.get(nis_code=spec["municipality"]),
            "profile_is_public": public,
            "show_bio": public,
            "show_roles": public,
            "show_skills": public,
            "show_municipality": public,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user.set_roles(spec["roles"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def _listing(spec: dict, author, now) -> Listing:
    listing = Listing.objects.filter(author=author, title=spec["title"]).first() or Listing(
        author=author, title=spec["title"]
    )
    listing.kind = spec["kind"]
    listing.description = spec["description"]
    for name in SIMPLE_FIELDS:
        if name in spec:
            setattr(listing, name, spec[name])
    days = spec.get("wanted_from_days")
    listing.wanted_from = (now + timedelta(days=days)).date() if days is not None else None
    days = spec.get("wanted_until_days")
    listing.wanted_until = (now + timedelta(days=days)).date() if days is not None else None
    if "available_days" in spec:
        start, end = spec["available_days"]
        listing.available_from = (now + timedelta(days=start)).date()
        listing.available_until = (now + timedelta(days=end)).date() if end else None
    municipalities = list(Municipality.objects.filter(nis_code__in=spec.get("municipalities", [])))
    if "place" in spec:
        place = Place.objects.select_related("municipality").get(external_id=spec["place"])
        listing.place = place
        listing.public_latitude, listing.public_longitude = (
            place.public_latitude,
            place.public_longitude,
        )
        for name in ("building_type", "floor_area_m2", "condition"):
            if name not in spec:
                setattr(listing, name, getattr(place, name))
        municipalities = [place.municipality]
    if "point" in spec:
        listing.public_latitude, listing.public_longitude = spec["point"]
    if "municipality" in spec:
        municipalities = [Municipality.objects.get(nis_code=spec["municipality"])]
    status = spec.get("status", Status.PUBLISHED)
    listing.status = status
    listing.published_at = listing.published_at or now - timedelta(days=3)
    listing.expires_at = now - timedelta(days=1) if status == Status.EXPIRED else now + LIFETIME
    listing.save()
    listing.municipalities.set(municipalities)
    return listing


def _conversation(offer: Listing, people: dict, now) -> None:
    starter, recipient = people["lotte"], people["marc"]
    conversation, created = Conversation.objects.get_or_create(
        listing=offer,
        starter=starter,
        recipient=recipient,
        defaults={"subject": offer.title},
    )
    if not created:
        return
    for number, (who, body) in enumerate(CONVERSATION):
        sent = now - timedelta(hours=len(CONVERSATION) - number)
        Message.objects.create(
            conversation=conversation, sender=people[who], body=body, created_at=sent
        )
        conversation.last_message_at = sent
    conversation.save(update_fields=["last_message_at"])

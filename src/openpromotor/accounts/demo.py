"""Demo people: one for every role, in Antwerpen, Gent, Leuven and Mechelen (all invented)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from openpromotor.accounts.models import MODERATORS_GROUP, STAFF_GROUP, Role, User
from openpromotor.municipalities.models import Municipality

DEMO_PASSWORD = "demo-openpromotor"  # noqa: S105 (documented demo login)

PEOPLE = [
    {
        "email": "beheer@demo.openpromotor.be",
        "display_name": "Ilse Beheer",
        "municipality": "11002",  # Antwerpen
        "roles": [],
        "groups": [STAFF_GROUP],
        "superuser": True,
        "bio": "Beheert het platform voor de stad Antwerpen.",
    },
    {
        "email": "moderator@demo.openpromotor.be",
        "display_name": "Youssef Moderator",
        "municipality": "44021",  # Gent
        "roles": [],
        "groups": [MODERATORS_GROUP],
        "bio": "Controleert meldingen van leegstaande panden in Oost-Vlaanderen.",
    },
    {
        "email": "lotte@demo.openpromotor.be",
        "display_name": "Lotte Peeters",
        "municipality": "11002",
        "roles": [Role.SEEKER],
        "bio": "Zoekt met zes gezinnen een leegstaande school om samen te wonen in Berchem.",
    },
    {
        "email": "marc@demo.openpromotor.be",
        "display_name": "Marc Janssens",
        "municipality": "12025",  # Mechelen
        "roles": [Role.OWNER],
        "organisation": "Kerkfabriek Sint-Rombout",
        "bio": "Voorzitter van een kerkfabriek met een kapel die al drie jaar leeg staat.",
    },
    {
        "email": "sofie@demo.openpromotor.be",
        "display_name": "Sofie Claes",
        "municipality": "24062",  # Leuven
        "roles": [Role.EXPERT],
        "organisation": "Atelier Herbestemming",
        "bio": "Architect, gespecialiseerd in herbestemming van religieus erfgoed.",
    },
    {
        "email": "gemeente@demo.openpromotor.be",
        "display_name": "Pieter De Smet",
        "municipality": "44021",
        "roles": [Role.MUNICIPALITY_OFFICER],
        "organisation": "Stad Gent, dienst Wonen",
        "bio": "Leegstandsbeleid en tijdelijk gebruik.",
    },
    {
        "email": "amina@demo.openpromotor.be",
        "display_name": "Amina El Idrissi",
        "municipality": "11002",
        "roles": [Role.ORGANISATION_MEMBER, Role.SEEKER],
        "organisation": "De Ruimtemakers vzw",
        "bio": "Zoekt een leeg handelspand voor een kinderatelier in Borgerhout.",
    },
]


def load() -> list[tuple[str, str]]:
    """Create or refresh the demo people; returns (e-mail, description) for the demo logins."""
    logins = []
    for person in PEOPLE:
        user, created = User.objects.get_or_create(
            email=person["email"],
            defaults={
                "display_name": person["display_name"],
                "bio": person["bio"],
                "organisation": person.get("organisation", ""),
                "home_municipality": Municipality.objects.get(nis_code=person["municipality"]),
                "is_staff": person.get("superuser", False),
                "is_superuser": person.get("superuser", False),
                "profile_is_public": True,
                "show_bio": True,
                "show_municipality": True,
                "show_roles": True,
                "show_organisation": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.set_roles(person["roles"])
        user.groups.set(Group.objects.filter(name__in=person.get("groups", [])))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        roles = ", ".join(str(Role(role).label) for role in person["roles"])
        logins.append((user.email, f"{user.display_name} ({roles or ', '.join(person['groups'])})"))
    return logins

"""Demo stakeholder maps, participation plans and governance bodies (all invented), for two of
the demo projects of ``projects.demo``:

- "Buurtkapel Mechelen" (phase 1): the neighbours, the choir, the church council, the city's
  heritage service, a café that fears competition; a plan for the first two phases; a steering
  committee and a programming working group that has met once;
- "Samenhuizen in de oude school" (phase 4): six families, the neighbours of the playground,
  the school board, the bank, a citizens' cooperative; a plan for phases 3 to 5; a steering
  committee and a finance working group.

Runs after the projects demo (INSTALLED_APPS order). A project that already has stakeholders
is left as it is, so loading again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from openpromotor.participation import bodies, stakeholders
from openpromotor.participation.models import Body, Meeting, PlanCell, Relation, Stakeholder
from openpromotor.participation.vocabulary import BodyKind, Function
from openpromotor.projects.models import Project, Role

# name: ("kind group influence interest attitude level trust", interests, expertise);
# a trust of "-" is not known yet.
KAPEL_STAKEHOLDERS = {
    "Buurtbewoners Sint-Jansstraat": (
        "organisation residents 2 4 supportive micro medium",
        "Een open plek voor de buurt, maar geen lawaai na tien uur 's avonds.",
        "Kennen de buurt, haar geschiedenis en wie er de sleutel van de kapel heeft.",
    ),
    "Familie Wouters (Tuinstraat)": (
        "person residents 2 5 critical micro low",
        "Wonen naast de kapel; vrezen parkeerdruk en late repetities.",
        "",
    ),
    "Koor Cantabile": (
        "organisation users 2 5 supportive micro high",
        "Blijven repeteren op dinsdag; de akoestiek is uniek.",
        "Veertig zangers, ervaring met concerten organiseren.",
    ),
    "Buurtwerk Mechelen-Noord": (
        "organisation social_actors 2 4 supportive micro high",
        "Een zaal voor huiswerkklassen en ontmoetingen.",
        "Bereikt gezinnen die niet naar infoavonden komen.",
    ),
    "Kerkfabriek Sint-Rombout": (
        "organisation institutional_partners 5 4 supportive meso high",
        "De kapel niet verkopen, wel teruggeven aan de buurt; het onderhoud delen.",
        "Kent het gebouw, zijn gebreken en zijn geschiedenis.",
    ),
    "Schepen van Cultuur": (
        "person elected_officials 5 3 neutral meso medium",
        "Meer cultuur in de wijken, zonder nieuwe kosten voor de stad.",
        "",
    ),
    "Dienst Erfgoed, Stad Mechelen": (
        "organisation technical_services 4 3 neutral meso medium",
        "De kapel is beschermd: elke ingreep vraagt een erfgoedadvies.",
        "Erfgoedregels, premies voor restauratie.",
    ),
    "Agentschap voor erfgoed (gewest)": (
        "organisation institutional_partners 4 2 neutral macro -",
        "Het beschermde karakter van het interieur bewaren.",
        "Toelatingen en premies voor beschermd erfgoed.",
    ),
    "Atelier Herbestemming": (
        "organisation professionals 3 4 supportive meso high",
        "Een voorbeeldproject van herbestemming van religieus erfgoed.",
        "Architectuur, herbestemming, haalbaarheidsstudies.",
    ),
    "Café De Kapelhoek": (
        "organisation businesses 1 3 critical micro low",
        "Vreest dat een bar in de kapel zijn klanten weghaalt.",
        "Organiseert al jaren het buurtfeest.",
    ),
    "Cultuurfonds Dijleland": (
        "organisation financial_partners 3 2 neutral macro -",
        "Steunt projecten die cultuur en buurt verbinden.",
        "Projectsubsidies tot 25.000 euro.",
    ),
}
KAPEL_RELATIONS = [
    ("Kerkfabriek Sint-Rombout", "works_with", "Dienst Erfgoed, Stad Mechelen", 2),
    ("Agentschap voor erfgoed (gewest)", "advises", "Dienst Erfgoed, Stad Mechelen", 2),
    ("Atelier Herbestemming", "advises", "Kerkfabriek Sint-Rombout", 3),
    ("Schepen van Cultuur", "works_with", "Dienst Erfgoed, Stad Mechelen", 3),
    ("Buurtwerk Mechelen-Noord", "represents", "Buurtbewoners Sint-Jansstraat", 2),
    ("Koor Cantabile", "works_with", "Buurtwerk Mechelen-Noord", 3),
    ("Familie Wouters (Tuinstraat)", "in_conflict", "Koor Cantabile", 2),
    ("Café De Kapelhoek", "works_with", "Koor Cantabile", 1),
    ("Cultuurfonds Dijleland", "funds", "Koor Cantabile", 1),
]
# phase number: {group: (level, means, negotiable, not negotiable)}
KAPEL_PLAN = {
    1: {
        "residents": (
            "consultation",
            ["walk", "meeting", "information_point"],
            "Welke activiteiten er komen en op welke uren.",
            "De kapel blijft open voor de buurt.",
        ),
        "users": (
            "concertation",
            ["meeting", "workshop"],
            "De verdeling van de repetitie-uren.",
            "De kapel blijft een plek voor cultuur.",
        ),
        "institutional_partners": (
            "negotiation",
            ["meeting"],
            "De vorm en de duur van de overeenkomst (huur of erfpacht).",
            "Het eigendom blijft bij de kerkfabriek.",
        ),
        "technical_services": ("consultation", ["meeting"], "", "De erfgoedregels."),
        "businesses": ("information", ["newsletter", "information_point"], "", ""),
    },
    2: {
        "residents": (
            "concertation",
            ["workshop", "survey", "newsletter"],
            "De huisregels voor avondactiviteiten.",
            "",
        ),
        "users": ("co_production", ["workshop"], "Het programma van het eerste jaar.", ""),
        "social_actors": ("concertation", ["meeting", "workshop"], "", ""),
        "elected_officials": ("information", ["meeting", "newsletter"], "", ""),
    },
}

SCHOOL_STAKEHOLDERS = {
    "Zes gezinnen van de bouwgroep": (
        "organisation users 4 5 supportive micro high",
        "Betaalbaar samenwonen met een gedeelde tuin, op maat van kinderen.",
        "Veertien mensen met tijd, spaargeld en veel goesting.",
    ),
    "Buren van de speelplaats": (
        "organisation residents 2 4 neutral micro medium",
        "Vrezen inkijk en parkeerdruk; willen de tuin mee kunnen gebruiken.",
        "",
    ),
    "Schoolbestuur Sint-Jozef": (
        "organisation institutional_partners 5 4 supportive meso high",
        "Het gebouw een goede bestemming geven, met een eerlijke prijs.",
        "Kent het gebouw en zijn installaties.",
    ),
    "Dienst Wonen, district Borgerhout": (
        "organisation technical_services 4 3 neutral meso medium",
        "Meer betaalbare woningen, de regels voor wooncoöperaties.",
        "Woonbeleid, stedenbouwkundige vergunningen.",
    ),
    "Districtsschepen voor Wonen": (
        "person elected_officials 4 3 supportive meso medium",
        "Een voorbeeld van coöperatief wonen in het district.",
        "",
    ),
    "Coöperatieve bank": (
        "organisation financial_partners 5 3 critical meso medium",
        "Wil minstens 20 procent eigen inbreng en een sluitend financieringsplan zien.",
        "Financiering van wooncoöperaties.",
    ),
    "Burgercoöperatie Samenhuis": (
        "organisation investors 3 4 supportive meso high",
        "Spaargeld van burgers beleggen in betaalbaar wonen.",
        "Aandelen uitgeven aan burgers.",
    ),
    "Atelier Herbestemming": (
        "organisation professionals 3 4 supportive meso high",
        "Een school die woningen wordt, zonder haar ziel te verliezen.",
        "Architectuur, ontwerpen met de bewoners.",
    ),
    "Onderzoeksgroep Wonen (hogeschool)": (
        "organisation academia 1 3 neutral macro -",
        "Coöperatief wonen in Vlaanderen beter begrijpen.",
        "Vergelijkt kostprijshuur en eigendom.",
    ),
    "Netbeheerder gas en elektriciteit": (
        "organisation utilities 3 1 neutral meso -",
        "De aansluiting van de warmtepompen op het net.",
        "Kent de capaciteit van het net in de straat.",
    ),
}
LOGINS = {"Kerkfabriek Sint-Rombout": "marc", "Atelier Herbestemming": "sofie"}
"""Stakeholders linked to a demo account (a member of the project)."""

SCHOOL_RELATIONS = [
    ("Coöperatieve bank", "funds", "Zes gezinnen van de bouwgroep", 3),
    ("Burgercoöperatie Samenhuis", "funds", "Zes gezinnen van de bouwgroep", 2),
    ("Atelier Herbestemming", "advises", "Zes gezinnen van de bouwgroep", 3),
    ("Zes gezinnen van de bouwgroep", "works_with", "Schoolbestuur Sint-Jozef", 3),
    ("Buren van de speelplaats", "in_conflict", "Zes gezinnen van de bouwgroep", 1),
    ("Districtsschepen voor Wonen", "works_with", "Dienst Wonen, district Borgerhout", 2),
    ("Onderzoeksgroep Wonen (hogeschool)", "advises", "Zes gezinnen van de bouwgroep", 1),
    ("Netbeheerder gas en elektriciteit", "works_with", "Atelier Herbestemming", 1),
]
SCHOOL_PLAN = {
    3: {
        "users": ("co_production", ["workshop", "meeting"], "", ""),
        "professionals": ("concertation", ["meeting"], "", ""),
    },
    4: {
        "users": ("co_management", ["meeting", "workshop"], "", ""),
        "financial_partners": (
            "negotiation",
            ["meeting"],
            "De verhouding tussen eigen inbreng en lening.",
            "Kostprijshuur als principe.",
        ),
        "investors": ("concertation", ["meeting", "website"], "De looptijd van de aandelen.", ""),
        "residents": ("information", ["newsletter", "information_point"], "", ""),
    },
    5: {
        "residents": (
            "consultation",
            ["walk", "survey", "meeting"],
            "De inrichting van de gedeelde tuin en wanneer hij open is.",
            "Het aantal woningen: zes.",
        ),
        "users": ("co_production", ["workshop"], "", ""),
        "technical_services": ("concertation", ["meeting"], "", ""),
    },
}

PROJECTS = [
    {
        "name": "Buurtkapel Mechelen",
        "stakeholders": KAPEL_STAKEHOLDERS,
        "relations": KAPEL_RELATIONS,
        "plan": KAPEL_PLAN,
        "place": "In de kapel",
        "steering": {
            "mandate": "Bepaalt de richting van het project en keurt elke fase goed.",
            "rhythm": "Elke eerste dinsdag van de maand",
            "members": ["marc"],
            "stakeholders": ["Schepen van Cultuur"],
            "agenda": "1. Stand van de bouwkundige opname\n2. Voorstel van overeenkomst",
        },
        "group": {
            "name": "Werkgroep programmatie",
            "mandate": "Stelt met de gebruikers een programma voor het eerste jaar op.",
            "rhythm": "Om de drie weken",
            "members": ["lotte"],
            "stakeholders": ["Koor Cantabile", "Buurtwerk Mechelen-Noord"],
            "agenda": "1. Wie gebruikt de kapel nu al?\n2. Wensen van de buurt\n3. Afspraken",
            "minutes": (
                "**Aanwezig:** Lotte, het koor, Buurtwerk.\n\n"
                "- Het koor repeteert op dinsdag en wil dat zo houden.\n"
                "- Buurtwerk zoekt een zaal voor huiswerkklassen op woensdag.\n"
                "- *Afspraak:* Lotte maakt een weekrooster voor de volgende werkgroep."
            ),
        },
    },
    {
        "name": "Samenhuizen in de oude school",
        "stakeholders": SCHOOL_STAKEHOLDERS,
        "relations": SCHOOL_RELATIONS,
        "plan": SCHOOL_PLAN,
        "place": "In de oude refter",
        "steering": {
            "mandate": "Beslist over de financiering, de statuten en het akkoord met de eigenaar.",
            "rhythm": "Maandelijks",
            "members": ["marc", "amina"],
            "stakeholders": [],
            "agenda": "1. Offerte van de bank\n2. Ontwerp van statuten",
        },
        "group": {
            "name": "Werkgroep financiering",
            "mandate": "Bereidt het financieringsplan voor met de bank en de burgercoöperatie.",
            "rhythm": "Om de twee weken",
            "members": ["amina", "sofie"],
            "stakeholders": ["Burgercoöperatie Samenhuis"],
            "agenda": "1. Eigen inbreng per gezin\n2. Voorwaarden van de bank",
            "minutes": (
                "- De gezinnen brengen samen 18 procent in; de bank vraagt er 20.\n"
                "- De burgercoöperatie kan het verschil overbruggen met achtergestelde aandelen.\n"
                "- *Afspraak:* Amina vraagt een nieuwe offerte."
            ),
        },
    },
]


def load() -> list:
    for spec in PROJECTS:
        project = Project.objects.filter(name=spec["name"]).first()
        if project is None or project.stakeholders.exists():
            continue
        with transaction.atomic():
            _load(project, spec)
    return []


def _load(project, spec) -> None:
    coordinator = project.memberships.filter(role=Role.COORDINATOR).first().user
    members = {  # by the name of their demo login: "lotte" for lotte@demo.openpromotor.be
        m.user.email.split("@")[0]: m.user for m in project.memberships.select_related("user")
    }
    mapped = {}
    for name, (profile, interests, expertise) in spec["stakeholders"].items():
        kind, group, influence, interest, attitude, level, trust = profile.split()
        stakeholder = Stakeholder(
            project=project,
            name=name,
            kind=kind,
            group=group,
            influence=int(influence),
            interest=int(interest),
            attitude=attitude,
            level=level,
            trust="" if trust == "-" else trust,
            interests=interests,
            expertise=expertise,
            user=members.get(LOGINS.get(name)),
        )
        mapped[name] = stakeholders.add_stakeholder(stakeholder, coordinator)
    for source, kind, target, strength in spec["relations"]:
        relation = Relation(
            source=mapped[source], kind=kind, target=mapped[target], strength=strength
        )
        stakeholders.add_relation(relation, coordinator)
    phases = {phase.number: phase for phase in project.phases.all()}
    for number, cells in spec["plan"].items():
        for group, (level, means, negotiable, not_negotiable) in cells.items():
            PlanCell.objects.create(
                phase=phases[number],
                group=group,
                level=level,
                means=means,
                negotiable=negotiable,
                not_negotiable=not_negotiable,
                updated_by=coordinator,
            )
    steering = _body(
        project, BodyKind.STEERING_COMMITTEE, "Stuurgroep", spec["steering"], mapped, members
    )
    _meeting(steering, spec["steering"], spec["place"], days=14, actor=coordinator)
    group_spec = spec["group"]
    group = _body(project, BodyKind.WORKING_GROUP, group_spec["name"], group_spec, mapped, members)
    meeting = _meeting(group, group_spec, spec["place"], days=-10, actor=coordinator)
    writer = members.get(group_spec["members"][0], coordinator)
    bodies.write_minutes(meeting, meeting.version, group_spec["minutes"], writer)


def _body(project, kind, name, spec, mapped, members) -> Body:
    """A body with its seats; a steering committee already seats the coordinator."""
    coordinator = project.memberships.filter(role=Role.COORDINATOR).first().user
    body = bodies.create_body(
        Body(
            project=project,
            kind=kind,
            name=name,
            mandate=spec["mandate"],
            meeting_rhythm=spec["rhythm"],
        ),
        coordinator,
    )
    for index, login in enumerate(spec["members"]):
        if login in members and not body.members.filter(user=members[login]).exists():
            chair = kind == BodyKind.WORKING_GROUP and index == 0
            bodies.add_seat(body, Function.CHAIR if chair else Function.MEMBER, members[login])
    for name in spec["stakeholders"]:
        bodies.add_seat(body, Function.MEMBER, stakeholder=mapped[name])
    return body


def _meeting(body, spec, place: str, days: int, actor) -> Meeting:
    meeting = Meeting(
        body=body,
        date=timezone.localdate() + datetime.timedelta(days),
        time=datetime.time(19, 30),
        place=place,
        phase=body.project.current_phase,
        agenda=spec["agenda"],
    )
    return bodies.plan_meeting(meeting, actor)

"""Demo projects (all invented), at three different points of the roadmap:

- Sofie's group explores the empty chapel of Marc's church council in Mechelen (phase 1);
- Lotte's co-housing group finances the conversion of Marc's former school in Antwerpen
  (phase 4, after three evaluated phases), linked to her feasibility plan and listing;
- Amina's children's workshop uses the ground floor of an empty shop in Antwerpen for now, while
  the works go on (phase 6).

Each has members, tasks, a discussion with an @mention, a document and news. A project that
already exists (by name) is left as it is, so loading again changes nothing.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from openpromotor.accounts.models import User
from openpromotor.feasibility.models import Plan
from openpromotor.listings.models import Listing
from openpromotor.municipalities.models import Municipality
from openpromotor.places.models import Place
from openpromotor.projects import discussions, documents, news, roadmap
from openpromotor.projects.filetypes import PDF
from openpromotor.projects.models import (
    LegalForm,
    Membership,
    Milestone,
    Project,
    Purpose,
    Role,
    StepCard,
    Task,
)

DOMAIN = "demo.openpromotor.be"

PROJECTS = [
    {
        "name": "Buurtkapel Mechelen",
        "summary": "Een lege kapel wordt een plek voor concerten, repetities en buurtwerking.",
        "story": (
            "De kerkfabriek wil de kapel niet verkopen maar **teruggeven aan de buurt**. We "
            "verkennen samen wat het gebouw aankan en wie het wil gebruiken."
        ),
        "purpose": Purpose.CULTURE,
        "legal_form": LegalForm.INFORMAL,
        "municipality": "12025",
        "place": "demo-234",
        "listing": "Kapel in Mechelen zoekt culturele gebruikers",
        "coordinator": "sofie",
        "members": {"marc": Role.OWNER, "lotte": Role.MEMBER},
        "closed_phases": 0,
        "cards": [
            ("Bouwkundige opname", "sofie", 20),
            ("Eerste gesprek met de eigenaar", "marc", 10),
            ("Stakeholderkaart", "lotte", 35),
        ],
        "milestone": ("Rondgang met de buren", 30),
        "thread": (
            "Wie gebruikt de kapel nu al?",
            "Het koor repeteert er op dinsdag. @Marc Janssens, weet jij wie de sleutel nog heeft?",
            "marc",
            "Het koor en de kerkfabriek. Ik vraag het na bij de koster.",
        ),
        "document": "Plattegrond kapel (schets)",
        "news": ("We starten!", "Op 12 mei is er een open kapel voor de buurt. Welkom!"),
    },
    {
        "name": "Samenhuizen in de oude school",
        "summary": "Zes gezinnen bouwen een leegstaande school om tot een wooncoöperatie.",
        "story": (
            "Veertien mensen, zes gezinnen, één schoolgebouw met een speelplaats die een "
            "gedeelde tuin wordt. We werken met kostprijshuur en een coöperatie in oprichting."
        ),
        "purpose": Purpose.CO_HOUSING,
        "legal_form": LegalForm.COOPERATIVE_IN_FORMATION,
        "municipality": "11002",
        "place": "demo-1",
        "listing": (
            "Wooncoöperatie in oprichting zoekt gezinnen, een architect en financieel advies"
        ),
        "plan": ("lotte", "Oude school Borgerhout: coöperatief wonen"),
        "coordinator": "lotte",
        "members": {"amina": Role.MEMBER, "sofie": Role.EXPERT, "marc": Role.OWNER},
        "closed_phases": 3,
        "cards": [
            ("Ontwerp van coöperatieve statuten", "lotte", 14),
            ("Gesprek met de bank", "amina", 21),
            ("Overeenkomst met de eigenaar", "marc", 45),
        ],
        "milestone": ("Oprichtingsvergadering van de coöperatie", 60),
        "thread": (
            "Welke bank nodigen we uit?",
            "Twee banken kennen coöperatief wonen. @Amina El Idrissi, wil jij de eerste bellen?",
            "amina",
            "Ja, ik bel maandag en zet het verslag bij de documenten.",
        ),
        "document": "Financieringsplan (ontwerp)",
        "news": (
            "De haalbaarheid is rond",
            "Na drie fasen weten we het zeker: het kan. Nu de financiering.",
        ),
    },
    {
        "name": "Kinderatelier in de lege winkel",
        "summary": "Tijdelijk een kinderatelier op het gelijkvloers, terwijl de verbouwing loopt.",
        "story": (
            "De Ruimtemakers vzw gebruikt het gelijkvloers van een lege winkel als "
            "kinderatelier. Boven wordt verbouwd; beneden wordt er al geknutseld."
        ),
        "purpose": Purpose.TEMPORARY_USE,
        "legal_form": LegalForm.ASSOCIATION,
        "municipality": "11002",
        "place": "demo-2",
        "listing": "Kinderatelier zoekt vrijwilligers en juridisch advies",
        "coordinator": "amina",
        "members": {"lotte": Role.MEMBER, "gemeente": Role.OBSERVER},
        "closed_phases": 5,
        "cards": [
            ("Overeenkomst tijdelijk gebruik", "amina", -3),
            ("Werfvergadering", "lotte", 7),
        ],
        "milestone": ("Opening van het atelier", 21),
        "thread": (
            "Veiligheid tijdens de werken",
            "De aannemer start boven op maandag. @Lotte Peeters, kun jij de nooduitgang nakijken?",
            "lotte",
            "Gedaan: de nooduitgang is vrij en aangeduid.",
        ),
        "document": "Overeenkomst tijdelijk gebruik",
        "news": ("Het atelier is open", "Elke woensdagnamiddag knutselen we met de buurtkinderen."),
    },
]

EVALUATION = (
    "De doelen van deze fase zijn bereikt; de belangrijkste beslissingen staan in de documenten."
)


def load() -> list:
    people = {
        user.email.split("@")[0]: user for user in User.objects.filter(email__endswith=f"@{DOMAIN}")
    }
    for spec in PROJECTS:
        names = [spec["coordinator"], *spec["members"]]
        if Project.objects.filter(name=spec["name"]).exists() or not all(
            name in people for name in names
        ):
            continue
        _project(spec, people)
    return []


def _project(spec, people) -> Project:
    coordinator = people[spec["coordinator"]]
    place = Place.objects.filter(external_id=spec["place"]).first()
    listing = Listing.objects.filter(title=spec["listing"]).first()
    project = roadmap.start_project(
        Project(
            name=spec["name"],
            summary=spec["summary"],
            story=spec["story"],
            purpose=spec["purpose"],
            legal_form=spec["legal_form"],
            municipality=Municipality.objects.get(nis_code=spec["municipality"]),
        ),
        coordinator,
        places=[place] if place else [],
        listings=[listing] if listing else [],
    )
    if "plan" in spec:
        owner, title = spec["plan"]
        project.plans.set(Plan.objects.filter(owner=people[owner], title=title))
    for name, role in spec["members"].items():
        Membership.objects.create(project=project, user=people[name], role=role)
    phases = list(project.phases.order_by("number"))
    for phase in phases[: spec["closed_phases"]]:
        phase.goals.update(done=True)
        roadmap.close_phase(phase, coordinator, EVALUATION, "We gaan verder met de volgende fase.")
    current = phases[spec["closed_phases"]]
    _tasks(project, current, spec, people, coordinator)
    title, days = spec["milestone"]
    Milestone.objects.create(
        phase=current, title=title, due_date=timezone.localdate() + datetime.timedelta(days)
    )
    _discussion(project, current, spec, people, coordinator)
    documents.add_document(
        project,
        coordinator,
        spec["document"],
        ContentFile(_pdf(spec["document"]), name="document.pdf"),
        PDF,
        phase=current,
    )
    news.post_update(project, coordinator, *spec["news"], is_public=True)
    return project


def _tasks(project, phase, spec, people, coordinator) -> None:
    today = timezone.localdate()
    for title, assignee, days in spec["cards"]:
        card = StepCard.objects.filter(title=title).first()
        if card is None:
            continue
        task = roadmap.lay_card(project, card, phase, coordinator)
        Task.objects.filter(pk=task.pk).update(
            assignee=people[assignee],
            due_date=today + datetime.timedelta(days),
            status=Task.Status.DOING if days < 0 else Task.Status.TODO,
        )


def _discussion(project, phase, spec, people, coordinator) -> None:
    title, opening, replier, reply = spec["thread"]
    thread = discussions.start_thread(project, coordinator, title, opening, phase=phase)
    discussions.post_comment(thread, people[replier], reply)


def _pdf(title: str) -> bytes:
    """A one-page PDF with a title, made here so the demo needs no file."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 770 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    output += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)

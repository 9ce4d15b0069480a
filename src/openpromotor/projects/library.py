"""The starting library: the default roadmap template and the first step cards (in Dutch, the
platform's main language; operators edit and translate them in the admin).

A data migration installs them with its historical models; ``install`` is idempotent, so tests
that empty the database can install them again.
"""

DEFAULT_TEMPLATE = "Coöperatieve herbestemming van een leegstaand gebouw"
DEFAULT_TEMPLATE_DESCRIPTION = (
    "Zeven fasen, van de eerste verkenning tot het samen beheren. Elke fase sluit af met een "
    "evaluatie; een fase kan altijd heropend worden."
)

PHASES = [
    (
        "Verkennen en diagnose",
        "Het gebouw, de noden en de belanghebbenden in kaart brengen.",
        [
            "Het gebouw bezocht en beschreven",
            "De noden van de groep op papier",
            "De belanghebbenden in kaart gebracht",
            "Eerste contact met de eigenaar",
        ],
    ),
    (
        "Visie en groep",
        "Gedeelde ambities formuleren en vastleggen in een handvest.",
        [
            "Gedeelde ambities geformuleerd",
            "Handvest geschreven en ondertekend",
            "Rollen en overleg in de groep afgesproken",
        ],
    ),
    (
        "Haalbaarheid",
        "Technische, juridische en financiële haalbaarheid nagaan.",
        [
            "Technische haalbaarheid (staat van het gebouw)",
            "Juridische haalbaarheid (bestemming, eigendom)",
            "Financiële haalbaarheid (investering, kostprijshuur, levenscyclus)",
        ],
    ),
    (
        "Financiering en juridische structuur",
        "De rechtsvorm kiezen en de financiering rond krijgen.",
        [
            "Rechtsvorm gekozen en statuten opgesteld",
            "Financieringsplan rond",
            "Akkoord met de eigenaar (koop, erfpacht of huur)",
        ],
    ),
    (
        "Ontwerp en vergunningen",
        "Samen ontwerpen en de omgevingsvergunning aanvragen.",
        [
            "Ontwerp samen met de gebruikers",
            "Omgevingsvergunning aangevraagd",
            "Omgevingsvergunning verkregen",
        ],
    ),
    (
        "Werken",
        "Verbouwen, met tijdelijk gebruik waar het kan.",
        [
            "Tijdelijk gebruik geregeld waar mogelijk",
            "Aannemers gekozen",
            "Werken opgeleverd",
        ],
    ),
    (
        "Uitbating en cobeheer",
        "Het gebouw samen gebruiken, beheren en onderhouden.",
        [
            "Afspraken over beheer en onderhoud",
            "Gebruikers en buurt betrokken bij het beheer",
            "Jaarlijkse evaluatie gepland",
        ],
    ),
]

PERMIT_DESK = "https://omgevingsloket.omgeving.vlaanderen.be/"
ASBESTOS = "https://www.vlaanderen.be/asbestattest"

# (title, explanation, category, suggested phase, links)
CARDS = [
    (
        "Bouwkundige opname",
        "Loop het gebouw door met een architect of aannemer: structuur, dak, vocht, "
        "technieken. Noteer wat dringend is en wat kan wachten.",
        "building",
        1,
        [],
    ),
    (
        "Eerste gesprek met de eigenaar",
        "Leg uit wie jullie zijn en wat jullie willen. Vraag naar de plannen, de termijn en de "
        "voorwaarden van de eigenaar. Spreek een volgend moment af.",
        "people",
        1,
        [],
    ),
    (
        "Stakeholderkaart",
        "Wie is betrokken? Lokale actoren (buren, gebruikers, verenigingen), institutionele "
        "(schepenen, diensten), experten, economische actoren en kapitaalhouders. Noteer per "
        "groep belangen, invloed en vertrouwen.",
        "people",
        1,
        [],
    ),
    (
        "Behoeften van de groep",
        "Hoeveel ruimte heeft wie nodig, voor welk gebruik, en wat kan ieder bijdragen?",
        "people",
        1,
        [],
    ),
    (
        "Infomoment voor de buurt",
        "Vertel de buurt wat jullie van plan zijn en verzamel ideeën en bezorgdheden.",
        "people",
        2,
        [],
    ),
    (
        "Handvest schrijven",
        "Schrijf samen de gedeelde ambities en engagementen op. Benoem waar iedereen het over "
        "eens is, wat verzoend kan worden en waar de standpunten uiteenlopen.",
        "people",
        2,
        [],
    ),
    (
        "Participatieladder per fase",
        "Kies per groep belanghebbenden en per fase het niveau: informeren, raadplegen, "
        "overleg, onderhandeling, coproductie of cobeheer.",
        "people",
        2,
        [],
    ),
    (
        "Asbestinventaris",
        "Voor gebouwen van vóór 2001 is een asbestinventaris nodig vóór verkoop en vóór "
        "werken. Laat een gecertificeerde deskundige komen.",
        "building",
        3,
        [ASBESTOS],
    ),
    (
        "Bestemming en stedenbouw nakijken",
        "Mag het gebouw gebruikt worden zoals jullie willen? Vraag een stedenbouwkundig "
        "uittreksel en bespreek het met de dienst omgeving van de gemeente.",
        "legal",
        3,
        [],
    ),
    (
        "Haalbaarheidsplan",
        "Reken de investering, de financiering en de kostprijshuur door, over de hele "
        "levensduur van het gebouw. Gebruik de haalbaarheidsplanner van het platform.",
        "financial",
        3,
        [],
    ),
    (
        "Ontwerp van coöperatieve statuten",
        "Kies de rechtsvorm (vzw, coöperatie, community land trust) en schrijf de statuten, "
        "bij voorkeur met een notaris of een coöperatief adviseur.",
        "legal",
        4,
        [],
    ),
    (
        "Gesprek met de bank",
        "Stel het project en het financieringsplan voor: eigen inbreng, coöperatief kapitaal, "
        "lening. Vraag welke waarborgen de bank verwacht.",
        "financial",
        4,
        [],
    ),
    (
        "Overeenkomst met de eigenaar",
        "Koop, erfpacht, opstalrecht of huur: leg de afspraken vast, met de termijn en de "
        "voorwaarden voor verbouwing.",
        "legal",
        4,
        [],
    ),
    (
        "Aanvraag omgevingsvergunning",
        "Dien de aanvraag in via het omgevingsloket, met de plannen van de architect.",
        "design",
        5,
        [PERMIT_DESK],
    ),
    (
        "Overeenkomst tijdelijk gebruik",
        "Leg het tijdelijk gebruik vast in een bezettingsovereenkomst: duur, kosten, "
        "verzekering, veiligheid en wat er gebeurt als de werken starten.",
        "legal",
        6,
        [],
    ),
    (
        "Werfvergadering",
        "Overleg geregeld met aannemer en architect over planning, kosten en keuzes.",
        "works",
        6,
        [],
    ),
    (
        "Beheerplan en huishoudelijk reglement",
        "Spreek af wie wat beheert en onderhoudt, hoe beslissingen genomen worden en hoe "
        "nieuwe gebruikers instappen.",
        "operation",
        7,
        [],
    ),
    (
        "Jaarlijkse evaluatie",
        "Kijk elk jaar samen terug: wat loopt goed, wat moet beter, wat verandert er?",
        "operation",
        7,
        [],
    ),
]


def install(template_model, phase_model, card_model) -> None:
    """Create the default template and the step cards when they are missing."""
    template, created = template_model.objects.get_or_create(
        name=DEFAULT_TEMPLATE,
        defaults={
            "description": DEFAULT_TEMPLATE_DESCRIPTION,
            "is_default": not template_model.objects.filter(is_default=True).exists(),
        },
    )
    if created:
        for number, (title, description, goals) in enumerate(PHASES, start=1):
            phase_model.objects.create(
                template=template,
                number=number,
                title=title,
                description=description,
                goals="\n".join(goals),
            )
    for order, (title, explanation, category, phase, links) in enumerate(CARDS):
        card_model.objects.get_or_create(
            title=title,
            defaults={
                "explanation": explanation,
                "category": category,
                "suggested_phase": phase,
                "guidance_links": "\n".join(links),
                "order": order,
            },
        )

"""Demo charters (all invented), written through the same services as the pages:

- Lotte's co-housing group in the old school has an adopted charter (version 4), signed by
  Lotte and not yet by Amina, and a newer draft in which Sofie added a section; the owner and
  the expert commented. Its points are in all three negotiation statuses.
- Sofie's chapel group has a first draft of two sections, nothing adopted yet.

A project that already has a charter is left as it is, so loading again changes nothing.
"""

from openpromotor.accounts.models import User
from openpromotor.charters import adoption, comments, sections
from openpromotor.charters.models import Negotiation
from openpromotor.charters.sections import PointDraft
from openpromotor.projects.demo import DOMAIN
from openpromotor.projects.models import Project

AGREED, RECONCILABLE, DIVERGENT = Negotiation.values

SCHOOL = "Samenhuizen in de oude school"
CHAPEL = "Buurtkapel Mechelen"

SCHOOL_SECTIONS = [
    (
        "lotte",
        "Samen wonen",
        [
            (
                "We wonen met zes gezinnen in de oude school, elk in een eigen woning, en delen "
                "een leefruimte met keuken.",
                AGREED,
            ),
            ("Elk gezin neemt elke maand minstens één taak op voor het onderhoud.", AGREED),
            (
                "Huisdieren zijn welkom in de eigen woning, maar niet in de gemeenschappelijke "
                "ruimtes.",
                DIVERGENT,
            ),
        ],
    ),
    (
        "lotte",
        "Betaalbaar en coöperatief",
        [
            ("We werken met **kostprijshuur**: de huur dekt de kosten, niet meer.", AGREED),
            (
                "Elk gezin brengt een inbreng in de coöperatie; wie minder kan, betaalt gespreid.",
                AGREED,
            ),
            (
                "Wie vertrekt, krijgt de inbreng terug aan de nominale waarde, zonder meerwaarde.",
                DIVERGENT,
            ),
        ],
    ),
    (
        "lotte",
        "Open naar de buurt",
        [
            (
                "De speelplaats wordt een gedeelde tuin die overdag open is voor de buren.",
                RECONCILABLE,
            ),
            (
                "De oude turnzaal wordt een buurtzaal die verenigingen tegen kostprijs huren.",
                AGREED,
            ),
        ],
    ),
]
SCHOOL_DRAFT = (
    "sofie",
    "Beslissen en conflicten",
    [
        ("We beslissen bij consent in de algemene vergadering, één stem per gezin.", AGREED),
        (
            "Een conflict dat we niet zelf oplossen, leggen we voor aan een externe bemiddelaar.",
            RECONCILABLE,
        ),
    ],
)
SCHOOL_COMMENTS = [
    (
        "marc",
        "Open naar de buurt",
        "Als eigenaar vraag ik dat de tuin 's nachts dicht is, voor de veiligheid van het "
        "gebouw. Dan kan ik dit punt mee ondersteunen.",
    ),
    (
        "sofie",
        "Betaalbaar en coöperatief",
        "Over de inbreng bij vertrek: CLT Brussel werkt met een formule die de meerwaarde "
        "deelt. Zal ik die voorstellen op de volgende vergadering?",
    ),
]
CHAPEL_SECTIONS = [
    (
        "sofie",
        "Een kapel voor de buurt",
        [
            ("De kapel blijft een open plek: iedereen uit de buurt is welkom.", AGREED),
            (
                "Concerten en repetities krijgen voorrang op de avonden in het weekend.",
                RECONCILABLE,
            ),
        ],
    ),
    (
        "sofie",
        "Respect voor het erfgoed",
        [
            ("Het glas-in-lood en het orgel blijven waar ze zijn.", AGREED),
            ("De kerkbanken mogen weg om de ruimte vrij te maken.", DIVERGENT),
        ],
    ),
]


def load() -> list:
    people = {
        user.email.split("@")[0]: user for user in User.objects.filter(email__endswith=f"@{DOMAIN}")
    }
    school = _fresh(SCHOOL)
    if school and all(name in people for name in ("lotte", "amina", "sofie", "marc")):
        _school(school, people)
    chapel = _fresh(CHAPEL)
    if chapel and "sofie" in people:
        _write(chapel, people, CHAPEL_SECTIONS)
    return []


def _fresh(name) -> Project | None:
    """The demo project, unless it is missing or already has a charter."""
    project = Project.objects.filter(name=name).first()
    if project is None or project.charter_sections.exists():
        return None
    return project


def _write(project, people, specs) -> dict:
    written = {}
    for author, title, points in specs:
        drafts = [PointDraft(None, text, status) for text, status in points]
        written[title] = sections.add_section(project, title, drafts, people[author])
    return written


def _school(project, people) -> None:
    written = _write(project, people, SCHOOL_SECTIONS)
    # Amina found that not everyone can pay the contribution at once: reconcilable, not agreed.
    money = written["Betaalbaar en coöperatief"]
    drafts = [
        PointDraft(point.pk, point.text, RECONCILABLE if index == 1 else point.status)
        for index, point in enumerate(money.points.all())
    ]
    version = sections.save_section(money, money.revision, money.title, drafts, people["amina"])
    adopted = adoption.adopt(version, people["lotte"])
    adoption.sign(adopted, people["lotte"])
    written.update(_write(project, people, [SCHOOL_DRAFT]))
    for author, title, body in SCHOOL_COMMENTS:
        comments.post_comment(written[title], people[author], body)

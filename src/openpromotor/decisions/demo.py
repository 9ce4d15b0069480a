"""Demo decisions (all invented), one in each demo project of ``projects/demo.py``:

- the co-housing group votes (consent) on cost rents; Amina has consented, Lotte not yet;
- the chapel group decided (closed, with an outcome) to open the chapel to the neighbours;
- the children's workshop chooses its name in an anonymous poll with hidden results.

A proposal that already exists (by title, in its project) is left as it is, so loading again
changes nothing; a project or person that is missing is skipped.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from openpromotor.accounts.models import User
from openpromotor.decisions import proposals, voting
from openpromotor.decisions.models import PollType, Proposal
from openpromotor.projects.demo import DOMAIN
from openpromotor.projects.models import Project

PROPOSALS = [
    {
        "project": "Samenhuizen in de oude school",
        "proposer": "lotte",
        "title": "We rekenen met kostprijshuur",
        "description": (
            "De huur van elke woning dekt de **kosten** van de coöperatie: de lening, het "
            "onderhoud, de verzekering en een reserve voor grote herstellingen. Er is geen "
            "winstmarge.\n\nBezwaren? Zeg het nu, met een reden, zodat we het voorstel "
            "kunnen verbeteren."
        ),
        "poll_type": PollType.CONSENT,
        "days": 10,
        "quorum": 75,
        "votes": [("amina", ["consent"], "")],
    },
    {
        "project": "Buurtkapel Mechelen",
        "proposer": "sofie",
        "title": "Open kapel voor de buurt op 12 mei",
        "description": (
            "We zetten de deuren van de kapel een namiddag open: de buren kunnen rondkijken, "
            "ideeën op de muur plakken en het koor horen repeteren."
        ),
        "poll_type": PollType.PROPOSAL,
        "days": 7,
        "quorum": 50,
        "votes": [("sofie", ["agree"], ""), ("lotte", ["agree"], "Ik breng koffie mee.")],
        "outcome": (
            "**Aangenomen.** De open kapel gaat door op 12 mei van 14 tot 18 uur. Marc regelt "
            "de sleutel met de koster, Lotte maakt de affiche."
        ),
        "opened_days_ago": 10,
        "closed_days_ago": 4,
    },
    {
        "project": "Kinderatelier in de lege winkel",
        "proposer": "amina",
        "title": "Welke naam geven we het atelier?",
        "description": (
            "Het atelier heeft een naam nodig voor het uithangbord. Stem anoniem; de uitslag "
            "zien we pas als de stemming sluit."
        ),
        "poll_type": PollType.SINGLE_CHOICE,
        "options": "De Knutselwinkel\nAtelier Om de Hoek\nHet Kleurenpand",
        "days": 5,
        "quorum": 50,
        "is_anonymous": True,
        "hide_results": True,
        "votes": [("lotte", ["Atelier Om de Hoek"], "")],
    },
]


def load() -> list:
    people = {
        user.email.split("@")[0]: user for user in User.objects.filter(email__endswith=f"@{DOMAIN}")
    }
    for spec in PROPOSALS:
        project = Project.objects.filter(name=spec["project"]).first()
        names = [spec["proposer"], *(name for name, _picks, _reason in spec["votes"])]
        if project is None or not all(name in people for name in names):
            continue
        if not project.proposals.filter(title=spec["title"]).exists():
            _proposal(project, spec, people)
    return []


def _proposal(project, spec, people) -> Proposal:
    proposer = people[spec["proposer"]]
    proposal = proposals.open_proposal(
        Proposal(
            project=project,
            title=spec["title"],
            description=spec["description"],
            poll_type=spec["poll_type"],
            closes_at=timezone.now() + datetime.timedelta(days=spec["days"]),
            quorum=spec["quorum"],
            is_anonymous=spec.get("is_anonymous", False),
            hide_results=spec.get("hide_results", False),
            phase=project.current_phase,
        ),
        proposer,
        spec.get("options", ""),
    )
    options = {option.stance or option.text: option for option in proposal.options.all()}
    for name, picks, reason in spec["votes"]:
        chosen = dict.fromkeys(options[pick] for pick in picks)
        voting.cast_vote(proposal, people[name], chosen, reason)
    if "outcome" in spec:
        proposal = proposals.close_early(proposal, proposer)
        proposals.record_outcome(proposal, proposer, spec["outcome"])
        opened = datetime.timedelta(days=spec["opened_days_ago"])
        closed = datetime.timedelta(days=spec["closed_days_ago"])
        Proposal.objects.filter(pk=proposal.pk).update(
            opened_at=F("opened_at") - opened,
            closes_at=F("closes_at") - opened,
            closed_at=F("closed_at") - closed,
            outcome_at=F("outcome_at") - closed,
        )
    return proposal

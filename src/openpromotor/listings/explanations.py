"""What the page "How is this score made?" says: each scoring function's factors, with the
weights read from the scoring modules themselves (so the page cannot drift from the code) and
one sentence per factor. ``docs/matching.md`` says the same for developers, with the formulas.
"""

from django.utils.translation import gettext_lazy as _

from openpromotor.listings import expertise, matching, partners

SPACE = {
    matching.Factor.USE: _(
        "How well the building type suits the intended use: well suited 100, could work after "
        "real works 50, hardly suited 0. With several uses, the best-suited one counts."
    ),
    matching.Factor.AREA: _(
        # xgettext:no-python-format
        "100 inside the wanted range of floor area; 2 points less for every percent below the "
        "minimum or above the maximum, 0 from 50 % off."
    ),
    matching.Factor.LOCATION: _(
        "Around a point: 100 at the point, 80 at the edge of the radius, 0 at twice the radius. "
        "By municipality: 100 in one of the chosen municipalities, 0 elsewhere."
    ),
    matching.Factor.BUDGET: _(
        "100 when the asking price or rent is within the budget; 2 points less for every "
        "percent above it, 0 from 50 % above."
    ),
    matching.Factor.AVAILABILITY: _(
        "100 when the space is available the way it is wanted (to buy, to rent, for temporary "
        "use or as a cooperative project), 0 when it is not."
    ),
    matching.Factor.TIMING: _("The share of the wanted period during which the space is free."),
    matching.Factor.CONDITION: _(
        "Good 100, needs a refresh 75, needs deep renovation 40, ruin 10."
    ),
}

EXPERTISE = {
    expertise.Factor.DISCIPLINE: _(
        "The share of the disciplines asked for that the expert offers."
    ),
    expertise.Factor.SKILLS: _("The share of the skills asked for that the expert names."),
    expertise.Factor.REGION: _(
        "100 within the distance the expert travels, 0 at twice it; or 100 when they work in "
        "one of the municipalities asked for."
    ),
    expertise.Factor.LANGUAGE: _("100 when the expert speaks one of the languages asked for."),
}

PEOPLE = {
    partners.Factor.ROLE: _(
        "100 when they can take up a role asked for: a seeker or an organisation member as "
        "co-founder, member household or user of a ground floor; an organisation member or an "
        "owner as investor; an expert whose skills name the expertise asked for. A group "
        "looking for space takes up the roles of what it wants to do there."
    ),
    partners.Factor.SKILLS: _("The share of the skills asked for that their profile names."),
    partners.Factor.REGION: _(
        "Around the search's point: 100 at it, 80 at 20 km (or at the edge of the area a group "
        "looks in), 0 at twice that. By municipality: 100 in one asked for, 0 elsewhere."
    ),
}

NAMES = {
    "use": _("Use"),
    "area": _("Floor area"),
    "location": _("Location"),
    "budget": _("Budget"),
    "availability": _("Availability"),
    "timing": _("Dates"),
    "condition": _("Condition"),
    "discipline": _("Discipline"),
    "skills": _("Skills"),
    "region": _("Region"),
    "language": _("Language"),
    "role": _("Role"),
}

FAMILIES = [
    ("space", _("Buildings and spaces for a need, and needs for a space"), matching.WEIGHTS, SPACE),
    ("expertise", _("Experts for a search for partners"), expertise.WEIGHTS, EXPERTISE),
    ("people", _("People and groups for a search for partners"), partners.WEIGHTS, PEOPLE),
]


def families() -> list[dict]:
    """The scoring functions, each with its factors as (name, weight, explanation)."""
    return [
        {
            "id": key,
            "title": title,
            "factors": [
                {"name": NAMES[str(factor)], "weight": weight, "text": texts[factor]}
                for factor, weight in weights.items()
            ],
        }
        for key, title, weights, texts in FAMILIES
    ]

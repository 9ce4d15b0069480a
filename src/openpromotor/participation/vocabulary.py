"""The words of the participatory approach (seed 002, chapter MAN 01), as choices.

Stakeholders fall into five categories, each with its groups (sub-categories); a stakeholder
is given a group, and its category follows from it (``category_of``). The participation ladder
has six levels, from information to co-management, in this order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    LOCAL = "local", _("local stakeholders")
    INSTITUTIONAL = "institutional", _("institutional stakeholders")
    EXPERT = "expert", _("expert and technical stakeholders")
    ECONOMIC = "economic", _("economic actors")
    CAPITAL = "capital", _("capital holders")


class Group(models.TextChoices):
    """The groups of stakeholders, in the order of their categories."""

    RESIDENTS = "residents", _("residents")
    USERS = "users", _("users and beneficiaries")
    SOCIAL_ACTORS = "social_actors", _("social actors")
    ASSOCIATIONS = "associations", _("local associations")
    URBAN_MAKERS = "urban_makers", _("urban makers")
    ELECTED_OFFICIALS = "elected_officials", _("elected officials")
    TECHNICAL_SERVICES = "technical_services", _("technical services")
    INSTITUTIONAL_PARTNERS = "institutional_partners", _("institutional partners")
    ACADEMIA = "academia", _("academia")
    PROFESSIONALS = "professionals", _("professionals and technical partners")
    UTILITIES = "utilities", _("utilities")
    BUSINESSES = "businesses", _("businesses and shops")
    INVESTORS = "investors", _("investors")
    OPERATOR = "operator", _("operator")
    FINANCIAL_PARTNERS = "financial_partners", _("financial partners")


GROUPS_OF = {
    Category.LOCAL: (
        Group.RESIDENTS,
        Group.USERS,
        Group.SOCIAL_ACTORS,
        Group.ASSOCIATIONS,
        Group.URBAN_MAKERS,
    ),
    Category.INSTITUTIONAL: (
        Group.ELECTED_OFFICIALS,
        Group.TECHNICAL_SERVICES,
        Group.INSTITUTIONAL_PARTNERS,
    ),
    Category.EXPERT: (Group.ACADEMIA, Group.PROFESSIONALS, Group.UTILITIES),
    Category.ECONOMIC: (Group.BUSINESSES,),
    Category.CAPITAL: (Group.INVESTORS, Group.OPERATOR, Group.FINANCIAL_PARTNERS),
}
CATEGORY_OF = {group: category for category, groups in GROUPS_OF.items() for group in groups}
GROUP_ORDER = {group: index for index, group in enumerate(Group)}

GROUP_CHOICES = [
    (category.label, [(group.value, group.label) for group in groups])
    for category, groups in GROUPS_OF.items()
]
"""The groups under their categories, for a select with one option group per category."""


def category_of(group: str) -> Category:
    return CATEGORY_OF[Group(group)]


class Kind(models.TextChoices):
    PERSON = "person", _("person")
    ORGANISATION = "organisation", _("organisation")


class Score(models.IntegerChoices):
    """Influence on the project and interest in it, from 1 to 5."""

    VERY_LOW = 1, _("1 (very low)")
    LOW = 2, _("2 (low)")
    MEDIUM = 3, _("3 (medium)")
    HIGH = 4, _("4 (high)")
    VERY_HIGH = 5, _("5 (very high)")


class Attitude(models.TextChoices):
    SUPPORTIVE = "supportive", _("supportive")
    NEUTRAL = "neutral", _("neutral")
    CRITICAL = "critical", _("critical")


class Level(models.TextChoices):
    """Where a stakeholder has its influence (seed 002: micro, meso or macro)."""

    MICRO = "micro", _("micro")
    MESO = "meso", _("meso")
    MACRO = "macro", _("macro")


class Trust(models.TextChoices):
    """How much the group and this stakeholder trust each other, in three words: a finer
    scale would pretend a precision nobody has. Left empty while it is not known yet."""

    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class RelationKind(models.TextChoices):
    WORKS_WITH = "works_with", _("works with")
    FUNDS = "funds", _("funds")
    ADVISES = "advises", _("advises")
    REPRESENTS = "represents", _("represents")
    IN_CONFLICT = "in_conflict", _("is in conflict with")


SYMMETRIC_RELATIONS = {RelationKind.WORKS_WITH, RelationKind.IN_CONFLICT}
"""Relations that read the same both ways: "A works with B" is "B works with A"."""


class Strength(models.IntegerChoices):
    WEAK = 1, _("1 (weak)")
    MEDIUM = 2, _("2 (medium)")
    STRONG = 3, _("3 (strong)")


class Ladder(models.TextChoices):
    """The six levels of the participation ladder, from the lowest to the highest."""

    INFORMATION = "information", _("information (and awareness)")
    CONSULTATION = "consultation", _("consultation")
    CONCERTATION = "concertation", _("concertation")
    NEGOTIATION = "negotiation", _("negotiation")
    CO_PRODUCTION = "co_production", _("co-production")
    CO_MANAGEMENT = "co_management", _("co-management")


LADDER_STEP = {level: step for step, level in enumerate(Ladder, start=1)}


class Means(models.TextChoices):
    MEETING = "meeting", _("meeting")
    WALK = "walk", _("walk")
    WORKSHOP = "workshop", _("workshop")
    SURVEY = "survey", _("survey")
    INFORMATION_POINT = "information_point", _("information point")
    WEBSITE = "website", _("website")
    NEWSLETTER = "newsletter", _("newsletter")
    OTHER = "other", _("other")


class BodyKind(models.TextChoices):
    STEERING_COMMITTEE = "steering_committee", _("steering committee")
    PROJECT_TEAM = "project_team", _("project team")
    TECHNICAL_COMMITTEE = "technical_committee", _("technical committee")
    WORKING_GROUP = "working_group", _("thematic working group")
    GENERAL_ASSEMBLY = "general_assembly", _("general assembly")


SINGLE_BODIES = [kind for kind in BodyKind if kind != BodyKind.WORKING_GROUP]
"""A project has at most one of each of these; it may have many working groups."""


class Function(models.TextChoices):
    """What a person does in a governance body."""

    MEMBER = "member", _("member")
    CHAIR = "chair", _("chair")
    SECRETARY = "secretary", _("secretary")
    PROJECT_COORDINATOR = "project_coordinator", _("project coordinator")

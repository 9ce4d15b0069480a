"""The words of listings: kinds, states and the values of their typed fields.

Uses and tenures carry the same values as the vocabularies of ``matching`` (``matching.Use``,
``matching.Tenure``; a test holds them equal), so a listing's values convert to the scoring
function's without a table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SEEK_SPACE = "seek_space", _("looking for space")
    OFFER_SPACE = "offer_space", _("offering space")
    SEEK_PARTNERS = "seek_partners", _("looking for partners")
    OFFER_EXPERTISE = "offer_expertise", _("offering expertise")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    EXPIRED = "expired", _("expired")
    CLOSED = "closed", _("closed")


class ClosedReason(models.TextChoices):
    FOUND = "found", _("found")
    WITHDRAWN = "withdrawn", _("withdrawn")
    REMOVED = "removed", _("removed by a moderator")


class Use(models.TextChoices):
    HOUSING = "housing", _("housing")
    CO_HOUSING = "co_housing", _("co-housing")
    WORKSPACE = "workspace", _("workspace or studio")
    RETAIL = "retail", _("retail")
    HOSPITALITY = "hospitality", _("hospitality")
    SOCIAL_CARE = "social_care", _("social or care")
    CULTURE = "culture", _("culture")
    EDUCATION = "education", _("education")
    STORAGE = "storage", _("storage")
    MIXED = "mixed", _("mixed use")


class Tenure(models.TextChoices):
    BUY = "buy", _("buy")
    RENT = "rent", _("rent")
    TEMPORARY_USE = "temporary_use", _("temporary use")
    COOPERATIVE_PROJECT = "cooperative_project", _("cooperative project")


class Role(models.TextChoices):
    """Who a group looks for."""

    CO_FOUNDER = "co_founder", _("co-founder")
    MEMBER_HOUSEHOLD = "member_household", _("member household")
    INVESTOR = "investor", _("investor")
    ARCHITECT = "architect", _("architect")
    LEGAL_HELP = "legal_help", _("legal help")
    FINANCIAL_HELP = "financial_help", _("financial help")
    CONSTRUCTION_HELP = "construction_help", _("construction or technical help")
    GROUND_FLOOR_USER = "ground_floor_user", _("user of a ground floor")
    VOLUNTEER = "volunteer", _("volunteer")


class Discipline(models.TextChoices):
    FINANCIAL = "financial", _("financial")
    LEGAL = "legal", _("legal")
    CONSTRUCTION = "construction", _("construction or technical")
    ARCHITECTURE = "architecture", _("architecture")
    ENERGY = "energy", _("energy")
    PARTICIPATION = "participation", _("participation")
    COMMUNICATION = "communication", _("communication")
    DIGITAL = "digital", _("digital")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")


class FeeModel(models.TextChoices):
    VOLUNTEER = "volunteer", _("volunteer (free)")
    PAID = "paid", _("paid")
    SUBSIDISED = "subsidised", _("subsidised")


class Commitment(models.TextChoices):
    OCCASIONAL = "occasional", _("a few hours a month")
    REGULAR = "regular", _("a few hours a week")
    CORE = "core", _("core team, for the long run")


class Frequency(models.TextChoices):
    INSTANT = "instant", _("at once")
    DAILY = "daily", _("daily")
    WEEKLY = "weekly", _("weekly")

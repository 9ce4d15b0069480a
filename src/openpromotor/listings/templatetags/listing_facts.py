"""The facts of a listing as (label, value) pairs, per kind, for its card and its page."""

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Kind

register = template.Library()


def euros(amount) -> str:
    return f"€ {number_format(amount, decimal_pos=0, force_grouping=True)}"


def square_metres(area) -> str:
    return f"{number_format(area, force_grouping=True)} m²"


def area_range(low, high) -> str:
    if low is not None and high is not None:
        return _("%(low)s–%(high)s m²") % {  # noqa: RUF001
            "low": number_format(low, force_grouping=True),
            "high": number_format(high, force_grouping=True),
        }
    if low is not None:
        return _("at least %(area)s") % {"area": square_metres(low)}
    if high is not None:
        return _("at most %(area)s") % {"area": square_metres(high)}
    return ""


def period(start, end, open_end: str) -> str:
    """ "1 March 2027 until 30 June 2027", or "from 1 March 2027, permanently"."""
    if start is None and end is None:
        return ""
    if end is None:
        return _("from %(start)s, %(open_end)s") % {
            "start": date_format(start),
            "open_end": open_end,
        }
    return _("%(start)s until %(end)s") % {
        "start": date_format(start) if start else _("now"),
        "end": date_format(end),
    }


def where(listing: Listing, municipalities) -> str:
    names = ", ".join(unit.name for unit in municipalities)
    if listing.has_point and listing.radius_km:
        around = listing.place_label or _("the point on the map")
        text = _("within %(radius)s km of %(place)s") % {
            "radius": number_format(listing.radius_km, decimal_pos=0),
            "place": around,
        }
        return f"{names}; {text}" if names else text
    if names:
        return names
    return listing.place_label or ""


@register.simple_tag
def listing_facts(listing: Listing, short: bool = False) -> list[tuple[str, str]]:
    """What the listing says, skipping what it leaves empty; ``short``: the card's few."""
    municipalities = list(listing.municipalities.all())
    kind = listing.kind
    facts: list[tuple[str, str]] = []
    if kind == Kind.SEEK_SPACE:
        facts += [
            (_("Intended uses"), ", ".join(listing.use_labels())),
            (_("Floor area"), area_range(listing.min_area_m2, listing.max_area_m2)),
            (_("Where"), where(listing, municipalities) or _("anywhere")),
            (_("Tenure"), ", ".join(listing.tenure_labels())),
        ]
        if not short:
            facts += [
                (_("Budget to buy"), euros(listing.max_price) if listing.max_price else ""),
                (
                    _("Budget to rent"),
                    _("%(amount)s per month") % {"amount": euros(listing.max_rent_month)}
                    if listing.max_rent_month
                    else "",
                ),
                (
                    _("When"),
                    period(listing.wanted_from, listing.wanted_until, _("permanently")),
                ),
                (
                    _("Group size"),
                    _("%(count)s people") % {"count": listing.group_size}
                    if listing.group_size
                    else "",
                ),
                (_("Open to a cooperative"), _("yes") if listing.open_to_cooperative else ""),
            ]
    elif kind == Kind.OFFER_SPACE:
        facts += [
            (_("Building type"), listing.get_building_type_display()),
            (
                _("Floor area"),
                square_metres(listing.floor_area_m2) if listing.floor_area_m2 else "",
            ),
            (_("Where"), where(listing, municipalities)),
            (_("Available for"), ", ".join(listing.tenure_labels())),
        ]
        if not short:
            facts += [
                (_("Condition"), listing.get_condition_display()),
                (_("Asking price"), euros(listing.asking_price) if listing.asking_price else ""),
                (
                    _("Asking rent"),
                    _("%(amount)s per month") % {"amount": euros(listing.asking_rent_month)}
                    if listing.asking_rent_month
                    else "",
                ),
                (
                    _("Available"),
                    period(listing.available_from, listing.available_until, _("no end date")),
                ),
            ]
    elif kind == Kind.SEEK_PARTNERS:
        facts += [
            (_("Roles wanted"), ", ".join(listing.role_labels())),
            (_("Expertise wanted"), ", ".join(listing.discipline_labels())),
            (_("Where"), where(listing, municipalities)),
        ]
        if not short:
            facts += [
                (_("Skills"), listing.skills),
                (_("Commitment"), listing.get_commitment_display()),
                (
                    _("Share expected per member"),
                    euros(listing.share_amount) if listing.share_amount else "",
                ),
                (
                    _("Group size"),
                    _("%(count)s people") % {"count": listing.group_size}
                    if listing.group_size
                    else "",
                ),
                (_("Languages"), ", ".join(listing.language_labels())),
            ]
    else:
        facts += [
            (_("Disciplines"), ", ".join(listing.discipline_labels())),
            (_("Region served"), where(listing, municipalities)),
            (_("Languages"), ", ".join(listing.language_labels())),
        ]
        if not short:
            facts += [
                (_("Skills"), listing.skills),
                (_("Fee model"), listing.get_fee_model_display()),
            ]
    return [(label, str(value)) for label, value in facts if value]

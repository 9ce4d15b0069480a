from django import template
from django.utils.html import format_html

from openpromotor.charters.models import NEGOTIATION_HELP, NEGOTIATION_SYMBOLS, Negotiation

register = template.Library()


@register.filter
def status_badge(status: str) -> str:
    """A point's negotiation status as a sign and a word (the colour only adds to them)."""
    negotiation = Negotiation(status)
    return format_html(
        '<span class="negotiation negotiation-{}" title="{}">'
        '<span aria-hidden="true">{}</span> {}</span>',
        negotiation.value,
        NEGOTIATION_HELP[negotiation],
        NEGOTIATION_SYMBOLS[negotiation],
        negotiation.label.capitalize(),
    )

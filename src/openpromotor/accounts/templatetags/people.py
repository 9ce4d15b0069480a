from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person_name(user) -> str:
    """The display name of whoever contributed something, or "former member" once deleted."""
    if user is None:
        return _("former member")
    return user.display_name or _("member")


@register.filter
def person(user) -> str:
    """The name of whoever contributed something, with their moderator or team badge, so
    readers can tell when the platform's moderators or team speak."""
    if user is None:
        return person_name(user)
    badges = render_to_string("accounts/badges.html", {"person": user})
    return format_html("{}{}", person_name(user), mark_safe(badges))  # our own template, escaped

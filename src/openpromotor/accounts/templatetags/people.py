from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person_name(user) -> str:
    """The display name of whoever contributed something, or "former member" once deleted."""
    if user is None:
        return _("former member")
    return user.display_name or _("member")

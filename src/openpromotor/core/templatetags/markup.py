from django import template
from django.utils.safestring import mark_safe

from openpromotor.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    """Render user-written Markdown as sanitised HTML (safe to output)."""
    return mark_safe(render_markdown(text))  # nh3 has sanitised it

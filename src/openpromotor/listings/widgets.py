"""Widgets of the listings forms.

Selects with hundreds of options (the 581 municipalities) are rendered in Python: Django renders
each option through its own template, and for the municipalities that took longer than the
whole rest of a page. These widgets write the same HTML directly. ``DateInput`` is the
browser's date picker.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LongOptionsMixin:
    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        if self.allow_multiple_selected:
            final["multiple"] = True
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (code, " selected" if str(code) in chosen else "", label)
                for code, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class LongSelect(LongOptionsMixin, forms.Select):
    pass


class LongSelectMultiple(LongOptionsMixin, forms.SelectMultiple):
    pass


class DateInput(forms.DateInput):
    """The browser's date picker: it reads and writes ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

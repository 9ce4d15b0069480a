"""Several values of one vocabulary in one text column, e.g. the uses a seeker wants.

Stored as ``|housing|workspace|`` so that "has any of these" is a plain ``contains`` test on
both SQLite and PostgreSQL (JSON containment is PostgreSQL-only), and the values come back as a
list in the vocabulary's order.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


class ChoiceListField(models.CharField):
    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        for key, value in (("max_length", 300), ("blank", True), ("default", list)):
            if kwargs.get(key) == value:
                del kwargs[key]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value or []
        return [part for part in value.split(SEPARATOR) if part]

    def get_prep_value(self, value):
        values = set(self.to_python(value))
        ordered = [option for option, _label in self.options if option in values]
        ordered += sorted(values.difference(ordered))
        return f"{SEPARATOR}{SEPARATOR.join(ordered)}{SEPARATOR}" if ordered else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        known = {option for option, _label in self.options}
        unknown = [item for item in value if item not in known]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(values)s."), params={"values": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            label=self.verbose_name.capitalize() if self.verbose_name else None,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def has_any(name: str, values) -> Q:
    """Rows whose list field ``name`` holds at least one of ``values``."""
    condition = Q()
    for value in values:
        condition |= Q(**{f"{name}__contains": f"{SEPARATOR}{value}{SEPARATOR}"})
    return condition

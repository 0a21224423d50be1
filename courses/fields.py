"""A short list of choices kept in one column, e.g. the target groups a course is for.

Stored as "|citizen|civil_servant|" so that "courses for citizens" is one indexed `contains` filter that
behaves the same on SQLite and PostgreSQL (JSON containment is not available on SQLite).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


def encode(values) -> str:
    values = [value for value in dict.fromkeys(values or []) if value]
    return f"{SEPARATOR}{SEPARATOR.join(values)}{SEPARATOR}" if values else ""


def decode(stored) -> list[str]:
    if isinstance(stored, list | tuple):
        return list(stored)
    return [value for value in (stored or "").split(SEPARATOR) if value]


class ChoiceListField(models.CharField):
    description = _("A list of choices")

    def from_db_value(self, value, expression, connection):
        return decode(value)

    def to_python(self, value):
        return decode(value)

    def get_prep_value(self, value):
        return encode(decode(value))

    def value_to_string(self, obj):
        return encode(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {str(key) for key, _label in self.choices or []}
        unknown = [item for item in decode(value) if item not in allowed]
        if unknown:
            raise ValidationError(_("Unknown choice: %(value)s"), params={"value": ", ".join(unknown)})
        if not self.blank and not decode(value):
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def contains_lookup(self, value: str) -> dict:
        """`Course.objects.filter(**field.contains_lookup("citizen"))`: rows whose list holds `value`."""
        return {f"{self.name}__contains": f"{SEPARATOR}{value}{SEPARATOR}"}

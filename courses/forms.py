from django import forms
from django.utils.translation import gettext_lazy as _

from lms.api import TargetGroup

from .models import CompetenceDomain, CourseFormat

LENGTH_CHOICES = [
    ("short", _("Up to 30 minutes")),
    ("medium", _("30 to 90 minutes")),
    ("long", _("More than 90 minutes")),
]


def _with_any(choices):
    return [("", _("Any")), *choices]


class CatalogFilterForm(forms.Form):
    """The catalog's filters: a GET form, so a filtered list is a plain link a learner can share."""

    q = forms.CharField(label=_("Find a course"), required=False, max_length=200)
    group = forms.ChoiceField(label=_("For"), required=False, choices=_with_any(TargetGroup.choices))
    domain = forms.ChoiceField(
        label=_("Competence domain"), required=False, choices=_with_any(CompetenceDomain.choices)
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_with_any([(number, str(number)) for number in range(1, 9)]),
    )
    format = forms.ChoiceField(label=_("Format"), required=False, choices=_with_any(CourseFormat.choices))
    length = forms.ChoiceField(label=_("Length"), required=False, choices=_with_any(LENGTH_CHOICES))

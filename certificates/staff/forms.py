"""Filters of the register and the revoke / re-issue forms."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from ..models import Achievement, IssuedCredential
from . import selectors


class CredentialFilterSet(WagtailFilterSet):
    achievement = django_filters.ModelChoiceFilter(
        label=_("Achievement"), queryset=Achievement.objects.order_by("name")
    )
    ward = django_filters.ChoiceFilter(label=_("Ward"), method="filter_ward", choices=[])
    status = django_filters.ChoiceFilter(label=_("Status"), method="filter_status", choices=selectors.STATUS_CHOICES)

    class Meta:
        model = IssuedCredential
        fields = ["achievement"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["ward"].extra["choices"] = selectors.ward_choices(request.user)

    def filter_ward(self, queryset, name, value):
        return queryset.filter(user__learner_profile__ward_id=value) if value else queryset

    def filter_status(self, queryset, name, value):
        return selectors.with_status(queryset, value)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. It is kept in the certificate's record; a revoked certificate shows it to verifiers."),
        error_messages={"required": _("Give the reason.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason."))
        return reason

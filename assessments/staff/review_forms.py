"""Forms and filters of the examiners' screens: grading (a rubric's criteria by levels, or a percentage), the
queue's, audit's and confirmations' filters, confirming a learner, recording an observed task, revoking."""

from decimal import Decimal

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from lms.api import TargetGroup

from ..models import Assessment, AttemptItem, Component, Confirmation, ConfirmationRule, ReviewEvent
from ..queue import Stage, confirmation_wards, event_actors, grouping_choices, wards_waiting

COMMENT_LIMIT = 5000


def _name(user) -> str:
    return user.get_full_name() if user else ""


# --- grading ------------------------------------------------------------------------------------------------------


class GradeForm(forms.Form):
    """With a rubric: one radio group per criterion (field `criterion-<id>`, values level ids). Without: a
    percentage. The credit is computed by the engine from the chosen levels, never taken from the browser."""

    comment = forms.CharField(
        label=gettext_lazy("Comment to the learner"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The learner reads this with the result. Say what was good and what to improve."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note for staff"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Only examiners see this."),
    )

    def __init__(self, *args, rubric=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        self.criteria = list(rubric.criteria.all()) if rubric is not None else []
        fields = {}
        for criterion in self.criteria:
            levels = list(criterion.levels.all())
            if not levels:
                continue
            fields[f"criterion-{criterion.pk}"] = forms.ChoiceField(
                label=criterion.title,
                help_text=criterion.description,
                choices=[(str(level.pk), self.level_label(level)) for level in levels],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a level for “%(criterion)s”.") % {"criterion": criterion.title}},
            )
        if rubric is None:
            fields["credit"] = forms.DecimalField(
                label=gettext_lazy("Mark (%)"),
                min_value=Decimal("0"),
                max_value=Decimal("100"),
                decimal_places=2,
                help_text=gettext_lazy("From 0 (nothing right) to 100 (everything right)."),
                widget=forms.NumberInput(attrs={"step": "1", "inputmode": "decimal"}),
            )
        # criteria first, then the comment and the note
        self.fields = {**fields, **self.fields}

    @staticmethod
    def level_label(level) -> str:
        points = number_format(level.points.normalize(), use_l10n=True)
        return _("%(points)s points: %(descriptor)s") % {"points": points, "descriptor": level.descriptor}

    def criterion_fields(self):
        return [self[name] for name in self.fields if name.startswith("criterion-")]

    def rubric_choices(self) -> dict[str, str]:
        return {
            name.removeprefix("criterion-"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("criterion-")
        }

    def chosen_credit(self) -> Decimal | None:
        percent = self.cleaned_data.get("credit")
        return None if percent is None else percent / Decimal("100")


# --- the queue's filters -----------------------------------------------------------------------------------------


class QueueFilterSet(WagtailFilterSet):
    """Assessment, ward, stage, and one filter per grouping registered in assessments.hooks (e.g. course)."""

    assessment = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Assessment"),
        field_name="attempt__assessment",
        queryset=lambda request: Assessment.objects.filter(
            pk__in=AttemptItem.objects.filter(needs_review=True, reviewed_at__isnull=True).values(
                "attempt__assessment_id"
            )
        ).order_by("title"),
    )
    ward = django_filters.ChoiceFilter(label=gettext_lazy("Ward"), method="filter_ward", choices=[])
    stage = django_filters.ChoiceFilter(label=gettext_lazy("Waiting for"), method="filter_stage", choices=[])

    class Meta:
        model = AttemptItem
        fields = ["assessment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["ward"].extra["choices"] = [(str(pk), name) for pk, name in wards_waiting()]
        self.filters["stage"].extra["choices"] = [
            (Stage.FIRST.value, _("first marking")),
            (Stage.SECOND.value, _("second marking")),
            (Stage.AGREED.value, _("an agreed mark")),
        ]
        self.groupings = {}
        for grouping, choices, members in grouping_choices():
            self.groupings[grouping.key] = members
            self.filters[grouping.key] = django_filters.ChoiceFilter(
                label=grouping.label, choices=choices, method="filter_grouping", field_name=grouping.key
            )
            self.filters[grouping.key].parent = self

    def filter_ward(self, queryset, name, value):
        return queryset.filter(attempt__user__learner_profile__ward_id=value) if value else queryset

    def filter_stage(self, queryset, name, value):
        if value == Stage.FIRST:
            return queryset.filter(grade_count=0)
        if value == Stage.SECOND:
            return queryset.filter(grade_count=1, attempt__assessment__second_marking=True)
        if value == Stage.AGREED:
            return queryset.filter(Q(grade_count__gte=2) | Q(grade_count=1, attempt__assessment__second_marking=False))
        return queryset

    def filter_grouping(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(attempt__assessment_id__in=sorted(self.groupings[name].get(value, ())))


# --- the audit's filters ------------------------------------------------------------------------------------------


class ExaminerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _name(obj)


class ExaminerFilter(django_filters.ModelChoiceFilter):
    field_class = ExaminerChoiceField


class HistoryFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=gettext_lazy("Decision"), choices=ReviewEvent.Action.choices)
    actor = ExaminerFilter(label=gettext_lazy("Examiner"), queryset=lambda request: event_actors())
    at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ReviewEvent
        fields = ["action", "actor", "at"]


# --- confirmations ------------------------------------------------------------------------------------------------


class ConfirmationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        method="filter_status",
        choices=[("active", gettext_lazy("in force")), ("revoked", gettext_lazy("revoked"))],
    )
    target_group = django_filters.ChoiceFilter(label=gettext_lazy("Target group"), choices=TargetGroup.choices)
    ward = django_filters.ChoiceFilter(label=gettext_lazy("Ward"), method="filter_ward", choices=[])

    class Meta:
        model = Confirmation
        fields = ["status", "target_group"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["ward"].extra["choices"] = [(str(pk), name) for pk, name in confirmation_wards(request.user)]

    def filter_status(self, queryset, name, value):
        if value == "active":
            return queryset.filter(revoked_at__isnull=True)
        if value == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset

    def filter_ward(self, queryset, name, value):
        return queryset.filter(user__learner_profile__ward_id=value) if value else queryset


class LearnerChoiceField(forms.ModelChoiceField):
    """One learner among the matches of a search, shown with what tells namesakes apart."""

    widget = forms.RadioSelect

    def label_from_instance(self, obj):
        profile = obj.learner_profile
        parts = [profile.full_name]
        if profile.date_of_birth:
            parts.append(_("born %(year)s") % {"year": profile.date_of_birth.year})
        if profile.residential_group_id:
            parts.append(profile.residential_group.name)
        if profile.ward_id:
            parts.append(profile.ward.name)
        if profile.target_group:
            parts.append(str(TargetGroup(profile.target_group).label))
        return " · ".join(parts)


class _LearnerForm(forms.Form):
    """A learner chosen among the matches of the search (the only ones the form accepts)."""

    def __init__(self, *args, learners=(), **kwargs):
        super().__init__(*args, **kwargs)
        ids = [user.pk for user in learners]
        queryset = (
            get_user_model()
            .objects.filter(pk__in=ids)
            .select_related("learner_profile__ward", "learner_profile__residential_group")
        )
        self.fields = {
            "learner": LearnerChoiceField(
                label=gettext_lazy("Learner"),
                queryset=queryset.order_by("learner_profile__full_name_folded", "pk"),
                empty_label=None,
                error_messages={"required": gettext_lazy("Choose the learner.")},
            ),
            **self.fields,
        }


class ConfirmForm(_LearnerForm):
    rule = forms.ModelChoiceField(
        label=gettext_lazy("Rule (if any)"),
        queryset=ConfirmationRule.objects.none(),
        required=False,
        empty_label=gettext_lazy("No rule: the observed task is the evidence"),
        help_text=gettext_lazy("The rule and its version are kept with the confirmation."),
    )
    observed_task = forms.CharField(
        label=gettext_lazy("Task observed"),
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What the learner did in front of you, where and when (this is the evidence)."),
        error_messages={"required": gettext_lazy("Describe the task you observed.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].queryset = ConfirmationRule.objects.filter(active=True).order_by("target_group", "title")


class ObservationForm(_LearnerForm):
    component = forms.ModelChoiceField(
        label=gettext_lazy("Component competence"),
        queryset=Component.objects.none(),
        empty_label=gettext_lazy("Choose a component"),
    )
    level = forms.TypedChoiceField(label=gettext_lazy("Level"), coerce=int, choices=[(n, str(n)) for n in range(1, 9)])
    passed = forms.TypedChoiceField(
        label=gettext_lazy("Did the learner do the task?"),
        coerce=lambda value: value == "yes",
        choices=[("yes", gettext_lazy("Yes, on their own")), ("no", gettext_lazy("Not yet"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("What you observed"),
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = Component.objects.select_related("framework").order_by(
            "framework__code", "framework__version", "order"
        )
        self.fields["component"].label_from_instance = lambda c: f"{c.framework.code} · {c.code} {c.name_vi}"


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"),
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the confirmation and in the record of decisions."),
        error_messages={"required": gettext_lazy("Give the reason for revoking.")},
    )


class LearnerSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Find the learner"),
        required=False,
        max_length=150,
        help_text=gettext_lazy("Full name (with or without accents), mobile number or email."),
    )

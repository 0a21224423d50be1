"""The examiners' screens in the Wagtail admin: the queue of answers to grade, claiming and releasing an answer,
the grading page (rubric or percentage, comment, note), the record of decisions, item statistics, and the
confirmations of universal digital skills (confirm from an observed task, record an observation, revoke).

Views stay thin: reads come from assessments.queue, every change from assessments.services, and a refusal of the
engine (AttemptError, ValidationError) is shown as a message with nothing changed."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.api import StableOrdering

from .. import queue, services
from ..errors import AttemptError
from ..models import Assessment, AttemptItem, AttemptStatus, Confirmation, Grade, ReviewEvent
from .review_forms import (
    ConfirmationFilterSet,
    ConfirmForm,
    GradeForm,
    HistoryFilterSet,
    LearnerSearchForm,
    ObservationForm,
    QueueFilterSet,
    RevokeForm,
)

NS = "hocvuso_review"
GRADE = "hocvuso_assessments.grade_responses"
STATISTICS = "hocvuso_assessments.view_item_statistics"
CONFIRM = "hocvuso_assessments.confirm_skills"
TEMPLATES = "assessments/staff/review"


def allowed(user, permission: str) -> bool:
    """The one check of every screen here (superusers hold every permission)."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(permission))


class OnePermissionPolicy(BasePermissionPolicy):
    """Each screen needs one permission; the records are never added, edited or deleted from here."""

    def __init__(self, model, permission: str):
        super().__init__(model)
        self.permission = permission

    def user_has_permission(self, user, action):
        return allowed(user, self.permission)

    def user_has_any_permission(self, user, actions):
        return allowed(user, self.permission)


grading_policy = OnePermissionPolicy(AttemptItem, GRADE)
history_policy = OnePermissionPolicy(ReviewEvent, GRADE)
statistics_policy = OnePermissionPolicy(Assessment, STATISTICS)
confirmation_policy = OnePermissionPolicy(Confirmation, CONFIRM)


def _name(user) -> str:
    return user.get_full_name() if user else _("(deleted account)")


def _percent(credit) -> str:
    """A credit 0..1 as a percentage with at most one decimal, written the local way (87,5)."""
    value = (Decimal(credit) * 100).quantize(Decimal("0.1"))
    return number_format(value.normalize() if value != value.to_integral() else value.to_integral(), use_l10n=True)


def _hhmm(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i")


def _learner(row: AttemptItem) -> str:
    profile = getattr(row.attempt.user, "learner_profile", None)
    if profile is None:
        return _name(row.attempt.user)
    return f"{profile.full_name} · {profile.ward.name}" if profile.ward_id else profile.full_name


def state_text(state: queue.ReviewState) -> str:
    stage = {
        queue.Stage.FIRST: "",
        queue.Stage.SECOND: _("needs second marking"),
        queue.Stage.AGREED: _("needs an agreed mark"),
    }[state.stage]
    if state.held_by_viewer:
        held = _("held by you until %(time)s") % {"time": _hhmm(state.until)}
    elif state.holder is not None:
        held = _("held by %(name)s until %(time)s") % {"name": _name(state.holder), "time": _hhmm(state.until)}
    else:
        held = _("free")
    return f"{held} · {stage}" if stage else held


# --- the queue ----------------------------------------------------------------------------------------------------


class StateColumn(BaseColumn):
    """Who holds the answer until when, which marking it waits for, and the button to claim or release it."""

    cell_template_name = f"{TEMPLATES}/state_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        state = queue.review_state(instance, viewer=request.user)
        context.update(
            state=state,
            text=state_text(state),
            csrf_token=get_token(request),
            claim_url=reverse(f"{NS}:claim", args=[instance.pk]),
            release_url=reverse(f"{NS}:release", args=[instance.pk]),
            grade_url=reverse(f"{NS}:grade", args=[instance.pk]),
            question=instance.item.title,
        )
        return context


class QueueView(StableOrdering, IndexView):
    model = AttemptItem
    permission_policy = grading_policy
    filterset_class = QueueFilterSet
    paginate_by = 50
    page_title = gettext_lazy("Answers to grade")
    header_icon = "tasks"
    default_ordering = "attempt__submitted_at"
    index_url_name = f"{NS}:queue"
    index_results_url_name = f"{NS}:queue_results"
    verbose_name = gettext_lazy("answer")
    verbose_name_plural = gettext_lazy("answers waiting")

    def get_base_queryset(self):
        return queue.waiting_answers()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "question",
                label=_("Question"),
                accessor="item.title",
                get_url=lambda row: reverse(f"{NS}:grade", args=[row.pk]),
            ),
            Column(
                "assessment",
                label=_("Assessment"),
                accessor="attempt.assessment.title",
                sort_key="attempt__assessment__title",
            ),
            Column("learner", label=_("Learner (ward)"), accessor=_learner),
            DateColumn(
                "submitted", label=_("Submitted"), accessor="attempt.submitted_at", sort_key="attempt__submitted_at"
            ),
            StateColumn("state", label=_("State")),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Answers waiting for an examiner")}

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Record of decisions"), url=reverse(f"{NS}:history"), icon_name="history")]


class ClaimView(PermissionCheckedMixin, View):
    """Take an answer for grading (POST). Another examiner's lease is refused until it runs out."""

    http_method_names = ["post"]
    permission_policy = grading_policy
    permission_required = "grade"

    def post(self, request, pk):
        row = queue.waiting_answers().filter(pk=pk).first()
        if row is not None and not queue.review_state(row, viewer=request.user).viewer_may_mark:
            messages.error(request, AttemptError("same_examiner").message)
            return redirect(f"{NS}:queue")
        try:
            won = services.claim(attempt_item_id=pk, examiner=request.user)
        except AttemptError as refusal:
            messages.error(request, refusal.message)
            return redirect(f"{NS}:queue")
        if won:
            until = AttemptItem.objects.filter(pk=pk).values_list("claim_expires_at", flat=True).first()
            messages.success(request, _("The answer is yours to grade until %(time)s.") % {"time": _hhmm(until)})
            return redirect(f"{NS}:grade", pk)
        row = queue.waiting_answers().filter(pk=pk).first()
        state = queue.review_state(row, viewer=request.user) if row else None
        if state is not None and state.holder is not None:
            messages.error(
                request,
                _("%(name)s is grading this answer until %(time)s. Choose another answer.")
                % {"name": _name(state.holder), "time": _hhmm(state.until)},
            )
        else:
            messages.error(request, AttemptError("not_reviewable").message)
        return redirect(f"{NS}:queue")


class ReleaseView(PermissionCheckedMixin, View):
    """Give an answer back to the queue without grading it (POST)."""

    http_method_names = ["post"]
    permission_policy = grading_policy
    permission_required = "grade"

    def post(self, request, pk):
        services.release(attempt_item_id=pk, examiner=request.user)
        messages.success(request, _("The answer is back in the queue for another examiner."))
        return redirect(f"{NS}:queue")


def _file_url(response_file) -> str | None:
    """The learner-side view that serves uploads after checking rights, if that part is installed."""
    for name in ("assessments:response_file", "assessments:file"):
        try:
            return reverse(name, args=[response_file.pk])
        except NoReverseMatch:
            continue
    return None


class GradeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One answer: the question, the learner's answer, the rubric or a percentage, comment and note; its grades
    and the decisions on it. Only the examiner holding the answer can submit; the engine checks that again."""

    permission_policy = grading_policy
    permission_required = "grade"
    template_name = f"{TEMPLATES}/grade.html"
    header_icon = "tasks"

    def get_page_title(self):
        return _("Grade: %(question)s") % {"question": self.row.item.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:queue"), "label": _("Answers to grade")},
            {"url": "", "label": self.row.item.title},
        ]

    @cached_property
    def row(self) -> AttemptItem:
        row = queue.answer_for_grading(self.kwargs["pk"])
        if row is None or row.attempt.status == AttemptStatus.IN_PROGRESS:
            raise Http404  # a draft is the learner's until they hand it in
        return row

    def get_form(self, data=None):
        return GradeForm(data, rubric=self.row.item.rubric)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, pk):
        form = self.get_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("The grade is not saved: correct the marked fields."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            row = services.grade_response(
                attempt_item_id=self.row.pk,
                examiner=request.user,
                rubric_choices=form.rubric_choices() if self.row.item.rubric_id else None,
                credit=form.chosen_credit(),
                comment=form.cleaned_data["comment"].strip(),
                note=form.cleaned_data["note"].strip(),
            )
        except AttemptError as refusal:
            messages.error(request, refusal.message)
            if refusal.code == "same_examiner":
                # the lease would only keep the second examiner away
                services.release(attempt_item_id=self.row.pk, examiner=request.user)
                return redirect(f"{NS}:queue")
            return self.render_to_response(self.get_context_data(form=form))
        if row.reviewed_at is not None:
            messages.success(
                request,
                _("Graded: %(percent)s %%. The learner can see the result and your comment.")
                % {"percent": _percent(row.credit)},
            )
        elif Grade.objects.filter(attempt_item_id=row.pk).count() == 1:
            messages.success(request, _("Saved. The answer now waits for a second examiner."))
        else:
            messages.warning(request, _("Saved. The two marks are far apart: the answer now needs an agreed mark."))
        return redirect(f"{NS}:queue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        row = self.row
        user = self.request.user
        grades = list(row.grades.all())
        waiting = queue.is_waiting(row)
        first = grades[0].examiner_id if grades else None
        state = (
            queue.review_state(row, viewer=user, grade_count=len(grades), first_examiner_id=first) if waiting else None
        )
        marked_by_viewer = any(grade.examiner_id == user.pk for grade in grades)
        # A second marking is blind: the first examiner's mark stays hidden until the second is given.
        blind = bool(state and state.stage == queue.Stage.SECOND and not marked_by_viewer)
        response = row.response or {}
        uploaded = response.get("file") if isinstance(response.get("file"), dict) else None
        context.update(
            row=row,
            attempt=row.attempt,
            learner=_learner(row),
            stem=row.version.stem,
            answer_text=response.get("text", "") if isinstance(response, dict) else "",
            uploaded=uploaded,
            files=[(f, _file_url(f)) for f in row.files.all()],
            waiting=waiting,
            state=state,
            state_text=state_text(state) if state else "",
            can_grade=bool(state and state.held_by_viewer),
            can_claim=bool(state and state.free and state.viewer_may_mark),
            blind=blind,
            grades=[] if blind else [_grade_row(grade, row) for grade in grades],
            hidden_grades=len(grades) if blind else 0,
            events=list(queue.events_of_answer(row)),
            credit_percent=_percent(row.credit) if row.credit is not None else None,
            claim_url=reverse(f"{NS}:claim", args=[row.pk]),
            release_url=reverse(f"{NS}:release", args=[row.pk]),
        )
        return context


def _grade_row(grade: Grade, row: AttemptItem) -> dict:
    """A grade as the answer page lists it: marking, examiner, percentage, and the level chosen per criterion."""
    levels = []
    if grade.rubric_choices and row.item.rubric_id:
        for criterion in row.item.rubric.criteria.all():
            chosen = str(grade.rubric_choices.get(str(criterion.pk), ""))
            for level in criterion.levels.all():
                if str(level.pk) == chosen:
                    levels.append((criterion.title, GradeForm.level_label(level)))
    return {
        "marking": grade.get_marking_display(),
        "examiner": _name(grade.examiner),
        "percent": _percent(grade.credit),
        "levels": levels,
        "comment": grade.comment_to_learner,
        "note": grade.note_for_staff,
        "at": grade.created_at,
    }


# --- the record of decisions ----------------------------------------------------------------------------------------


class SubjectColumn(BaseColumn):
    """What a decision was about: an answer (with a link to it) or a learner's confirmation."""

    cell_template_name = f"{TEMPLATES}/subject_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.attempt_item_id:
            row = instance.attempt_item
            context["url"] = reverse(f"{NS}:grade", args=[row.pk])
            context["text"] = f"{row.item.title} · {row.attempt.assessment.title}"
        elif instance.confirmation_id:
            context["text"] = _name(instance.confirmation.user)
        elif instance.item_version_id:
            context["text"] = str(instance.item_version)
        return context


def _detail(event: ReviewEvent) -> str:
    detail = event.detail or {}
    parts = []
    if "marking" in detail:
        parts.append(str(Grade.Marking(detail["marking"]).label))
    if detail.get("credit") not in (None, ""):
        parts.append(f"{_percent(Decimal(detail['credit']))} %")
    for key in ("reason", "observed_task", "note"):
        if detail.get(key):
            parts.append(str(detail[key])[:200])
    return " · ".join(parts)


class HistoryView(StableOrdering, IndexView):
    model = ReviewEvent
    permission_policy = history_policy
    filterset_class = HistoryFilterSet
    paginate_by = 50
    page_title = gettext_lazy("Record of decisions")
    header_icon = "history"
    default_ordering = "-at"
    index_url_name = f"{NS}:history"
    index_results_url_name = f"{NS}:history_results"
    verbose_name = gettext_lazy("decision")
    verbose_name_plural = gettext_lazy("decisions")

    def get_base_queryset(self):
        return queue.review_events()

    tie_break = "-pk"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:queue"), "label": _("Answers to grade")},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def columns(self):
        return [
            DateColumn("at", label=_("When"), sort_key="at"),
            Column("action", label=_("Decision"), accessor="get_action_display"),
            Column("actor", label=_("Who"), accessor=lambda event: _name(event.actor)),
            SubjectColumn("subject", label=_("About")),
            Column("detail", label=_("Detail"), accessor=_detail),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Record of decisions")}


# --- item statistics ----------------------------------------------------------------------------------------------


class StatisticsIndexView(StableOrdering, IndexView):
    model = Assessment
    permission_policy = statistics_policy
    paginate_by = 50
    page_title = gettext_lazy("Item statistics")
    header_icon = "table"
    default_ordering = "title"
    index_url_name = f"{NS}:statistics"
    index_results_url_name = f"{NS}:statistics_results"
    verbose_name = gettext_lazy("assessment")
    verbose_name_plural = gettext_lazy("assessments")

    def get_base_queryset(self):
        return queue.assessments_with_statistics()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Assessment"),
                sort_key="title",
                get_url=lambda assessment: reverse(f"{NS}:assessment_statistics", args=[assessment.pk]),
            ),
            Column("graded_attempts", label=_("Graded attempts"), sort_key="graded_attempts"),
        ]


class StatisticsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = statistics_policy
    permission_required = "view"
    template_name = f"{TEMPLATES}/statistics.html"
    header_icon = "table"

    @cached_property
    def assessment(self):
        return get_object_or_404(Assessment, pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Item statistics: %(assessment)s") % {"assessment": self.assessment.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:statistics"), "label": _("Item statistics")},
            {"url": "", "label": self.assessment.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = queue.assessment_statistics(self.assessment)
        context["limit"] = queue.STATISTICS_ATTEMPTS
        return context


# --- confirmations ------------------------------------------------------------------------------------------------


def may_confirm(user) -> bool:
    """The engine lets examiners (and superusers) confirm and observe; ward administrators may only revoke."""
    return allowed(user, CONFIRM) and queue.may_see_every_learner(user)


class ConfirmationActionsColumn(BaseColumn):
    cell_template_name = f"{TEMPLATES}/revoke_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["active"] = instance.revoked_at is None
        context["revoke_url"] = reverse(f"{NS}:revoke", args=[instance.pk])
        context["learner"] = _name(instance.user)
        return context


def _confirmation_status(confirmation: Confirmation) -> str:
    if confirmation.revoked_at is None:
        return _("in force")
    return _("revoked on %(date)s by %(name)s: %(reason)s") % {
        "date": date_format(timezone.localtime(confirmation.revoked_at), "d/m/Y"),
        "name": _name(confirmation.revoked_by),
        "reason": confirmation.revoke_reason,
    }


def _confirmation_how(confirmation: Confirmation) -> str:
    how = confirmation.get_method_display()
    if confirmation.confirmed_by_id:
        how = f"{how} ({_name(confirmation.confirmed_by)})"
    if confirmation.rule_id:
        how = (
            f"{how} · {confirmation.rule_snapshot.get('title') or confirmation.rule.title} v{confirmation.rule_version}"
        )
    if confirmation.observed_task:
        how = f"{how} · {confirmation.observed_task[:160]}"
    return how


class ConfirmationIndexView(StableOrdering, IndexView):
    model = Confirmation
    permission_policy = confirmation_policy
    filterset_class = ConfirmationFilterSet
    paginate_by = 50
    page_title = gettext_lazy("Confirmations of digital skills")
    header_icon = "success"
    default_ordering = "-confirmed_at"
    index_url_name = f"{NS}:confirmations"
    index_results_url_name = f"{NS}:confirmations_results"
    verbose_name = gettext_lazy("confirmation")
    verbose_name_plural = gettext_lazy("confirmations")

    def get_base_queryset(self):
        return queue.confirmations_visible_to(self.request.user)

    tie_break = "-pk"

    @cached_property
    def columns(self):
        return [
            Column("learner", label=_("Learner"), accessor=lambda c: _name(c.user)),
            Column(
                "ward",
                label=_("Ward"),
                accessor=lambda c: (
                    c.user.learner_profile.ward.name
                    if getattr(c.user, "learner_profile", None) and c.user.learner_profile.ward_id
                    else ""
                ),
            ),
            Column("target_group", label=_("Target group"), accessor="get_target_group_display"),
            Column("how", label=_("How"), accessor=_confirmation_how),
            DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
            Column("status", label=_("Status"), accessor=_confirmation_status),
            ConfirmationActionsColumn("actions", label=_("Actions")),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Confirmations of digital skills")}

    @cached_property
    def header_buttons(self):
        if not may_confirm(self.request.user):
            return []
        return [
            HeaderButton(_("Confirm a learner"), url=reverse(f"{NS}:confirm"), icon_name="success"),
            HeaderButton(_("Record an observed task"), url=reverse(f"{NS}:observe"), icon_name="view"),
        ]


class _LearnerFormView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A search for the learner (GET ?q=), then the form (POST) that accepts only a learner `user` may reach."""

    permission_policy = confirmation_policy
    permission_required = "confirm"
    form_class = None
    template_name = f"{TEMPLATES}/learner_form.html"
    header_icon = "success"
    intro = ""
    submit_label = ""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:confirmations"), "label": _("Confirmations of digital skills")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and allowed(request.user, CONFIRM) and not may_confirm(request.user):
            messages.error(request, AttemptError("not_allowed").message)
            return redirect(f"{NS}:confirmations")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        search = LearnerSearchForm(request.GET or None)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        matches = queue.find_learners(request.user, query)
        form = self.form_class(learners=matches, initial={"learner": matches[0].pk} if len(matches) == 1 else {})
        return self.render_to_response(self.get_context_data(search=search, query=query, matches=matches, form=form))

    def post(self, request):
        chosen = request.POST.get("learner", "")
        learners = []
        if chosen.isdigit():
            learners = list(
                queue.learners_for_confirmation(request.user)
                .filter(pk=int(chosen))
                .select_related("learner_profile__ward", "learner_profile__residential_group")
            )
        form = self.form_class(request.POST, learners=learners)
        context = {"search": LearnerSearchForm(), "query": "", "matches": learners, "form": form}
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: correct the marked fields."))
            return self.render_to_response(self.get_context_data(**context))
        try:
            message = self.save(form)
        except AttemptError as refusal:
            messages.error(request, refusal.message)
            return self.render_to_response(self.get_context_data(**context))
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return self.render_to_response(self.get_context_data(**context))
        messages.success(request, message)
        return redirect(f"{NS}:confirmations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(intro=self.intro, submit_label=self.submit_label)
        return context


class ConfirmView(_LearnerFormView):
    form_class = ConfirmForm
    page_title = gettext_lazy("Confirm a learner's digital skills")
    intro = gettext_lazy(
        "Confirm a learner you saw do a practical task (for example in an in-person class). The confirmation "
        "keeps who confirmed, when, the task and the rule's version, and can be revoked with a reason."
    )
    submit_label = gettext_lazy("Confirm")

    def save(self, form) -> str:
        learner = form.cleaned_data["learner"]
        services.confirm_by_examiner(
            examiner=self.request.user,
            user=learner,
            observed_task=form.cleaned_data["observed_task"],
            rule=form.cleaned_data["rule"],
        )
        return _("%(name)s is confirmed.") % {"name": _name(learner)}


class ObservationView(_LearnerFormView):
    form_class = ObservationForm
    page_title = gettext_lazy("Record an observed task")
    header_icon = "view"
    intro = gettext_lazy(
        "Record what you saw a learner do on one component competence. It counts as evidence towards their "
        "level, and they are confirmed automatically when a rule of their group is met."
    )
    submit_label = gettext_lazy("Record")

    def save(self, form) -> str:
        learner = form.cleaned_data["learner"]
        services.record_observation(
            examiner=self.request.user,
            user=learner,
            component=form.cleaned_data["component"],
            level=form.cleaned_data["level"],
            passed=form.cleaned_data["passed"],
            note=form.cleaned_data["note"].strip(),
        )
        return _("The observation of %(name)s is recorded.") % {"name": _name(learner)}


class RevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = confirmation_policy
    permission_required = "revoke"
    template_name = f"{TEMPLATES}/revoke.html"
    page_title = gettext_lazy("Revoke a confirmation")
    header_icon = "warning"

    @cached_property
    def confirmation(self) -> Confirmation:
        return get_object_or_404(queue.confirmations_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:confirmations"), "label": _("Confirmations of digital skills")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=RevokeForm()))

    def post(self, request, pk):
        form = RevokeForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed: give the reason for revoking."))
            return self.render_to_response(self.get_context_data(form=form))
        if self.confirmation.revoked_at is not None:
            messages.warning(request, _("This confirmation was already revoked: nothing changed."))
            return redirect(f"{NS}:confirmations")
        try:
            services.revoke_confirmation(
                confirmation=self.confirmation, by=request.user, reason=form.cleaned_data["reason"]
            )
        except AttemptError as refusal:
            messages.error(request, refusal.message)
            return self.render_to_response(self.get_context_data(form=form))
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request, _("The confirmation of %(name)s is revoked.") % {"name": _name(self.confirmation.user)}
        )
        return redirect(f"{NS}:confirmations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmation = self.confirmation
        context.update(
            confirmation=confirmation,
            learner=_name(confirmation.user),
            how=_confirmation_how(confirmation),
            status=_confirmation_status(confirmation),
        )
        return context

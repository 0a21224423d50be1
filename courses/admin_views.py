"""Enrolments in the Wagtail admin, for ward administrators (and superusers): enrolling a list of learners from
a CSV or .xlsx file, and the enrolments of the learners they may see, with approval of the pending ones.

Everything here needs the permission "hocvuso_courses.manage_enrolments" (granted to the ward administrators'
group by migration 0002) and shows only learners from lms.selectors.learners_visible_to: a ward administrator
their own ward's, a superuser everyone's.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.api import StableOrdering, learner_match, learners_visible_to

from . import bulk_enrolment
from .models import CoursePage, Enrolment
from .services import LearningError, approve_enrolment, bulk_enrol

PERMISSION = "hocvuso_courses.manage_enrolments"


def may_manage_enrolments(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    """The enrolments of the learners `user` may see, with what a listing shows of each in the same query."""
    return Enrolment.objects.filter(user__learner_profile__in=learners_visible_to(user)).select_related(
        "user__learner_profile__residential_group", "course"
    )


class ManageEnrolmentsPolicy(BasePermissionPolicy):
    """One permission for every screen here: seeing the ward's enrolments and changing them go together.
    Enrolments are never added, edited or deleted as records from the admin."""

    def __init__(self):
        super().__init__(Enrolment)

    def user_has_permission(self, user, action):
        return action in {"view", "manage"} and may_manage_enrolments(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


policy = ManageEnrolmentsPolicy()


# --- the list of enrolments ----------------------------------------------------------------------------------


class EnrolmentFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"), queryset=lambda request: CoursePage.objects.order_by("title")
    )
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Enrolment.Status.choices)

    class Meta:
        model = Enrolment
        fields = ["course", "status"]


class ApproveColumn(BaseColumn):
    """An "Approve" button (a POST form) on the rows waiting for approval."""

    cell_template_name = "courses/admin/approve_cell.html"

    def __init__(self, name, *, url_name: str, next_url: str, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.next_url = next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["pending"] = instance.status == Enrolment.Status.PENDING
        if context["pending"]:
            context["csrf_token"] = get_token(parent_context["request"])
            context["approve_url"] = reverse(self.url_name, args=[quote(instance.pk)])
            context["next_url"] = self.next_url
            context["learner"] = instance.user.learner_profile.full_name
        return context


def _contact(enrolment: Enrolment) -> str:
    return enrolment.user.email or enrolment.user.phone


class EnrolmentIndexView(StableOrdering, IndexView):
    model = Enrolment
    permission_policy = policy
    filterset_class = EnrolmentFilterSet
    search_fields = ["user__learner_profile__full_name_folded"]  # searched by search_queryset below
    search_backend_name = None
    default_ordering = "-created_at"
    paginate_by = 20
    page_title = gettext_lazy("Enrolments")
    header_icon = "list-ul"
    approve_url_name = None
    upload_url_name = None

    def get_base_queryset(self):
        return enrolments_visible_to(self.request.user)

    def search_queryset(self, queryset):
        """A name typed with or without diacritics, or an exact phone number or email."""
        if not self.is_searching:
            return queryset
        return queryset.filter(learner_match(self.search_query, profile="user__learner_profile__"))

    tie_break = "-pk"

    @cached_property
    def columns(self):
        query = self.request.GET.copy()
        for key in ("_w_filter_fragment", self.page_kwarg):
            query.pop(key, None)
        next_url = self.index_url + (f"?{query.urlencode()}" if query else "")
        return [
            Column(
                "learner",
                label=_("Learner"),
                accessor="user.learner_profile.full_name",
                sort_key="user__learner_profile__full_name_folded",
            ),
            Column("contact", label=_("Email or phone"), accessor=_contact),
            Column(
                "residential_group",
                label=_("Residential group"),
                accessor="user.learner_profile.residential_group.name",
            ),
            Column("course", label=_("Course"), accessor="course.title", sort_key="course__title"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            Column("source", label=_("How"), accessor="get_source_display"),
            DateColumn("created_at", label=_("Enrolled on"), sort_key="created_at"),
            ApproveColumn("approve", label=_("Approval"), url_name=self.approve_url_name, next_url=next_url),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Enrolments")}

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Enrol learners from a file"), url=reverse(self.upload_url_name), icon_name="upload")]


class ApproveEnrolmentView(PermissionCheckedMixin, View):
    """Approve one enrolment waiting for approval (POST only, with the CSRF token)."""

    http_method_names = ["post"]
    permission_policy = policy
    permission_required = "manage"
    index_url_name = None

    def post(self, request, pk):
        enrolment = get_object_or_404(enrolments_visible_to(request.user), pk=pk)
        name = enrolment.user.learner_profile.full_name
        if enrolment.status == Enrolment.Status.PENDING:
            approve_enrolment(enrolment=enrolment, by=request.user)
            messages.success(
                request, _("%(name)s can now study “%(course)s”.") % {"name": name, "course": enrolment.course.title}
            )
        else:
            messages.warning(
                request,
                _("%(name)s was not waiting for approval in “%(course)s”: nothing changed.")
                % {"name": name, "course": enrolment.course.title},
            )
        return redirect(get_valid_next_url_from_request(request) or reverse(self.index_url_name))


# --- enrolling from a file ----------------------------------------------------------------------------------


class BulkEnrolmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"), queryset=CoursePage.objects.none(), empty_label=gettext_lazy("Choose a course")
    )
    file = forms.FileField(
        label=gettext_lazy("List of learners"),
        widget=forms.FileInput(
            attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["file"].help_text = _(
            "A CSV (UTF-8) or Excel .xlsx file of at most %(megabytes)s MB and %(rows)s learners. Its first row holds "
            "the column headings of the template: “%(identifier)s” and, to check each person, “%(name)s”."
        ) % {
            "megabytes": bulk_enrolment.MAX_BYTES // (1024 * 1024),
            "rows": bulk_enrolment.MAX_ROWS,
            "identifier": bulk_enrolment.IDENTIFIER_HEADER,
            "name": bulk_enrolment.NAME_HEADER,
        }


class BulkEnrolmentView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a list; the answer is the report: every wrong row (and nobody enrolled), or how many were."""

    permission_policy = policy
    permission_required = "manage"
    form_class = BulkEnrolmentForm
    template_name = "courses/admin/bulk_enrolment.html"
    page_title = gettext_lazy("Enrol learners from a file")
    header_icon = "upload"
    template_url_name = None
    enrolments_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.enrolments_url_name), "label": _("Enrolments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        course = self.request.GET.get("course", "")
        return {"course": course} if course.isdigit() else {}

    def form_valid(self, form):
        course = form.cleaned_data["course"]
        try:
            report = bulk_enrol(by=self.request.user, course=course, file=form.cleaned_data["file"])
        except (bulk_enrolment.EnrolmentFileError, LearningError) as refusal:
            form.add_error("file", str(refusal))
            return self.form_invalid(form)
        listed = reverse(self.enrolments_url_name) + f"?course={course.pk}"
        return self.render_to_response(
            self.get_context_data(form=self.form_class(initial={"course": course.pk}), report=report, listed=listed)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_csv_url"] = reverse(self.template_url_name, args=["csv"])
        context["template_xlsx_url"] = reverse(self.template_url_name, args=["xlsx"])
        return context


class EnrolmentTemplateView(PermissionCheckedMixin, View):
    """The file to fill in, with the header row only."""

    permission_policy = policy
    permission_required = "manage"

    def get(self, request, kind):
        if kind not in {"csv", "xlsx"}:
            raise Http404
        if kind == "xlsx":
            response = HttpResponse(
                bulk_enrolment.template_xlsx(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            response = HttpResponse(bulk_enrolment.template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mau-ghi-danh.{kind}"'
        return response

"""The "Learning" menu of the Wagtail admin: enrolling learners from a file and the list of enrolments, shown only
to those who may manage enrolments (ward administrators for their own ward, superusers)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from .admin_views import (
    ApproveEnrolmentView,
    BulkEnrolmentView,
    EnrolmentIndexView,
    EnrolmentTemplateView,
    may_manage_enrolments,
)

ENROLMENTS = "hocvuso_enrolments"
BULK_ENROLMENT = "hocvuso_bulk_enrolment"


class EnrolmentMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_enrolments(request.user)


class EnrolmentViewSet(ViewSet):
    name = ENROLMENTS
    url_prefix = "ghi-danh"
    icon = "list-ul"
    menu_label = _("Enrolments")
    menu_item_class = EnrolmentMenuItem

    def get_urlpatterns(self):
        common = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "approve_url_name": self.get_url_name("approve"),
            "upload_url_name": f"{BULK_ENROLMENT}:upload",
        }
        return [
            path("", EnrolmentIndexView.as_view(**common), name="index"),
            path("ket-qua/", EnrolmentIndexView.as_view(results_only=True, **common), name="index_results"),
            path(
                "<int:pk>/duyet/",
                ApproveEnrolmentView.as_view(index_url_name=self.get_url_name("index")),
                name="approve",
            ),
        ]


class BulkEnrolmentViewSet(ViewSet):
    name = BULK_ENROLMENT
    url_prefix = "ghi-danh-tu-tep"
    icon = "upload"
    menu_label = _("Enrol learners")
    menu_item_class = EnrolmentMenuItem

    def get_urlpatterns(self):
        return [
            path(
                "",
                BulkEnrolmentView.as_view(
                    template_url_name=self.get_url_name("template"), enrolments_url_name=f"{ENROLMENTS}:index"
                ),
                name="upload",
            ),
            path("mau.<str:kind>", EnrolmentTemplateView.as_view(), name="template"),
        ]


class LearningViewSetGroup(ViewSetGroup):
    menu_label = _("Learning")
    menu_icon = "tasks"
    menu_order = 240
    items = (BulkEnrolmentViewSet, EnrolmentViewSet)


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return LearningViewSetGroup()

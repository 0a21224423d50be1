"""Examiners: the review queue, grading with rubrics, item statistics, confirmations.

Admin addresses (under /quan-tri/): cham-bai/ (queue, an answer, claim, release, record of decisions),
thong-ke-cau-hoi/ (item statistics), xac-nhan-ky-nang/ (confirmations). Each menu item shows only to those who
hold its permission (superusers hold them all)."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import review_views as views

NS = views.NS


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return views.allowed(request.user, self.permission)


def _urls():
    return [
        path("cham-bai/", views.QueueView.as_view(), name="queue"),
        path("cham-bai/ket-qua/", views.QueueView.as_view(results_only=True), name="queue_results"),
        path("cham-bai/<int:pk>/", views.GradeView.as_view(), name="grade"),
        path("cham-bai/<int:pk>/nhan/", views.ClaimView.as_view(), name="claim"),
        path("cham-bai/<int:pk>/tra-lai/", views.ReleaseView.as_view(), name="release"),
        path("cham-bai/lich-su/", views.HistoryView.as_view(), name="history"),
        path("cham-bai/lich-su/ket-qua/", views.HistoryView.as_view(results_only=True), name="history_results"),
        path("thong-ke-cau-hoi/", views.StatisticsIndexView.as_view(), name="statistics"),
        path(
            "thong-ke-cau-hoi/ket-qua/",
            views.StatisticsIndexView.as_view(results_only=True),
            name="statistics_results",
        ),
        path("thong-ke-cau-hoi/<int:pk>/", views.StatisticsView.as_view(), name="assessment_statistics"),
        path("xac-nhan-ky-nang/", views.ConfirmationIndexView.as_view(), name="confirmations"),
        path(
            "xac-nhan-ky-nang/ket-qua/",
            views.ConfirmationIndexView.as_view(results_only=True),
            name="confirmations_results",
        ),
        path("xac-nhan-ky-nang/xac-nhan/", views.ConfirmView.as_view(), name="confirm"),
        path("xac-nhan-ky-nang/quan-sat/", views.ObservationView.as_view(), name="observe"),
        path("xac-nhan-ky-nang/<int:pk>/thu-hoi/", views.RevokeView.as_view(), name="revoke"),
    ]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("", include((_urls(), NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return PermissionMenuItem(
        _("Grading"),
        reverse_lazy(f"{NS}:queue"),
        name="hocvuso-grading",
        icon_name="tasks",
        order=250,
        permission=views.GRADE,
    )


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return PermissionMenuItem(
        _("Item statistics"),
        reverse_lazy(f"{NS}:statistics"),
        name="hocvuso-item-statistics",
        icon_name="table",
        order=251,
        permission=views.STATISTICS,
    )


@hooks.register("register_admin_menu_item")
def register_confirmations_menu_item():
    return PermissionMenuItem(
        _("Skills confirmations"),
        reverse_lazy(f"{NS}:confirmations"),
        name="hocvuso-confirmations",
        icon_name="success",
        order=252,
        permission=views.CONFIRM,
    )

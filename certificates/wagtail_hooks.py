# Wagtail discovers hooks in this module only. The certificates' staff screens: achievements (a ModelViewSet)
# and the register of issued certificates (list, one certificate, revoke, re-issue, PDF, XLSX export), grouped
# under one "Certificates" menu.
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .staff import selectors
from .staff import views as staff_views
from .staff.viewsets import achievement_viewset

NS = staff_views.NS


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.may_manage(request.user)


class AchievementsMenuItem(MenuItem):
    def is_shown(self, request):
        return achievement_viewset.permission_policy.user_has_any_permission(request.user, ["add", "change"])


def _urls():
    views = staff_views
    return [
        path("chung-nhan/", views.CredentialIndexView.as_view(), name="index"),
        path("chung-nhan/ket-qua/", views.CredentialIndexView.as_view(results_only=True), name="index_results"),
        path("chung-nhan/xuat-xlsx/", views.ExportView.as_view(), name="export"),
        path("chung-nhan/<int:pk>/", views.CredentialDetailView.as_view(), name="detail"),
        path("chung-nhan/<int:pk>/pdf/", views.CredentialPdfView.as_view(), name="pdf"),
        path("chung-nhan/<int:pk>/thu-hoi/", views.RevokeView.as_view(), name="revoke"),
        path("chung-nhan/<int:pk>/cap-lai/", views.ReissueView.as_view(), name="reissue"),
    ]


@hooks.register("register_admin_viewset")
def register_achievement_viewset():
    return achievement_viewset


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [path("", include((_urls(), NS), namespace=NS))]


@hooks.register("register_admin_menu_item")
def register_certificates_menu():
    menu = Menu(
        items=[
            RegisterMenuItem(
                _("Issued certificates"),
                reverse_lazy(f"{NS}:index"),
                name="hocvuso-issued-certificates",
                icon_name="doc-full",
                order=10,
            ),
            AchievementsMenuItem(
                _("Achievements"),
                reverse_lazy(f"{achievement_viewset.name}:index"),
                name="hocvuso-achievements",
                icon_name="pick",
                order=20,
            ),
        ]
    )
    return SubmenuMenuItem(_("Certificates"), menu, name="hocvuso-certificates", icon_name="doc-full", order=260)

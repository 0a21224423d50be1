"""The holder's pages, mounted at the site root by lms/urls.py: `path("", include("certificates.urls_holder"))`.

Importing this module also puts "My certificates" in the account menu: the link is there exactly when its
address is (the account menu reverses every link it shows)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from lms.navigation import register_account_link

from . import views_holder as views

app_name = "certificates_holder"

urlpatterns = [
    path("chung-nhan-cua-toi/", views.mine, name="mine"),
    path("chung-nhan-cua-toi/<str:serial>/pdf/", views.download_pdf, name="pdf"),
    path("chung-nhan-cua-toi/<str:serial>/json/", views.download_json, name="json"),
    path("chung-nhan-cua-toi/<str:serial>/jwt/", views.download_jwt, name="jwt"),
]

register_account_link(label=_("My certificates"), url_name=f"{app_name}:mine", order=30)

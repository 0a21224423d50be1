from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    label = "hocvuso_certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # privacy registers the holder's part of the personal-data download, and what erasure keeps
        from . import privacy, signals  # noqa: F401

        signals.connect()

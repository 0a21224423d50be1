from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "hocvuso_lms"
    verbose_name = _("Learners and roles")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    label = "hocvuso_assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

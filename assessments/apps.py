from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    label = "hocvuso_assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.navigation import register_account_link

        from . import privacy  # noqa: F401 -- registers the learner's part of the personal-data download

        register_account_link(label=_("My digital competence"), url_name="assessments:competence", order=20)

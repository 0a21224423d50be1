from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "hocvuso_courses"
    verbose_name = _("Courses and learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.navigation import register_account_link
        from media.access import register_play_check

        from . import assessment_links, signals
        from .selectors import user_may_play

        signals.connect()
        assessment_links.connect()
        register_play_check(user_may_play)
        register_account_link(label=_("My learning"), url_name="courses:my_learning", order=10)

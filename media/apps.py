from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    label = "hocvuso_media"
    verbose_name = _("Learning media")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "hocvuso_lms"
    verbose_name = _("Learners and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .backends import forget_cached_user
        from .models import User

        post_save.connect(forget_cached_user, sender=User, dispatch_uid="hocvuso-forget-cached-user-save")
        post_delete.connect(forget_cached_user, sender=User, dispatch_uid="hocvuso-forget-cached-user-delete")

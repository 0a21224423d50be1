from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def private_storage():
    # H5P packages are served only through a view that checks the viewer's right, never from MEDIA_URL
    return storages["private"]


class H5PPackage(models.Model):
    """An accepted .h5p package, stored once per content hash; its files are read from the zip when served."""

    sha256 = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    h5p_json = models.JSONField(_("package description"), editable=False)
    size_bytes = models.BigIntegerField(_("size unpacked"), editable=False)
    file = models.FileField(_("package file"), storage=private_storage, upload_to="h5p/", editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")

    def __str__(self):
        return self.title

"""Choosers for StreamField blocks: learning files kept in django-filer, and accepted H5P packages.

Other apps build lesson blocks from these (`FilerFileChooserBlock`, `H5PPackageChooserBlock`); media itself
knows nothing of lessons. Registered with the Wagtail admin in media.wagtail_hooks.
"""

from django.utils.translation import gettext_lazy as _
from filer.models import File
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import H5PPackage


class FilerFileChooserViewSet(ChooserViewSet):
    model = File
    icon = "doc-full"
    choose_one_text = _("Choose a file")
    choose_another_text = _("Choose another file")
    edit_item_text = _("Edit file")
    per_page = 20
    # django-filer keeps the editors' folders; this chooser only picks what is already there


class H5PPackageChooserViewSet(ChooserViewSet):
    model = H5PPackage
    icon = "media"
    choose_one_text = _("Choose an H5P activity")
    choose_another_text = _("Choose another H5P activity")
    edit_item_text = _("Edit H5P activity")
    per_page = 20


filer_file_chooser_viewset = FilerFileChooserViewSet("hocvuso_filer_file_chooser", url_prefix="filer-file-chooser")
h5p_chooser_viewset = H5PPackageChooserViewSet("hocvuso_h5p_chooser", url_prefix="h5p-chooser")

FilerFileChooserBlock = filer_file_chooser_viewset.get_block_class(
    name="FilerFileChooserBlock", module_path="media.choosers"
)
H5PPackageChooserBlock = h5p_chooser_viewset.get_block_class(
    name="H5PPackageChooserBlock", module_path="media.choosers"
)

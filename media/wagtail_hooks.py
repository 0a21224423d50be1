from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import PreviewViewSetMixin
from .forms import H5PPackageForm
from .models import H5PPackage


class H5PPackageViewSet(PreviewViewSetMixin, ModelViewSet):
    model = H5PPackage
    icon = "media"
    menu_label = _("H5P activities")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "h5p"
    list_display = ["title", "main_library", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("upload")], base_form_class=H5PPackageForm)


@hooks.register("register_admin_viewset")
def register_h5p_viewset():
    return H5PPackageViewSet("hocvuso_h5p")


@hooks.register("register_admin_viewset")
def register_choosers():
    from .choosers import filer_file_chooser_viewset, h5p_chooser_viewset

    return [filer_file_chooser_viewset, h5p_chooser_viewset]

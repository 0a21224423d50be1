"""The Wagtail admin's "Try out" page of an H5P activity: the package played in the same sandboxed frame as on a
lesson page (a play token minted for the staff member), with the xAPI statements it sends listed under it."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.widgets.button import HeaderButton

from .api import player_url

TRY_OUT = gettext_lazy("Try out")


class H5PPreviewView(InspectView):
    permission_required = "change"  # the same people who may change packages; staff who may not get a 403
    any_permission_required = None
    page_title = TRY_OUT
    template_name = "media/admin/h5p_preview.html"
    fields = ["title"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["player_src"] = player_url(user=self.request.user, package=self.object)
        context["frame_title"] = gettext("H5P activity: %(title)s") % {"title": self.object.title}
        return context


class H5PPackageIndexView(IndexView):
    preview_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.preview_url_name and self.user_has_permission("change"):
            url = reverse(self.preview_url_name, args=(quote(instance.pk),))
            buttons.append(MenuItem(TRY_OUT, url=url, icon_name="view", priority=15))
        return buttons


class H5PPackageEditView(EditView):
    preview_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.preview_url_name:
            url = reverse(self.preview_url_name, args=(quote(self.object.pk),))
            buttons.append(HeaderButton(TRY_OUT, url=url, icon_name="view"))
        return buttons


class PreviewViewSetMixin:
    """For the ModelViewSet of H5P packages: the "Try out" view, linked from the list and the edit page."""

    index_view_class = H5PPackageIndexView
    edit_view_class = H5PPackageEditView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(preview_url_name=self.get_url_name("preview"), **kwargs)

    @property
    def preview_view(self):
        return self.construct_view(H5PPreviewView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"preview/<{self.pk_path_converter}:pk>/", self.preview_view, name="preview"),
        ]

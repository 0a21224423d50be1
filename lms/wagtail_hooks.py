"""The learner list in the Wagtail admin: a ward administrator sees the learners of their own ward only."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import LearnerProfile
from .selectors import learners_visible_to, search_learners


class LearnerPermissionPolicy(ModelPermissionPolicy):
    """Accounts are created by sign-up or a ward import, and erased through the data-protection process,
    never added or deleted from this list."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete", "copy"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(LearnerProfile, LearnerPermissionPolicy(LearnerProfile), exact_class=True)


class LearnerIndexView(IndexView):
    def get_base_queryset(self):
        return learners_visible_to(self.request.user)

    def search_queryset(self, queryset):
        return search_learners(queryset, self.search_query) if self.is_searching else queryset


class LearnerInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(learners_visible_to(self.request.user), pk=self.pk)


class LearnerEditView(EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(learners_visible_to(self.request.user), pk=self.kwargs[self.pk_url_kwarg])


_PERSON_FIELDS = ["full_name", "date_of_birth", "target_group", "ward", "residential_group", "organisation"]


class LearnerViewSet(ModelViewSet):
    model = LearnerProfile
    icon = "group"
    menu_label = _("Learners")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "hoc-vien"
    index_view_class = LearnerIndexView
    inspect_view_class = LearnerInspectView
    edit_view_class = LearnerEditView
    inspect_view_enabled = True
    list_display = ["full_name", "target_group", "residential_group", "organisation"]
    list_filter = ["target_group", "residential_group"]
    search_fields = ["full_name"]
    search_backend_name = None
    inspect_view_fields = [*_PERSON_FIELDS, "created_at"]
    form_fields = [*_PERSON_FIELDS, "preferred_text_size"]


@hooks.register("register_admin_viewset")
def register_learner_viewset():
    return LearnerViewSet("hocvuso_learners")

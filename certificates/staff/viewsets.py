"""Achievements in the Wagtail admin: what can be certified and the words printed and signed for it.

Kept by whoever holds the model's add/change permissions (superusers; the lead grants them to a role by
migration). An achievement with certificates issued cannot be deleted (PROTECT): make it inactive instead."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Achievement


class AchievementViewSet(ModelViewSet):
    model = Achievement
    icon = "pick"
    menu_label = _("Achievements")
    add_to_admin_menu = False  # grouped under "Certificates" (wagtail_hooks)
    url_prefix = "chung-nhan/thanh-tich"
    name = "hocvuso_achievements"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "kind", "issuer_name", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "issuer_name"]
    search_backend_name = None
    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Choose what is certified: a course, the universal digital skills of a target group, or "
                        "a competence level. Fill in only the field that goes with the kind."
                    )
                ),
                FieldPanel("kind"),
                FieldPanel("course"),
                FieldPanel("target_group"),
                FieldRowPanel([FieldPanel("component"), FieldPanel("level")]),
            ],
            heading=_("What is certified"),
        ),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("wording"), FieldPanel("criteria")],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("issuer_name"),
                FieldPanel("issuer_place"),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_title")]),
                FieldPanel("seal"),
            ],
            heading=_("Issuing ward and signer"),
        ),
        MultiFieldPanel([FieldPanel("validity_months"), FieldPanel("active")], heading=_("Validity")),
    ]


achievement_viewset = AchievementViewSet()

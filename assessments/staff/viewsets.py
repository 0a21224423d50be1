"""The editors' viewsets: the item bank, categories, assessments, rubrics, import and export, frameworks,
component mappings and confirmation rules, grouped under one "Question bank" menu."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Assessment, ComponentMapping, ConfirmationRule, Item, ItemCategory, Rubric
from . import editing_views as views
from .editing_forms import ConfirmationRuleForm

TEMPLATES = "assessments/staff/editing/"


class ItemViewSet(ModelViewSet):
    model = Item
    icon = "help"
    menu_label = _("Questions")
    url_prefix = "cau-hoi"
    index_view_class = views.ItemIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    form_fields = ["title"]  # the question editor is its own view (ItemCreateView, ItemEditView)

    def get_urlpatterns(self):
        kept = [p for p in super().get_urlpatterns() if p.name in {"index", "index_results", "delete", "usage"}]
        return [
            *kept,
            path("new/", views.ItemKindView.as_view(), name="add"),
            path("new/<str:kind>/", views.ItemCreateView.as_view(), name="add_kind"),
            path("edit/<int:pk>/", views.ItemEditView.as_view(), name="edit"),
            path("versions/<int:pk>/", views.ItemVersionsView.as_view(), name="versions"),
            path("archive/<int:pk>/", views.ArchiveItemView.as_view(), name="archive"),
            path("correct-key/<int:pk>/", views.KeyCorrectionView.as_view(), name="correct_key"),
        ]


class ItemChooserViewSet(ChooserViewSet):
    """Picks a question for a fixed form's slot (the admin offers it for every foreign key to Item)."""

    model = Item
    icon = "help"
    choose_one_text = _("Choose a question")
    choose_another_text = _("Choose another question")
    edit_item_text = _("Edit question")
    per_page = 20
    url_filter_parameters = ["category", "kind"]


class ItemCategoryViewSet(ModelViewSet):
    model = ItemCategory
    icon = "folder-open-inverse"
    menu_label = _("Question categories")
    url_prefix = "danh-muc-cau-hoi"
    index_view_class = views.CategoryIndexView
    form_fields = ["name", "parent", "description"]
    copy_view_enabled = False


class AssessmentViewSet(ModelViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    url_prefix = "bai-kiem-tra"
    add_view_class = views.AssessmentCreateView
    edit_view_class = views.AssessmentEditView
    edit_template_name = TEMPLATES + "assessment_edit.html"
    list_display = ["title", "kind", "published", "pass_mark"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "slug"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldPanel("kind"),
                FieldPanel("framework"),
            ],
            heading=_("The assessment"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("time_limit_minutes"), FieldPanel("attempts_allowed"), FieldPanel("pass_mark")]
                ),
                FieldRowPanel([FieldPanel("feedback_policy"), FieldPanel("layout")]),
                FieldRowPanel([FieldPanel("shuffle_items"), FieldPanel("second_marking"), FieldPanel("published")]),
                FieldPanel("closes_at"),
            ],
            heading=_("Settings"),
        ),
        InlinePanel(
            "slots",
            panels=[FieldPanel("item"), FieldPanel("weight")],
            heading=_("Fixed form: the questions, in order"),
            label=_("question"),
        ),
        InlinePanel(
            "blueprint_rules",
            panels=[
                FieldPanel("component"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("count"), FieldPanel("weight")]),
                FieldPanel("category"),
            ],
            heading=_("Blueprint: questions drawn at random for each attempt"),
            label=_("rule"),
        ),
        MultiFieldPanel(
            [FieldPanel("placement_se_target"), FieldPanel("placement_min_items"), FieldPanel("placement_max_items")],
            heading=_("Adaptive placement test"),
            classname="collapsed",
        ),
    ]


class RubricViewSet(ModelViewSet):
    model = Rubric
    icon = "table"
    menu_label = _("Rubrics")
    url_prefix = "thang-diem"
    list_display = ["title"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        InlinePanel(
            "criteria",
            heading=_("Criteria"),
            label=_("criterion"),
            panels=[
                FieldPanel("title"),
                FieldPanel("description"),
                InlinePanel(
                    "levels",
                    heading=_("Levels"),
                    label=_("level"),
                    panels=[FieldRowPanel([FieldPanel("points"), FieldPanel("descriptor")])],
                ),
            ],
        ),
    ]


class ComponentMappingViewSet(ModelViewSet):
    model = ComponentMapping
    icon = "resubmit"
    menu_label = _("Component mappings")
    url_prefix = "doi-chieu-nang-luc"
    form_fields = ["source", "target", "relation", "note"]
    list_display = ["source", "target", "relation", "note"]
    list_filter = ["relation"]
    copy_view_enabled = False
    queryset = ComponentMapping.objects.select_related("source__framework", "target__framework")


class ConfirmationRuleViewSet(ModelViewSet):
    model = ConfirmationRule
    icon = "success"
    menu_label = _("Confirmation rules")
    url_prefix = "quy-tac-xac-nhan"
    index_view_class = views.RuleIndexView
    add_view_class = views.RuleCreateView
    edit_view_class = views.RuleEditView
    create_template_name = TEMPLATES + "rule_form.html"
    edit_template_name = TEMPLATES + "rule_form.html"
    copy_view_enabled = False

    @property
    def list_display(self):
        return ["title", "target_group", "framework", views.RuleStatusColumn(), "version", "active"]

    edit_handler = ObjectList(
        [
            HelpPanel(
                content=_(
                    "A rule is data set by this deployment. Tick “checked against an official text” only when it was, "
                    "and say which text; until then learners and reports see it as not verified."
                )
            ),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("target_group"), FieldPanel("framework")]),
            FieldPanel("assessment"),
            InlinePanel(
                "requirements",
                heading=_("Required components"),
                label=_("component"),
                panels=[FieldRowPanel([FieldPanel("component"), FieldPanel("min_level")])],
            ),
            FieldRowPanel([FieldPanel("automatic"), FieldPanel("active")]),
            MultiFieldPanel([FieldPanel("source_checked"), FieldPanel("source_note")], heading=_("Source")),
        ],
        base_form_class=ConfirmationRuleForm,
    )


class _PolicyMenuItem(MenuItem):
    policy = None
    action = "view"

    def is_shown(self, request):
        return self.policy.user_has_any_permission(request.user, ["add", "change", self.action])


class FrameworkViewSet(ViewSet):
    icon = "list-ul"
    menu_label = _("Competence frameworks")
    url_prefix = "khung-nang-luc"
    menu_item_class = type("FrameworkMenuItem", (_PolicyMenuItem,), {"policy": views.framework_policy})

    def get_urlpatterns(self):
        return [
            path("", views.FrameworkIndexView.as_view(), name="index"),
            path("<int:pk>/", views.FrameworkDetailView.as_view(), name="detail"),
        ]


class ImportViewSet(ViewSet):
    icon = "upload"
    menu_label = _("Import and export")
    url_prefix = "nhap-cau-hoi"
    menu_item_class = type("ImportMenuItem", (_PolicyMenuItem,), {"policy": views.item_policy})

    def get_urlpatterns(self):
        return [
            path("", views.ImportView.as_view(), name="upload"),
            path("xuat/", views.ExportView.as_view(), name="export"),
        ]


item_viewset = ItemViewSet(views.ITEMS)
item_chooser_viewset = ItemChooserViewSet("hocvuso_item_chooser", url_prefix="chon-cau-hoi")
category_viewset = ItemCategoryViewSet(views.CATEGORIES)
assessment_viewset = AssessmentViewSet(views.ASSESSMENTS)
rubric_viewset = RubricViewSet("hocvuso_rubrics")
mapping_viewset = ComponentMappingViewSet("hocvuso_component_mappings")
rule_viewset = ConfirmationRuleViewSet(views.RULES)
framework_viewset = FrameworkViewSet(views.FRAMEWORKS)
import_viewset = ImportViewSet(views.IMPORT)


class QuestionBankGroup(ViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    menu_order = 245
    items = (
        item_viewset,
        category_viewset,
        assessment_viewset,
        rubric_viewset,
        import_viewset,
        framework_viewset,
        mapping_viewset,
        rule_viewset,
    )

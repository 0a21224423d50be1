from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ArticleCategory, FaqEntry, FaqTopic, LibraryDocument


class ArticleCategoryViewSet(SnippetViewSet):
    model = ArticleCategory
    icon = "tag"
    menu_label = _("Article categories")
    list_display = ["name", "slug"]


class FaqTopicViewSet(SnippetViewSet):
    model = FaqTopic
    icon = "folder-inverse"
    menu_label = _("Question topics")
    list_display = ["name", "sort_order"]


class FaqEntryViewSet(SnippetViewSet):
    model = FaqEntry
    icon = "help"
    menu_label = _("Questions and answers")
    list_display = ["question", "topic"]
    list_filter = ["topic"]
    search_fields = ["question"]


class LibraryDocumentViewSet(SnippetViewSet):
    model = LibraryDocument
    icon = "doc-full-inverse"
    menu_label = _("Document library")
    list_display = ["title", "number", "issued_on", "issuer"]
    search_fields = ["title", "number"]


class PortalSnippets(SnippetViewSetGroup):
    items = (ArticleCategoryViewSet, FaqTopicViewSet, FaqEntryViewSet, LibraryDocumentViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Digital learning column")
    menu_name = "binh-dan-hoc-vu-so"
    menu_order = 240


register_snippet(PortalSnippets)

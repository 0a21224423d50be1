"""Reads for the portal column: listings and search. Every function runs a fixed number of queries, whatever
the amount of content."""

import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from courses.api import search_courses
from lms.text import fold

from .models import (
    ArticlePage,
    DocumentLibraryPage,
    EventPage,
    FaqEntry,
    FaqPage,
    GuidePage,
    IndexPage,
    LibraryDocument,
    ListingKind,
    SectionHomePage,
    StoryPage,
)

KIND_MODELS = {
    ListingKind.ARTICLES: ArticlePage,
    ListingKind.EVENTS: EventPage,
    ListingKind.GUIDES: GuidePage,
    ListingKind.STORIES: StoryPage,
}
SEARCH_RESULT_LIMIT = 300
SNIPPET_RADIUS = 90


def _with_images(pages: QuerySet) -> QuerySet:
    """Cards show a featured image: fetch the images and their renditions with the pages, not one by one."""
    return pages.select_related("featured_image").prefetch_related(
        Prefetch("featured_image__renditions", queryset=get_image_model().get_rendition_model().objects.all())
    )


def _restricted_paths() -> list[str]:
    """Tree paths under a view restriction (password, sign-in, groups): read once, applied to every list."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _public(pages: QuerySet, restricted_paths: list[str]) -> QuerySet:
    # what PageQuerySet.public() does, without reading the restrictions again for each list
    for path in restricted_paths:
        pages = pages.exclude(path__startswith=path)
    return pages


def section_home_listings(section: SectionHomePage) -> dict:
    now = timezone.now()
    restricted = _restricted_paths()

    def live(model):
        # cards never show the body: leave the StreamField JSON in the database
        return _with_images(_public(model.objects.live().descendant_of(section), restricted)).defer_streamfields()

    return {
        "latest_articles": list(live(ArticlePage).order_by("-date", "-pk")[:4]),
        "upcoming_events": list(live(EventPage).filter(ends_at__gte=now).order_by("starts_at")[:3]),
        "guides": list(live(GuidePage).order_by("-first_published_at")[:3]),
        "stories": list(live(StoryPage).order_by("-first_published_at")[:2]),
        "indexes": list(_public(IndexPage.objects.live().child_of(section), restricted).order_by("path")),
        "faq_page": _public(FaqPage.objects.live().child_of(section), restricted).first(),
    }


def index_listing(index: IndexPage, *, category_slug: str = "", tag_slug: str = "") -> QuerySet:
    model = KIND_MODELS[index.kind]
    pages = _with_images(model.objects.live().public().child_of(index)).defer_streamfields()
    if model is ArticlePage:
        if category_slug:
            pages = pages.filter(category__slug=category_slug)
        if tag_slug:
            pages = pages.filter(tags__slug=tag_slug)
        return pages.select_related("category").order_by("-date", "-pk")
    if model is EventPage:
        return pages.order_by("-starts_at", "-pk")
    return pages.order_by("-first_published_at", "-pk")


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    kind: str
    snippet: SafeString


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The text folded character by character, and for each folded character where it came from."""
    folded, origin = [], []
    for position, char in enumerate(text):
        for out in fold(char) or (" " if char.isspace() else ""):
            folded.append(out)
            origin.append(position)
    return "".join(folded), origin


def highlight(text: str, query: str, *, radius: int = SNIPPET_RADIUS) -> SafeString:
    """A short excerpt of `text` around the first match, every matched word wrapped in <mark>, whether the
    reader typed the diacritics or not. Everything else is escaped."""
    text = " ".join(unicodedata.normalize("NFC", strip_tags(text or "")).split())
    folded, origin = _folded_with_positions(text)
    spans = []
    for term in set(fold(query).split()):
        start = folded.find(term)
        while start != -1:
            spans.append((origin[start], origin[start + len(term) - 1] + 1))
            start = folded.find(term, start + len(term))
    if not spans:
        excerpt = text[: radius * 2]
        return mark_safe(escape(excerpt) + ("…" if len(text) > len(excerpt) else ""))  # noqa: S308 - escaped
    spans.sort()
    window_start = max(0, spans[0][0] - radius)
    window_end = min(len(text), spans[0][1] + radius)
    pieces, cursor = [], window_start
    for start, end in spans:
        if start < cursor or end > window_end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(text[cursor:window_end]))
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped


_KIND_LABELS = {
    ArticlePage: _("News"),
    EventPage: _("Event"),
    GuidePage: _("Guide"),
    StoryPage: _("Exemplary story"),
}


def search_portal(query: str) -> list[SearchHit]:
    """Articles, events, guides, stories, courses, library documents and questions matching every word of
    `query`, with or without diacritics. Column pages come first (best match first), then courses, documents,
    then questions and answers."""
    folded = fold(query)
    if not folded:
        return []
    page_models = tuple(_KIND_LABELS)
    pages = (
        Page.objects.live().public().type(*page_models).specific().search(folded, operator="and")[:SEARCH_RESULT_LIMIT]
    )
    hits = [
        SearchHit(page.title, page.url, str(_KIND_LABELS[type(page)]), highlight(_page_text(page), query))
        for page in pages
    ]
    hits.extend(
        SearchHit(course.title, course.url, str(_("Course")), highlight(f"{course.summary} {course.outcomes}", query))
        for course in search_courses(query)
    )
    library = DocumentLibraryPage.objects.live().public().exclude(folder=None).first()
    if library is not None:
        documents = get_search_backend().search(folded, LibraryDocument.objects.select_related("file"), operator="and")[
            :SEARCH_RESULT_LIMIT
        ]
        hits.extend(
            SearchHit(
                str(document),
                document.file.url,
                str(_("Document")),
                highlight(f"{document.title}. {document.issuer}. {document.summary}", query),
            )
            for document in documents
        )
    faq_page = FaqPage.objects.live().public().first()
    if faq_page is not None:
        entries = get_search_backend().search(folded, FaqEntry.objects.select_related("topic"), operator="and")[
            :SEARCH_RESULT_LIMIT
        ]
        hits.extend(
            SearchHit(
                entry.question,
                f"{faq_page.url}#hoi-dap-{entry.pk}",
                str(_("Question and answer")),
                highlight(f"{entry.question} {entry.answer}", query),
            )
            for entry in entries
        )
    return hits


def _page_text(page) -> str:
    parts = [page.title, page.summary]
    for name in getattr(page, "search_text_fields", ()):
        value = getattr(page, name, "")
        if hasattr(value, "stream_block"):
            parts.extend(value.stream_block.get_searchable_content(value))
        elif name != "summary":
            parts.append(str(value or ""))
    return " ".join(parts)


def library_documents(library: DocumentLibraryPage, *, query: str = "", year: str = "") -> QuerySet:
    if library.folder_id is None:
        return LibraryDocument.objects.none()
    documents = LibraryDocument.objects.filter(file__folder_id=library.folder_id).select_related("file")
    if year.isdigit():
        documents = documents.filter(issued_on__year=int(year))
    if fold(query):
        matching = get_search_backend().search(fold(query), LibraryDocument.objects.all(), operator="and")
        documents = documents.filter(pk__in=[document.pk for document in matching[:SEARCH_RESULT_LIMIT]])
    return documents.order_by("-issued_on", "-pk")

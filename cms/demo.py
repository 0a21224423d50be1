"""The portal's home page for the demo ward, made the default site's root, and the column “Bình dân học vụ số”
below it: news, events, guides, stories, questions and answers, with their pictures and documents."""

import datetime
import re
import uuid
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from lms.demo import DemoContext, demo_step

from . import demo_content as content
from . import demo_media
from .models import (
    ArticleCategory,
    ArticlePage,
    EventPage,
    FaqEntry,
    FaqPage,
    FaqTopic,
    GuidePage,
    HomePage,
    IndexPage,
    SectionHomePage,
    StoryPage,
)

DEMO_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

HOME_TITLE = "Bình dân học vụ số"
HOME_INTRO = (
    "<p>Phong trào <b>“Bình dân học vụ số”</b> giúp mọi người dân phường Ba Đình biết dùng điện thoại và "
    "máy tính cho việc hằng ngày: cài và dùng VNeID, nộp hồ sơ dịch vụ công trực tuyến, thanh toán không "
    "dùng tiền mặt, nhận biết lừa đảo trên mạng.</p>"
    "<p>Các khóa học ngắn, miễn phí, học trên điện thoại. Học xong, bạn nhận giấy chứng nhận có thể xác minh.</p>"
)


@demo_step(order=20)
@transaction.atomic
def home_page(context: DemoContext) -> None:
    home = HomePage.objects.first()
    if home is None:
        tree_root = Page.get_first_root_node()
        home = tree_root.add_child(
            instance=HomePage(
                title=HOME_TITLE,
                slug="trang-chu",
                intro=HOME_INTRO,
                call_to_action="Bắt đầu học ngay",
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
        # Wagtail's own "Welcome" page is of no use once the portal home replaces it
        Page.objects.filter(
            pk=previous_root, depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
    context.objects["home_page"] = home
    context.log(f"  home page “{home.title}” at {home.url_path}")


# --- the portal column “Bình dân học vụ số” ----------------------------------------------------------------------
# Built under the home page by the steps below; the text lives in cms.demo_content, the pictures and PDF files are
# made by cms.demo_media. Each step looks everything up (pages by slug under their parent, images and documents by
# title, snippets by name) and creates only what is missing.

_PLACEHOLDER = re.compile(r"\{(page|doc):([a-z0-9-]+)\}")


def _portal(context: DemoContext) -> dict:
    return context.objects.setdefault("portal", {"images": {}, "documents": {}, "pages": {}})


def _ensure_child(parent: Page, slug: str, build: Callable[[], Page]) -> tuple[Page, bool]:
    """The live child of `parent` with this slug, created and published from `build()` only if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _page(context: DemoContext, slug: str) -> Page:
    pages = _portal(context)["pages"]
    if slug not in pages:
        pages[slug] = Page.objects.get(slug=slug, url_path__startswith=_section(context).url_path).specific
    return pages[slug]


def _section(context: DemoContext) -> SectionHomePage:
    section = context.objects.get("section_home")
    if section is None:
        section = SectionHomePage.objects.get(slug=content.SECTION["slug"])
        context.objects["section_home"] = section
    return section


def _image(context: DemoContext, key: str):
    images = _portal(context)["images"]
    if key not in images:
        title = (content.ILLUSTRATIONS.get(key) or content.SCREENS[key])[0]
        images[key] = get_image_model().objects.get(title=title)
    return images[key]


def _document(context: DemoContext, key: str):
    documents = _portal(context)["documents"]
    if key not in documents:
        documents[key] = get_document_model().objects.get(title=content.DOCUMENTS[key][0])
    return documents[key]


def _rich_text(context: DemoContext, html: str) -> str:
    def replace(match: re.Match) -> str:
        kind, key = match.groups()
        return str(_page(context, key).pk if kind == "page" else _document(context, key).pk)

    return _PLACEHOLDER.sub(replace, html)


def _image_value(context: DemoContext, key: str, alt: str) -> dict:
    return {"image": _image(context, key).pk, "decorative": False, "alt_text": alt}


def _body(context: DemoContext, blocks: list[tuple]) -> list[dict]:
    """The demo's block tuples (see cms.demo_content) as StreamField JSON."""
    stream = []
    for kind, *args in blocks:
        if kind == "p":
            stream.append({"type": "paragraph", "value": _rich_text(context, args[0])})
        elif kind == "quote":
            stream.append({"type": "quote", "value": {"text": args[0], "attribution": args[1]}})
        elif kind == "cta":
            text, slug, description = args
            value = {"text": text, "page": _page(context, slug).pk, "url": "", "description": description}
            stream.append({"type": "call_to_action", "value": value})
        elif kind == "doc":
            stream.append({"type": "document", "value": {"document": _document(context, args[0]).pk, "label": args[1]}})
        elif kind == "image":
            stream.append({"type": "image", "value": _image_value(context, args[0], args[1])})
        elif kind == "table":
            caption, rows = args
            value = {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "table_caption": caption,
            }
            stream.append({"type": "table", "value": value})
        else:
            raise ValueError(f"unknown demo block {kind!r}")
    return [{"id": str(uuid.uuid4()), **block} for block in stream]


def _local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=DEMO_TIME_ZONE)


def _count(created: list[bool]) -> str:
    return f"{len(created)} ({sum(created)} new)"


@demo_step(order=30)
@transaction.atomic
def portal_media(context: DemoContext) -> None:
    """The column's pictures (illustrations, phone screens) and documents (small PDF files)."""
    portal = _portal(context)
    images, documents = [], []
    for key, (title, description, motif, palette, label) in content.ILLUSTRATIONS.items():
        image, created = demo_media.ensure_image(
            title,
            description,
            f"{key}.png",
            lambda title=title, motif=motif, palette=palette, label=label: demo_media.illustration(
                title, motif, palette, label=label
            ),
        )
        portal["images"][key] = image
        images.append(created)
    for key, (title, description, app, palette, widgets) in content.SCREENS.items():
        image, created = demo_media.ensure_image(
            title,
            description,
            f"{key}.png",
            lambda app=app, widgets=widgets, palette=palette: demo_media.screen(app, widgets, palette),
        )
        portal["images"][key] = image
        images.append(created)
    for key, (title, filename, paragraphs) in content.DOCUMENTS.items():
        document, created = demo_media.ensure_document(
            title, filename, lambda title=title, paragraphs=paragraphs: demo_media.simple_pdf(title, paragraphs)
        )
        portal["documents"][key] = document
        documents.append(created)
    context.log(f"  column media: images {_count(images)}, documents {_count(documents)}")


@demo_step(order=31)
@transaction.atomic
def portal_section(context: DemoContext) -> None:
    """The column's home under the portal home page, its four lists, the questions page and the categories."""
    home = context.objects.get("home_page") or HomePage.objects.first()
    spec = content.SECTION
    section, section_created = _ensure_child(
        home,
        spec["slug"],
        lambda: SectionHomePage(title=spec["title"], summary=spec["summary"], intro=spec["intro"], show_in_menus=True),
    )
    context.objects["section_home"] = section
    pages = _portal(context)["pages"]
    created = [section_created]
    for slug, (kind, title, summary, intro) in content.INDEXES.items():
        index, was_created = _ensure_child(
            section,
            slug,
            lambda kind=kind, title=title, summary=summary, intro=intro: IndexPage(
                title=title, kind=kind, summary=summary, intro=intro, show_in_menus=True
            ),
        )
        pages[slug] = index
        context.objects[f"{kind}_index"] = index
        created.append(was_created)
    faq = content.FAQ_PAGE
    faq_page, was_created = _ensure_child(
        section, faq["slug"], lambda: FaqPage(title=faq["title"], summary=faq["summary"], intro=faq["intro"])
    )
    pages[faq["slug"]] = context.objects["faq_page"] = faq_page
    created.append(was_created)
    categories = []
    for name, slug in content.CATEGORIES:
        _category, was_created = ArticleCategory.objects.get_or_create(slug=slug, defaults={"name": name})
        categories.append(was_created)
    context.log(
        f"  column “{section.title}” at {section.url}: pages {_count(created)}, categories {_count(categories)}"
    )


@demo_step(order=32)
@transaction.atomic
def portal_guides(context: DemoContext) -> None:
    guides = _page(context, "huong-dan")
    created = []
    for spec in content.GUIDES:

        def build(spec=spec) -> GuidePage:
            steps = []
            for title, text, screen_key in spec["steps"]:
                image = (
                    _image_value(context, screen_key, content.SCREENS[screen_key][1])
                    if screen_key
                    else {"image": None, "decorative": False, "alt_text": ""}
                )
                steps.append(
                    {"type": "step", "value": {"title": title, "text": _rich_text(context, text), "image": image}}
                )
            illustration = content.ILLUSTRATIONS[spec["image"]]
            return GuidePage(
                title=spec["title"],
                summary=spec["summary"],
                steps=steps,
                featured_image=_image(context, spec["image"]),
                featured_image_alt=illustration[1],
                first_published_at=spec["published"].replace(tzinfo=DEMO_TIME_ZONE),
            )

        page, was_created = _ensure_child(guides, spec["slug"], build)
        _portal(context)["pages"][spec["slug"]] = page
        created.append(was_created)
    context.log(f"  column guides: {_count(created)}")


@demo_step(order=33)
@transaction.atomic
def portal_events(context: DemoContext) -> None:
    events = _page(context, "su-kien")
    created = []
    for spec in content.EVENTS:

        def build(spec=spec) -> EventPage:
            day = spec["date"] or _next_class_day(timezone.localdate())
            (start_hour, start_minute), (end_hour, end_minute) = spec["hours"]
            return EventPage(
                title=spec["title"],
                summary=spec["summary"],
                starts_at=_local(day, start_hour, start_minute),
                ends_at=_local(day, end_hour, end_minute),
                location=spec["location"],
                audience=spec["audience"],
                what_to_bring=spec["what_to_bring"],
                featured_image=_image(context, spec["image"]),
                featured_image_alt=content.ILLUSTRATIONS[spec["image"]][1],
                body=_body(context, spec["body"]),
            )

        page, was_created = _ensure_child(events, spec["slug"], build)
        _portal(context)["pages"][spec["slug"]] = page
        created.append(was_created)
    context.log(f"  column events: {_count(created)}")


def _next_class_day(today: datetime.date) -> datetime.date:
    """The first Saturday at least a week from today."""
    day = today + datetime.timedelta(days=7)
    return day + datetime.timedelta(days=(5 - day.weekday()) % 7)


@demo_step(order=34)
@transaction.atomic
def portal_stories(context: DemoContext) -> None:
    stories = _page(context, "guong-dien-hinh")
    created = []
    for spec in content.STORIES:

        def build(spec=spec) -> StoryPage:
            return StoryPage(
                title=spec["title"],
                summary=spec["summary"],
                person_name=spec["person_name"],
                role=spec["role"],
                featured_image=_image(context, spec["image"]),
                featured_image_alt=content.ILLUSTRATIONS[spec["image"]][1],
                body=_body(context, spec["body"]),
                first_published_at=spec["published"].replace(tzinfo=DEMO_TIME_ZONE),
            )

        page, was_created = _ensure_child(stories, spec["slug"], build)
        _portal(context)["pages"][spec["slug"]] = page
        created.append(was_created)
    context.log(f"  column stories: {_count(created)}")


@demo_step(order=35)
@transaction.atomic
def portal_articles(context: DemoContext) -> None:
    news = _page(context, "tin-tuc")
    categories = {category.slug: category for category in ArticleCategory.objects.all()}
    created = []
    for spec in content.ARTICLES:

        def build(spec=spec) -> ArticlePage:
            article = ArticlePage(
                title=spec["title"],
                summary=spec["summary"],
                date=spec["date"],
                author=spec["author"],
                category=categories[spec["category"]],
                featured_image=_image(context, spec["image"]),
                featured_image_alt=content.ILLUSTRATIONS[spec["image"]][1],
                body=_body(context, spec["body"]),
                first_published_at=_local(spec["date"], 8),
            )
            article.tags.add(*spec["tags"])
            return article

        page, was_created = _ensure_child(news, spec["slug"], build)
        _portal(context)["pages"][spec["slug"]] = page
        created.append(was_created)
    context.log(f"  column news: {_count(created)}")


@demo_step(order=36)
@transaction.atomic
def portal_questions(context: DemoContext) -> None:
    topics, entries = [], []
    for topic_order, (name, questions) in enumerate(content.FAQ, start=1):
        topic, was_created = FaqTopic.objects.get_or_create(name=name, defaults={"sort_order": topic_order})
        topics.append(was_created)
        for entry_order, (question, answer) in enumerate(questions, start=1):
            _entry, was_created = FaqEntry.objects.get_or_create(
                topic=topic,
                question=question,
                defaults={"answer": _rich_text(context, answer), "sort_order": entry_order},
            )
            entries.append(was_created)
    context.log(f"  column questions: topics {_count(topics)}, questions {_count(entries)}")


@demo_step(order=37)
@transaction.atomic
def portal_library_and_feedback(context: DemoContext) -> None:
    """The document library on a django-filer folder (the plans as PDFs) and the feedback form."""
    from django.core.files.base import ContentFile
    from filer.models import File as FilerFile
    from filer.models import Folder

    from .models import DocumentLibraryPage, FeedbackFormField, FeedbackFormPage, LibraryDocument

    section = context.objects.get("section_home") or SectionHomePage.objects.first()
    folder, _created = Folder.objects.get_or_create(name="Văn bản Bình dân học vụ số", parent=None)
    created = []
    for number, (key, (title, filename, paragraphs)) in enumerate(content.DOCUMENTS.items(), start=1):
        if LibraryDocument.objects.filter(title=title).exists():
            created.append(False)
            continue
        stored = FilerFile.objects.create(
            file=ContentFile(demo_media.simple_pdf(title, paragraphs), name=filename),
            original_filename=filename,
            name=title,
            folder=folder,
            is_public=True,
        )
        LibraryDocument.objects.create(
            title=title,
            number=f"{100 + number}/KH-UBND" if key.startswith("ke") else "",
            issued_on=datetime.date(2026, number * 2, 10),
            issuer="UBND phường Ba Đình",
            file=stored,
            summary=paragraphs[0][:300] if paragraphs else "",
        )
        created.append(True)
    _library, library_created = _ensure_child(
        section,
        "van-ban",
        lambda: DocumentLibraryPage(
            title="Văn bản",
            summary="Kế hoạch, quyết định và tài liệu hướng dẫn của phường.",
            folder=folder,
            show_in_menus=True,
        ),
    )
    form_page, form_created = _ensure_child(
        section,
        "gop-y",
        lambda: FeedbackFormPage(
            title="Góp ý và đăng ký hỗ trợ",
            summary="Gửi câu hỏi, góp ý hoặc đăng ký để tổ công nghệ số đến hướng dẫn tại nhà.",
            intro="<p>Bạn cần giúp cài ứng dụng, hay muốn góp ý cho lớp học? Hãy để lại lời nhắn. "
            "Cán bộ phường sẽ liên hệ trong hai ngày làm việc.</p>",
            thank_you_text="<p>Cảm ơn bạn. Phường đã nhận được lời nhắn và sẽ liên hệ sớm.</p>",
        ),
    )
    if form_created:
        for order, (label, field_type, required) in enumerate(
            [
                ("Họ và tên", "singleline", True),
                ("Số điện thoại", "singleline", False),
                ("Nội dung", "multiline", True),
            ]
        ):
            FeedbackFormField.objects.create(
                page=form_page, sort_order=order, label=label, field_type=field_type, required=required
            )
    context.log(f"  column library: documents {_count(created)}; pages {_count([library_created, form_created])}")

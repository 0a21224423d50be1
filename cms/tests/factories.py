"""Building portal-column content in tests: small functions over Wagtail's page tree."""

import datetime
import io
import json

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.models import (
    ArticleCategory,
    ArticlePage,
    EventPage,
    FaqEntry,
    FaqPage,
    FaqTopic,
    GuidePage,
    IndexPage,
    ListingKind,
    SectionHomePage,
    StoryPage,
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def paragraph(html: str) -> str:
    return json.dumps([{"type": "paragraph", "value": html}])


def image(title: str = "Ảnh thử") -> object:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (163, 22, 26)).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="anh-thu.png"))


def column(home):
    """The column home with its four lists and the questions page."""
    section = publish(home, SectionHomePage(title="Bình dân học vụ số", slug="binh-dan-hoc-vu-so", show_in_menus=True))
    lists = {
        kind: publish(section, IndexPage(title=title, slug=slug, kind=kind))
        for kind, title, slug in [
            (ListingKind.ARTICLES, "Tin tức", "tin-tuc"),
            (ListingKind.EVENTS, "Sự kiện", "su-kien"),
            (ListingKind.GUIDES, "Hướng dẫn", "huong-dan"),
            (ListingKind.STORIES, "Gương điển hình", "guong-dien-hinh"),
        ]
    }
    faq = publish(section, FaqPage(title="Hỏi đáp", slug="hoi-dap"))
    return section, lists, faq


_counter = iter(range(1, 10**6))


def article(index, *, title=None, body="<p>Nội dung bài viết.</p>", **fields):
    number = next(_counter)
    fields.setdefault("summary", "Tóm tắt ngắn của bài viết.")
    fields.setdefault("date", datetime.date(2026, 11, 1))
    return publish(
        index,
        ArticlePage(title=title or f"Bài viết số {number}", slug=f"bai-viet-{number}", body=paragraph(body), **fields),
    )


def event(index, *, title=None, starts_in_days=7, **fields):
    number = next(_counter)
    starts = timezone.now() + datetime.timedelta(days=starts_in_days)
    fields.setdefault("location", "Nhà văn hóa tổ dân phố số 3")
    return publish(
        index,
        EventPage(
            title=title or f"Sự kiện số {number}",
            slug=f"su-kien-{number}",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            **fields,
        ),
    )


def guide(index, *, title=None, **fields):
    number = next(_counter)
    steps = json.dumps(
        [{"type": "step", "value": {"title": "Mở ứng dụng", "text": "<p>Chạm vào biểu tượng.</p>", "image": None}}]
    )
    return publish(
        index, GuidePage(title=title or f"Hướng dẫn số {number}", slug=f"huong-dan-{number}", steps=steps, **fields)
    )


def story(index, *, title=None, **fields):
    number = next(_counter)
    return publish(
        index,
        StoryPage(
            title=title or f"Gương điển hình {number}",
            slug=f"guong-{number}",
            person_name="Bà Nguyễn Thị Hoa",
            body=paragraph("<p>Câu chuyện.</p>"),
            **fields,
        ),
    )


def faq_entry(
    *, question="Làm sao để cài VNeID?", answer="<p>Tải ứng dụng VNeID từ kho ứng dụng.</p>", topic="Định danh điện tử"
):
    topic, _created = FaqTopic.objects.get_or_create(name=topic)
    return FaqEntry.objects.create(topic=topic, question=question, answer=answer)


def category(name="Tin hoạt động", slug="tin-hoat-dong"):
    return ArticleCategory.objects.get_or_create(slug=slug, defaults={"name": name})[0]

import pytest

from cms.models import ArticlePage, FaqEntry, HomePage
from cms.rich_text import sanitise_rich_text
from cms.tests.factories import article, faq_entry

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Xin chào<script>alert("x")</script></p>'
    '<p><img src="x" onerror="alert(1)">ảnh</p>'
    '<p><a href="javascript:alert(1)">bấm vào</a> và <a href="JaVa&#x09;script:alert(2)">đây</a></p>'
    '<p onclick="alert(3)"><b style="color:red">đậm</b> <a href="https://dichvucong.gov.vn">Cổng DVC</a></p>'
    '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
)


def test_sanitiser_keeps_text_and_safe_links_and_drops_the_rest():
    clean = sanitise_rich_text(HOSTILE)
    for forbidden in ("<script", "alert(", "onerror", "javascript", "onclick", "<iframe", "<style", "style=", "<img"):
        assert forbidden not in clean.lower(), forbidden
    assert "Xin chào" in clean
    assert "bấm vào" in clean
    assert "<b>đậm</b>" in clean
    assert '<a href="https://dichvucong.gov.vn">Cổng DVC</a>' in clean


def test_internal_links_and_embedded_images_survive():
    stored = '<p><a linktype="page" id="3">trang</a> <embed embedtype="image" id="7" format="fullwidth" alt="Ảnh"/></p>'
    clean = sanitise_rich_text(stored)
    assert 'linktype="page"' in clean and 'id="3"' in clean
    assert 'embedtype="image"' in clean


def test_hostile_html_is_stripped_when_stored_in_any_field(column):
    page = article(column["lists"]["articles"], body=HOSTILE)
    stored_body = ArticlePage.objects.get(pk=page.pk).body.raw_data[0]["value"]
    assert "script" not in stored_body and "javascript" not in stored_body and "onerror" not in stored_body
    entry = faq_entry(answer=HOSTILE)
    assert "script" not in FaqEntry.objects.get(pk=entry.pk).answer
    home = HomePage.objects.get()
    home.intro = HOSTILE
    home.save()
    assert "script" not in HomePage.objects.get().intro


def test_the_published_page_carries_no_script(client, column):
    page = article(column["lists"]["articles"], body=HOSTILE)
    html = client.get(page.url).content.decode()
    assert "alert(" not in html
    assert "javascript:" not in html.lower()


def test_comment_anchors_on_paragraphs_survive():
    clean = sanitise_rich_text(
        '<p data-block-key="a1b2c">Đoạn văn</p><h2 data-block-key="x9" onclick="x()">Tiêu đề</h2>'
    )
    assert '<p data-block-key="a1b2c">Đoạn văn</p>' in clean
    assert '<h2 data-block-key="x9">Tiêu đề</h2>' in clean

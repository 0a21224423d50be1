import pytest

from cms.selectors import highlight
from cms.tests.factories import article, event, faq_entry, guide

pytestmark = pytest.mark.django_db
URL = "/tim-kiem/"


@pytest.fixture
def content(column):
    lists = column["lists"]
    return {
        "article": article(
            lists["articles"],
            title="Phường phát động phong trào Bình dân học vụ số",
            summary="Mọi người dân cùng học kỹ năng số.",
        ),
        "guide": guide(lists["guides"], title="Cài đặt và kích hoạt VNeID mức độ 2"),
        "event": event(lists["events"], title="Ngày hội toàn dân học tập số", summary="Đến nhà văn hóa học vụ số."),
        "other": article(lists["articles"], title="Thu gom rác thải đúng giờ", summary="Môi trường sạch."),
        "faq": faq_entry(question="Học vụ số là gì?", answer="<p>Là phong trào học kỹ năng số cho mọi người.</p>"),
    }


def titles(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("typed", ["hoc vu so", "HỌC VỤ SỐ", "học vụ số", "Hoc Vu So", "  hoc   vu  so "])
def test_matches_with_or_without_diacritics(client, content, typed):
    html = titles(client.get(URL, {"q": typed}))
    assert "Phường phát động phong trào Bình dân học vụ số" in html
    assert "Ngày hội toàn dân học tập số" in html  # its summary says học vụ số
    assert "Học vụ số là gì?" in html
    assert "Thu gom rác thải" not in html


def test_every_word_must_match(client, content):
    html = titles(client.get(URL, {"q": "vneid muc do 2"}))
    assert "Cài đặt và kích hoạt VNeID mức độ 2" in html
    assert "Bình dân học vụ số" not in html.split("<main", 1)[1].split("</main>", 1)[0].replace(
        "“Bình dân học vụ số”", ""
    )


def test_results_show_the_matched_text(client, content):
    html = titles(client.get(URL, {"q": "hoc vu so"}))
    assert "<mark>học</mark> <mark>vụ</mark> <mark>số</mark>" in html


def test_unpublished_pages_are_not_found(client, content):
    content["article"].unpublish()
    html = titles(client.get(URL, {"q": "phat dong"}))
    assert "Phường phát động" not in html
    assert "0 kết quả" in html


def test_empty_and_overlong_queries_are_harmless(client, content):
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"q": "   "}).status_code == 200
    response = client.get(URL, {"q": "số " * 500})
    assert response.status_code == 200


def test_results_are_paged(client, column):
    for number in range(13):
        article(column["lists"]["articles"], title=f"Lớp học vụ số khóa {number}")
    first = titles(client.get(URL, {"q": "lop hoc"}))
    assert "13 kết quả" in first
    assert first.count('class="result-title"') == 10
    second = titles(client.get(URL, {"q": "lop hoc", "trang": 2}))
    assert second.count('class="result-title"') == 3
    assert "q=lop+hoc&amp;trang=1" in second


def test_highlight_escapes_everything_but_the_marks():
    html = highlight("<b>Học</b> vụ số & <script>x</script> an toàn", "hoc")
    assert html.startswith("<mark>Học</mark>")
    assert "<script>" not in html and "&amp;" in html

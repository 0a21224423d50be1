import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import EventPage
from cms.tests.factories import article, category, event, faq_entry, guide, image, story

pytestmark = pytest.mark.django_db


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_section_home_shows_latest_news_coming_events_guides_and_stories(client, column):
    lists = column["lists"]
    old = article(lists["articles"], title="Tin cũ năm ngoái", date=datetime.date(2025, 1, 1))
    for number in range(4):
        article(lists["articles"], title=f"Tin mới {number}", date=datetime.date(2026, 11, 20 + number))
    event(lists["events"], title="Ngày hội toàn dân học tập số")
    event(lists["events"], title="Lớp học đã qua", starts_in_days=-30)
    guide(lists["guides"], title="Cài đặt VNeID")
    story(lists["stories"], title="Bà Hoa dạy hàng xóm dùng điện thoại")
    html = html_of(client, column["section"])
    assert "Tin mới 3" in html and "Tin mới 0" in html
    assert old.title not in html  # only the four latest
    assert "Ngày hội toàn dân học tập số" in html
    assert "Lớp học đã qua" not in html
    assert "Cài đặt VNeID" in html
    assert "Bà Hoa dạy hàng xóm" in html
    assert 'aria-current="page"' in html  # breadcrumbs end on this page
    assert f'<link rel="canonical" href="{column["section"].full_url}">' in html


def test_article_page_with_category_tags_image_and_social_tags(client, column):
    picture = image()
    page = article(
        column["lists"]["articles"],
        title="Phường ra mắt tổ công nghệ số",
        category=category(),
        author="Ban biên tập",
        featured_image=picture,
        featured_image_alt="Các thành viên tổ công nghệ số",
    )
    page.tags.add("VNeID")
    page.save_revision().publish()
    html = html_of(client, page)
    assert "<h1>Phường ra mắt tổ công nghệ số</h1>" in html
    assert "Tin hoạt động" in html and "Ban biên tập" in html and "VNeID" in html
    assert 'property="og:title" content="Phường ra mắt tổ công nghệ số"' in html
    assert 'property="og:image"' in html
    assert "srcset=" in html and ".webp" in html
    assert 'alt="Các thành viên tổ công nghệ số"' in html
    assert "1 tháng 11 năm 2026" in html


def test_featured_image_without_description_is_refused(column):
    page = article(column["lists"]["articles"])
    page.featured_image = image()
    page.featured_image_alt = " "
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "Hãy mô tả ảnh" in str(caught.value.message_dict["featured_image_alt"])


def test_index_page_lists_its_kind_filters_by_category_and_pages(client, column):
    news = column["lists"]["articles"]
    chosen = category("Chính sách", "chinh-sach")
    for number in range(12):
        article(news, title=f"Tin {number:02d}", date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number))
    article(news, title="Tin chính sách", category=chosen, date=datetime.date(2026, 6, 1))
    first = html_of(client, news)
    assert "Tin chính sách" in first and "Tin 11" in first and "Tin 00" not in first
    assert "Trang 1 / 2" in first
    second = client.get(news.url, {"trang": 2}).content.decode()
    assert "Tin 00" in second
    filtered = client.get(news.url, {"chuyen-muc": "chinh-sach"}).content.decode()
    assert "Tin chính sách" in filtered and "Tin 11" not in filtered


def test_event_page_shows_when_where_and_what_to_bring(client, column):
    page = event(
        column["lists"]["events"],
        title="Ngày hội toàn dân học tập số",
        audience="Mọi người dân",
        what_to_bring="Điện thoại đã sạc pin\nCăn cước công dân",
        online_url="https://meet.example.vn/hvs",
    )
    html = html_of(client, page)
    for text in ("Nhà văn hóa tổ dân phố số 3", "Mọi người dân", "Điện thoại đã sạc pin", "https://meet.example.vn"):
        assert text in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"ends_at": timezone.now() - datetime.timedelta(days=30)}, "ends_at", "không thể kết thúc trước"),
        ({"location": "", "online_url": ""}, "location", "Hãy ghi địa điểm"),
    ],
)
def test_event_needs_a_sane_time_and_a_place(column, change, field, message):
    page = event(column["lists"]["events"])
    for name, value in change.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as caught:
        EventPage.full_clean(page)
    assert message in str(caught.value.message_dict[field])


def test_guide_page_numbers_its_steps(client, column):
    html = html_of(client, guide(column["lists"]["guides"], title="Thanh toán bằng mã QR"))
    assert '<ol class="steps">' in html and "Mở ứng dụng" in html


def test_story_page(client, column):
    html = html_of(client, story(column["lists"]["stories"], title="Tổ công nghệ số tổ 5", role="Tổ trưởng"))
    assert "Bà Nguyễn Thị Hoa" in html and "Tổ trưởng" in html


def test_faq_groups_questions_by_topic_in_disclosure_widgets(client, column):
    faq_entry(question="Làm sao để cài VNeID?", topic="Định danh điện tử")
    faq_entry(question="Quên mật khẩu VNeID thì làm gì?", topic="Định danh điện tử")
    faq_entry(question="Chuyển tiền nhầm thì sao?", topic="Thanh toán")
    html = html_of(client, column["faq"])
    assert html.count("<details") == 3
    assert html.index("Định danh điện tử") < html.index("Làm sao để cài VNeID?")
    assert "<summary>Chuyển tiền nhầm thì sao?</summary>" in html


def test_unknown_address_in_the_column_gets_the_friendly_404(client, column):
    response = client.get(column["section"].url + "khong-co-bai-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_menu_shows_pages_editors_put_in_it(client, column):
    html = client.get("/").content.decode()
    assert f'<a href="{column["section"].url}"' in html

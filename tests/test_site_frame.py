"""The shared page frame: language, text size, landmarks, error pages, and the home page's query budget."""

import re

import pytest
from django.contrib.staticfiles import finders

from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_vietnamese_with_landmarks_and_skip_link_first(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="vi"' in html
    first_link = re.search(r"<a [^>]*>", html).group(0)
    assert 'class="skip-link"' in first_link and 'href="#noi-dung"' in first_link
    assert "Bỏ qua, đến nội dung chính" in html
    assert '<main id="noi-dung"' in html
    for landmark in ("<header", "<nav", "<footer", "<h1"):
        assert landmark in html
    assert "Đăng nhập" in html and "Đăng ký" in html
    assert "Skip to main content" not in html


def test_english_is_one_switch_away_and_vietnamese_comes_back(client, home_page):
    response = client.get("/ngon-ngu/", {"lang": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html
    client.get("/ngon-ngu/", {"lang": "vi", "next": "/"})
    assert '<html lang="vi"' in client.get("/").content.decode()


def test_browser_language_does_not_turn_the_portal_english(client, home_page):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi"' in html


def test_text_size_switch_works_without_javascript(client, home_page):
    response = client.get("/tai-khoan/co-chu/", {"size": "larger", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    html = client.get("/").content.decode()
    assert 'class="text-larger"' in html
    assert re.search(r'class="size-larger"\s+aria-label="[^"]+" aria-current="true"', html)


def test_text_size_switch_saves_on_the_profile_and_refuses_bad_values(client, home_page):
    profile = LearnerProfileFactory()
    client.force_login(profile.user)
    client.get("/tai-khoan/co-chu/", {"size": "large", "next": "/"})
    profile.refresh_from_db()
    assert profile.preferred_text_size == "large"
    bad = client.get("/tai-khoan/co-chu/", {"size": "huge", "next": "https://evil.example/"})
    assert bad["Location"] == "/"
    profile.refresh_from_db()
    assert profile.preferred_text_size == "large"


def test_unknown_url_gets_the_friendly_vietnamese_404(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "Về trang chủ" in html


def test_stylesheet_is_light():
    path = finders.find("lms/css/site.css")
    with open(path, "rb") as stylesheet:
        assert len(stylesheet.read()) < 30 * 1024


def _grow_data():
    """Ten times more people and places: a page's query count must not notice."""
    for _ in range(10):
        group = ResidentialGroupFactory()
        for _ in range(3):
            LearnerProfileFactory(residential_group=group)


# A miss right after a publish: Wagtail's site, page, ancestors and view restrictions; the column's link; the
# menu (rebuilt once per publish, then cached). A signed-in visitor never gets a cached page: Wagtail's four,
# the column's link (the session, the account and the menu come from the cache).
ANONYMOUS_HOME_QUERIES = 6
SIGNED_IN_HOME_QUERIES = 5


def test_anonymous_home_page_query_count_is_pinned(client, home_page, django_assert_num_queries):
    from cms import page_cache

    client.get("/")  # warm Wagtail's site-root cache, as every served request after the first
    for _ in range(2):
        page_cache.invalidate()  # as a publish does: the next visitor's request renders the page
        with django_assert_num_queries(ANONYMOUS_HOME_QUERIES):
            assert client.get("/")["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert client.get("/")["X-Page-Cache"] == "hit"
        _grow_data()


def test_signed_in_home_page_query_count_is_pinned(client, home_page, django_assert_num_queries):
    client.force_login(LearnerProfileFactory().user)
    client.get("/")
    with django_assert_num_queries(SIGNED_IN_HOME_QUERIES):
        assert client.get("/").status_code == 200
    _grow_data()
    with django_assert_num_queries(SIGNED_IN_HOME_QUERIES):
        assert client.get("/").status_code == 200

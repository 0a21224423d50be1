"""Anonymous pages come from the cache and go stale on publish; a render on a miss costs a fixed number of
queries however much content there is."""

import datetime

import pytest

from cms import page_cache
from cms.tests.factories import article, event, guide, image, story
from lms.tests.factories import learner

pytestmark = pytest.mark.django_db


def test_anonymous_page_is_cached_and_a_publish_refreshes_it(client, column):
    news = article(column["lists"]["articles"], title="Tin thứ nhất")
    url = column["section"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert "Cookie" in hit["Vary"]  # language and text size come from cookies: proxies must not mix them
    article(column["lists"]["articles"], title="Tin vừa đăng", date=datetime.date(2026, 11, 25))
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Tin vừa đăng" in fresh.content.decode()
    news.unpublish()
    assert "Tin thứ nhất" not in client.get(url).content.decode()


def test_signed_in_visitors_query_strings_and_forms_are_never_cached(client, column):
    url = column["section"].url
    client.get(url)
    assert client.get(url + "?trang=2").get("X-Page-Cache") is None
    client.force_login(learner())
    response = client.get(url)
    assert response.get("X-Page-Cache") is None
    assert "Đăng xuất" in response.content.decode()
    client.logout()
    assert "Đăng xuất" not in client.get(url).content.decode()


def test_cached_page_keeps_each_visitors_language_and_text_size(client, column):
    url = column["section"].url
    client.get(url)
    client.cookies["hocvuso_language"] = "en"
    english = client.get(url)
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en"' in english.content.decode()
    client.cookies["hocvuso_text_size"] = "larger"
    assert 'class="text-larger"' in client.get(url).content.decode()


def _fill(column, count):
    lists = column["lists"]
    picture = image()
    for number in range(count):
        article(
            lists["articles"],
            featured_image=picture,
            featured_image_alt="Ảnh minh họa",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )
        event(lists["events"], starts_in_days=number + 1, featured_image=picture, featured_image_alt="Ảnh")
        guide(lists["guides"])
        story(lists["stories"])


# Wagtail routing and restrictions (6), breadcrumbs, view restrictions once, four lists and their image
# renditions, the lists and questions pages, the menu rebuilt after the publish (3)
SECTION_HOME_MISS_QUERIES = 18


def test_section_home_render_costs_the_same_queries_with_ten_times_the_content(
    client, column, django_assert_num_queries
):
    url = column["section"].url
    _fill(column, 2)
    client.get(url)  # renditions are made on the first render; measure the steady state
    page_cache.invalidate()
    client.get(url)
    for more in (0, 18):
        _fill(column, more)
        client.get(url)
        page_cache.invalidate()
        with django_assert_num_queries(SECTION_HOME_MISS_QUERIES):
            assert client.get(url)["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert client.get(url)["X-Page-Cache"] == "hit"


SECTION_HOME_SIGNED_IN_QUERIES = 7


def test_signed_in_visitors_get_the_lists_from_the_cache(client, column, django_assert_num_queries):
    url = column["section"].url
    _fill(column, 3)
    client.force_login(learner())
    client.get(url)
    for more in (0, 9):
        _fill(column, more)
        client.get(url)  # the publish made the lists stale: this request rebuilds them
        # Wagtail routing and restrictions (6), breadcrumbs; the account, the lists and the menu from the cache
        with django_assert_num_queries(SECTION_HOME_SIGNED_IN_QUERIES):
            response = client.get(url)
        assert response.get("X-Page-Cache") is None
        assert "Đăng xuất" in response.content.decode()

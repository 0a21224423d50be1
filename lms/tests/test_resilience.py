"""Redis holds nothing that cannot be rebuilt: when it is unreachable, pages still serve and people still sign
in. The dead Redis is a real refused connection (port 1), not a mock."""

import pytest
from django.core.cache import caches

from lms.tests.factories import PASSWORD, LearnerProfileFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "lms.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = DEAD_REDIS  # Django's setting_changed handler rebuilds the cache connections
    return caches["default"]


def test_the_dead_cache_answers_with_defaults(dead_redis):
    assert dead_redis.get("anything", "default") == "default"
    assert dead_redis.add("key", 1, 10) is False
    dead_redis.set("key", 1, 10)
    assert dead_redis.incr("counter") == 1
    assert dead_redis.has_key("key") is False
    assert dead_redis.get_many(["a", "b"]) == {}


def test_pages_and_sign_in_work_without_redis(client, home_page, dead_redis):
    profile = LearnerProfileFactory()
    assert client.get("/").status_code == 200
    response = client.post("/tai-khoan/dang-nhap/", {"username": profile.user.email, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/tai-khoan/ho-so/")
    assert page.status_code == 200
    assert profile.full_name in page.content.decode()

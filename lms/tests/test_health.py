import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_redis(client, settings):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["database"] == "ok"
    if settings.REDIS_URL:
        assert body["redis"] == "ok"
        assert body["status"] == "ok"
    else:
        assert body["redis"] == "not_configured"
    assert "no-cache" in response["Cache-Control"]


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_redis_down_is_reported_not_fatal(client):
    # port 1: nothing listens there, a real refused connection rather than a mock
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "redis": "down"}

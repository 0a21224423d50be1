import datetime

import pytest
from django.utils import timezone

from cms.tasks import publish_scheduled
from cms.tests.factories import article

pytestmark = pytest.mark.django_db


def test_a_page_scheduled_for_a_time_that_has_come_is_published(column, client):
    page = article(column["lists"]["articles"], title="Tin hẹn giờ đăng")
    page.unpublish()
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # a future go-live time: approved, waiting
    page.refresh_from_db()
    assert not page.live
    # the hour has passed
    revision.refresh_from_db()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    publish_scheduled()  # what beat runs every minute (the task itself; the worker path is proven by lms ping)
    page.refresh_from_db()
    assert page.live
    assert "Tin hẹn giờ đăng" in client.get(column["section"].url).content.decode()

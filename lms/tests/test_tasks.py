"""Tasks run where the settings say: in-process for the demo and the fast run, on a real Celery worker over
Redis in the production-like run (.ci/run starts the worker and sets HOCVUSO_EXPECT_CELERY_WORKER)."""

import os

from django.conf import settings

from lms.tasks import ping


def test_task_runs_in_the_configured_place():
    payload = ping.delay().get(timeout=30)
    assert payload["pong"] is True
    if os.environ.get("HOCVUSO_EXPECT_CELERY_WORKER"):
        assert not settings.CELERY_TASK_ALWAYS_EAGER, "the worker run must not execute tasks in-process"
        assert payload["pid"] != os.getpid(), "a real worker process answers, not this one"
    else:
        assert settings.CELERY_TASK_ALWAYS_EAGER
        assert payload["pid"] == os.getpid()

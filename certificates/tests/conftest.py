import pytest


@pytest.fixture
def tasks_in_process():
    """Run Celery tasks in the test's process, as the demo does. In the production-like run the real worker on
    Redis would take them, and it cannot see a test's rows, which live in a transaction that never commits; the
    worker itself is tested by the `celery_worker`-marked tests in test_concurrency.py."""
    from lms.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before

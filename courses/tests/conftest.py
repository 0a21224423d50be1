import datetime

import pytest
from django.utils import timezone

from courses.tests.factories import make_catalog
from lms.tests.factories import learner as make_learner


@pytest.fixture
def catalog(home_page):
    return make_catalog(home_page)


@pytest.fixture
def learner(db):
    return make_learner()


@pytest.fixture
def other_learner(db):
    return make_learner()


class Clock:
    """The server's clock, moved by the test: study time is bounded by it."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += datetime.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)

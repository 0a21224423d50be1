"""A lesson must stay light for a cheap phone on a slow connection: at most 150 KB before media (compressed, as
served), no video bytes before the learner presses play, and the H5P player only when an activity is started."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from courses import services
from courses.tests.factories import h5p_package, lessons_of, make_course

pytestmark = pytest.mark.django_db
BUDGET_BYTES = 150 * 1024


def _linked_static(html: str) -> list[str]:
    paths = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    paths += re.findall(r'<script src="/static/([^"]+)"', html)
    return paths


def test_lesson_page_weighs_under_the_budget_and_loads_media_on_demand(catalog, learner):
    course = make_course(catalog, h5p=h5p_package(), checkpoint=2)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assets = _linked_static(html)
    assert "lms/css/site.css" in assets and "courses/lesson.js" in assets
    total = len(gzip.compress(html.encode(), 6))
    for path in assets:
        with open(finders.find(path), "rb") as file:
            total += len(gzip.compress(file.read(), 6))
    assert total <= BUDGET_BYTES, f"{total} bytes"
    assert "<iframe" not in html  # the player is created when the learner starts the activity
    assert 'preload="none"' in html or "<video" not in html

"""The examiners' queue: what waits (and what does not), its filters (assessment, ward, stage, and a grouping
another app registers through assessments.hooks), pagination, and a query count that does not grow with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments import queue, services
from assessments.hooks import assessment_groupings, register_assessment_grouping, unregister_assessment_grouping
from assessments.models import AttemptItem
from assessments.tests.factories import make_assessment, make_item, make_rubric
from assessments.tests.test_review import (
    QUEUE,
    essay_assessment,
    examiner,
    person,
    signed_in,
    waiting_answer,
)
from lms.tests.factories import ResidentialGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_grouping():
    """A stand-in for the courses app: assessments grouped by a 'course' it names."""
    groups = {}

    def courses_of_assessments():
        return groups

    grouping = register_assessment_grouping("Khóa học", courses_of_assessments, key="test_course")
    yield groups
    unregister_assessment_grouping(grouping.key)


def listed(client, query=""):
    response = client.get(f"{QUEUE}{query}")
    assert response.status_code == 200
    return [row.pk for row in response.context["object_list"]]


def test_only_open_answers_waiting_for_an_examiner_are_in_the_queue():
    assessment = essay_assessment()
    waiting = waiting_answer(assessment, person("Trần Thị Hoa"))
    empty = waiting_answer(essay_assessment(title="Bài trống"), person("Lê Văn Tám"), text="")  # empty: scored 0
    in_progress = services.start_attempt(user=person("Phạm Thị Mai"), assessment=assessment)
    assert queue.waiting_answers().filter(pk=empty.pk).count() == 0
    assert [row.pk for row in queue.waiting_answers()] == [waiting.pk]
    draft = AttemptItem.objects.get(attempt=in_progress)
    client = signed_in(examiner())
    assert client.get(f"{QUEUE}{draft.pk}/").status_code == 404  # a draft is not the examiners' to read
    page = client.get(QUEUE).content.decode()
    assert "Trần Thị Hoa" in page and "Bài viết về an toàn mạng" in page and "Lê Văn Tám" not in page


def test_the_queue_filters_by_assessment_ward_stage_and_a_registered_grouping(course_grouping):
    north, south = ResidentialGroupFactory(), ResidentialGroupFactory()
    safety = essay_assessment(title="An toàn mạng")
    services_test = essay_assessment(title="Dịch vụ công")
    other = essay_assessment(title="Ngoài khóa học")
    a = waiting_answer(safety, person("Người Bắc", north))
    b = waiting_answer(services_test, person("Người Nam", south))
    c = waiting_answer(other, person("Người Bắc hai", north))
    course_grouping.update({safety.pk: ("7", "Dùng Zalo an toàn"), services_test.pk: ("7", "Dùng Zalo an toàn")})
    client = signed_in(examiner())

    assert listed(client) == [a.pk, b.pk, c.pk]
    assert listed(client, f"?assessment={services_test.pk}") == [b.pk]
    assert listed(client, f"?ward={north.ward_id}") == [a.pk, c.pk]
    assert listed(client, "?group_test_course=7") == [a.pk, b.pk]
    assert listed(client, f"?group_test_course=7&ward={south.ward_id}") == [b.pk]
    assert listed(client, "?stage=first") == [a.pk, b.pk, c.pk]
    page = client.get(QUEUE).content.decode()
    # the grouping's filter is offered with its label and its groups, the wards with their names
    assert "Khóa học" in page and "Dùng Zalo an toàn" in page and north.ward.name in page
    assert [g.key for g in assessment_groupings()].count("group_test_course") == 1


def test_registering_a_grouping_twice_replaces_it():
    def same():
        return {}

    first = register_assessment_grouping("Một", same, key="twice")
    second = register_assessment_grouping("Hai", same, key="twice")
    try:
        assert first.key == second.key
        assert [g.label for g in assessment_groupings() if g.key == first.key] == ["Hai"]
    finally:
        unregister_assessment_grouping(first.key)


def test_the_queue_is_paginated_oldest_first():
    assessment = essay_assessment()
    rows = [waiting_answer(assessment, person(f"Học viên {n:02d}")) for n in range(52)]
    client = signed_in(examiner())
    first, second = listed(client), listed(client, "?p=2")
    assert first == [row.pk for row in rows[:50]]
    assert second == [row.pk for row in rows[50:]]


def test_the_state_of_an_answer_says_who_holds_it():
    rubric = make_rubric()
    assessment = essay_assessment(rubric=rubric, second_marking=True)
    answer = waiting_answer(assessment, person("Trần Thị Hoa"))
    lan, minh = examiner("Giám khảo Lan"), examiner("Giám khảo Minh")
    row = queue.waiting_answers().get(pk=answer.pk)
    assert queue.review_state(row, viewer=minh).free
    services.claim(attempt_item_id=answer.pk, examiner=lan)
    row = queue.waiting_answers().get(pk=answer.pk)
    state = queue.review_state(row, viewer=minh)
    assert state.holder == lan and not state.held_by_viewer and state.stage == queue.Stage.FIRST
    assert queue.review_state(row, viewer=lan).held_by_viewer


def _queue_queries(client, query="") -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{QUEUE}{query}")
    assert response.status_code == 200
    return len(queries)


def test_the_queue_makes_the_same_few_queries_for_5_or_50_answers(course_grouping):
    rubric = make_rubric()
    item = make_item(kind="essay", body={"min_words": 0, "max_words": None, "response_template": ""}, rubric=rubric)
    assessment = make_assessment(items=[item], second_marking=True)
    course_grouping[assessment.pk] = ("1", "Khóa một")
    lan, minh = examiner("Giám khảo Lan"), examiner("Giám khảo Minh")
    client = signed_in(minh)

    def add(count, start):
        for number in range(start, start + count):
            group = ResidentialGroupFactory()
            row = waiting_answer(assessment, person(f"Học viên {number}", group))
            if number % 3 == 0:
                services.claim(attempt_item_id=row.pk, examiner=lan)  # held by someone else
            elif number % 3 == 1:
                services.claim(attempt_item_id=row.pk, examiner=lan)
                choices = {str(c.pk): str(c.levels.first().pk) for c in rubric.criteria.all()}
                services.grade_response(attempt_item_id=row.pk, examiner=lan, rubric_choices=choices)

    add(5, 0)
    client.get(QUEUE)  # warm what a first request fills
    with_5 = _queue_queries(client)
    filtered_5 = _queue_queries(client, "?group_test_course=1&stage=second")
    add(45, 5)
    with_50 = _queue_queries(client)
    assert with_5 == with_50
    assert filtered_5 == _queue_queries(client, "?group_test_course=1&stage=second")
    # permissions (2), the Wagtail profile, wards, count, locales, page and collection permissions (the menu),
    # assessments for the filter, the page of answers
    assert with_5 == 10, with_5

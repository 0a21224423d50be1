"""The same evidence posted twice at the same moment (a double tap, a retry racing the original) counts once,
and two first visits at once make one progress row. Runs against the real database in threads, each with its
own connection: row locks on PostgreSQL, serialised writers (IMMEDIATE transactions) on SQLite."""

import threading

import pytest
from django.db import connection

from courses import services
from courses.models import Enrolment, LessonProgress, XAPIStatement
from courses.selectors import lesson_snapshot
from courses.tests.factories import h5p_package, lessons_of, make_course

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _migration_rows(transactional_db):
    # a transactional test empties every table afterwards, rows made by data migrations included
    from tests.migration_rows import restore_migration_rows

    restore_migration_rows()


def at_once(count: int, action) -> list:
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = action(index)
        except Exception as error:  # kept, so the test shows it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_the_same_heartbeat_posted_four_times_at_once_counts_once(catalog, learner, clock):
    course = make_course(catalog, min_reading_seconds=600)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    view = services.view_token(user_id=learner.pk, lesson_id=lesson.pk)
    clock.advance(30)
    data = {"view": view, "seq": 1, "visible_seconds": 30}
    results = at_once(4, lambda _index: services.record_heartbeat(user=learner, lesson_id=lesson.pk, data=dict(data)))
    assert all(isinstance(result, dict) for result in results), results
    assert LessonProgress.objects.get(lesson=lesson).reading_seconds == 30


def test_the_same_completing_statement_at_once_is_kept_once(catalog, learner):
    course = make_course(catalog, h5p=h5p_package(), min_reading_seconds=0)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    block_id = lesson_snapshot(lesson.pk).activities[0].block_id
    statement = {"id": "3f1e-dup", "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}}
    results = at_once(
        3,
        lambda _index: services.record_xapi(user=learner, lesson_id=lesson.pk, block_id=block_id, statement=statement),
    )
    assert all(isinstance(result, dict) for result in results), results
    assert XAPIStatement.objects.count() == 1
    assert LessonProgress.objects.get(lesson=lesson).activities_done == [block_id]


def test_enrolling_twice_at_once_makes_one_enrolment(catalog, learner):
    course = make_course(catalog)
    results = at_once(3, lambda _index: services.enrol(user=learner, course=course))
    assert all(isinstance(result, Enrolment) for result in results), results
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1

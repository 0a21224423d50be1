"""Two requests at once (a double tap, two tabs) on the real database, each thread with its own connection:
one open attempt per learner and assessment, one closing per attempt, one winner per lease. Row locks and the
partial unique index on PostgreSQL; serialised writers on SQLite."""

import threading

import pytest
from django.db import connection

from assessments import services
from assessments.errors import AttemptError
from assessments.models import Attempt, Evidence
from assessments.tests.factories import component, make_assessment, make_item, make_rubric, small_framework
from lms.roles import Role
from lms.tests.factories import learner as make_learner
from lms.tests.factories import staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _migration_rows(transactional_db):
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


def test_four_starts_at_once_make_one_open_attempt():
    framework = small_framework()
    assessment = make_assessment(items=[make_item(comp=component(framework, "1.1")) for _ in range(3)])
    learner = make_learner()
    results = at_once(4, lambda _i: services.start_attempt(user=learner, assessment=assessment).pk)
    assert all(isinstance(result, int) for result in results), results
    assert len(set(results)) == 1
    assert Attempt.objects.filter(user=learner).count() == 1


def test_the_same_submit_three_times_at_once_closes_once():
    framework = small_framework()
    assessment = make_assessment(items=[make_item(comp=component(framework, "1.1"))])
    learner = make_learner()
    attempt = services.start_attempt(user=learner, assessment=assessment)
    data = {"q1-choice": "1", "shown": ["1"]}
    results = at_once(
        3, lambda _i: services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data).pk
    )
    won = [result for result in results if isinstance(result, int)]
    refused = [result for result in results if isinstance(result, AttemptError)]
    assert len(won) == 1 and len(refused) == 2, results
    assert {error.code for error in refused} <= {"stale", "closed"}
    assert Evidence.objects.count() == 1


def test_two_examiners_claiming_at_once_one_wins():
    framework = small_framework()
    essay = make_item(kind="essay", body={}, comp=component(framework, "1.1"), rubric=make_rubric())
    learner = make_learner()
    attempt = services.start_attempt(user=learner, assessment=make_assessment(items=[essay]))
    data = {"q1-text": "Bài làm", "shown": ["1"]}
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    row = attempt.items.get()
    examiners = [staff(Role.EXAMINER), staff(Role.EXAMINER)]
    results = at_once(2, lambda i: services.claim(attempt_item_id=row.pk, examiner=examiners[i]))
    assert sorted(results) == [False, True], results

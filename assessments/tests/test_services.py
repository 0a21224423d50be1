"""The attempt's state machine, deadlines, the sequence token, scoring into evidence and the competence profile,
examiners' leases and grades, key corrections and confirmations, all through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments import services, signals
from assessments.errors import AttemptError
from assessments.models import (
    Attempt,
    AttemptItem,
    AttemptStatus,
    CompetenceChange,
    CompetenceLevel,
    Confirmation,
    ConfirmationRule,
    Evidence,
    Grade,
    ItemVersion,
    ReviewEvent,
    RuleRequirement,
)
from assessments.tests.factories import (
    add_blueprint_rule,
    component,
    make_assessment,
    make_item,
    make_rubric,
    small_framework,
)
from lms.roles import Role
from lms.tests.factories import learner as make_learner
from lms.tests.factories import staff

LEASE = services.LEASE
pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def framework():
    return small_framework()


@pytest.fixture
def learner():
    return make_learner()


def right_choice(row: AttemptItem) -> dict:
    """The form data that picks the full-credit option of a single-choice question as shown in this attempt."""
    order = row.presentation["options"]
    best = max(row.version.body["options"], key=lambda option: option["credit"])
    return {f"q{row.position}-choice": str(order.index(best["key"]) + 1), "shown": [str(row.position)]}


def wrong_choice(row: AttemptItem) -> dict:
    order = row.presentation["options"]
    worst = min(row.version.body["options"], key=lambda option: option["credit"])
    return {f"q{row.position}-choice": str(order.index(worst["key"]) + 1), "shown": [str(row.position)]}


def merged(*parts: dict) -> dict:
    data: dict = {"shown": []}
    for part in parts:
        for key, value in part.items():
            if key == "shown":
                data["shown"] += value
            else:
                data[key] = value
    return data


def quiz(framework, *, count=3, **fields):
    items = [make_item(comp=component(framework, "1.1"), level=1) for _ in range(count)]
    return make_assessment(items=items, **fields)


def rows_of(attempt):
    return list(attempt.items.select_related("version", "item").order_by("position"))


# --- starting -----------------------------------------------------------------------------------------------------


def test_starting_draws_the_form_freezes_the_versions_and_resumes_the_same_attempt(framework, learner):
    assessment = quiz(framework, shuffle_items=True)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    assert attempt.status == AttemptStatus.IN_PROGRESS and attempt.number == 1
    assert attempt.max_score == Decimal("3")
    rows = rows_of(attempt)
    assert [row.position for row in rows] == [1, 2, 3]
    assert all(sorted(row.presentation["options"]) == ["a", "b", "c"] for row in rows)
    assert all(row.version.used for row in rows)
    assert services.start_attempt(user=learner, assessment=assessment).pk == attempt.pk
    assert Attempt.objects.count() == 1


def test_a_used_version_refuses_to_change(framework, learner):
    assessment = quiz(framework, count=1)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    version = rows_of(attempt)[0].version
    version.body = {**version.body, "shuffle": False}
    with pytest.raises(ValidationError):
        version.save()


def test_the_database_allows_one_open_attempt_per_learner_and_assessment(framework, learner):
    assessment = quiz(framework, count=1)
    services.start_attempt(user=learner, assessment=assessment)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(user=learner, assessment=assessment, number=2, seed=1)


def test_attempts_allowed_are_enforced(framework, learner):
    assessment = quiz(framework, count=1, attempts_allowed=1)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    row = rows_of(attempt)[0]
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data=right_choice(row))
    with pytest.raises(AttemptError) as error:
        services.start_attempt(user=learner, assessment=assessment)
    assert error.value.code == "no_attempts_left"


def test_a_closed_or_unpublished_assessment_does_not_start(framework, learner):
    assessment = quiz(framework, count=1, published=False)
    with pytest.raises(AttemptError) as error:
        services.start_attempt(user=learner, assessment=assessment)
    assert error.value.code == "not_open"


def test_a_blueprint_draws_per_component_and_level_and_stores_the_draw(framework, learner):
    for _ in range(4):
        make_item(comp=component(framework, "1.1"), level=1)
        make_item(comp=component(framework, "2.1"), level=2)
    make_item(comp=component(framework, "2.1"), level=3)
    assessment = make_assessment(kind="blueprint")
    add_blueprint_rule(assessment, component(framework, "1.1"), count=2, level=1)
    add_blueprint_rule(assessment, component(framework, "2.1"), count=3, level=2)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    rows = rows_of(attempt)
    assert len(rows) == 5
    assert sorted((row.item.component.code, row.item.level) for row in rows) == [("1.1", 1)] * 2 + [("2.1", 2)] * 3
    assert len({row.item_id for row in rows}) == 5


def test_a_blueprint_the_bank_cannot_fill_is_refused_and_nothing_is_kept(framework, learner):
    make_item(comp=component(framework, "1.1"), level=1)
    assessment = make_assessment(kind="blueprint")
    add_blueprint_rule(assessment, component(framework, "1.1"), count=2, level=1)
    with pytest.raises(AttemptError) as error:
        services.start_attempt(user=learner, assessment=assessment)
    assert error.value.code == "bank_too_small"
    assert not Attempt.objects.exists()


# --- answering: the sequence token, refusals ---------------------------------------------------------------------


def test_autosave_stores_answers_and_moves_the_sequence(framework, learner):
    assessment = quiz(framework)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    row = rows_of(attempt)[0]
    saved = services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=right_choice(row))
    assert saved.sequence == 1
    row.refresh_from_db()
    assert row.response == {"choice": "a"} and row.credit is None


def test_a_stale_or_doubled_request_changes_nothing(framework, learner):
    assessment = quiz(framework)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    row = rows_of(attempt)[0]
    services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=right_choice(row))
    with pytest.raises(AttemptError) as error:
        services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=wrong_choice(row))
    assert error.value.code == "stale"
    row.refresh_from_db()
    assert row.response == {"choice": "a"}


def test_a_submit_pressed_twice_closes_once(framework, learner):
    assessment = quiz(framework, count=1)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    data = right_choice(rows_of(attempt)[0])
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    with pytest.raises(AttemptError) as error:
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    assert error.value.code == "closed"
    assert Evidence.objects.count() == 1


def test_another_learners_attempt_is_refused(framework, learner):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework))
    other = make_learner()
    with pytest.raises(AttemptError) as error:
        services.submit_attempt(attempt_id=attempt.pk, user=other, sequence=0, data=right_choice(rows_of(attempt)[0]))
    assert error.value.code == "not_yours"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_an_answer_to_a_question_not_in_the_attempt_is_refused_whole(framework, learner):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework))
    rows = rows_of(attempt)
    data = merged(right_choice(rows[0]), {"q99-choice": "1"})
    with pytest.raises(AttemptError) as error:
        services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    assert error.value.code == "unknown_item"
    assert not AttemptItem.objects.filter(response__isnull=False).exists()
    with pytest.raises(AttemptError):
        services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data={"shown": ["7"]})


def test_a_tampered_answer_is_refused_with_a_vietnamese_reason(framework, learner):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework))
    with pytest.raises(AttemptError) as error:
        services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data={"q1-choice": "9", "shown": ["1"]})
    assert error.value.code == "bad_answer" and error.value.message
    attempt.refresh_from_db()
    assert attempt.sequence == 0


def test_a_score_sent_by_the_browser_is_ignored(framework, learner):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework, count=1))
    data = merged(wrong_choice(rows_of(attempt)[0]), {"score": "100", "q1-credit": "1"})
    closed = services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    assert closed.score == 0 and closed.passed is False


# --- closing and scoring -----------------------------------------------------------------------------------------


def test_submitting_scores_on_the_server_with_weights_and_pass_mark(framework, learner):
    items = [make_item(comp=component(framework, "1.1"), level=1) for _ in range(3)]
    assessment = make_assessment(items=[(items[0], Decimal("2")), items[1], items[2]], pass_mark=Decimal("70"))
    received = []
    signals.attempt_graded.connect(lambda **kw: received.append(kw["attempt_id"]), weak=False, dispatch_uid="t1")
    try:
        with django_capture_on_commit():
            attempt = services.start_attempt(user=learner, assessment=assessment)
            rows = rows_of(attempt)
            data = merged(right_choice(rows[0]), right_choice(rows[1]), wrong_choice(rows[2]))
            closed = services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    finally:
        signals.attempt_graded.disconnect(dispatch_uid="t1")
    assert closed.status == AttemptStatus.GRADED
    weights = {row.position: row.weight for row in rows}
    expected = sum(weights[p] for p in (1, 2))
    assert closed.score == expected and closed.max_score == Decimal("4")
    assert closed.percent == (expected * 100 / 4).quantize(Decimal("0.01"))
    assert closed.passed is (closed.percent >= 70)
    assert received == [closed.pk]


class django_capture_on_commit:
    """Run on_commit callbacks at the end of the block (the test's transaction never commits)."""

    def __enter__(self):
        from django.db import connection

        self.start = len(connection.run_on_commit)
        return self

    def __exit__(self, *exc):
        from django.db import connection

        callbacks = connection.run_on_commit[self.start :]
        connection.run_on_commit[self.start :] = []
        if exc[0] is None:
            for _sids, callback, _robust in callbacks:
                callback()


def test_an_attempt_past_its_deadline_refuses_answers_and_closes_with_what_was_saved(framework, learner, clock):
    assessment = quiz(framework, count=2, time_limit_minutes=10)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    assert attempt.deadline == clock.now + datetime.timedelta(minutes=10)
    rows = rows_of(attempt)
    services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=right_choice(rows[0]))
    clock.advance(minutes=10, seconds=30)
    with pytest.raises(AttemptError) as error:
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=1, data=right_choice(rows[1]))
    assert error.value.code == "late"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.closed_by == Attempt.ClosedBy.DEADLINE
    assert attempt.score == Decimal("1")  # the first answer only, saved in time


def test_an_answer_a_moment_after_the_deadline_is_still_taken(framework, learner, clock):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework, count=1, time_limit_minutes=5))
    clock.advance(minutes=5, seconds=2)
    closed = services.submit_attempt(
        attempt_id=attempt.pk, user=learner, sequence=0, data=right_choice(rows_of(attempt)[0])
    )
    assert closed.closed_by == Attempt.ClosedBy.LEARNER and closed.score == 1


def test_expired_attempts_are_closed_by_the_periodic_task(framework, learner, clock):
    attempt = services.start_attempt(user=learner, assessment=quiz(framework, count=1, time_limit_minutes=1))
    fresh = services.start_attempt(user=make_learner(), assessment=quiz(framework, count=1, time_limit_minutes=30))
    clock.advance(minutes=2)
    from assessments.tasks import close_expired_attempts

    assert close_expired_attempts.apply().get() == 1
    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.closed_by == "deadline"
    assert fresh.status == AttemptStatus.IN_PROGRESS


def test_starting_again_after_the_deadline_closes_the_old_attempt_and_starts_the_next(framework, learner, clock):
    assessment = quiz(framework, count=1, time_limit_minutes=1)
    first = services.start_attempt(user=learner, assessment=assessment)
    clock.advance(minutes=5)
    second = services.start_attempt(user=learner, assessment=assessment)
    first.refresh_from_db()
    assert first.status == AttemptStatus.GRADED and second.number == 2


def test_the_assessment_closing_time_caps_the_deadline(framework, learner, clock):
    closes = clock.now + datetime.timedelta(minutes=3)
    attempt = services.start_attempt(
        user=learner, assessment=quiz(framework, count=1, time_limit_minutes=30, closes_at=closes)
    )
    assert attempt.deadline == closes


# --- evidence and competence --------------------------------------------------------------------------------------


def test_scored_answers_become_evidence_and_raise_the_competence_level_with_history(framework, learner):
    comp = component(framework, "1.1")
    items = [make_item(comp=comp, level=2) for _ in range(3)]
    attempt = services.start_attempt(user=learner, assessment=make_assessment(items=items))
    rows = rows_of(attempt)
    services.submit_attempt(
        attempt_id=attempt.pk,
        user=learner,
        sequence=0,
        data=merged(right_choice(rows[0]), right_choice(rows[1]), right_choice(rows[2])),
    )
    evidence = Evidence.objects.filter(user=learner)
    assert evidence.count() == 3
    assert {(e.component.code, e.level, e.credit) for e in evidence} == {("1.1", 2, Decimal("1"))}
    assert evidence.first().framework_version == "THU-2026 1"
    assert CompetenceLevel.objects.get(user=learner, component=comp).level == 2
    change = CompetenceChange.objects.get(user=learner)
    assert (change.from_level, change.to_level) == (0, 2)


def test_mastery_needs_enough_evidence_and_enough_credit():
    assert services.reached_level([(2, Decimal("1"), Decimal("1"))]) == 0  # one answer is not enough
    assert services.reached_level([(2, Decimal("1"), Decimal("2"))]) == 2
    assert services.reached_level([(2, Decimal("0.5"), Decimal("4"))]) == 0
    evidence = [(1, Decimal("1"), Decimal("2")), (3, Decimal("0.8"), Decimal("3")), (4, Decimal("0"), Decimal("5"))]
    assert services.reached_level(evidence) == 3


def test_an_observed_task_is_evidence_on_its_own(framework, learner):
    examiner = staff(Role.EXAMINER)
    comp = component(framework, "2.1")
    services.record_observation(examiner=examiner, user=learner, component=comp, level=3, passed=True, note="Tự làm")
    assert CompetenceLevel.objects.get(user=learner, component=comp).level == 3
    assert ReviewEvent.objects.filter(action="observed", actor=examiner).exists()
    with pytest.raises(AttemptError):
        services.record_observation(examiner=learner, user=learner, component=comp, level=3, passed=True, note="")


# --- examiners ----------------------------------------------------------------------------------------------------


def essay_attempt(framework, learner, *, rubric=True, second_marking=False):
    essay = make_item(
        kind="essay",
        body={"min_words": 0, "max_words": None, "response_template": ""},
        comp=component(framework, "3.1"),
        level=2,
        rubric=make_rubric() if rubric else None,
    )
    assessment = make_assessment(items=[essay], second_marking=second_marking)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    closed = services.submit_attempt(
        attempt_id=attempt.pk,
        user=learner,
        sequence=0,
        data={"q1-text": "Tôi không bấm vào đường link lạ.", "shown": ["1"]},
    )
    return closed, closed.items.get()


def rubric_choices(row, points=(2, 2)):
    choices = {}
    for criterion, wanted in zip(row.item.rubric.criteria.all(), points, strict=True):
        choices[str(criterion.pk)] = str(criterion.levels.get(points=wanted).pk)
    return choices


def test_an_essay_waits_for_an_examiner(framework, learner):
    attempt, row = essay_attempt(framework, learner)
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    assert row.needs_review and row.credit is None and attempt.score is None


def test_a_lease_keeps_two_examiners_apart_until_it_expires(framework, learner, clock):
    _attempt, row = essay_attempt(framework, learner)
    first, second = staff(Role.EXAMINER), staff(Role.EXAMINER)
    assert services.claim(attempt_item_id=row.pk, examiner=first)
    assert not services.claim(attempt_item_id=row.pk, examiner=second)
    with pytest.raises(AttemptError) as error:
        services.grade_response(attempt_item_id=row.pk, examiner=second, rubric_choices=rubric_choices(row))
    assert error.value.code == "not_claimed"
    clock.advance(minutes=21)
    assert services.claim(attempt_item_id=row.pk, examiner=second)
    with pytest.raises(AttemptError):
        services.grade_response(attempt_item_id=row.pk, examiner=first, rubric_choices=rubric_choices(row))


def test_a_learner_cannot_claim(framework, learner):
    _attempt, row = essay_attempt(framework, learner)
    with pytest.raises(AttemptError) as error:
        services.claim(attempt_item_id=row.pk, examiner=learner)
    assert error.value.code == "not_allowed"


def test_rubric_grading_finishes_the_attempt_with_the_examiners_comment(framework, learner):
    attempt, row = essay_attempt(framework, learner)
    examiner = staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=examiner)
    services.grade_response(
        attempt_item_id=row.pk, examiner=examiner, rubric_choices=rubric_choices(row, (2, 1)), comment="Khá tốt"
    )
    row.refresh_from_db()
    attempt.refresh_from_db()
    assert row.credit == Decimal("0.7500") and row.feedback == "Khá tốt" and row.reviewed_at
    assert attempt.status == AttemptStatus.GRADED and attempt.percent == Decimal("75.00")
    assert row.claimed_by is None
    assert Evidence.objects.get(attempt_item=row).credit == Decimal("0.75")
    assert ReviewEvent.objects.filter(action="graded", attempt_item=row).count() == 1


def test_an_incomplete_rubric_is_refused(framework, learner):
    _attempt, row = essay_attempt(framework, learner)
    examiner = staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=examiner)
    choices = rubric_choices(row)
    choices.popitem()
    with pytest.raises(AttemptError) as error:
        services.grade_response(attempt_item_id=row.pk, examiner=examiner, rubric_choices=choices)
    assert error.value.code == "bad_grade"
    assert not Grade.objects.exists()


def test_second_marking_by_another_examiner_averages_close_marks(framework, learner):
    attempt, row = essay_attempt(framework, learner, second_marking=True)
    first, second = staff(Role.EXAMINER), staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=first)
    services.grade_response(attempt_item_id=row.pk, examiner=first, rubric_choices=rubric_choices(row, (2, 2)))
    row.refresh_from_db()
    assert row.credit is None and row.reviewed_at is None
    AttemptItem.objects.filter(pk=row.pk).update(claimed_by=first, claim_expires_at=timezone.now() + LEASE)
    with pytest.raises(AttemptError) as error:
        services.grade_response(attempt_item_id=row.pk, examiner=first, rubric_choices=rubric_choices(row))
    assert error.value.code == "same_examiner"
    services.release(attempt_item_id=row.pk, examiner=first)
    services.claim(attempt_item_id=row.pk, examiner=second)
    services.grade_response(attempt_item_id=row.pk, examiner=second, rubric_choices=rubric_choices(row, (2, 1)))
    row.refresh_from_db()
    assert row.credit == Decimal("0.8750")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED


def test_far_apart_marks_wait_for_an_agreed_mark(framework, learner):
    _attempt, row = essay_attempt(framework, learner, second_marking=True)
    first, second, third = (staff(Role.EXAMINER) for _ in range(3))
    for examiner, points in ((first, (2, 2)), (second, (0, 0))):
        services.claim(attempt_item_id=row.pk, examiner=examiner)
        services.grade_response(attempt_item_id=row.pk, examiner=examiner, rubric_choices=rubric_choices(row, points))
    row.refresh_from_db()
    assert row.credit is None
    services.claim(attempt_item_id=row.pk, examiner=third)
    services.grade_response(attempt_item_id=row.pk, examiner=third, rubric_choices=rubric_choices(row, (1, 1)))
    row.refresh_from_db()
    assert row.credit == Decimal("0.5000")
    assert list(row.grades.values_list("marking", flat=True)) == ["first", "second", "final"]


# --- key corrections ----------------------------------------------------------------------------------------------


def test_a_key_correction_rescores_stored_answers_and_evidence_and_is_logged(framework, learner):
    editor = staff(Role.EDITOR)
    item = make_item(comp=component(framework, "1.1"), level=1)
    assessment = make_assessment(items=[item], pass_mark=Decimal("50"))
    attempt = services.start_attempt(user=learner, assessment=assessment)
    row = rows_of(attempt)[0]
    closed = services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=wrong_choice(row))
    assert closed.passed is False
    old = row.version
    wrong_key = min(old.body["options"], key=lambda o: o["credit"])["key"]
    corrected_body = {
        **old.body,
        "options": [{**option, "credit": 1 if option["key"] == wrong_key else 0} for option in old.body["options"]],
    }
    summary = services.correct_key(version=old, body=corrected_body, by=editor, reason="Đáp án cũ sai")
    assert (summary.answers, summary.changed, summary.attempts) == (1, 1, 1)
    row.refresh_from_db()
    closed.refresh_from_db()
    item.refresh_from_db()
    assert row.credit == 1 and row.scored_with_id == summary.version.pk and row.version_id == old.pk
    assert closed.passed is True and closed.score == 1
    assert item.current_version_id == summary.version.pk and summary.version.number == 2
    assert Evidence.objects.get(attempt_item=row).credit == 1
    event = ReviewEvent.objects.get(action="regraded")
    assert event.detail["reason"] == "Đáp án cũ sai" and event.detail["changes"][0]["to"] == "1.0000"
    old.refresh_from_db()
    assert old.body["options"] != corrected_body["options"]  # the used version itself never changed


def test_a_key_correction_must_keep_the_options(framework, learner):
    item = make_item(comp=component(framework, "1.1"), level=1)
    body = dict(item.current_version.body)
    body["options"] = body["options"][:2]
    with pytest.raises(ValidationError):
        services.correct_key(version=item.current_version, body=body, by=staff(Role.EDITOR), reason="x")
    assert ItemVersion.objects.filter(item=item).count() == 1


# --- confirmations ------------------------------------------------------------------------------------------------


def make_rule(framework, *, code="1.1", min_level=1, assessment=None):
    rule = ConfirmationRule.objects.create(
        title="Quy tắc thử cho người dân", target_group="citizen", framework=framework, assessment=assessment
    )
    RuleRequirement.objects.create(rule=rule, component=component(framework, code), min_level=min_level)
    return rule


def pass_quiz(framework, learner, *, level=1, code="1.1"):
    items = [make_item(comp=component(framework, code), level=level) for _ in range(2)]
    assessment = make_assessment(items=items)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    rows = rows_of(attempt)
    data = merged(*(right_choice(row) for row in rows))
    return services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)


def test_a_met_rule_confirms_the_learner_automatically_once(framework, learner):
    rule = make_rule(framework)
    with django_capture_on_commit():
        pass_quiz(framework, learner)
    confirmation = Confirmation.objects.get(user=learner)
    assert confirmation.method == "automatic" and confirmation.rule_version == rule.version
    assert confirmation.rule_snapshot["requirements"] == [{"component": "1.1", "min_level": 1}]
    assert confirmation.rule_snapshot["source_checked"] is False
    assert confirmation.evidence_summary == [{"component": "1.1", "level": 1, "required": 1}]
    assert services.evaluate_confirmations(learner.pk) is None
    assert Confirmation.objects.count() == 1


def test_an_unmet_rule_or_another_group_confirms_nobody(framework, learner):
    make_rule(framework, min_level=3)
    with django_capture_on_commit():
        pass_quiz(framework, learner, level=1)
    assert not Confirmation.objects.exists()
    pupil = make_learner(target_group="pupil_student")
    make_rule(framework, min_level=1)
    with django_capture_on_commit():
        pass_quiz(framework, pupil)
    assert not Confirmation.objects.filter(user=pupil).exists()


def test_a_rule_with_an_assessment_needs_it_passed(framework, learner):
    final = quiz(framework, count=1)
    make_rule(framework, assessment=final)
    with django_capture_on_commit():
        pass_quiz(framework, learner)
    assert not Confirmation.objects.exists()
    attempt = services.start_attempt(user=learner, assessment=final)
    with django_capture_on_commit():
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=right_choice(rows_of(attempt)[0]))
    assert Confirmation.objects.get(user=learner).evidence_summary[-1]["attempt"] == attempt.pk


def test_an_examiner_confirms_from_an_observed_task_and_revocation_needs_a_reason(framework, learner):
    examiner = staff(Role.EXAMINER)
    confirmation = services.confirm_by_examiner(
        examiner=examiner, user=learner, observed_task="Tự đăng nhập VNeID và nộp hồ sơ trực tuyến"
    )
    assert confirmation.method == "examiner" and confirmation.confirmed_by == examiner
    with pytest.raises(ValidationError):
        services.confirm_by_examiner(examiner=examiner, user=learner, observed_task="Lần hai")
    with pytest.raises(ValidationError):
        services.revoke_confirmation(confirmation=confirmation, by=examiner, reason="  ")
    services.revoke_confirmation(confirmation=confirmation, by=examiner, reason="Nhầm người")
    confirmation.refresh_from_db()
    assert confirmation.revoked_at and confirmation.revoke_reason == "Nhầm người"
    assert list(ReviewEvent.objects.values_list("action", flat=True).order_by("at")) == ["confirmed", "revoked"]
    # once revoked, the learner can be confirmed again
    services.confirm_by_examiner(examiner=examiner, user=learner, observed_task="Làm lại trước mặt giám khảo")
    assert Confirmation.objects.filter(user=learner, revoked_at=None).count() == 1


def test_a_learner_cannot_revoke(framework, learner):
    confirmation = services.confirm_by_examiner(examiner=staff(Role.EXAMINER), user=learner, observed_task="Việc")
    with pytest.raises(AttemptError):
        services.revoke_confirmation(confirmation=confirmation, by=learner, reason="Không thích")


def test_changing_a_rule_makes_a_new_version_and_old_confirmations_keep_theirs(framework, learner):
    rule = make_rule(framework)
    with django_capture_on_commit():
        pass_quiz(framework, learner)
    rule.title = "Quy tắc đã sửa"
    services.save_rule(rule)
    assert rule.version == 2
    assert Confirmation.objects.get(user=learner).rule_version == 1


def test_the_first_marker_cannot_claim_the_second_marking(framework, learner):
    _attempt, row = essay_attempt(framework, learner, second_marking=True)
    first = staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=first)
    services.grade_response(attempt_item_id=row.pk, examiner=first, rubric_choices=rubric_choices(row))
    with pytest.raises(AttemptError) as error:
        services.claim(attempt_item_id=row.pk, examiner=first)
    assert error.value.code == "same_examiner"
    row.refresh_from_db()
    assert row.claimed_by is None  # free for the real second examiner


def test_switching_second_marking_off_after_a_first_mark_lets_the_next_mark_settle_it(framework, learner):
    attempt, row = essay_attempt(framework, learner, second_marking=True)
    first, other = staff(Role.EXAMINER), staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=first)
    services.grade_response(attempt_item_id=row.pk, examiner=first, rubric_choices=rubric_choices(row, (2, 2)))
    type(attempt.assessment).objects.filter(pk=attempt.assessment_id).update(second_marking=False)
    services.claim(attempt_item_id=row.pk, examiner=other)
    services.grade_response(attempt_item_id=row.pk, examiner=other, rubric_choices=rubric_choices(row, (1, 1)))
    row.refresh_from_db()
    assert row.credit == Decimal("0.5000")
    assert list(row.grades.values_list("marking", flat=True)) == ["first", "final"]


def test_audit_times_follow_the_servers_clock(framework, learner, clock):
    _attempt, row = essay_attempt(framework, learner)
    clock.advance(days=3)
    examiner = staff(Role.EXAMINER)
    services.claim(attempt_item_id=row.pk, examiner=examiner)
    assert ReviewEvent.objects.get(action="claimed").at == clock.now


def test_an_examiner_without_the_permission_cannot_grade(framework, learner):
    from django.contrib.auth.models import Group

    _attempt, row = essay_attempt(framework, learner)
    examiner = staff(Role.EXAMINER)
    Group.objects.get(name=Role.EXAMINER).permissions.remove(
        *Group.objects.get(name=Role.EXAMINER).permissions.filter(codename="grade_responses")
    )
    with pytest.raises(AttemptError) as error:
        services.claim(attempt_item_id=row.pk, examiner=examiner)
    assert error.value.code == "not_allowed"

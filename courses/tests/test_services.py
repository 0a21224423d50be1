import pytest

from courses import services
from courses.models import Enrolment, LessonProgress, XAPIStatement
from courses.selectors import course_outline, lesson_snapshot
from courses.services import LearningError
from courses.signals import course_completed
from courses.tests.factories import h5p_package, lessons_of, make_course

pytestmark = pytest.mark.django_db


def heartbeat(user, lesson, view, seq, visible, video=None):
    return services.record_heartbeat(
        user=user,
        lesson_id=lesson.pk,
        data={"view": view, "seq": seq, "visible_seconds": visible, "video": video or {}},
    )


def open_view(user, lesson):
    return services.view_token(user_id=user.pk, lesson_id=lesson.pk)


def study(user, lesson, clock, seconds=None):
    """Keep the lesson page in view long enough, as the lesson page's heartbeats would."""
    seconds = seconds or lesson.min_reading_seconds
    view = open_view(user, lesson)
    clock.advance(seconds)
    return heartbeat(user, lesson, view, 1, seconds)


# --- enrolment ------------------------------------------------------------------------------------------


def test_open_course_enrols_at_once_and_twice_is_one_enrolment(catalog, learner):
    course = make_course(catalog)
    first = services.enrol(user=learner, course=course)
    again = services.enrol(user=learner, course=course)
    assert first.pk == again.pk
    assert first.status == Enrolment.Status.ACTIVE
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_approval_course_waits_for_the_ward_then_opens(catalog, learner):
    from lms.api import Role
    from lms.tests.factories import staff

    course = make_course(catalog, enrolment_mode="approval")
    enrolment = services.enrol(user=learner, course=course)
    assert enrolment.status == Enrolment.Status.PENDING
    services.approve_enrolment(enrolment=enrolment, by=staff(Role.WARD_ADMIN))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_ward_admin_course_refuses_self_enrolment_with_a_reason(catalog, learner):
    from lms.api import Role
    from lms.tests.factories import staff

    course = make_course(catalog, enrolment_mode="ward_admin")
    with pytest.raises(LearningError, match="phường ghi danh"):
        services.enrol(user=learner, course=course)
    assert not Enrolment.objects.exists()
    enrolment = services.enrol(
        user=learner, course=course, by=staff(Role.WARD_ADMIN), source=Enrolment.Source.WARD_ADMIN
    )
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_prerequisite_must_be_completed_first(catalog, learner):
    basics = make_course(catalog, title="Cơ bản")
    advanced = make_course(catalog, title="Nâng cao")
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    with pytest.raises(LearningError, match="Cơ bản"):
        services.enrol(user=learner, course=advanced)
    Enrolment.objects.create(user=learner, course=basics, status=Enrolment.Status.COMPLETED)
    assert services.enrol(user=learner, course=advanced).status == Enrolment.Status.ACTIVE


def test_leaving_keeps_progress_and_enrolling_again_carries_on(catalog, learner, clock):
    course = make_course(catalog)
    first = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    study(learner, first, clock)
    services.unenrol(user=learner, course=course)
    assert Enrolment.objects.get().status == Enrolment.Status.WITHDRAWN
    with pytest.raises(LearningError):  # no study while out of the course
        study(learner, first, clock)
    services.enrol(user=learner, course=course)
    assert LessonProgress.objects.get(lesson=first).completed_at is not None


# --- sequential unlocking ---------------------------------------------------------------------------------


def test_sequential_course_opens_lessons_one_after_another(catalog, learner, clock):
    course = make_course(catalog, modules=2, lessons_per_module=2)
    lessons = lessons_of(course)
    services.enrol(user=learner, course=course)
    outline = course_outline(course.pk)
    assert outline.is_unlocked(lessons[0].pk, set())
    assert not outline.is_unlocked(lessons[1].pk, set())
    with pytest.raises(LearningError) as refused:
        study(learner, lessons[1], clock)
    assert refused.value.code == "locked"
    assert not LessonProgress.objects.filter(lesson=lessons[1]).exists()
    assert study(learner, lessons[0], clock)["completed"]
    assert study(learner, lessons[1], clock)["completed"]
    # across the module boundary too
    assert outline.is_unlocked(lessons[2].pk, {lessons[0].pk, lessons[1].pk})


def test_optional_lesson_does_not_block_the_next(catalog, learner):
    course = make_course(catalog, modules=1, lessons_per_module=3, optional_positions=(0,))
    lessons = lessons_of(course)
    outline = course_outline(course.pk)
    assert outline.is_unlocked(lessons[1].pk, set())
    assert not outline.is_unlocked(lessons[2].pk, set())


def test_free_order_course_opens_every_lesson(catalog, learner, clock):
    course = make_course(catalog, sequential=False)
    last = lessons_of(course)[-1]
    services.enrol(user=learner, course=course)
    assert study(learner, last, clock)["completed"]


# --- heartbeats -------------------------------------------------------------------------------------------


def test_reading_time_is_bounded_by_the_servers_clock(catalog, learner, clock):
    course = make_course(catalog, min_reading_seconds=120)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    view = open_view(user=learner, lesson=lesson)
    clock.advance(15)
    state = heartbeat(learner, lesson, view, 1, visible=3600)  # a script claiming an hour after 15 s
    assert state["reading_seconds"] <= 20
    assert "reading" in state["missing"]
    clock.advance(15)
    state = heartbeat(learner, lesson, view, 2, visible=3615)
    assert state["reading_seconds"] <= 40


def test_the_same_heartbeat_twice_counts_once(catalog, learner, clock):
    course = make_course(catalog, min_reading_seconds=120)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    clock.advance(15)
    first = heartbeat(learner, lesson, view, 1, visible=15)
    clock.advance(1)
    again = heartbeat(learner, lesson, view, 1, visible=15)  # a retry after a lost answer
    stale = heartbeat(learner, lesson, view, 0, visible=15)
    assert first["reading_seconds"] == again["reading_seconds"] == stale["reading_seconds"] == 15


def test_a_second_tab_does_not_double_the_time(catalog, learner, clock):
    course = make_course(catalog, min_reading_seconds=300)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    tab_one, tab_two = open_view(learner, lesson), open_view(learner, lesson)
    clock.advance(30)
    heartbeat(learner, lesson, tab_one, 1, visible=30)
    state = heartbeat(learner, lesson, tab_two, 1, visible=30)
    assert state["reading_seconds"] <= 30


def test_time_offline_is_counted_when_the_page_reconnects(catalog, learner, clock):
    course = make_course(catalog, min_reading_seconds=300)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    clock.advance(15)
    heartbeat(learner, lesson, view, 1, visible=15)
    clock.advance(600)  # ten minutes without a connection, the page still open and read
    state = heartbeat(learner, lesson, view, 2, visible=615)
    assert state["reading_seconds"] == 615
    assert state["completed"]


def test_a_page_opened_days_ago_still_reports(catalog, learner, clock):
    course = make_course(catalog)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    clock.advance(3 * 24 * 3600)
    assert heartbeat(learner, lesson, view, 1, visible=40)["completed"]


def test_a_forged_or_foreign_page_view_is_refused(catalog, learner, other_learner, clock):
    course = make_course(catalog)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    services.enrol(user=other_learner, course=course)
    with pytest.raises(LearningError) as forged:
        heartbeat(learner, lesson, "not-a-token", 1, visible=10)
    assert forged.value.code == "stale_view"
    theirs = open_view(other_learner, lesson)
    with pytest.raises(LearningError):
        heartbeat(learner, lesson, theirs, 1, visible=10)


def test_progress_for_a_course_not_enrolled_in_is_refused(catalog, learner, other_learner, clock):
    course = make_course(catalog)
    lesson = lessons_of(course)[0]
    services.enrol(user=other_learner, course=course)
    with pytest.raises(LearningError) as refused:
        study(learner, lesson, clock)
    assert refused.value.code == "not_enrolled"
    assert LessonProgress.objects.count() == 0


# --- video ------------------------------------------------------------------------------------------------


def _course_with_video(catalog, duration=100):
    from courses.models import LessonPage

    course = make_course(catalog, modules=1, lessons_per_module=1, min_reading_seconds=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.body = [
        *lesson.body.raw_data,
        {
            "type": "video",
            "id": "video-1",
            "value": {
                "video": None,
                "captions": None,
                "title": "Cài VNeID",
                "duration_seconds": duration,
                "required": True,
            },
        },
    ]
    lesson.save_revision().publish()
    return course, lesson


def test_seeking_to_the_end_of_a_video_does_not_count(catalog, learner, clock):
    course, lesson = _course_with_video(catalog, duration=100)
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    clock.advance(15)
    state = heartbeat(
        learner, lesson, view, 1, 15, video={"video-1": {"duration": 100, "segments": [[0, 2], [2, 100]]}}
    )
    assert "video:video-1" in state["missing"]
    assert state["video_percent"] == {}


def test_a_video_watched_in_pieces_counts_when_nine_tenths_were_played(catalog, learner, clock):
    course, lesson = _course_with_video(catalog, duration=100)
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    for seq, start in enumerate(range(0, 90, 15), start=1):
        clock.advance(15)
        state = heartbeat(learner, lesson, view, seq, seq * 15, video={"video-1": {"segments": [[start, start + 15]]}})
    assert state["video_percent"]["video-1"] == 90
    assert state["completed"]


def test_the_player_cannot_shorten_the_video_the_editor_measured(catalog, learner, clock):
    course, lesson = _course_with_video(catalog, duration=100)
    services.enrol(user=learner, course=course)
    view = open_view(learner, lesson)
    clock.advance(15)
    state = heartbeat(learner, lesson, view, 1, 15, video={"video-1": {"duration": 10, "segments": [[0, 10]]}})
    assert state["video_percent"]["video-1"] == 10


# --- checkpoint -------------------------------------------------------------------------------------------


def _drawn(learner, lesson):
    from courses.selectors import progress_rows, studying_enrolment

    snapshot = lesson_snapshot(lesson.pk)
    enrolment = studying_enrolment(user=learner, course_id=snapshot.course_id)
    row = services.open_lesson(enrolment=enrolment, snapshot=snapshot, rows=progress_rows(enrolment))
    return snapshot, row.checkpoint_question_ids


def test_checkpoint_questions_are_drawn_per_learner_and_checked_on_the_server(catalog, learner, clock):
    course = make_course(catalog, checkpoint=2, min_reading_seconds=1)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    snapshot, drawn = _drawn(learner, lesson)
    assert len(drawn) == 2 and set(drawn) <= set(snapshot.checkpoint)
    wrong = {str(qid): str((snapshot.checkpoint[qid].correct + 1) % 3) for qid in drawn}
    outcome = services.answer_checkpoint(user=learner, lesson_id=lesson.pk, answers=wrong)
    assert not outcome["checkpoint_passed"]
    redrawn = LessonProgress.objects.get(lesson=lesson).checkpoint_question_ids
    assert redrawn != drawn  # four questions in the pool: a fresh pair
    right = {str(qid): str(snapshot.checkpoint[qid].correct) for qid in redrawn}
    study(learner, lesson, clock)
    assert services.answer_checkpoint(user=learner, lesson_id=lesson.pk, answers=right)["completed"]


def test_answers_to_questions_not_drawn_are_refused(catalog, learner):
    course = make_course(catalog, checkpoint=2)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    snapshot, drawn = _drawn(learner, lesson)
    other = next(qid for qid in snapshot.checkpoint if qid not in drawn)
    with pytest.raises(LearningError) as refused:
        services.answer_checkpoint(user=learner, lesson_id=lesson.pk, answers={str(other): "0"})
    assert refused.value.code == "unknown" and str(refused.value)
    assert LessonProgress.objects.get(lesson=lesson).checkpoint_attempts == 0


def test_unanswered_checkpoint_changes_nothing(catalog, learner):
    course = make_course(catalog, checkpoint=2)
    lesson = lessons_of(course)[0]
    services.enrol(user=learner, course=course)
    _snapshot, drawn = _drawn(learner, lesson)
    with pytest.raises(LearningError):
        services.answer_checkpoint(user=learner, lesson_id=lesson.pk, answers={str(drawn[0]): "0"})
    assert LessonProgress.objects.get(lesson=lesson).checkpoint_question_ids == drawn


# --- xAPI -------------------------------------------------------------------------------------------------


def _statement(verb="completed", *, scaled=1.0, statement_id="", parent=False):
    statement = {
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": "http://example.vn/h5p/1"},
        "result": {"score": {"raw": 3, "max": 3, "scaled": scaled}, "completion": True, "success": True},
    }
    if statement_id:
        statement["id"] = statement_id
    if parent:
        statement["context"] = {"contextActivities": {"parent": [{"id": "http://example.vn/h5p/1"}]}}
    return statement


def _h5p_course(catalog):
    package = h5p_package("Hoạt động kiểm tra")
    course = make_course(catalog, modules=1, lessons_per_module=2, h5p=package, min_reading_seconds=1)
    lesson = lessons_of(course)[0]
    block_id = lesson_snapshot(lesson.pk).activities[0].block_id
    return course, lesson, block_id


def test_a_completed_statement_marks_the_activity_done(catalog, learner, clock):
    course, lesson, block_id = _h5p_course(catalog)
    services.enrol(user=learner, course=course)
    state = study(learner, lesson, clock)
    assert state["missing"] == [f"activity:{block_id}"]
    state = services.record_xapi(user=learner, lesson_id=lesson.pk, block_id=block_id, statement=_statement())
    assert state["activities_done"] == [block_id]
    assert state["completed"]


def test_a_sub_question_answered_does_not_finish_the_activity(catalog, learner):
    course, lesson, block_id = _h5p_course(catalog)
    services.enrol(user=learner, course=course)
    state = services.record_xapi(
        user=learner, lesson_id=lesson.pk, block_id=block_id, statement=_statement("answered", parent=True)
    )
    assert state["activities_done"] == []
    assert XAPIStatement.objects.count() == 1


def test_the_same_statement_twice_is_kept_once(catalog, learner):
    course, lesson, block_id = _h5p_course(catalog)
    services.enrol(user=learner, course=course)
    for _ in range(2):
        services.record_xapi(
            user=learner, lesson_id=lesson.pk, block_id=block_id, statement=_statement(statement_id="5f1c-1")
        )
    assert XAPIStatement.objects.count() == 1


def test_statements_for_unknown_activities_or_without_a_verb_are_refused(catalog, learner):
    course, lesson, block_id = _h5p_course(catalog)
    services.enrol(user=learner, course=course)
    with pytest.raises(LearningError) as unknown:
        services.record_xapi(user=learner, lesson_id=lesson.pk, block_id="someone-elses", statement=_statement())
    assert unknown.value.status == 404
    for bad in ({"verb": "completed"}, {"verb": {"id": "javascript:alert(1)"}}, ["not", "a", "statement"]):
        with pytest.raises(LearningError):
            services.record_xapi(user=learner, lesson_id=lesson.pk, block_id=block_id, statement=bad)
    assert XAPIStatement.objects.count() == 0


def test_a_browser_score_is_stored_as_reported_but_never_makes_a_lesson_done(catalog, learner):
    course, lesson, block_id = _h5p_course(catalog)
    services.enrol(user=learner, course=course)
    state = services.record_xapi(user=learner, lesson_id=lesson.pk, block_id=block_id, statement=_statement(scaled=1.0))
    assert XAPIStatement.objects.get().reported_score == 1.0
    assert not state["completed"]  # the lesson still needs its study time: a score proves nothing
    assert "reading" in state["missing"]


# --- completion -------------------------------------------------------------------------------------------


def test_course_completes_when_every_required_lesson_is_done_and_says_so_once(
    catalog, learner, clock, django_capture_on_commit_callbacks
):
    course = make_course(catalog, modules=1, lessons_per_module=3, optional_positions=(2,))
    lessons = lessons_of(course)
    services.enrol(user=learner, course=course)
    heard = []

    def listener(sender, enrolment, **kwargs):
        heard.append(enrolment.pk)

    course_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            study(learner, lessons[0], clock)
        assert heard == []
        with django_capture_on_commit_callbacks(execute=True):
            study(learner, lessons[1], clock)
        with django_capture_on_commit_callbacks(execute=True):
            study(learner, lessons[2], clock)  # optional: the course was already complete
    finally:
        course_completed.disconnect(listener)
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at
    assert heard == [enrolment.pk]


def test_an_extra_completion_rule_holds_the_course_open(catalog, learner, clock):
    course = make_course(catalog, modules=1, lessons_per_module=1)
    services.enrol(user=learner, course=course)
    passed = {"final_test": False}

    def final_assessment(enrolment):
        return passed["final_test"]

    services.register_completion_rule(final_assessment)
    try:
        study(learner, lessons_of(course)[0], clock)
        enrolment = Enrolment.objects.get()
        assert enrolment.status == Enrolment.Status.ACTIVE
        passed["final_test"] = True
        assert services.evaluate_course_completion(enrolment=enrolment)
    finally:
        services._completion_rules.remove(final_assessment)
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED

"""Everything that changes learning state: enrolment, study evidence, lesson and course completion.

Each function runs in one transaction and locks the row it changes, so a request sent twice at once (a double
tap, a retry after a lost answer) is counted once. Refusals raise LearningError with a message for the learner.
"""

import random
import secrets

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import progress as rules
from .models import CoursePage, Enrolment, EnrolmentMode, LessonActivity, LessonPage, LessonProgress, XAPIStatement
from .selectors import LessonSnapshot, course_outline, lesson_snapshot
from .signals import course_completed, lesson_completed

VIEW_TOKEN_SALT = "hocvuso.courses.lesson-view"  # noqa: S105 - a signing salt, not a secret
VIEW_TOKEN_MAX_AGE = 7 * 24 * 3600  # a page left open on a phone for days still reports when it reconnects
MAX_XAPI_BYTES = 64 * 1024
LAST_SEEN_PRECISION_SECONDS = 60
COMPLETING_VERBS = {"http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed"}
ANSWERED_VERB = "http://adlnet.gov/expapi/verbs/answered"


class LearningError(Exception):
    """A refused learning action; `str(error)` is the learner-facing (translated) reason."""

    def __init__(self, message: str, *, code: str = "refused", status: int = 400):
        super().__init__(message)
        self.code = code
        self.status = status


# --- enrolment -------------------------------------------------------------------------------------------


def _missing_prerequisites(user, course: CoursePage) -> list[CoursePage]:
    required = list(course.live_prerequisites())
    if not required:
        return []
    done = set(
        Enrolment.objects.filter(user=user, course__in=required, status=Enrolment.Status.COMPLETED).values_list(
            "course_id", flat=True
        )
    )
    return [prerequisite for prerequisite in required if prerequisite.pk not in done]


@transaction.atomic
def enrol(*, user, course: CoursePage, by=None, source: str = Enrolment.Source.SELF) -> Enrolment:
    """Enrol `user` in `course` (again, after leaving it: their progress is kept). A learner enrolling
    themselves follows the course's enrolment mode; a ward administrator (`by`) enrols directly."""
    self_service = by is None or by == user
    if self_service:
        if course.enrolment_mode == EnrolmentMode.WARD_ADMIN:
            raise LearningError(_("The ward office enrols learners in this course. Ask them to add you."))
        missing = _missing_prerequisites(user, course)
        if missing:
            raise LearningError(
                _("Finish these courses first: %(courses)s.") % {"courses": ", ".join(page.title for page in missing)}
            )
    status = (
        Enrolment.Status.PENDING
        if self_service and course.enrolment_mode == EnrolmentMode.APPROVAL
        else Enrolment.Status.ACTIVE
    )
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.select_for_update().get_or_create(
                user=user,
                course=course,
                defaults={"status": status, "source": source, "enrolled_by": None if self_service else by},
            )
    except IntegrityError:  # the same enrolment arrived at the same moment
        enrolment, created = Enrolment.objects.select_for_update().get(user=user, course=course), False
    if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = status
        enrolment.save(update_fields=["status"])
    elif not created and enrolment.status == Enrolment.Status.PENDING and status == Enrolment.Status.ACTIVE:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.enrolled_by = by
        enrolment.save(update_fields=["status", "enrolled_by"])
    if enrolment.status == Enrolment.Status.ACTIVE:
        keep_assessment_results(enrolment=enrolment)
        evaluate_course_completion(enrolment=enrolment)
    return enrolment


@transaction.atomic
def approve_enrolment(*, enrolment: Enrolment, by) -> Enrolment:
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.PENDING:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.enrolled_by = by
        enrolment.save(update_fields=["status", "enrolled_by"])
    return enrolment


@transaction.atomic
def unenrol(*, user, course: CoursePage) -> None:
    """Leave a course. Progress is kept, so enrolling again carries on where the learner stopped; a completed
    course stays completed."""
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
    if enrolment is None or enrolment.status == Enrolment.Status.COMPLETED:
        return
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])


# --- opening a lesson -------------------------------------------------------------------------------------


def view_token(*, user_id: int, lesson_id: int) -> str:
    """Names one opening of a lesson page and when it happened, without a database write: heartbeats carry it
    so the server knows how much real time has passed since the page was opened."""
    return signing.dumps(
        {"u": user_id, "l": lesson_id, "v": secrets.token_hex(8), "t": timezone.now().timestamp()},
        salt=VIEW_TOKEN_SALT,
    )


def read_view_token(token: str, *, user_id: int, lesson_id: int) -> dict:
    try:
        data = signing.loads(token or "", salt=VIEW_TOKEN_SALT, max_age=VIEW_TOKEN_MAX_AGE)
    except signing.BadSignature:
        raise LearningError(_("This page is too old. Reload it to carry on."), code="stale_view", status=409) from None
    if data.get("u") != user_id or data.get("l") != lesson_id:
        raise LearningError(_("This page is too old. Reload it to carry on."), code="stale_view", status=409)
    return data


def _draw_checkpoint(snapshot: LessonSnapshot, *, exclude=()) -> list[int]:
    pool = sorted(snapshot.checkpoint)
    size = snapshot.checkpoint_size
    fresh = [question for question in pool if question not in exclude]
    if len(fresh) < size:
        fresh = pool
    return random.SystemRandom().sample(fresh, size) if size else []


def _new_progress_row(*, enrolment: Enrolment, snapshot: LessonSnapshot, lock: bool = False) -> LessonProgress:
    """The learner's first row for this lesson, with their own checkpoint questions drawn; the row made by a
    request that got there first (two tabs, a heartbeat beside the page) when there is one."""
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(
                enrolment=enrolment, lesson_id=snapshot.id, checkpoint_question_ids=_draw_checkpoint(snapshot)
            )
    except IntegrityError:
        rows = LessonProgress.objects.select_for_update() if lock else LessonProgress.objects
        return rows.get(enrolment=enrolment, lesson_id=snapshot.id)


def open_lesson(*, enrolment: Enrolment, snapshot: LessonSnapshot, rows: dict[int, LessonProgress]) -> LessonProgress:
    """The learner's progress row for this lesson (created on the first visit, with their own checkpoint
    questions drawn), and the lesson remembered as where to resume."""
    row = rows.get(snapshot.id)
    if row is None:
        row = rows[snapshot.id] = _new_progress_row(enrolment=enrolment, snapshot=snapshot)
    elif set(row.checkpoint_question_ids) - set(snapshot.checkpoint) or (
        not row.checkpoint_passed_at and len(row.checkpoint_question_ids) != snapshot.checkpoint_size
    ):
        # the editor changed the questions since this learner's draw
        row.checkpoint_question_ids = _draw_checkpoint(snapshot)
        LessonProgress.objects.filter(pk=row.pk).update(checkpoint_question_ids=row.checkpoint_question_ids)
    if enrolment.last_lesson_id != snapshot.id:
        now = timezone.now()
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson_id=snapshot.id, last_seen_at=now)
        enrolment.last_lesson_id, enrolment.last_seen_at = snapshot.id, now
    return row


# --- study evidence ----------------------------------------------------------------------------------------


def _locked_row(*, user, snapshot: LessonSnapshot) -> tuple[Enrolment, LessonProgress]:
    """The learner's enrolment and progress row for this lesson, locked; refuses what must not count."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(
            user=user, course_id=snapshot.course_id, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        )
        .first()
    )
    if enrolment is None:
        raise LearningError(_("You are not enrolled in this course."), code="not_enrolled", status=403)
    outline = snapshot.outline
    completed = frozenset(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    if outline is None or not outline.is_unlocked(snapshot.id, completed):
        raise LearningError(
            _("This lesson is still locked: finish the lessons before it first."), code="locked", status=403
        )
    row = LessonProgress.objects.select_for_update().filter(enrolment=enrolment, lesson_id=snapshot.id).first()
    if row is None:
        row = _new_progress_row(enrolment=enrolment, snapshot=snapshot, lock=True)
    return enrolment, row


def _number(value, default=0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if number == number and abs(number) != float("inf") else default


@transaction.atomic
def record_heartbeat(*, user, lesson_id: int, data: dict) -> dict:
    """Count one heartbeat of an open lesson page: time in view and video segments played, bounded by the real
    time that passed on the server's clock. A stale or repeated heartbeat (same page view, sequence number not
    higher) changes nothing. Returns the lesson's state for the page."""
    snapshot = _snapshot_or_refuse(lesson_id)
    view = read_view_token(str(data.get("view", "")), user_id=user.pk, lesson_id=lesson_id)
    seq = int(_number(data.get("seq")))
    enrolment, row = _locked_row(user=user, snapshot=snapshot)
    now = timezone.now()
    view_id = view["v"]
    if row.heartbeat_view == view_id and seq <= row.heartbeat_seq:
        return lesson_state(snapshot=snapshot, row=row)  # already counted
    if row.heartbeat_view == view_id:
        wall = (now - row.last_seen_at).total_seconds() if row.last_seen_at else 0.0
        counted = row.heartbeat_counted
    else:
        # a new page view (or another tab): real time since it was opened, but never time already counted
        since = view["t"]
        if row.last_seen_at:
            since = max(since, row.last_seen_at.timestamp())
        wall = now.timestamp() - since
        counted = 0.0
    wall = max(0.0, wall)
    visible_total = max(0.0, _number(data.get("visible_seconds")))
    credit = rules.reading_credit(reported_total=visible_total, already_counted=counted, wall_seconds=wall)
    row.reading_seconds += round(credit)
    row.heartbeat_counted = max(counted, min(visible_total, counted + credit))
    _record_video(row=row, snapshot=snapshot, reported=data.get("video"), wall_seconds=wall)
    row.heartbeat_view, row.heartbeat_seq, row.last_seen_at = view_id, seq, now
    row.save()
    _complete_if_done(enrolment=enrolment, row=row, snapshot=snapshot)
    if enrolment.last_seen_at is None or (now - enrolment.last_seen_at).total_seconds() > LAST_SEEN_PRECISION_SECONDS:
        # "last seen" orders "my learning"; to the minute is enough, so most heartbeats skip this write
        Enrolment.objects.filter(pk=enrolment.pk).update(last_seen_at=now)
    return lesson_state(snapshot=snapshot, row=row)


def _record_video(*, row: LessonProgress, snapshot: LessonSnapshot, reported, wall_seconds: float) -> None:
    if not isinstance(reported, dict):
        return
    watched = dict(row.video_watched or {})
    for block_id, report in list(reported.items())[:20]:
        requirement = snapshot.video(str(block_id))
        if requirement is None or not isinstance(report, dict):
            continue
        entry = watched.get(requirement.block_id) or {"duration": None, "segments": []}
        duration = requirement.duration or entry.get("duration")
        if not duration:
            # the editor gave no length: the first one the player reports stays, a later one cannot shrink it
            duration = min(max(_number(report.get("duration")), 0.0), rules.MAX_VIDEO_SECONDS)
            if duration < 1:
                continue
        segments = rules.clean_segments(report.get("segments"), duration=duration)
        if not segments or not rules.plausible_playback(entry["segments"], segments, wall_seconds=wall_seconds):
            continue
        entry["duration"] = duration
        entry["segments"] = rules.merge_segments([*entry["segments"], *segments])
        watched[requirement.block_id] = entry
    row.video_watched = watched


@transaction.atomic
def finish_reading(*, user, lesson_id: int, view: str) -> dict:
    """“I have finished reading”, for a page without JavaScript: the time between opening the page and pressing
    the button counts, once, bounded by the server's clock."""
    snapshot = _snapshot_or_refuse(lesson_id)
    token = read_view_token(view, user_id=user.pk, lesson_id=lesson_id)
    enrolment, row = _locked_row(user=user, snapshot=snapshot)
    now = timezone.now()
    if row.heartbeat_view != token["v"]:
        since = token["t"]
        if row.last_seen_at:
            since = max(since, row.last_seen_at.timestamp())
        row.reading_seconds += int(max(0.0, now.timestamp() - since))
        row.heartbeat_view, row.heartbeat_seq, row.heartbeat_counted = token["v"], 0, 0.0
        row.last_seen_at = now
    row.save()
    _complete_if_done(enrolment=enrolment, row=row, snapshot=snapshot)
    return lesson_state(snapshot=snapshot, row=row)


@transaction.atomic
def answer_checkpoint(*, user, lesson_id: int, answers: dict[str, str]) -> dict:
    """Check the learner's answers to their own drawn questions. All right: the checkpoint is passed. Otherwise
    the mistakes are explained and a fresh set is drawn where the lesson has more questions."""
    snapshot = _snapshot_or_refuse(lesson_id)
    enrolment, row = _locked_row(user=user, snapshot=snapshot)
    if row.checkpoint_passed_at or not row.checkpoint_question_ids:
        return {**lesson_state(snapshot=snapshot, row=row), "results": []}
    drawn = [question_id for question_id in row.checkpoint_question_ids if question_id in snapshot.checkpoint]
    unknown = set(answers) - {str(question_id) for question_id in drawn}
    if unknown:
        raise LearningError(_("These answers are for questions you were not asked. Reload the page."), code="unknown")
    results = []
    for question_id in drawn:
        item = snapshot.checkpoint[question_id]
        given = answers.get(str(question_id), "")
        chosen = int(given) if given.isdigit() else None
        results.append(
            {"id": question_id, "correct": chosen == item.correct, "answered": chosen is not None, "item": item}
        )
    if any(not result["answered"] for result in results):
        raise LearningError(_("Answer every question before checking."), code="incomplete")
    row.checkpoint_attempts += 1
    if all(result["correct"] for result in results):
        row.checkpoint_passed_at = timezone.now()
    else:
        row.checkpoint_question_ids = _draw_checkpoint(snapshot, exclude=drawn)
    row.save()
    _complete_if_done(enrolment=enrolment, row=row, snapshot=snapshot)
    return {**lesson_state(snapshot=snapshot, row=row), "results": results}


@transaction.atomic
def record_xapi(*, user, lesson_id: int, block_id: str, statement) -> dict:
    """Keep an xAPI statement from an H5P activity of this lesson. A completing statement marks the activity as
    done; its score is stored as reported and never used for grading."""
    snapshot = _snapshot_or_refuse(lesson_id)
    if not isinstance(statement, dict):
        raise LearningError(_("The activity sent something that is not a statement."), code="malformed")
    activity = next((item for item in snapshot.activities if item.block_id == block_id), None)
    if activity is None:
        raise LearningError(_("This activity is not part of the lesson."), code="unknown_activity", status=404)
    verb = statement.get("verb", {}).get("id") if isinstance(statement.get("verb"), dict) else None
    if not isinstance(verb, str) or not verb.startswith(("http://", "https://")) or len(verb) > 200:
        raise LearningError(_("The activity sent a statement without a valid verb."), code="malformed")
    enrolment, row = _locked_row(user=user, snapshot=snapshot)
    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    statement_id = statement.get("id") if isinstance(statement.get("id"), str) and len(statement["id"]) <= 64 else ""
    object_id = statement.get("object", {}).get("id", "") if isinstance(statement.get("object"), dict) else ""
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    parents = (
        (context.get("contextActivities") or {}).get("parent")
        if isinstance(context.get("contextActivities"), dict)
        else None
    )
    if statement_id and XAPIStatement.objects.filter(user=user, statement_id=statement_id).exists():
        return lesson_state(snapshot=snapshot, row=row)  # the same statement posted again
    XAPIStatement.objects.create(
        user=user,
        lesson_id=snapshot.id,
        block_id=block_id,
        statement_id=statement_id,
        verb=verb,
        object_id=str(object_id)[:500],
        completion=result.get("completion") if isinstance(result.get("completion"), bool) else None,
        success=result.get("success") if isinstance(result.get("success"), bool) else None,
        reported_score=_number(score.get("scaled"), default=None) if score else None,
        statement=statement,
    )
    finished = verb in COMPLETING_VERBS or (verb == ANSWERED_VERB and result.get("completion") is True and not parents)
    if finished and block_id not in row.activities_done:
        row.activities_done = [*row.activities_done, block_id]
    row.save()
    _complete_if_done(enrolment=enrolment, row=row, snapshot=snapshot)
    return lesson_state(snapshot=snapshot, row=row)


def _snapshot_or_refuse(lesson_id: int) -> LessonSnapshot:
    snapshot = lesson_snapshot(lesson_id)
    if snapshot is None:
        raise LearningError(_("This lesson no longer exists."), code="unknown_lesson", status=404)
    return snapshot


# --- completion --------------------------------------------------------------------------------------------


def missing_evidence(*, snapshot: LessonSnapshot, row: LessonProgress | None) -> list[str]:
    """What is still needed before the lesson counts as done, in the learner's words."""
    missing = []
    reading = row.reading_seconds if row else 0
    if reading < snapshot.min_reading_seconds:
        missing.append("reading")
    watched = (row.video_watched if row else {}) or {}
    for block_id in snapshot.required_video_ids:
        if not rules.is_watched(watched.get(block_id)):
            missing.append(f"video:{block_id}")
    done = set(row.activities_done if row else [])
    missing.extend(f"activity:{block_id}" for block_id in sorted(snapshot.required_activity_ids - done))
    if snapshot.checkpoint_size and not (row and row.checkpoint_passed_at):
        missing.append("checkpoint")
    return missing


def lesson_state(*, snapshot: LessonSnapshot, row: LessonProgress) -> dict:
    watched = {}
    for block_id, entry in (row.video_watched or {}).items():
        if entry.get("duration"):
            watched[block_id] = round(100 * rules.covered_seconds(entry["segments"]) / entry["duration"])
    return {
        "completed": row.completed_at is not None,
        "missing": missing_evidence(snapshot=snapshot, row=row),
        "reading_seconds": row.reading_seconds,
        "min_reading_seconds": snapshot.min_reading_seconds,
        "video_percent": watched,
        "activities_done": list(row.activities_done),
        "checkpoint_passed": row.checkpoint_passed_at is not None,
    }


def _complete_if_done(*, enrolment: Enrolment, row: LessonProgress, snapshot: LessonSnapshot) -> None:
    if row.completed_at is not None or missing_evidence(snapshot=snapshot, row=row):
        return
    row.completed_at = timezone.now()
    row.save(update_fields=["completed_at"])
    transaction.on_commit(lambda: lesson_completed.send(sender=LessonProgress, progress=row, user_id=enrolment.user_id))
    evaluate_course_completion(enrolment=enrolment)


_completion_rules: list = []


def register_completion_rule(rule):
    """`rule(enrolment) -> bool`, an extra condition for finishing a course (the final assessment, from the
    assessment engine). Every registered rule must say yes."""
    if rule not in _completion_rules:
        _completion_rules.append(rule)
    return rule


def evaluate_course_completion(*, enrolment: Enrolment) -> bool:
    """Mark the enrolment completed when the course's rule is met: every required lesson done (and every
    registered rule satisfied). Sends `course_completed` once, after the transaction commits."""
    if enrolment.status == Enrolment.Status.COMPLETED:
        return True
    if enrolment.status != Enrolment.Status.ACTIVE:
        return False
    outline = course_outline(enrolment.course_id)
    if outline is None or not outline.required_ids:
        return False
    done = set(
        LessonProgress.objects.filter(
            enrolment=enrolment, lesson_id__in=outline.required_ids, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    if not outline.required_ids <= done or not all(rule(enrolment) for rule in _completion_rules):
        return False
    updated = Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    enrolment.status = Enrolment.Status.COMPLETED
    if updated:
        transaction.on_commit(lambda: course_completed.send(sender=Enrolment, enrolment=enrolment))
    return True


# --- the course's quizzes and final test (the assessment engine scores them; courses count them) ------------


def assessments_passed(enrolment: Enrolment) -> bool:
    """The completion rule courses register for their own tests: the final test passed, and every module's quiz
    too when the course asks for it. Read from the engine's graded attempts (one query; none without tests)."""
    outline = course_outline(enrolment.course_id)
    required = outline.required_assessment_ids if outline is not None else frozenset()
    if not required:
        return True
    from assessments.api import PASSED, results

    found = results(enrolment.user_id, required)
    return all(found.get(assessment_id) == PASSED for assessment_id in required)


def _stored(results: dict[int, str]) -> dict[str, str]:
    return {str(assessment_id): state for assessment_id, state in sorted(results.items())}


def keep_assessment_results(*, enrolment: Enrolment, results: dict[int, str] | None = None) -> None:
    """Bring the enrolment's copy of the learner's standing on the course's tests up to date (`results`: what the
    caller already read from the engine). Writes only when it changed."""
    from .selectors import assessment_results, stored_assessment_results

    if results is None:
        results = assessment_results(user_id=enrolment.user_id, outline=course_outline(enrolment.course_id))
    if stored_assessment_results(enrolment) != results:
        enrolment.assessment_results = _stored(results)
        Enrolment.objects.filter(pk=enrolment.pk).update(assessment_results=enrolment.assessment_results)


@transaction.atomic
def record_assessment_result(*, user_id: int, assessment_id: int) -> list[Enrolment]:
    """An attempt at `assessment_id` was graded (or re-scored): keep the learner's standing on the enrolments of
    the courses that use it, and finish the courses whose rule is now met."""
    from assessments.api import results

    from .selectors import courses_using_assessment

    course_ids = courses_using_assessment(assessment_id)
    if not course_ids:
        return []
    state = results(user_id, [assessment_id]).get(assessment_id)
    enrolments = list(
        Enrolment.objects.select_for_update().filter(user_id=user_id, course_id__in=course_ids).order_by("pk")
    )
    for enrolment in enrolments:
        stored = dict(enrolment.assessment_results or {})
        if state is None:
            stored.pop(str(assessment_id), None)
        else:
            stored[str(assessment_id)] = state
        if stored != enrolment.assessment_results:
            enrolment.assessment_results = stored
            enrolment.save(update_fields=["assessment_results"])
        evaluate_course_completion(enrolment=enrolment)
    return enrolments


# --- content -----------------------------------------------------------------------------------------------


def sync_lesson_activities(*, lesson: LessonPage) -> None:
    """Keep LessonActivity in step with the H5P blocks of the lesson's current content."""
    wanted = {}
    for block in lesson.body:
        if block.block_type == "h5p" and block.value.get("package") is not None:
            wanted[block.id] = (block.value["package"].pk, bool(block.value.get("required", True)))
    LessonActivity.objects.filter(lesson=lesson).exclude(block_id__in=wanted).delete()
    for block_id, (package_id, required) in wanted.items():
        LessonActivity.objects.update_or_create(
            lesson=lesson, block_id=block_id, defaults={"package_id": package_id, "required": required}
        )


# --- bulk enrolment ----------------------------------------------------------------------------------------
# Enrolling a ward's list from a CSV or .xlsx file, all or nothing; reading and checking the file live in
# courses.bulk_enrolment, which enrols through enrol() above.

from .bulk_enrolment import BulkEnrolmentReport, EnrolmentFileError, bulk_enrol  # noqa: E402, F401 - re-exported

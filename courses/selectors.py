"""Reads about courses and learning. The course outline and each lesson's rendered content are cached per
content generation (bumped by any publish, see courses.signals), so a lesson view costs only the learner's own
rows: their progress in the course with their enrolment, in one query."""

import functools
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from lms.cache import CacheGeneration

from .models import CatalogPage, CoursePage, Enrolment, LessonActivity, LessonPage, LessonProgress, ModulePage

# a process rereads the generation at most once a second: another process's publish shows within a second
content_generation = CacheGeneration("courses:content-generation", remember_seconds=1.0)
CACHE_SECONDS = 60 * 60
LENGTH_BANDS = {"short": (0, 30), "medium": (31, 90), "long": (91, 100_000)}


@dataclass(frozen=True)
class OutlineLesson:
    id: int
    title: str
    url: str
    required: bool
    module_id: int
    position: int  # 0-based position in the course


@dataclass(frozen=True)
class OutlineAssessment:
    """A module's quiz or the course's final test, as the outline links to it."""

    id: int
    title: str
    url: str


@dataclass(frozen=True)
class OutlineModule:
    id: int
    title: str
    summary: str
    lessons: tuple[OutlineLesson, ...]
    quiz: OutlineAssessment | None = None


@dataclass(frozen=True)
class CourseOutline:
    course_id: int
    title: str
    url: str
    sequential: bool
    enrolment_mode: str
    modules: tuple[OutlineModule, ...]
    lessons: tuple[OutlineLesson, ...]
    final: OutlineAssessment | None = None
    quizzes_required: bool = False

    @property
    def required_ids(self) -> frozenset[int]:
        return frozenset(lesson.id for lesson in self.lessons if lesson.required)

    @property
    def assessment_ids(self) -> frozenset[int]:
        """Every assessment the outline shows: the modules' quizzes and the final test."""
        ids = {module.quiz.id for module in self.modules if module.quiz is not None}
        if self.final is not None:
            ids.add(self.final.id)
        return frozenset(ids)

    @property
    def required_assessment_ids(self) -> frozenset[int]:
        """What the learner must pass to finish the course: the final test, and the quizzes if the course says so."""
        ids = {module.quiz.id for module in self.modules if module.quiz is not None} if self.quizzes_required else set()
        if self.final is not None:
            ids.add(self.final.id)
        return frozenset(ids)

    def lesson(self, lesson_id: int) -> OutlineLesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def is_unlocked(self, lesson_id: int, completed: set[int] | frozenset[int]) -> bool:
        return lesson_id in self.unlocked_ids(completed)

    def unlocked_ids(self, completed) -> frozenset[int]:
        """The lessons open to a learner who has done `completed`: in a sequential course, every lesson up to
        and including the first required one not done yet."""
        if not self.sequential:
            return frozenset(lesson.id for lesson in self.lessons)
        unlocked = set()
        for lesson in self.lessons:
            unlocked.add(lesson.id)
            if lesson.required and lesson.id not in completed:
                break
        return frozenset(unlocked)

    def resume_lesson(self, completed, last_lesson_id: int | None) -> OutlineLesson | None:
        """Where to carry on: the last lesson opened if it is not done yet, else the first open lesson not done."""
        last = self.lesson(last_lesson_id) if last_lesson_id else None
        if last is not None and last.id not in completed and self.is_unlocked(last.id, completed):
            return last
        for lesson in self.lessons:
            if lesson.id not in completed and self.is_unlocked(lesson.id, completed):
                return lesson
        return last or (self.lessons[0] if self.lessons else None)


def _outline_key(course_id: int) -> str:
    return f"courses:outline:{content_generation.current()}:{course_id}"


def course_outline(course_id: int) -> CourseOutline | None:
    """The live modules and lessons of a course in order, cached until the next publish."""
    key = _outline_key(course_id)
    outline = cache.get(key)
    if outline is None:
        outline = _build_outline(course_id)
        cache.set(key, outline, CACHE_SECONDS)
    return outline or None


def _build_outline(course_id: int) -> CourseOutline | bool:
    course = CoursePage.objects.live().filter(pk=course_id).select_related("final_assessment").first()
    if course is None:
        return False  # cached too: an unknown id must not cost a query on every request
    modules = list(
        ModulePage.objects.live()
        .child_of(course)
        .order_by("path")
        .select_related("quiz")
        .only("id", "title", "summary", "path", "quiz__id", "quiz__title", "quiz__slug")
    )
    lessons_by_path = {}
    lessons = (
        LessonPage.objects.live()
        .descendant_of(course)
        .order_by("path")
        .only("id", "title", "slug", "path", "required", "url_path")
    )
    position = 0
    built_modules = []
    for lesson in lessons:
        lessons_by_path.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    all_lessons = []
    for module in modules:
        items = []
        for lesson in lessons_by_path.get(module.path, []):
            item = OutlineLesson(
                id=lesson.pk,
                title=lesson.title,
                url=lesson_url(lesson.pk, lesson.slug),
                required=lesson.required,
                module_id=module.pk,
                position=position,
            )
            position += 1
            items.append(item)
            all_lessons.append(item)
        built_modules.append(
            OutlineModule(
                id=module.pk,
                title=module.title,
                summary=module.summary,
                lessons=tuple(items),
                quiz=_outline_assessment(module.quiz),
            )
        )
    return CourseOutline(
        course_id=course.pk,
        title=course.title,
        url=course.url,
        sequential=course.sequential,
        enrolment_mode=course.enrolment_mode,
        modules=tuple(built_modules),
        lessons=tuple(all_lessons),
        final=_outline_assessment(course.final_assessment),
        quizzes_required=course.quizzes_required,
    )


def _outline_assessment(assessment) -> OutlineAssessment | None:
    if assessment is None:
        return None
    from assessments.api import start_url

    return OutlineAssessment(id=assessment.pk, title=assessment.title, url=start_url(assessment))


def lesson_url(lesson_id: int, slug: str) -> str:
    from django.urls import reverse

    return reverse("courses:lesson", args=[lesson_id, slug])


@dataclass(frozen=True)
class VideoRequirement:
    block_id: str
    duration: float | None
    required: bool


@dataclass(frozen=True)
class ActivityRequirement:
    block_id: str
    package_sha: str
    title: str
    required: bool


@dataclass(frozen=True)
class CheckpointItem:
    id: int
    question: str
    options: tuple[str, ...]
    correct: int  # 0-based; never sent to the browser before the answer
    explanation: str


@dataclass(frozen=True)
class LessonSnapshot:
    """What every learner sees of a lesson, rendered once per publish and language."""

    id: int
    slug: str
    title: str
    summary: str
    course_id: int
    module_title: str
    body_html: str
    min_reading_seconds: int
    checkpoint_draw_count: int
    videos: tuple[VideoRequirement, ...]
    activities: tuple[ActivityRequirement, ...]
    checkpoint: dict[int, CheckpointItem] = field(default_factory=dict)
    # the course's outline as of the same generation, so a lesson view reads one cache entry, not two
    outline: "CourseOutline | None" = None

    @property
    def required_video_ids(self) -> frozenset[str]:
        return frozenset(video.block_id for video in self.videos if video.required)

    @property
    def required_activity_ids(self) -> frozenset[str]:
        return frozenset(activity.block_id for activity in self.activities if activity.required)

    def video(self, block_id: str) -> VideoRequirement | None:
        return next((video for video in self.videos if video.block_id == block_id), None)

    @property
    def min_reading_minutes(self) -> int:
        return max(1, -(-self.min_reading_seconds // 60))

    @property
    def checkpoint_size(self) -> int:
        return min(self.checkpoint_draw_count, len(self.checkpoint))


def lesson_snapshot_key(lesson_id: int) -> str:
    language = translation.get_language() or "vi"
    return f"courses:lesson:{content_generation.current()}:{language}:{lesson_id}"


_UNREAD = object()


def lesson_snapshot(lesson_id: int, *, cached=_UNREAD) -> LessonSnapshot | None:
    """The lesson as every learner sees it. `cached`: what the caller already read from the cache under
    lesson_snapshot_key (None: not there), so a view can fetch it with other entries in one round trip."""
    key = lesson_snapshot_key(lesson_id)
    snapshot = cache.get(key) if cached is _UNREAD else cached
    if snapshot is None:
        lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
        snapshot = build_lesson_snapshot(lesson) if lesson is not None else False
        cache.set(key, snapshot, CACHE_SECONDS)
    return snapshot or None


def build_lesson_snapshot(lesson: LessonPage) -> LessonSnapshot:
    module = lesson.get_parent().specific
    course = module.get_parent()
    videos, activities = [], []
    for block in lesson.body:
        if block.block_type == "video":
            duration = block.value.get("duration_seconds")
            videos.append(
                VideoRequirement(
                    block_id=block.id, duration=float(duration) if duration else None, required=block.value["required"]
                )
            )
        elif block.block_type == "h5p" and block.value.get("package") is not None:
            activities.append(
                ActivityRequirement(
                    block_id=block.id,
                    package_sha=block.value["package"].sha256,
                    title=block.value["title"],
                    required=block.value["required"],
                )
            )
    body_html = render_to_string("courses/includes/lesson_body.html", {"lesson": lesson})
    checkpoint = {
        question.pk: CheckpointItem(
            id=question.pk,
            question=question.question,
            options=tuple(question.option_list),
            correct=question.correct_option - 1,
            explanation=question.explanation,
        )
        for question in lesson.checkpoint_questions.all()
    }
    return LessonSnapshot(
        id=lesson.pk,
        slug=lesson.slug,
        title=lesson.title,
        summary=lesson.summary,
        course_id=course.pk,
        module_title=module.title,
        body_html=body_html,
        min_reading_seconds=lesson.min_reading_seconds,
        checkpoint_draw_count=lesson.checkpoint_draw_count,
        videos=tuple(videos),
        activities=tuple(activities),
        checkpoint=checkpoint,
        outline=course_outline(course.pk),
    )


def studying_enrolment(*, user, course_id: int) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(
            user=user, course_id=course_id, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        )
        .only("id", "status", "last_lesson_id", "user_id", "course_id", "completed_at", "assessment_results")
        .first()
    )


@functools.cache
def _progress_with_enrolment_sql() -> str:
    # Written once as SQL: this read runs on every lesson view, and building it through the ORM each time cost
    # more than running it. Table and column names come from the models, so it follows them.
    quote = connection.ops.quote_name
    progress, enrolment = quote(LessonProgress._meta.db_table), quote(Enrolment._meta.db_table)
    columns = ", ".join(f"p.{quote(field.column)}" for field in LessonProgress._meta.concrete_fields)
    return (
        f"SELECT {columns}, e.{quote('status')} AS enrolment_status, "  # noqa: S608 - names from the models; values are parameters
        f"e.{quote('last_lesson_id')} AS enrolment_last_lesson_id, "
        f"e.{quote('assessment_results')} AS enrolment_assessment_results "
        f"FROM {progress} p INNER JOIN {enrolment} e ON p.{quote('enrolment_id')} = e.{quote('id')} "
        f"WHERE e.{quote('user_id')} = %s AND e.{quote('course_id')} = %s AND e.{quote('status')} IN (%s, %s)"
    )


def studying_enrolment_with_progress(*, user, course_id: int) -> tuple[Enrolment | None, dict[int, LessonProgress]]:
    """The learner's enrolment in the course and their progress rows, by lesson: one query once the learner has
    opened a lesson of the course (the rows carry what the lesson view needs of their enrolment), two before.
    The enrolment returned then has only id, user, course, status, last lesson and its copy of the learner's
    assessment results loaded (the rest on access)."""
    rows = list(
        LessonProgress.objects.raw(
            _progress_with_enrolment_sql(),
            [user.pk, course_id, Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
        )
    )
    if not rows:
        return studying_enrolment(user=user, course_id=course_id), {}
    first = rows[0]
    enrolment = Enrolment.from_db(
        LessonProgress.objects.db,
        ["id", "user_id", "course_id", "status", "last_lesson_id", "assessment_results"],
        [
            first.enrolment_id,
            user.pk,
            course_id,
            first.enrolment_status,
            first.enrolment_last_lesson_id,
            _json_value(first.enrolment_assessment_results),
        ],
    )
    for row in rows:
        row.enrolment = enrolment  # one object, so a change made through one row is seen through all
    return enrolment, {row.lesson_id: row for row in rows}


def _json_value(value):
    # a raw query returns the JSON column as the driver gives it: text on SQLite (and psycopg as Django sets it up)
    if isinstance(value, str | bytes):
        import json

        return json.loads(value or "{}")
    return value or {}


def progress_rows(enrolment: Enrolment) -> dict[int, LessonProgress]:
    return {row.lesson_id: row for row in LessonProgress.objects.filter(enrolment=enrolment)}


def completed_lesson_ids(rows: dict[int, LessonProgress]) -> frozenset[int]:
    return frozenset(lesson_id for lesson_id, row in rows.items() if row.completed_at is not None)


@dataclass
class CourseState:
    enrolment: Enrolment | None
    completed: frozenset[int]
    resume: OutlineLesson | None
    done_required: int
    total_required: int
    unlocked: frozenset[int] = frozenset()
    # {assessment id: "passed" | "not_passed"}: the learner's standing on the course's quizzes and final test
    assessment_results: dict[int, str] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        if not self.total_required:
            return 0
        return round(100 * self.done_required / self.total_required)


def learner_course_state(*, user, outline: CourseOutline | None) -> CourseState:
    if outline is None or not getattr(user, "is_authenticated", False):
        return CourseState(None, frozenset(), None, 0, len(outline.required_ids) if outline else 0)
    enrolment = Enrolment.objects.filter(user=user, course_id=outline.course_id).first()
    completed = frozenset()
    if enrolment is not None and enrolment.is_studying:
        completed = frozenset(
            LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
                "lesson_id", flat=True
            )
        )
    resume = outline.resume_lesson(completed, enrolment.last_lesson_id if enrolment else None)
    return CourseState(
        enrolment=enrolment,
        completed=completed,
        resume=resume,
        done_required=len(outline.required_ids & completed),
        total_required=len(outline.required_ids),
        unlocked=outline.unlocked_ids(completed) if enrolment is not None and enrolment.is_studying else frozenset(),
        assessment_results=assessment_results(user_id=user.pk, outline=outline),
    )


def assessment_results(*, user_id: int, outline: CourseOutline | None) -> dict[int, str]:
    """The learner's standing on the outline's quizzes and final test, read from the engine (one query; none
    when the course has no test)."""
    if outline is None or not outline.assessment_ids:
        return {}
    from assessments.api import results

    return results(user_id, outline.assessment_ids)


def assessment_courses() -> dict[int, tuple[tuple[int, str], ...]]:
    """{assessment id: ((course id, course title), …)} for every course's final test and modules' quizzes, in the
    courses' order; cached until the next publish (the links are page fields, changed only by publishing)."""
    key = f"courses:assessment-courses:{content_generation.current()}"
    found = cache.get(key)
    if found is None:
        courses = {
            path: (pk, title, final)
            for pk, title, path, final in CoursePage.objects.order_by("path").values_list(
                "pk", "title", "path", "final_assessment_id"
            )
        }
        links: dict[int, dict[int, str]] = {}
        for pk, title, final in courses.values():
            if final is not None:
                links.setdefault(final, {})[pk] = title
        for path, quiz in ModulePage.objects.filter(quiz__isnull=False).order_by("path").values_list("path", "quiz_id"):
            course = courses.get(path[: -ModulePage.steplen])
            if course is not None:
                links.setdefault(quiz, {})[course[0]] = course[1]
        found = {assessment: tuple(by_course.items()) for assessment, by_course in links.items()}
        cache.set(key, found, CACHE_SECONDS)
    return found


def courses_using_assessment(assessment_id: int) -> set[int]:
    """The courses whose final test, or one of whose modules' quiz, is this assessment."""
    return {course_id for course_id, _title in assessment_courses().get(assessment_id, ())}


def stored_assessment_results(enrolment: Enrolment | None) -> dict[int, str]:
    """The copy kept on the enrolment (courses.receivers), as {assessment id: state}."""
    stored = getattr(enrolment, "assessment_results", None) if enrolment is not None else None
    return {int(key): value for key, value in (stored or {}).items()}


def catalog_courses(
    *, catalog: CatalogPage | None = None, group="", domain="", level=None, format="", length="", q=""
) -> QuerySet[CoursePage]:
    """Live courses matching the filters; the text query matches with or without diacritics, every word."""
    from lms.text import fold

    courses = CoursePage.objects.live().public().order_by("level", "title")
    if catalog is not None:
        courses = courses.child_of(catalog)
    if group:
        courses = courses.filter(**CoursePage._meta.get_field("audience").contains_lookup(group))
    if domain:
        # the domains are kept on the course row from its components, so this stays one query without a join
        courses = courses.filter(**CoursePage._meta.get_field("competence_domains").contains_lookup(domain))
    if level:
        courses = courses.filter(level=level)
    if format:
        courses = courses.filter(format=format)
    if length in LENGTH_BANDS:
        low, high = LENGTH_BANDS[length]
        courses = courses.filter(estimated_minutes__gte=low, estimated_minutes__lte=high)
    for word in fold(q).split()[:10]:
        courses = courses.filter(search_text__contains=word)
    return courses.defer("search_text")


@dataclass
class LearningItem:
    enrolment: Enrolment
    outline: CourseOutline
    done_required: int
    total_required: int
    resume: OutlineLesson | None

    @property
    def percent(self) -> int:
        return round(100 * self.done_required / self.total_required) if self.total_required else 0


def my_learning(user) -> list[LearningItem]:
    """The learner's courses with progress, newest activity first: two queries however many courses."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .order_by("-last_seen_at", "-created_at")
    )
    completed: dict[int, set[int]] = {}
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=enrolments, completed_at__isnull=False
    ).values_list("enrolment_id", "lesson_id"):
        completed.setdefault(enrolment_id, set()).add(lesson_id)
    items = []
    for enrolment in enrolments:
        outline = course_outline(enrolment.course_id)
        if outline is None:
            continue
        done = completed.get(enrolment.pk, set())
        items.append(
            LearningItem(
                enrolment=enrolment,
                outline=outline,
                done_required=len(outline.required_ids & done),
                total_required=len(outline.required_ids),
                resume=outline.resume_lesson(done, enrolment.last_lesson_id),
            )
        )
    return items


def user_may_play(user, package) -> bool:
    """An enrolled learner may play the H5P packages of the live lessons of their courses."""
    lessons = LessonActivity.objects.filter(package=package).values_list("lesson__path", flat=True)
    course_paths = Q()
    for path in set(lessons):
        # a lesson sits two levels under its course (course → module → lesson)
        course_paths |= Q(course__path=path[: -2 * CoursePage.steplen])
    if not course_paths:
        return False
    return Enrolment.objects.filter(
        course_paths, user=user, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
    ).exists()

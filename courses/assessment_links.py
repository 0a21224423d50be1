"""How courses use the assessment engine (through assessments.api only): a graded attempt counts towards the
courses that use its assessment, a placement test's levels recommend courses, and the examiners' queue can be
filtered by course. Connected in CoursesConfig.ready."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CoursePage, Enrolment
from .selectors import assessment_courses

# how far above the placed level a course is still a good next step
NEXT_LEVELS = 1
MAX_RECOMMENDATIONS = 6


def on_attempt_graded(sender, *, attempt_id: int, user_id: int, **kwargs) -> None:
    """An attempt has its final score (or lost its pass after a key correction): the courses using its assessment
    keep the learner's standing and finish when their rule is now met."""
    from assessments.api import assessment_of_attempt

    from .services import record_assessment_result

    # the signal names the attempt; if the engine ever sends its assessment too, no query is needed for it
    assessment_id = kwargs.get("assessment_id") or assessment_of_attempt(attempt_id)
    if assessment_id is not None:
        record_assessment_result(user_id=user_id, assessment_id=assessment_id)


def recommend_courses(user, levels: dict[str, int], framework_code: str) -> list[dict]:
    """After a placement test: live courses teaching components of a placed domain, at the learner's level or
    just above it, that the learner has not finished yet. One query for the courses (two with the names)."""
    if not levels or not framework_code:
        return []
    wanted = Q()
    for code, level in levels.items():
        wanted |= Q(
            components__domain__code=code,
            components__framework__code=framework_code,
            level__gte=level,
            level__lte=level + NEXT_LEVELS,
        )
    courses = CoursePage.objects.live().public().filter(wanted).distinct().order_by("level", "title")
    if getattr(user, "is_authenticated", False):
        finished = Enrolment.objects.filter(user=user, status=Enrolment.Status.COMPLETED).values("course_id")
        courses = courses.exclude(pk__in=finished)
    courses = list(courses.only("id", "title", "url_path", "level", "competence_domains")[:MAX_RECOMMENDATIONS])
    if not courses:
        return []
    from assessments.api import domain_names

    names = domain_names(framework_code)
    found = []
    for course in courses:
        code = next(
            (
                code
                for code in course.competence_domains
                if code in levels and levels[code] <= course.level <= levels[code] + NEXT_LEVELS
            ),
            None,
        )
        if code is None:
            continue
        values = {"domain": names.get(code, code), "level": levels[code], "course_level": course.level}
        if course.level == levels[code]:
            reason = _(
                "You are at level %(level)s in “%(domain)s”. This course is at your level and helps you master it."
            )
        else:
            reason = _(
                "You are at level %(level)s in “%(domain)s”. This course, at level %(course_level)s, is your next step."
            )
        found.append({"title": course.title, "url": course.url, "reason": reason % values})
    return found


def courses_of_assessments() -> dict[int, tuple[str, str]]:
    """{assessment id: (course id, course title)} for every course's final test and modules' quizzes, for the
    examiners' queue filter (the first course, when several use one test); from the cached links, no query."""
    return {
        assessment_id: (str(courses[0][0]), courses[0][1]) for assessment_id, courses in assessment_courses().items()
    }


COURSE_GROUPING_LABEL = gettext_lazy("Course")


def connect() -> None:
    from assessments.api import (
        attempt_failed_after_regrade,
        attempt_graded,
        register_assessment_grouping,
        register_recommender,
    )

    from .services import assessments_passed, register_completion_rule

    register_completion_rule(assessments_passed)
    attempt_graded.connect(on_attempt_graded, dispatch_uid="hocvuso-courses-attempt-graded")
    attempt_failed_after_regrade.connect(on_attempt_graded, dispatch_uid="hocvuso-courses-attempt-regraded")
    register_recommender(recommend_courses)
    register_assessment_grouping(COURSE_GROUPING_LABEL, courses_of_assessments, key="course")

"""A learner's courses and study records, in the download of their personal data (lms.privacy)."""

from lms.privacy import personal_data_section

from .models import Enrolment, LessonProgress, XAPIStatement


def _iso(value):
    return value.isoformat() if value else None


@personal_data_section("learning")
def _learning(user) -> dict:
    enrolments = Enrolment.objects.filter(user=user).select_related("course").order_by("created_at")
    progress = LessonProgress.objects.filter(enrolment__user=user).select_related("lesson").order_by("started_at")
    statements = XAPIStatement.objects.filter(user=user).order_by("received_at")
    return {
        "enrolments": [
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "how": enrolment.source,
                "enrolled_at": _iso(enrolment.created_at),
                "completed_at": _iso(enrolment.completed_at),
            }
            for enrolment in enrolments
        ],
        "lessons": [
            {
                "lesson": row.lesson.title,
                "started_at": _iso(row.started_at),
                "study_seconds": row.reading_seconds,
                "videos_watched": row.video_watched,
                "activities_done": row.activities_done,
                "checkpoint_passed_at": _iso(row.checkpoint_passed_at),
                "completed_at": _iso(row.completed_at),
            }
            for row in progress
        ],
        "activity_statements": [
            {"verb": item.verb, "object": item.object_id, "received_at": _iso(item.received_at)} for item in statements
        ],
    }

"""What the certificates hear: a course finished, skills confirmed, a confirmation withdrawn. Each listener only
enqueues a task once the sender's transaction has committed (the senders already send after commit; on_commit
then runs at once), so a rolled-back completion never issues a certificate."""

from functools import partial

from django.db import transaction

from assessments.api import confirmation_revoked, skills_confirmed
from courses.api import course_completed


def _on_course_completed(sender, enrolment, **kwargs):
    from . import services, tasks

    achievement_id = services.course_achievement_id(enrolment.course_id)
    if achievement_id is None:
        return
    transaction.on_commit(
        partial(tasks.issue_credential.delay, enrolment.user_id, achievement_id, f"enrolment:{enrolment.pk}")
    )


def _on_skills_confirmed(sender, confirmation_id, user_id, **kwargs):
    from . import tasks

    transaction.on_commit(partial(tasks.issue_for_confirmation.delay, confirmation_id))


def _on_confirmation_revoked(sender, confirmation_id, user_id, **kwargs):
    from . import tasks

    transaction.on_commit(partial(tasks.revoke_for_confirmation.delay, confirmation_id))


def connect() -> None:
    course_completed.connect(_on_course_completed, dispatch_uid="hocvuso-certificates-course-completed")
    skills_confirmed.connect(_on_skills_confirmed, dispatch_uid="hocvuso-certificates-skills-confirmed")
    confirmation_revoked.connect(_on_confirmation_revoked, dispatch_uid="hocvuso-certificates-confirmation-revoked")

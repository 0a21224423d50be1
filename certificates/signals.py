"""What the certificates hear: a course finished, skills confirmed, a confirmation withdrawn, a competence level
reached. Each listener only
enqueues a task once the sender's transaction has committed (the senders already send after commit; on_commit
then runs at once), so a rolled-back completion never issues a certificate."""

from functools import partial

from django.db import transaction

from assessments.api import competence_reached, confirmation_revoked, skills_confirmed
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


def _on_competence_reached(sender, user_id, rises, **kwargs):
    from . import services, tasks

    # every level newly passed on the way up, e.g. 1 -> 3 earns the certificates for levels 2 and 3
    for achievement_id, component_id, level in services.competence_achievements(rises):
        source = f"competence:{component_id}:{level}"
        transaction.on_commit(partial(tasks.issue_credential.delay, user_id, achievement_id, source))


def connect() -> None:
    course_completed.connect(_on_course_completed, dispatch_uid="hocvuso-certificates-course-completed")
    skills_confirmed.connect(_on_skills_confirmed, dispatch_uid="hocvuso-certificates-skills-confirmed")
    confirmation_revoked.connect(_on_confirmation_revoked, dispatch_uid="hocvuso-certificates-confirmation-revoked")
    competence_reached.connect(_on_competence_reached, dispatch_uid="hocvuso-certificates-competence-reached")

"""The background work: completion and confirmation signals enqueue issuance after commit, a withdrawn
confirmation revokes its certificate, and a task run again (a worker killed, a broker redelivering) or failing
for a while (no issuer key yet) still leaves exactly one certificate."""

import pytest

from certificates import keys, services, tasks
from certificates.models import Achievement, IssuedCredential
from courses import services as courses_services
from courses.models import LessonProgress
from courses.tests.factories import lessons_of, make_catalog, make_course

from .factories import achievement, confirmation, examiner, issuer_keys, learner  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuer_keys", "tasks_in_process")]


def finish(person, course):
    enrolment = courses_services.enrol(user=person, course=course)
    for lesson in lessons_of(course):
        LessonProgress.objects.create(
            enrolment=enrolment, lesson=lesson, completed_at="2026-01-01T00:00:00Z", reading_seconds=999
        )
    courses_services.evaluate_course_completion(enrolment=enrolment)
    return enrolment


def test_finishing_a_course_issues_its_certificate_once(home_page, django_capture_on_commit_callbacks):
    course = make_course(make_catalog(home_page), modules=1, lessons_per_module=2)
    ach = achievement(Achievement.Kind.COURSE, course=course, target_group="")
    achievement(Achievement.Kind.COURSE, course=course, target_group="", active=False)
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = finish(person, course)
    credential = IssuedCredential.objects.get()
    assert (credential.user, credential.achievement, credential.source) == (person, ach, f"enrolment:{enrolment.pk}")
    assert credential.signed
    assert (
        credential.credential_json["credentialSubject"]["achievement"]["achievementType"] == "CertificateOfCompletion"
    )


def test_a_course_without_an_achievement_issues_nothing(home_page, django_capture_on_commit_callbacks):
    course = make_course(make_catalog(home_page), modules=1, lessons_per_module=1)
    with django_capture_on_commit_callbacks(execute=True):
        finish(learner(), course)
    assert not IssuedCredential.objects.exists()


def test_a_confirmation_issues_the_groups_certificate_and_its_withdrawal_revokes_it(
    django_capture_on_commit_callbacks,
):
    from assessments import services as engine

    ach = achievement(target_group="citizen")
    achievement(target_group="civil_servant")
    person, officer = learner(), examiner()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = confirmation(person, officer)
    credential = IssuedCredential.objects.get()
    assert credential.achievement == ach and credential.confirmation_id == confirmed.pk and credential.signed

    with django_capture_on_commit_callbacks(execute=True):
        engine.revoke_confirmation(confirmation=confirmed, by=officer, reason="Người khác làm thay bài thực hành")
    credential.refresh_from_db()
    assert credential.revoked and credential.revoked_by == officer
    assert credential.revoke_reason == "Người khác làm thay bài thực hành"
    # the confirmation task delivered again after the withdrawal issues nothing new
    assert tasks.issue_for_confirmation.delay(confirmed.pk).get() is None
    assert IssuedCredential.objects.count() == 1


def test_a_confirmation_for_a_group_without_an_achievement_issues_nothing(django_capture_on_commit_callbacks):
    achievement(target_group="civil_servant")
    with django_capture_on_commit_callbacks(execute=True):
        confirmation(learner())
    assert not IssuedCredential.objects.exists()


def test_the_task_run_twice_leaves_one_certificate():
    person, ach = learner(), achievement()
    first = tasks.issue_credential.delay(person.pk, ach.pk, "enrolment:7").get()
    second = tasks.issue_credential.delay(person.pk, ach.pk, "enrolment:7").get()
    assert first == second and first.startswith("HVS-")
    assert IssuedCredential.objects.count() == 1


def test_a_task_killed_after_registering_is_finished_by_its_retry(monkeypatch):
    person, ach = learner(), achievement()
    real_sign = services.sign
    monkeypatch.setattr(services, "sign", lambda credential: (_ for _ in ()).throw(SystemExit("killed")))
    with pytest.raises(SystemExit):
        tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:9")).get()
    monkeypatch.setattr(services, "sign", real_sign)
    serial = tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:9")).get()
    credential = IssuedCredential.objects.get()
    assert credential.serial == serial and credential.signed


def test_a_missing_issuer_key_is_retried_and_the_retry_finishes_the_same_certificate(monkeypatch):
    from celery.exceptions import Retry

    person, ach = learner(), achievement()
    real_current_key = keys.current_key

    def missing(**kwargs):
        raise keys.NoIssuerKey("not yet")

    monkeypatch.setattr(keys, "current_key", missing)
    with pytest.raises(Retry):
        tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:3")).get()
    monkeypatch.setattr(keys, "current_key", real_current_key)
    # the first status list is signed when it is made, so nothing was registered without a key
    assert not IssuedCredential.objects.exists()
    serial = tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:3")).get()
    assert IssuedCredential.objects.get().serial == serial
    # with a list already there, the registered certificate waits for the key, then the retry signs it
    other = learner()
    monkeypatch.setattr(keys, "current_key", missing)
    with pytest.raises(Retry):
        tasks.issue_credential.apply(args=(other.pk, ach.pk, "enrolment:4")).get()
    assert not IssuedCredential.objects.get(user=other).signed
    monkeypatch.setattr(keys, "current_key", real_current_key)
    tasks.issue_credential.apply(args=(other.pk, ach.pk, "enrolment:4")).get()
    assert IssuedCredential.objects.get(user=other).signed and IssuedCredential.objects.count() == 2


def test_nothing_to_issue_is_not_retried():
    assert tasks.issue_credential.apply(args=(learner(full_name=" ").pk, achievement().pk)).get() is None
    assert tasks.issue_credential.max_retries and keys.IssuerKeyError in tasks.RETRYABLE


def test_pending_certificates_are_signed_by_the_sweep():
    assert tasks.sign_pending.delay().get() == 0

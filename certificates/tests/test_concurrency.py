"""Issuance, revocation and re-issue at the same moment on the real database, each thread with its own
connection (row locks on PostgreSQL, serialised writers on SQLite), and a worker process really killed in the
middle of issuing: always exactly one certificate, distinct serials and status positions."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from certificates import services, tasks
from certificates.models import CredentialEvent, IssuedCredential, SerialCounter, StatusList

from .factories import achievement, examiner, issuer_keys, learner, ward_admin  # noqa: F401

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("issuer_keys")]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _migration_rows(transactional_db):
    # a transactional test empties every table afterwards, rows made by data migrations included
    import importlib

    from django.apps import apps

    from tests.migration_rows import restore_migration_rows

    restore_migration_rows()
    grant = importlib.import_module("certificates.migrations.0002_revokers").grant
    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        grant(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]


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
        thread.join(60)
    return results


def test_four_issuances_of_the_same_certificate_at_once_make_one():
    person, ach = learner(), achievement()
    results = at_once(4, lambda _i: tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:1")).get())
    assert all(isinstance(result, str) for result in results), results
    assert len(set(results)) == 1
    credential = IssuedCredential.objects.get()
    assert credential.signed and credential.serial == results[0]
    # the losers' serials and positions were given back: the register has no gap
    assert SerialCounter.objects.get().last == 1 and StatusList.objects.get().allocated == 1
    assert CredentialEvent.objects.filter(kind="issued").count() == 1


def test_eight_learners_at_once_get_eight_serials_and_positions():
    ach = achievement()
    people = [learner() for _ in range(8)]
    results = at_once(8, lambda i: services.issue(people[i].pk, ach.pk).pk)
    assert all(isinstance(result, int) for result in results), results
    rows = list(IssuedCredential.objects.values_list("serial", "status_list_id", "status_list_index"))
    assert sorted(serial[-6:] for serial, _, _ in rows) == [f"{n:06d}" for n in range(1, 9)]
    assert len({(list_id, index) for _, list_id, index in rows}) == 8
    assert StatusList.objects.count() == 1 and StatusList.objects.get().allocated == 8


def test_two_revocations_at_once_revoke_once_and_both_bits_are_published():
    ach = achievement()
    first, second = (services.issue(learner().pk, ach.pk) for _ in range(2))
    officers = [examiner(), ward_admin()]
    # the same certificate twice, and another one on the same list, all at once
    targets = [first, first, second]
    results = at_once(3, lambda i: services.revoke(targets[i], by=officers[i % 2], reason=f"lý do {i}").pk)
    assert all(isinstance(result, int) for result in results), results
    assert CredentialEvent.objects.filter(kind="revoked").count() == 2
    from certificates import status_list

    listed = StatusList.objects.get()
    published = status_list.decode(listed.credential_json["credentialSubject"]["encodedList"])
    assert status_list.get_bit(published, first.status_list_index)
    assert status_list.get_bit(published, second.status_list_index)


def test_two_reissues_at_once_make_one_new_certificate():
    person, ach = learner(), achievement()
    old = services.issue(person.pk, ach.pk)
    officers = [examiner(), ward_admin()]
    results = at_once(2, lambda i: services.reissue(old, by=officers[i], reason="Sửa ngày sinh").pk)
    assert all(isinstance(result, int) for result in results), results
    assert len(set(results)) == 1
    assert IssuedCredential.objects.count() == 2
    assert IssuedCredential.objects.get(pk=results[0]).replaces_id == old.pk


def test_issuing_while_a_twin_task_signs_leaves_one_signature():
    person, ach = learner(), achievement()
    registered = services._register(user_id=person.pk, achievement_id=ach.pk, source="", confirmation_id=None, now=None)
    results = at_once(3, lambda _i: services.sign(IssuedCredential.objects.get(pk=registered.pk)).credential_json)
    assert all(isinstance(result, dict) for result in results), results
    stored = IssuedCredential.objects.get().credential_json
    assert all(result == stored for result in results)


# --- a worker process killed mid-issuance ------------------------------------------------------------------

WORKER = """
import os, sys, time, django
django.setup()
from certificates import services
stage = sys.argv[3]
real_insert = services._insert
def slow_insert(**kwargs):
    credential = real_insert(**kwargs)
    if stage == "register":
        print("inside", flush=True)
        time.sleep(120)
    return credential
def slow_sign(credential):
    print("registered", flush=True)
    time.sleep(120)
services._insert = slow_insert
services.sign = slow_sign
services.issue(int(sys.argv[1]), int(sys.argv[2]), source="enrolment:42")
"""


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _kill_worker_at(stage: str, person, ach) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": _database_url(),
        "HOCVUSO_ISSUER_KEY_DIR": str(settings.HOCVUSO_ISSUER_KEY_DIR),
        "HOCVUSO_SITE_HOST": settings.HOCVUSO_SITE_HOST,
    }
    env.pop("TEST_DATABASE_NAME", None)
    worker = subprocess.Popen(  # noqa: S603 - this interpreter and a fixed script
        [sys.executable, "-c", WORKER, str(person.pk), str(ach.pk), stage],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = worker.stdout.readline().strip()
        assert line == ("inside" if stage == "register" else "registered"), (line, worker.stderr.read())
    finally:
        worker.send_signal(signal.SIGKILL)  # no clean-up: the connection just drops
        worker.wait(30)


@pytest.mark.parametrize("stage", ["register", "sign"])
def test_a_worker_killed_mid_issuance_and_the_task_delivered_again_make_one_certificate(stage):
    person, ach = learner(), achievement()
    connection.close()  # so SQLite's file is not held by this thread while the worker writes
    _kill_worker_at(stage, person, ach)
    time.sleep(0.2)
    expected = 0 if stage == "register" else 1  # killed inside the transaction: nothing was committed
    assert IssuedCredential.objects.count() == expected
    serial = tasks.issue_credential.apply(args=(person.pk, ach.pk, "enrolment:42")).get()
    credential = IssuedCredential.objects.get()
    assert credential.serial == serial == "HVS-" + serial[4:8] + "-000001"
    assert credential.signed and json.dumps(credential.credential_json)


# --- a real Celery worker (the production-like run in .ci/run) ---------------------------------------------


@pytest.mark.celery_worker
@pytest.mark.skipif(not os.environ.get("HOCVUSO_EXPECT_CELERY_WORKER"), reason="needs the real Celery worker")
def test_the_real_worker_issues_once_when_the_task_is_sent_three_times(settings):
    from certificates import keys

    # the worker process has its own settings: the default key directory and site host
    settings.HOCVUSO_ISSUER_KEY_DIR = str(Path(settings.VAR_DIR) / "keys")
    settings.HOCVUSO_SITE_HOST = os.environ.get("HOCVUSO_SITE_HOST", "")
    try:
        keys.current_key()
    except keys.NoIssuerKey:
        keys.create_key()
    person, ach = learner(), achievement()
    results = [tasks.issue_credential.delay(person.pk, ach.pk, "enrolment:77") for _ in range(3)]
    serials = {result.get(timeout=60) for result in results}
    assert len(serials) == 1 and IssuedCredential.objects.count() == 1
    assert IssuedCredential.objects.get().signed


@pytest.mark.celery_worker
@pytest.mark.skipif(not os.environ.get("HOCVUSO_EXPECT_CELERY_WORKER"), reason="needs the real Celery worker")
def test_the_real_worker_killed_mid_issuance_redelivers_and_issues_once(settings):
    """The worker's process running the task is killed (SIGKILL) while it waits inside the issuing transaction;
    acks_late + reject_on_worker_lost put the task back on the queue, a fresh process runs it again."""
    from celery import current_app
    from django.db import transaction

    from certificates import keys

    settings.HOCVUSO_ISSUER_KEY_DIR = str(Path(settings.VAR_DIR) / "keys")
    settings.HOCVUSO_SITE_HOST = os.environ.get("HOCVUSO_SITE_HOST", "")
    try:
        keys.current_key()
    except keys.NoIssuerKey:
        keys.create_key()
    ach = achievement()
    services.issue(learner().pk, ach.pk)  # the year's counter row and the status list exist
    person = learner()
    with transaction.atomic():
        # hold the counter: the worker's issuance blocks inside its transaction
        SerialCounter.objects.select_for_update().get()
        sent = tasks.issue_credential.delay(person.pk, ach.pk, "enrolment:99")
        worker_pid = None
        for _ in range(60):
            for running in (current_app.control.inspect(timeout=1).active() or {}).values():
                for task in running:
                    if task["id"] == sent.id:
                        worker_pid = task["worker_pid"]
            if worker_pid:
                break
            time.sleep(0.5)
        assert worker_pid, "the worker never started the task"
        os.kill(worker_pid, signal.SIGKILL)
        time.sleep(1)
        assert not IssuedCredential.objects.filter(user=person).exists()
    for _ in range(120):
        if IssuedCredential.objects.filter(user=person, signed_at__isnull=False).exists():
            break
        time.sleep(0.5)
    time.sleep(2)  # a second delivery, if any, would have landed by now
    issued = IssuedCredential.objects.filter(user=person)
    assert issued.count() == 1 and issued.get().signed

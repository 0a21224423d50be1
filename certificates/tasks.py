"""Background work of the certificates: thin tasks (ids in, a service called), safe to run twice.

The project acknowledges tasks late (CELERY_TASK_ACKS_LATE, REJECT_ON_WORKER_LOST): a worker killed mid-task
gets the task delivered again, and the service's unique constraints make the repeat find the first run's
certificate instead of making a second one."""

import logging

from celery import shared_task
from django.db import DatabaseError

from . import services
from .keys import IssuerKeyError

log = logging.getLogger("hocvuso.certificates")

# a database hiccup (deadlock, lost connection) or a missing issuer key (ops run `issuer_keys create`) heals
RETRYABLE = (DatabaseError, IssuerKeyError, OSError)
RETRY = {
    "autoretry_for": RETRYABLE,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 10,
}


@shared_task(name="hocvuso.certificates.issue_credential", **RETRY)
def issue_credential(user_id: int, achievement_id: int, source: str = "") -> str | None:
    """Issue (or find) the learner's certificate; its serial, or None when nothing can be issued."""
    try:
        return services.issue(user_id, achievement_id, source=source).serial
    except services.IssuanceRefused as refused:
        log.warning("no certificate for user %s, achievement %s: %s", user_id, achievement_id, refused)
        return None


@shared_task(name="hocvuso.certificates.issue_for_confirmation", **RETRY)
def issue_for_confirmation(confirmation_id: int) -> str | None:
    """The certificate of a confirmation of universal digital skills."""
    try:
        credential = services.issue_for_confirmation(confirmation_id)
    except services.IssuanceRefused as refused:
        log.warning("no certificate for confirmation %s: %s", confirmation_id, refused)
        return None
    return credential.serial if credential else None


@shared_task(name="hocvuso.certificates.revoke_for_confirmation", **RETRY)
def revoke_for_confirmation(confirmation_id: int) -> int:
    """A confirmation was withdrawn: revoke its certificates (how many were revoked now)."""
    return services.revoke_for_confirmation(confirmation_id)


@shared_task(name="hocvuso.certificates.sign_pending", **RETRY)
def sign_pending() -> int:
    """Sign certificates registered by a task that ran out of retries (every few minutes by celery beat)."""
    return services.sign_pending()

"""A learner's tests, answers, uploads, evidence, competence levels and confirmations, in the download of their
personal data (lms.privacy); and their uploaded files removed from the private storage when the account is erased
(the database rows go with the account by cascade, files on disk do not)."""

from django.db import transaction
from django.dispatch import receiver

from lms.privacy import account_erasing, personal_data_section

from .models import (
    Attempt,
    AttemptItem,
    CompetenceChange,
    CompetenceLevel,
    Confirmation,
    Evidence,
    ResponseFile,
)


def _iso(value):
    return value.isoformat() if value else None


def _number(value):
    return None if value is None else str(value)


@personal_data_section("assessments")
def _assessments(user) -> dict:
    attempts = Attempt.objects.filter(user=user).select_related("assessment").order_by("started_at", "pk")
    answers = (
        AttemptItem.objects.filter(attempt__user=user)
        .select_related("item")
        .prefetch_related("files")
        .order_by("attempt_id", "position")
    )
    evidence = Evidence.objects.filter(user=user).select_related("component").order_by("recorded_at", "pk")
    levels = CompetenceLevel.objects.filter(user=user).select_related("component").order_by("component__code")
    changes = CompetenceChange.objects.filter(user=user).select_related("component").order_by("at", "pk")
    confirmations = Confirmation.objects.filter(user=user).order_by("confirmed_at", "pk")
    return {
        "attempts": [
            {
                "id": attempt.pk,
                "assessment": attempt.assessment.title,
                "number": attempt.number,
                "status": attempt.status,
                "started_at": _iso(attempt.started_at),
                "deadline": _iso(attempt.deadline),
                "submitted_at": _iso(attempt.submitted_at),
                "closed_by": attempt.closed_by,
                "graded_at": _iso(attempt.graded_at),
                "score": _number(attempt.score),
                "max_score": _number(attempt.max_score),
                "percent": _number(attempt.percent),
                "passed": attempt.passed,
                "placement": attempt.placement or None,
            }
            for attempt in attempts
        ],
        "answers": [
            {
                "attempt": row.attempt_id,
                "position": row.position,
                "question": row.item.title,
                "kind": row.item.kind,
                "response": row.response,
                "answered_at": _iso(row.answered_at),
                "credit": _number(row.credit),
                "score": _number(row.score),
                "feedback": row.feedback,
                "reviewed_at": _iso(row.reviewed_at),
                "files": [
                    {
                        "name": upload.original_name,
                        "content_type": upload.content_type,
                        "size": upload.size,
                        "sha256": upload.sha256,
                        "uploaded_at": _iso(upload.uploaded_at),
                    }
                    for upload in row.files.all()
                ],
            }
            for row in answers
        ],
        "evidence": [
            {
                "component": record.component.code,
                "level": record.level,
                "source": record.source,
                "credit": _number(record.credit),
                "weight": _number(record.weight),
                "framework": record.framework_version,
                "note": record.note,
                "recorded_at": _iso(record.recorded_at),
            }
            for record in evidence
        ],
        "competence_levels": [
            {"component": row.component.code, "level": row.level, "updated_at": _iso(row.updated_at)} for row in levels
        ],
        "competence_changes": [
            {
                "component": change.component.code,
                "from_level": change.from_level,
                "to_level": change.to_level,
                "reason": change.reason,
                "at": _iso(change.at),
            }
            for change in changes
        ],
        "confirmations": [
            {
                "target_group": confirmation.target_group,
                "method": confirmation.method,
                "rule": confirmation.rule_snapshot.get("title") if confirmation.rule_snapshot else None,
                "rule_version": confirmation.rule_version,
                "evidence": confirmation.evidence_summary,
                "observed_task": confirmation.observed_task,
                "confirmed_at": _iso(confirmation.confirmed_at),
                "revoked_at": _iso(confirmation.revoked_at),
                "revoke_reason": confirmation.revoke_reason,
            }
            for confirmation in confirmations
        ],
    }


@receiver(account_erasing, dispatch_uid="hocvuso_assessments_erase_uploads")
def _erase_uploads(sender, user, **kwargs):
    names = list(ResponseFile.objects.filter(attempt_item__attempt__user=user).values_list("file", flat=True))
    if not names:
        return
    storage = ResponseFile._meta.get_field("file").storage

    def remove():
        for name in names:
            storage.delete(name)

    # only once the erasure is committed: a rolled-back erasure keeps the files its rows point at
    transaction.on_commit(remove)

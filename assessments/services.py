"""What changes the engine's state: attempts (start, save, submit, expire), scoring and evidence, examiners'
leases and grades, re-grading after a key correction, and confirmations of universal digital skills.

Every function here is one transaction. Scores are computed only here, from the stored key; nothing a browser
sends as a score is ever read.
"""

import random
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.api import profile_for

from . import signals
from .errors import AttemptError
from .item_types import ITEM_TYPES, ResponseError
from .models import (
    Assessment,
    Attempt,
    AttemptItem,
    AttemptStatus,
    CompetenceChange,
    CompetenceLevel,
    Confirmation,
    ConfirmationRule,
    Evidence,
    Grade,
    Item,
    ItemVersion,
    ReviewEvent,
    Rubric,
)

ZERO = Decimal("0")
ONE = Decimal("1")
# An examiner holds an answer this long; after that another may claim it.
LEASE = timedelta(minutes=getattr(settings, "HOCVUSO_GRADING_LEASE_MINUTES", 20))
# A request that left the phone before the deadline may arrive a little after it.
DEADLINE_GRACE = timedelta(seconds=getattr(settings, "HOCVUSO_DEADLINE_GRACE_SECONDS", 5))
# Mastery of a component at a level: mean credit at that level and the least evidence weight to judge it.
MASTERY_CREDIT = Decimal(str(getattr(settings, "HOCVUSO_MASTERY_CREDIT", "0.7")))
MASTERY_MIN_WEIGHT = Decimal(str(getattr(settings, "HOCVUSO_MASTERY_MIN_WEIGHT", "2")))
# Two markings further apart than this (a quarter of the marks) need an agreed mark.
SECOND_MARKING_TOLERANCE = Decimal(str(getattr(settings, "HOCVUSO_SECOND_MARKING_TOLERANCE", "0.25")))

FIELD = re.compile(r"^q(\d+)-")


def _q(value: Decimal, places: str = "0.001") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


# --- starting ---------------------------------------------------------------------------------------------------


def _candidates(assessment: Assessment) -> list[tuple[Item, Decimal]]:
    """The questions of one attempt in order, with their weights, drawn per the form or blueprint."""
    if assessment.kind == Assessment.Kind.FIXED:
        slots = assessment.slots.select_related("item__current_version").order_by("sort_order", "pk")
        return [(slot.item, slot.weight) for slot in slots]
    return []


def _draw_blueprint(assessment: Assessment, rng: random.Random) -> list[tuple[Item, Decimal]]:
    drawn: list[tuple[Item, Decimal]] = []
    taken: set[int] = set()
    for rule in assessment.blueprint_rules.order_by("sort_order", "pk"):
        pool = Item.objects.filter(component=rule.component, archived=False, current_version__isnull=False)
        if rule.level:
            pool = pool.filter(level=rule.level)
        if rule.category_id:
            pool = pool.filter(category_id=rule.category_id)
        ids = sorted(set(pool.values_list("pk", flat=True)) - taken)
        if len(ids) < rule.count:
            raise AttemptError("bank_too_small")
        chosen = rng.sample(ids, rule.count)
        taken.update(chosen)
        items = Item.objects.select_related("current_version").in_bulk(chosen)
        drawn.extend((items[pk], rule.weight) for pk in chosen)
    return drawn


def _attach(attempt: Attempt, items: Iterable[tuple[Item, Decimal]], rng: random.Random, start: int = 1) -> list:
    rows = []
    for position, (item, weight) in enumerate(items, start=start):
        version = item.current_version
        if version is None:
            raise AttemptError("bank_too_small")
        presentation = ITEM_TYPES[item.kind].present(version.body, rng)
        rows.append(
            AttemptItem(
                attempt=attempt,
                position=position,
                item=item,
                version=version,
                scored_with=version,
                weight=weight,
                presentation=presentation,
                needs_review=ITEM_TYPES[item.kind].needs_review,
            )
        )
    AttemptItem.objects.bulk_create(rows)
    # Drawn once, frozen forever: a later edit of the question makes a new version.
    ItemVersion.objects.filter(pk__in=[row.version_id for row in rows], used=False).update(used=True)
    return rows


def attempts_left(user, assessment: Assessment) -> int | None:
    """How many more attempts the learner may start (None = unlimited)."""
    if not assessment.attempts_allowed:
        return None
    used = Attempt.objects.filter(user=user, assessment=assessment).count()
    return max(assessment.attempts_allowed - used, 0)


def open_attempt(user, assessment: Assessment) -> Attempt | None:
    return Attempt.objects.filter(user=user, assessment=assessment, status=AttemptStatus.IN_PROGRESS).first()


def start_attempt(*, user, assessment: Assessment, now: datetime | None = None) -> Attempt:
    """Resume the learner's open attempt or start a new one (drawing its questions and their order).

    Two requests at once still make one attempt: the database allows one open attempt per learner and
    assessment, and the loser of the race resumes the winner's."""
    now = now or timezone.now()
    current = open_attempt(user, assessment)
    if current is not None:
        if _expired(current, now):
            close_attempt(current, closed_by=Attempt.ClosedBy.DEADLINE, now=now)
        else:
            return current
    if not assessment.published or (assessment.closes_at and assessment.closes_at <= now):
        raise AttemptError("not_open")
    left = attempts_left(user, assessment)
    if left == 0:
        raise AttemptError("no_attempts_left")
    try:
        with transaction.atomic():
            return _create_attempt(user, assessment, now)
    except IntegrityError:
        current = open_attempt(user, assessment)
        if current is None:
            raise
        return current


def _create_attempt(user, assessment: Assessment, now: datetime) -> Attempt:
    number = (
        Attempt.objects.filter(user=user, assessment=assessment)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    ) + 1
    seed = secrets.randbits(62)
    rng = random.Random(seed)  # noqa: S311 -- a stored seed replays the draw; the seed itself is secret
    deadline = None
    if assessment.time_limit_minutes:
        deadline = now + timedelta(minutes=assessment.time_limit_minutes)
    if assessment.closes_at and (deadline is None or assessment.closes_at < deadline):
        deadline = assessment.closes_at
    framework = assessment.framework
    attempt = Attempt.objects.create(
        user=user,
        assessment=assessment,
        number=number,
        seed=seed,
        started_at=now,
        deadline=deadline,
        framework_version=f"{framework.code} {framework.version}" if framework else "",
    )
    if assessment.kind == Assessment.Kind.PLACEMENT:
        from .placement import begin_placement

        begin_placement(attempt, rng)
        return attempt
    items = _candidates(assessment) if assessment.kind == Assessment.Kind.FIXED else _draw_blueprint(assessment, rng)
    if not items:
        raise AttemptError("bank_too_small")
    if assessment.shuffle_items:
        rng.shuffle(items)
    rows = _attach(attempt, items, rng)
    attempt.max_score = sum((row.weight for row in rows), ZERO)
    attempt.save(update_fields=["max_score"])
    return attempt


# --- answering --------------------------------------------------------------------------------------------------


class _TimeIsUp(Exception):
    pass


def _refusing_late(change):
    """Run a change of an open attempt; when its time is up, the change is rolled back, the attempt closes with
    what was saved before the deadline (in a transaction of its own, so the refusal does not undo the closing),
    and the request is refused."""

    def run(*, attempt_id: int, now=None, **kwargs):
        now = now or timezone.now()
        try:
            return change(attempt_id=attempt_id, now=now, **kwargs)
        except _TimeIsUp:
            close_attempt(Attempt.objects.get(pk=attempt_id), closed_by=Attempt.ClosedBy.DEADLINE, now=now)
            raise AttemptError("late") from None

    run.__doc__ = change.__doc__
    run.__name__ = change.__name__
    return run


def _expired(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + DEADLINE_GRACE


def _locked_open_attempt(attempt_id: int, user, sequence, now: datetime) -> Attempt:
    attempt = Attempt.objects.select_for_update().select_related("assessment").filter(pk=attempt_id).first()
    if attempt is None:
        raise AttemptError("not_found")
    if attempt.user_id != user.pk:
        raise AttemptError("not_yours")
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise AttemptError("closed")
    if _expired(attempt, now):
        raise _TimeIsUp
    try:
        sequence = int(sequence)
    except (TypeError, ValueError):
        raise AttemptError("stale") from None
    if sequence != attempt.sequence:
        raise AttemptError("stale")
    return attempt


def _getlist(data, key: str) -> list[str]:
    if hasattr(data, "getlist"):
        return data.getlist(key)
    value = data.get(key, [])
    return list(value) if isinstance(value, list | tuple) else [value]


def _parse_answers(attempt: Attempt, data: Mapping, files: Mapping | None) -> dict[int, tuple[AttemptItem, dict]]:
    """Read the answers to the questions the page showed (`shown`), refusing anything not in the attempt. The
    attempt keeps the questions read, as `attempt.loaded_rows`, for the closing that may follow."""
    rows = {row.position: row for row in attempt.items.select_related(*ROW_RELATIONS)}
    named = {int(match.group(1)) for key in data if (match := FIELD.match(key))}
    if files:
        named |= {int(match.group(1)) for key in files if (match := FIELD.match(key))}
    try:
        shown = {int(value) for value in _getlist(data, "shown") if str(value).strip()}
    except ValueError:
        raise AttemptError("unknown_item") from None
    if not (named | shown) <= rows.keys():
        raise AttemptError("unknown_item")
    attempt.loaded_rows = sorted(rows.values(), key=lambda row: row.position)
    parsed = {}
    for position in sorted(shown | named):
        row = rows[position]
        kind = ITEM_TYPES[row.item.kind]
        try:
            parsed[position] = (row, kind.parse(row.version.body, row.presentation, data, f"q{position}-"))
        except ResponseError as error:
            raise AttemptError("bad_answer", str(error)) from error
    return parsed


@_refusing_late
def save_answers(*, attempt_id: int, user, sequence, data: Mapping, files=None, now) -> Attempt:
    """Autosave: store the answers the page sent, after every check; returns the attempt with its new sequence."""
    with transaction.atomic():
        attempt = _locked_open_attempt(attempt_id, user, sequence, now)
        _store(attempt, _parse_answers(attempt, data, files), now)
        attempt.sequence = F("sequence") + 1
        attempt.save(update_fields=["sequence"])
        attempt.refresh_from_db(fields=["sequence"])
    if attempt.assessment.kind == Assessment.Kind.PLACEMENT:
        from .placement import advance_placement

        advance_placement(attempt_id, now=now)
        attempt.refresh_from_db()
    return attempt


def _store(attempt: Attempt, parsed: dict[int, tuple[AttemptItem, dict]], now: datetime) -> None:
    changed = []
    for row, response in parsed.values():
        if row.response != response:
            row.response = response
            row.answered_at = now
            changed.append(row)
    AttemptItem.objects.bulk_update(changed, ["response", "answered_at"])


@_refusing_late
def submit_attempt(*, attempt_id: int, user, sequence, data: Mapping, files=None, now) -> Attempt:
    """Save the last answers and close the attempt: auto-scored questions are scored now, open ones wait."""
    with transaction.atomic():
        attempt = _locked_open_attempt(attempt_id, user, sequence, now)
        _store(attempt, _parse_answers(attempt, data, files), now)
        close_attempt(attempt, closed_by=Attempt.ClosedBy.LEARNER, now=now, rows=attempt.loaded_rows)
    return attempt


def close_attempt(attempt: Attempt, *, closed_by: str, now=None, rows: list[AttemptItem] | None = None) -> Attempt:
    """Close an open attempt (submitted, or at its deadline with what was saved) and score it. `rows`: the
    attempt's questions when the caller has just read them (with their items and versions)."""
    now = now or timezone.now()
    # savepoint=False: inside a submit this is part of its transaction; alone, it is a transaction of its own
    with transaction.atomic(savepoint=False):
        updated = Attempt.objects.filter(pk=attempt.pk, status=AttemptStatus.IN_PROGRESS).update(
            status=AttemptStatus.SUBMITTED,
            submitted_at=now,
            closed_by=closed_by,
            sequence=F("sequence") + 1,
        )
        if not updated:
            attempt.refresh_from_db()
            return attempt
        attempt.status, attempt.submitted_at, attempt.closed_by = AttemptStatus.SUBMITTED, now, closed_by
        attempt.sequence += 1
        if rows is None:
            rows = list(attempt.items.select_related(*ROW_RELATIONS))
        for row in rows:
            _score_row(row)
        AttemptItem.objects.bulk_update(rows, ["credit", "score", "needs_review", "feedback"])
        _record_evidence(attempt, [row for row in rows if row.credit is not None], fresh=True)
        _finish_if_graded(attempt, rows, now)
    return attempt


# What scoring and evidence read of each question of an attempt.
ROW_RELATIONS = ("version", "scored_with", "item__component__framework")


def _score_row(row: AttemptItem) -> None:
    outcome = ITEM_TYPES[row.item.kind].score(row.scored_with.body, row.response)
    row.needs_review = bool(outcome.needs_review)
    row.feedback = outcome.feedback or ""
    if outcome.credit is None:
        row.credit = row.score = None
    else:
        row.credit = outcome.credit
        row.score = _q(outcome.credit * row.weight)


def _finish_if_graded(attempt: Attempt, rows: list[AttemptItem], now: datetime) -> None:
    pending = any(row.credit is None for row in rows)
    max_score = sum((row.weight for row in rows), ZERO)
    if pending:
        attempt.status = AttemptStatus.AWAITING_GRADING
        attempt.max_score = max_score
        attempt.save(update_fields=["status", "max_score"])
        return
    score = sum((row.score for row in rows), ZERO)
    attempt.status = AttemptStatus.GRADED
    attempt.graded_at = now
    attempt.score = _q(score)
    attempt.max_score = max_score
    attempt.percent = _q(score * 100 / max_score, "0.01") if max_score else Decimal("0.00")
    attempt.passed = attempt.percent >= attempt.assessment.pass_mark
    attempt.save(update_fields=["status", "graded_at", "score", "max_score", "percent", "passed"])
    attempt_id, user_id, assessment_id = attempt.pk, attempt.user_id, attempt.assessment_id
    transaction.on_commit(
        lambda: signals.attempt_graded.send(
            sender=Attempt, attempt_id=attempt_id, user_id=user_id, assessment_id=assessment_id
        )
    )
    evaluate_confirmations_later(user_id)


def close_expired_attempts(*, now=None, limit: int = 500) -> int:
    """Close attempts whose deadline passed with the answers saved before it (the periodic task calls this)."""
    now = now or timezone.now()
    ids = list(
        Attempt.objects.filter(status=AttemptStatus.IN_PROGRESS, deadline__lt=now - DEADLINE_GRACE).values_list(
            "pk", flat=True
        )[:limit]
    )
    for attempt in Attempt.objects.filter(pk__in=ids):
        close_attempt(attempt, closed_by=Attempt.ClosedBy.DEADLINE, now=now)
    return len(ids)


# --- evidence and the competence profile -------------------------------------------------------------------------


def _framework_version(component) -> str:
    framework = component.framework
    return f"{framework.code} {framework.version}"


def _record_evidence(attempt: Attempt, rows: list[AttemptItem], *, fresh: bool = False) -> None:
    """Each scored answer on a component becomes (or updates) its evidence, in a few queries whatever the count.
    `fresh`: the attempt has just closed, so none of its answers has evidence yet."""
    scored = [row for row in rows if row.item.component_id and row.item.level is not None and row.credit is not None]
    if not scored:
        return
    existing = (
        {}
        if fresh
        else {e.attempt_item_id: e for e in Evidence.objects.filter(attempt_item__in=[row.pk for row in scored])}
    )
    fields = ["user_id", "component_id", "level", "credit", "weight", "framework_version"]
    new, changed = [], []
    for row in scored:
        values = {
            "user_id": attempt.user_id,
            "component_id": row.item.component_id,
            "level": row.item.level,
            "credit": row.credit,
            "weight": row.weight or ONE,
            "framework_version": _framework_version(row.item.component),
        }
        evidence = existing.get(row.pk)
        if evidence is None:
            new.append(Evidence(attempt_item=row, **values))
        elif any(getattr(evidence, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(evidence, name, value)
            changed.append(evidence)
    Evidence.objects.bulk_create(new)
    if changed:
        Evidence.objects.bulk_update(changed, [name.removesuffix("_id") for name in fields])
    if new or changed:
        touched = {evidence.component_id for evidence in [*new, *changed]}
        refresh_competence(attempt.user_id, touched, reason=f"attempt:{attempt.pk}")


def reached_level(evidence: Iterable[tuple[int, Decimal, Decimal]]) -> int:
    """The highest level with enough evidence whose weighted mean credit shows mastery; 0 if none.
    `evidence`: (level, credit, weight) triples."""
    totals: dict[int, list[Decimal]] = {}
    for level, credit, weight in evidence:
        weighted, weights = totals.setdefault(level, [ZERO, ZERO])
        totals[level] = [weighted + credit * weight, weights + weight]
    mastered = [
        level
        for level, (weighted, weights) in totals.items()
        if weights >= MASTERY_MIN_WEIGHT and weighted / weights >= MASTERY_CREDIT
    ]
    return max(mastered, default=0)


def refresh_competence(user_id: int, component_ids: Iterable[int], *, reason: str = "") -> dict[int, int]:
    """Recompute the learner's level on these components from all their evidence, keeping the history."""
    component_ids = set(component_ids)
    rows = Evidence.objects.filter(user_id=user_id, component_id__in=component_ids).values_list(
        "component_id", "level", "credit", "weight"
    )
    by_component: dict[int, list] = {pk: [] for pk in component_ids}
    for component_id, level, credit, weight in rows:
        by_component[component_id].append((level, credit, weight))
    current = dict(
        CompetenceLevel.objects.filter(user_id=user_id, component_id__in=component_ids).values_list(
            "component_id", "level"
        )
    )
    now = timezone.now()
    levels, reached, changes = {}, [], []
    for component_id, evidence in by_component.items():
        level = reached_level(evidence)
        levels[component_id] = level
        before = current.get(component_id, 0)
        if level == before:
            continue
        reached.append(CompetenceLevel(user_id=user_id, component_id=component_id, level=level, updated_at=now))
        changes.append(
            CompetenceChange(
                user_id=user_id,
                component_id=component_id,
                from_level=before,
                to_level=level,
                reason=reason[:255],
                at=now,
            )
        )
    if reached:
        # an upsert: two closings at once for the same learner still leave one row per component
        CompetenceLevel.objects.bulk_create(
            reached,
            update_conflicts=True,
            unique_fields=["user", "component"],
            update_fields=["level", "updated_at"],
        )
        CompetenceChange.objects.bulk_create(changes)
        rises = [(c.component_id, c.from_level, c.to_level) for c in changes if c.to_level > c.from_level]
        if rises:
            transaction.on_commit(
                partial(signals.competence_reached.send, sender=CompetenceLevel, user_id=user_id, rises=rises)
            )
    return levels


def record_observation(*, examiner, user, component, level: int, passed: bool, note: str) -> Evidence:
    """An examiner saw the learner do a practical task in an in-person class: evidence on its own."""
    _require(examiner, CONFIRM)
    with transaction.atomic():
        evidence = Evidence.objects.create(
            user=user,
            component=component,
            level=level,
            source=Evidence.Source.OBSERVATION,
            credit=ONE if passed else ZERO,
            weight=MASTERY_MIN_WEIGHT,
            framework_version=_framework_version(component),
            recorded_by=examiner,
            note=note,
        )
        ReviewEvent.objects.create(
            action=ReviewEvent.Action.OBSERVED,
            actor=examiner,
            detail={"user": user.pk, "component": component.code, "level": level, "passed": passed, "note": note},
        )
        refresh_competence(user.pk, {component.pk}, reason=f"observation:{evidence.pk}")
        evaluate_confirmations_later(user.pk)
    return evidence


# --- examiners ----------------------------------------------------------------------------------------------------


GRADE = "hocvuso_assessments.grade_responses"
CONFIRM = "hocvuso_assessments.confirm_skills"


def _require(user, permission: str) -> None:
    """One check for staff actions: the permission the role's group holds (migration 0002), or a superuser."""
    if not (user.is_authenticated and user.is_active and user.has_perm(permission)):
        raise AttemptError("not_allowed")


def claim(*, attempt_item_id: int, examiner, now=None) -> bool:
    """Take an answer for grading for LEASE; False if another examiner holds it. One conditional UPDATE, so two
    examiners pressing at once never both win."""
    _require(examiner, GRADE)
    now = now or timezone.now()
    if _awaits_second_marking_by_another(attempt_item_id, examiner):
        raise AttemptError("same_examiner")
    free = Q(claimed_by__isnull=True) | Q(claim_expires_at__lt=now) | Q(claimed_by=examiner)
    waiting = Attempt.objects.filter(status=AttemptStatus.AWAITING_GRADING).values("pk")
    # Only the row's own columns and an `IN (subquery)` on its own foreign key: a filter through a join would make
    # Django write `WHERE id IN (SELECT …)`, which PostgreSQL does not re-check after waiting for the other
    # examiner's lock, so both would win.
    won = AttemptItem.objects.filter(
        free, pk=attempt_item_id, needs_review=True, reviewed_at__isnull=True, attempt_id__in=waiting
    ).update(claimed_by=examiner, claim_expires_at=now + LEASE)
    if won:
        ReviewEvent.objects.create(
            action=ReviewEvent.Action.CLAIMED, actor=examiner, attempt_item_id=attempt_item_id, at=now
        )
    return bool(won)


def _awaits_second_marking_by_another(attempt_item_id: int, examiner) -> bool:
    grades = list(
        Grade.objects.filter(
            attempt_item_id=attempt_item_id, attempt_item__attempt__assessment__second_marking=True
        ).values_list("examiner_id", flat=True)
    )
    return len(grades) == 1 and grades[0] == examiner.pk


def release(*, attempt_item_id: int, examiner, now=None) -> None:
    updated = AttemptItem.objects.filter(pk=attempt_item_id, claimed_by=examiner).update(
        claimed_by=None, claim_expires_at=None
    )
    if updated:
        ReviewEvent.objects.create(
            action=ReviewEvent.Action.RELEASED,
            actor=examiner,
            attempt_item_id=attempt_item_id,
            at=now or timezone.now(),
        )


@dataclass(frozen=True)
class RubricScore:
    credit: Decimal
    points: Decimal
    max_points: Decimal
    choices: dict


def score_rubric(rubric: Rubric, choices: Mapping[str, str]) -> RubricScore:
    """Credit from a rubric: the chosen level's points per criterion over the best possible."""
    points = max_points = ZERO
    clean = {}
    for criterion in rubric.criteria.prefetch_related("levels"):
        levels = {str(level.pk): level.points for level in criterion.levels.all()}
        if not levels:
            continue
        chosen = str(choices.get(str(criterion.pk), ""))
        if chosen not in levels:
            raise AttemptError("bad_grade")
        clean[str(criterion.pk)] = chosen
        points += levels[chosen]
        max_points += max(levels.values())
    if not max_points:
        raise AttemptError("bad_grade")
    return RubricScore(_q(points / max_points, "0.0001"), points, max_points, clean)


def grade_response(
    *,
    attempt_item_id: int,
    examiner,
    rubric_choices: Mapping[str, str] | None = None,
    credit: Decimal | None = None,
    comment: str = "",
    note: str = "",
    now=None,
) -> AttemptItem:
    """An examiner's mark for an open or practical answer. With a rubric, the credit comes from its levels.
    With second marking, two examiners mark; far-apart marks wait for an agreed mark."""
    _require(examiner, GRADE)
    now = now or timezone.now()
    with transaction.atomic():
        row = (
            AttemptItem.objects.select_for_update(of=("self",))
            .select_related("attempt__assessment", "item__rubric", "item__component__framework")
            .filter(pk=attempt_item_id)
            .first()
        )
        if row is None or not row.needs_review or row.reviewed_at is not None:
            raise AttemptError("not_reviewable")
        if row.claimed_by_id != examiner.pk or (row.claim_expires_at and row.claim_expires_at < now):
            raise AttemptError("not_claimed")
        rubric = row.item.rubric
        choices = {}
        if rubric is not None:
            scored = score_rubric(rubric, rubric_choices or {})
            credit, choices = scored.credit, scored.choices
        if credit is None:
            raise AttemptError("bad_grade")
        credit = Decimal(credit)
        if not ZERO <= credit <= ONE:
            raise AttemptError("bad_grade")
        grades = list(row.grades.all())
        double = row.attempt.assessment.second_marking
        if not grades:
            marking = Grade.Marking.FIRST
        elif double and len(grades) == 1:
            if grades[0].examiner_id == examiner.pk:
                raise AttemptError("same_examiner")
            marking = Grade.Marking.SECOND
        else:
            # far-apart markings, or second marking switched off after a first mark: this mark settles it
            marking = Grade.Marking.FINAL
        Grade.objects.create(
            attempt_item=row,
            examiner=examiner,
            marking=marking,
            rubric=rubric,
            rubric_choices=choices,
            credit=credit,
            comment_to_learner=comment,
            note_for_staff=note,
            created_at=now,
        )
        ReviewEvent.objects.create(
            action=ReviewEvent.Action.GRADED,
            actor=examiner,
            attempt_item=row,
            detail={"marking": marking, "credit": str(credit), "rubric": choices, "comment": comment},
            at=now,
        )
        final = _final_credit(double, grades, marking, credit)
        row.claimed_by = None
        row.claim_expires_at = None
        if final is None:
            row.save(update_fields=["claimed_by", "claim_expires_at"])
            return row
        comments = [grade.comment_to_learner for grade in grades if grade.comment_to_learner] + (
            [comment] if comment else []
        )
        row.credit = final
        row.score = _q(final * row.weight)
        row.feedback = "\n\n".join(comments)
        row.reviewed_at = now
        row.save(update_fields=["credit", "score", "feedback", "reviewed_at", "claimed_by", "claim_expires_at"])
        _record_evidence(row.attempt, [row])
        rows = list(row.attempt.items.all())
        if all(r.credit is not None for r in rows):
            _finish_if_graded(row.attempt, rows, now)
    return row


def _final_credit(double: bool, earlier: list[Grade], marking: str, credit: Decimal) -> Decimal | None:
    if not double or marking == Grade.Marking.FINAL:
        return credit
    if marking == Grade.Marking.FIRST:
        return None
    first = earlier[0].credit
    if abs(first - credit) > SECOND_MARKING_TOLERANCE:
        return None
    return _q((first + credit) / 2, "0.0001")


# --- key corrections ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegradeSummary:
    version: ItemVersion
    answers: int
    changed: int
    attempts: int


def correct_key(*, version: ItemVersion, body: dict, by, reason: str) -> RegradeSummary:
    """Fix the key of a question already used: a new version with the corrected key, then every stored answer to
    the old version is scored again with it, attempts' totals and evidence follow, and it is all logged.

    The options the learners saw must stay the same (same keys), or their stored answers would mean something
    else; a different question is a new item, not a correction."""
    item = version.item
    kind = ITEM_TYPES[item.kind]
    body = kind.clean_body(body)
    if _keys(version.body) != _keys(body):
        raise ValidationError(_("A key correction must keep the same options; make a new question instead."))
    with transaction.atomic():
        number = item.versions.order_by("-number").values_list("number", flat=True).first() + 1
        corrected = ItemVersion.objects.create(
            item=item,
            number=number,
            stem=version.stem,
            body=body,
            general_feedback=version.general_feedback,
            stem_image=version.stem_image,
            stem_audio=version.stem_audio,
            corrects=version,
            created_by=by,
        )
        Item.objects.filter(pk=item.pk).update(current_version=corrected)
        rows = list(
            AttemptItem.objects.select_for_update(of=("self",))
            .filter(Q(version=version) | Q(scored_with=version))
            .exclude(attempt__status=AttemptStatus.IN_PROGRESS)
            .select_related("attempt__assessment", "item__component__framework")
        )
        changed, attempts, changes = 0, set(), []
        for row in rows:
            row.scored_with = corrected
            if row.reviewed_at is not None:
                continue  # an examiner's mark is not the key's to change
            before = row.credit
            _score_row(row)
            if row.credit != before:
                changed += 1
                changes.append({"attempt_item": row.pk, "from": str(before), "to": str(row.credit)})
            attempts.add(row.attempt_id)
        AttemptItem.objects.bulk_update(rows, ["scored_with", "credit", "score", "needs_review", "feedback"])
        for attempt in Attempt.objects.filter(pk__in=attempts).select_related("assessment"):
            scored = [r for r in rows if r.attempt_id == attempt.pk]
            _record_evidence(attempt, [r for r in scored if r.credit is not None])
            _rescore_attempt(attempt)
        ReviewEvent.objects.create(
            action=ReviewEvent.Action.REGRADED,
            actor=by,
            item_version=corrected,
            detail={"reason": reason, "from_version": version.pk, "answers": len(rows), "changes": changes[:500]},
        )
        corrected.used = bool(rows)
        corrected.save(update_fields=["used"], allow_frozen=True)
    return RegradeSummary(corrected, len(rows), changed, len(attempts))


def _keys(body: dict) -> list:
    keys = []
    for name in ("options", "pairs", "items", "extra_answers", "blanks"):
        keys.append(sorted(str(part.get("key")) for part in body.get(name) or []))
    return keys


def _rescore_attempt(attempt: Attempt) -> None:
    rows = list(attempt.items.all())
    if any(row.credit is None for row in rows):
        return
    was_passed = attempt.passed
    _finish_if_graded(attempt, rows, attempt.graded_at or timezone.now())
    if was_passed and not attempt.passed:
        signals.attempt_failed_after_regrade.send(sender=Attempt, attempt_id=attempt.pk, user_id=attempt.user_id)


# --- confirmation of universal digital skills -----------------------------------------------------------------------


def evaluate_confirmations_later(user_id: int) -> None:
    transaction.on_commit(lambda: evaluate_confirmations(user_id))


def rule_snapshot(rule: ConfirmationRule) -> dict:
    return {
        "title": rule.title,
        "version": rule.version,
        "target_group": rule.target_group,
        "framework": f"{rule.framework.code} {rule.framework.version}",
        "assessment": rule.assessment.title if rule.assessment_id else None,
        "requirements": [
            {"component": req.component.code, "min_level": req.min_level}
            for req in rule.requirements.select_related("component")
        ],
        "source_checked": rule.source_checked,
        "source_note": rule.source_note,
    }


def rule_met(rule: ConfirmationRule, user_id: int) -> list[dict] | None:
    """The evidence that meets the rule for this learner, or None when it is not met."""
    requirements = list(rule.requirements.select_related("component"))
    if not requirements and not rule.assessment_id:
        return None  # an empty rule confirms nobody
    levels = dict(
        CompetenceLevel.objects.filter(
            user_id=user_id, component__in=[r.component_id for r in requirements]
        ).values_list("component_id", "level")
    )
    summary = []
    for requirement in requirements:
        level = levels.get(requirement.component_id, 0)
        if level < requirement.min_level:
            return None
        summary.append({"component": requirement.component.code, "level": level, "required": requirement.min_level})
    if rule.assessment_id:
        attempt = (
            Attempt.objects.filter(user_id=user_id, assessment_id=rule.assessment_id, passed=True)
            .order_by("graded_at")
            .first()
        )
        if attempt is None:
            return None
        summary.append({"assessment": rule.assessment.title, "attempt": attempt.pk, "percent": str(attempt.percent)})
    return summary


def evaluate_confirmations(user_id: int) -> Confirmation | None:
    """Confirm the learner automatically when an active rule of their target group is met."""
    user = get_user_model().objects.select_related("learner_profile").filter(pk=user_id).first()
    profile = profile_for(user) if user else None
    if profile is None or not profile.target_group:
        return None
    rules = list(
        ConfirmationRule.objects.filter(target_group=profile.target_group, active=True, automatic=True).select_related(
            "framework", "assessment"
        )
    )
    if not rules:
        return None
    if Confirmation.objects.filter(user_id=user_id, target_group=profile.target_group, revoked_at=None).exists():
        return None
    for rule in rules:
        evidence = rule_met(rule, user_id)
        if evidence is None:
            continue
        try:
            with transaction.atomic():
                confirmation = Confirmation.objects.create(
                    user_id=user_id,
                    target_group=profile.target_group,
                    rule=rule,
                    rule_version=rule.version,
                    rule_snapshot=rule_snapshot(rule),
                    evidence_summary=evidence,
                    method=Confirmation.Method.AUTOMATIC,
                )
        except IntegrityError:
            return None  # confirmed by a concurrent request
        _announce(confirmation)
        return confirmation
    return None


def confirm_by_examiner(*, examiner, user, observed_task: str, rule: ConfirmationRule | None = None) -> Confirmation:
    """An examiner confirms a learner from a practical task observed in an in-person class."""
    _require(examiner, CONFIRM)
    profile = profile_for(user)
    if profile is None or not profile.target_group:
        raise ValidationError(_("The learner has no target group in their profile."))
    if not observed_task.strip():
        raise ValidationError(_("Describe the task you observed."))
    try:
        with transaction.atomic():
            confirmation = Confirmation.objects.create(
                user=user,
                target_group=profile.target_group,
                rule=rule,
                rule_version=rule.version if rule else None,
                rule_snapshot=rule_snapshot(rule) if rule else {},
                method=Confirmation.Method.EXAMINER,
                confirmed_by=examiner,
                observed_task=observed_task.strip(),
            )
            ReviewEvent.objects.create(
                action=ReviewEvent.Action.CONFIRMED,
                actor=examiner,
                confirmation=confirmation,
                detail={"observed_task": observed_task.strip()},
            )
    except IntegrityError:
        raise ValidationError(_("This learner is already confirmed for their group.")) from None
    _announce(confirmation)
    return confirmation


def _announce(confirmation: Confirmation) -> None:
    pk, user_id = confirmation.pk, confirmation.user_id
    transaction.on_commit(
        lambda: signals.skills_confirmed.send(sender=Confirmation, confirmation_id=pk, user_id=user_id)
    )


def revoke_confirmation(*, confirmation: Confirmation, by, reason: str, now=None) -> Confirmation:
    """Withdraw a confirmation with a reason (audited); reports and certificates hear of it."""
    _require(by, CONFIRM)
    if not reason.strip():
        raise ValidationError(_("Give the reason for revoking."))
    now = now or timezone.now()
    with transaction.atomic():
        updated = Confirmation.objects.filter(pk=confirmation.pk, revoked_at=None).update(
            revoked_at=now, revoked_by=by, revoke_reason=reason.strip()
        )
        confirmation.refresh_from_db()
        if updated:
            ReviewEvent.objects.create(
                action=ReviewEvent.Action.REVOKED,
                actor=by,
                confirmation=confirmation,
                detail={"reason": reason},
                at=now,
            )
            pk, user_id = confirmation.pk, confirmation.user_id
            transaction.on_commit(
                lambda: signals.confirmation_revoked.send(sender=Confirmation, confirmation_id=pk, user_id=user_id)
            )
    return confirmation


def save_rule(rule: ConfirmationRule) -> ConfirmationRule:
    """Save a rule; every change after the first makes a new version number (confirmations keep theirs)."""
    if rule.pk:
        rule.version = (ConfirmationRule.objects.filter(pk=rule.pk).values_list("version", flat=True).first() or 0) + 1
    rule.save()
    return rule

"""Reads for the examiners' screens: the answers waiting for an examiner and their state (free, held, which
marking they wait for), one answer with everything its grading page shows, the audit, item statistics, and the
learners and confirmations an examiner or ward administrator may see. Every list here is a fixed number of
queries whatever its length."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from lms.api import Role, has_role, learner_match, learners_visible_to

from . import item_statistics
from .hooks import assessment_groupings
from .models import (
    Assessment,
    Attempt,
    AttemptItem,
    AttemptStatus,
    Confirmation,
    Grade,
    Item,
    ReviewEvent,
    RubricCriterion,
)

# The most recent graded attempts item statistics are computed from (enough to judge, bounded in memory).
STATISTICS_ATTEMPTS = 2000
LEARNER_MATCHES = 20

WAITING = Q(needs_review=True, reviewed_at__isnull=True, attempt__status=AttemptStatus.AWAITING_GRADING)
LEARNER = "attempt__user__learner_profile"


# --- the queue ----------------------------------------------------------------------------------------------------


def _grade_count():
    counted = (
        Grade.objects.filter(attempt_item=OuterRef("pk"))
        .order_by()
        .values("attempt_item")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _first_examiner():
    first = Grade.objects.filter(attempt_item=OuterRef("pk")).order_by("created_at", "pk").values("examiner_id")[:1]
    return Subquery(first, output_field=IntegerField())


def waiting_answers() -> QuerySet[AttemptItem]:
    """Open and practical answers waiting for an examiner, with what the queue shows of each, oldest first."""
    return (
        AttemptItem.objects.filter(WAITING)
        .select_related(
            "item",
            "attempt__assessment",
            f"{LEARNER}__ward",
            "claimed_by__learner_profile",
        )
        .annotate(grade_count=_grade_count(), first_examiner_id=_first_examiner())
        .order_by("attempt__submitted_at", "pk")
    )


def wards_waiting() -> list[tuple[int, str]]:
    """The wards of the learners whose answers wait, for the queue's ward filter (one query)."""
    rows = (
        AttemptItem.objects.filter(WAITING, **{f"{LEARNER}__ward__isnull": False})
        .values_list(f"{LEARNER}__ward_id", f"{LEARNER}__ward__name")
        .distinct()
        .order_by(f"{LEARNER}__ward__name")
    )
    return list(rows)


def grouping_choices() -> list[tuple[object, list[tuple[str, str]], dict[str, set[int]]]]:
    """Per registered grouping: (grouping, [(group key, label)], {group key: assessment ids})."""
    result = []
    for grouping in assessment_groupings():
        members: dict[str, set[int]] = {}
        labels: dict[str, str] = {}
        for assessment_id, (key, label) in grouping.groups().items():
            members.setdefault(key, set()).add(assessment_id)
            labels[key] = label
        choices = sorted(labels.items(), key=lambda pair: pair[1].casefold())
        result.append((grouping, choices, members))
    return result


class Stage(StrEnum):
    FIRST = "first"  # nobody has marked it yet
    SECOND = "second"  # marked once, the assessment wants a second examiner
    AGREED = "agreed"  # two markings too far apart: an agreed mark is needed


@dataclass(frozen=True)
class ReviewState:
    stage: Stage
    holder: object | None  # the examiner holding the lease now, if any
    until: datetime | None
    held_by_viewer: bool
    # the second marking must be another examiner's: the first one may not take the answer again
    viewer_may_mark: bool = True

    @property
    def free(self) -> bool:
        return self.holder is None


def review_state(
    row: AttemptItem,
    *,
    viewer,
    now: datetime | None = None,
    grade_count: int | None = None,
    first_examiner_id: int | None = None,
):
    """Where an answer stands: which marking it waits for and who holds it (a lease past its time holds nothing).
    `grade_count` and `first_examiner_id` come from waiting_answers()' annotations unless given."""
    now = now or timezone.now()
    count = getattr(row, "grade_count", None) if grade_count is None else grade_count
    count = count or 0
    if first_examiner_id is None:
        first_examiner_id = getattr(row, "first_examiner_id", None)
    if count == 0:
        stage = Stage.FIRST
    elif count == 1 and row.attempt.assessment.second_marking:
        stage = Stage.SECOND
    else:
        stage = Stage.AGREED
    held = row.claimed_by_id is not None and row.claim_expires_at is not None and row.claim_expires_at >= now
    return ReviewState(
        stage=stage,
        holder=row.claimed_by if held else None,
        until=row.claim_expires_at if held else None,
        held_by_viewer=held and row.claimed_by_id == getattr(viewer, "pk", None),
        viewer_may_mark=not (stage == Stage.SECOND and first_examiner_id == getattr(viewer, "pk", None)),
    )


def answer_for_grading(pk: int) -> AttemptItem | None:
    """One answer (waiting or already graded) with its question, learner, rubric, files and grades."""
    return (
        AttemptItem.objects.filter(pk=pk)
        .select_related(
            "item__rubric",
            "version",
            "attempt__assessment",
            f"{LEARNER}__ward",
            "claimed_by__learner_profile",
        )
        .prefetch_related(
            "files",
            Prefetch("grades", queryset=Grade.objects.select_related("examiner__learner_profile", "rubric")),
            Prefetch(
                "item__rubric__criteria",
                queryset=RubricCriterion.objects.prefetch_related("levels").order_by("sort_order", "pk"),
            ),
        )
        .first()
    )


def events_of_answer(row: AttemptItem) -> QuerySet[ReviewEvent]:
    return ReviewEvent.objects.filter(attempt_item=row).select_related("actor__learner_profile").order_by("at", "pk")


def is_waiting(row: AttemptItem) -> bool:
    return row.needs_review and row.reviewed_at is None and row.attempt.status == AttemptStatus.AWAITING_GRADING


# --- the audit --------------------------------------------------------------------------------------------------


def review_events() -> QuerySet[ReviewEvent]:
    return ReviewEvent.objects.select_related(
        "actor__learner_profile",
        "attempt_item__item",
        "attempt_item__attempt__assessment",
        "confirmation__user__learner_profile",
        "item_version__item",
    ).order_by("-at", "-pk")


def event_actors() -> QuerySet:
    """The people who have made a decision (for the audit's examiner filter)."""
    actors = ReviewEvent.objects.filter(actor__isnull=False).values("actor_id")
    return get_user_model().objects.filter(pk__in=actors).select_related("learner_profile").order_by("pk")


# --- item statistics --------------------------------------------------------------------------------------------


def assessments_with_statistics() -> QuerySet[Assessment]:
    graded = Count("attempts", filter=Q(attempts__status=AttemptStatus.GRADED))
    return Assessment.objects.annotate(graded_attempts=graded).order_by("title")


@dataclass
class ItemReport:
    item: Item
    stats: item_statistics.ItemStats
    reasons: list = field(default_factory=list)
    options: list[tuple[str, int, bool]] = field(default_factory=list)  # (option text, times chosen, earns credit)


@dataclass
class StatisticsReport:
    assessment: Assessment
    attempts: int
    alpha: float | None
    alpha_attempts: int
    items: list[ItemReport]
    chart: str

    @property
    def flagged(self) -> list[ItemReport]:
        return [report for report in self.items if report.reasons]


def _choice_data(item: Item, responses: list) -> item_statistics.ChoiceData | None:
    body = item.current_version.body if item.current_version_id else {}
    options = body.get("options") or []
    if item.kind == "single_choice":
        correct = {o["key"] for o in options if float(o.get("credit") or 0) > 0}
        chosen = [(r or {}).get("choice") for r in responses]
    elif item.kind == "multiple_response":
        correct = {o["key"] for o in options if o.get("correct")}
        chosen = [(r or {}).get("choices") for r in responses]
    else:
        return None
    return item_statistics.ChoiceData(
        options=[o["key"] for o in options],
        correct=correct,
        chosen=chosen,
        labels={o["key"]: o.get("text", "") for o in options},
    )


def assessment_statistics(assessment: Assessment) -> StatisticsReport:
    """Facility, discrimination, alpha and distractor counts over the assessment's most recent graded attempts
    (three queries)."""
    recent = (
        Attempt.objects.filter(assessment=assessment, status=AttemptStatus.GRADED)
        .order_by("-graded_at", "-pk")
        .values_list("pk", flat=True)[:STATISTICS_ATTEMPTS]
    )
    attempt_ids = list(recent)
    rows = list(
        AttemptItem.objects.filter(attempt_id__in=attempt_ids)
        .order_by("position", "pk")
        .values_list("attempt_id", "item_id", "credit", "response")
    )
    column_of: dict[int, int] = {}
    for _attempt, item_id, _credit, _response in rows:
        column_of.setdefault(item_id, len(column_of))
    items = Item.objects.select_related("current_version").in_bulk(list(column_of))
    row_of = {pk: i for i, pk in enumerate(attempt_ids)}
    matrix: list[list] = [[None] * len(column_of) for _ in attempt_ids]
    responses: dict[int, list] = {pk: [] for pk in column_of}
    for attempt_id, item_id, credit, response in rows:
        matrix[row_of[attempt_id]][column_of[item_id]] = float(credit) if credit is not None else None
        responses[item_id].append(response)
    names = list(column_of)
    choices = {pk: data for pk in names if (data := _choice_data(items[pk], responses[pk])) is not None}
    stats = item_statistics.analyse(matrix, items=names, choices=choices)
    reasons = item_statistics.flags(stats)
    labels = {pk: items[pk].title for pk in names}
    reports = []
    for item_stats in stats.items:
        item = items[item_stats.item]
        options = []
        if item_stats.option_counts is not None:
            correct = set(choices[item.pk].correct)
            options = [
                (item_stats.option_labels.get(key) or key, count, key in correct)
                for key, count in item_stats.option_counts.items()
            ]
        reports.append(ItemReport(item, item_stats, reasons.get(item.pk, []), options))
    chart = item_statistics.svg_chart(stats, labels, id_prefix=f"item-stats-{assessment.pk}") if names else ""
    return StatisticsReport(assessment, stats.attempts, stats.alpha, stats.alpha_attempts, reports, chart)


# --- learners and confirmations -----------------------------------------------------------------------------------


def may_see_every_learner(user) -> bool:
    """Examiners confirm learners from any ward they meet in a class; ward administrators only their own."""
    return user.is_superuser or has_role(user, Role.EXAMINER)


def learners_for_confirmation(user) -> QuerySet:
    """The learners' accounts `user` may confirm, observe or see confirmations of."""
    users = get_user_model().objects.filter(learner_profile__isnull=False)
    if may_see_every_learner(user):
        return users
    return users.filter(learner_profile__in=learners_visible_to(user))


def find_learners(user, query: str, *, limit: int = LEARNER_MATCHES) -> list:
    """Learners matching a name (with or without diacritics), an exact phone number or email; never everyone."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    matches = learners_for_confirmation(user).filter(learner_match(query, user="", profile="learner_profile__"))
    return list(
        matches.select_related("learner_profile__ward", "learner_profile__residential_group").order_by(
            "learner_profile__full_name_folded", "pk"
        )[:limit]
    )


def confirmations_visible_to(user) -> QuerySet[Confirmation]:
    confirmations = Confirmation.objects.select_related(
        "user__learner_profile__ward", "confirmed_by__learner_profile", "revoked_by__learner_profile", "rule"
    )
    if may_see_every_learner(user):
        return confirmations
    return confirmations.filter(user__learner_profile__in=learners_visible_to(user))


def confirmation_wards(user) -> list[tuple[int, str]]:
    """The wards of the learners with a confirmation `user` may see (one query)."""
    path = "user__learner_profile__ward"
    return list(
        confirmations_visible_to(user)
        .filter(**{f"{path}__isnull": False})
        .values_list(f"{path}_id", f"{path}__name")
        .distinct()
        .order_by(f"{path}__name")
    )

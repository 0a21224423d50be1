"""What a learner's pages read: a test's introduction, an attempt as the page shows it, a closed attempt's result
and review, and the learner's competence profile. Functions here never change state (that is services.py), and
each reads a fixed number of queries whatever the number of questions, attempts or evidence records.

Nothing here hands a question's body to a template: the attempt page gets only `ItemType.public(...)`, and the
review only `ItemType.review(...)` once the assessment's feedback policy allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch, Q, Sum
from django.utils import timezone

from .item_types import ITEM_TYPES
from .models import (
    Assessment,
    Attempt,
    AttemptItem,
    AttemptStatus,
    CompetenceChange,
    CompetenceLevel,
    Component,
    Confirmation,
    Domain,
    Evidence,
    Framework,
    Level,
    ResponseFile,
)
from .services import DEADLINE_GRACE

ZERO = Decimal("0")
ONE = Decimal("1")


# --- the introduction -----------------------------------------------------------------------------------------------


@dataclass
class Intro:
    assessment: Assessment
    question_count: int | None  # None: an adaptive test asks as many as it needs
    attempts: list[Attempt]
    attempts_left: int | None  # None: unlimited
    open_attempt: Attempt | None
    closed: bool


def published_assessment(slug: str) -> Assessment | None:
    return Assessment.objects.filter(slug=slug, published=True).select_related("framework").first()


def intro(*, user, assessment: Assessment, now: datetime | None = None) -> Intro:
    """The test's introduction for this learner: its rules and their earlier attempts (newest first)."""
    now = now or timezone.now()
    if assessment.kind == Assessment.Kind.FIXED:
        count = assessment.slots.count()
    elif assessment.kind == Assessment.Kind.BLUEPRINT:
        count = assessment.blueprint_rules.aggregate(total=Sum("count"))["total"] or 0
    else:
        count = None
    attempts = list(Attempt.objects.filter(user=user, assessment=assessment).order_by("-number"))
    left = None
    if assessment.attempts_allowed:
        left = max(assessment.attempts_allowed - len(attempts), 0)
    current = next((attempt for attempt in attempts if attempt.status == AttemptStatus.IN_PROGRESS), None)
    return Intro(
        assessment=assessment,
        question_count=count,
        attempts=attempts,
        attempts_left=left,
        open_attempt=current,
        closed=bool(assessment.closes_at and assessment.closes_at <= now),
    )


# --- the attempt page -----------------------------------------------------------------------------------------------


def owned_attempt(*, user, attempt_id: int) -> Attempt | None:
    """The learner's own attempt with its assessment; None for anyone else's (the page answers 404)."""
    return Attempt.objects.select_related("assessment__framework").filter(pk=attempt_id, user_id=user.pk).first()


def is_past_deadline(attempt: Attempt, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + DEADLINE_GRACE


@dataclass
class Question:
    position: int
    row: AttemptItem
    kind: str
    template: str
    stem: str
    public: dict
    answered: bool
    files: list[ResponseFile] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return f"q{self.position}-"

    @property
    def upload(self) -> bool:
        return self.kind == "practical" and self.public.get("mode") == "upload"


def _question(row: AttemptItem, *, public: bool = True) -> Question:
    item_type = ITEM_TYPES[row.item.kind]
    body = row.version.body
    return Question(
        position=row.position,
        row=row,
        kind=row.item.kind,
        template=item_type.template,
        stem=row.version.stem,
        public=item_type.public(body, row.presentation, row.response) if public else {},
        answered=not item_type.is_empty(body, row.response),
    )


@dataclass
class AttemptPage:
    attempt: Attempt
    questions: list[Question]  # the ones this screen renders
    navigator: list[Question]  # every question (public views left empty), answered or not
    current: int | None  # one per screen / placement: the position shown
    one_per_page: bool
    placement: bool
    progress: dict = field(default_factory=dict)

    @property
    def unanswered(self) -> list[Question]:
        return [question for question in self.navigator if not question.answered]

    @property
    def has_upload(self) -> bool:
        return any(question.upload for question in self.questions)

    @property
    def previous(self) -> int | None:
        if self.current is None or self.current <= 1:
            return None
        return self.current - 1

    @property
    def next(self) -> int | None:
        if self.current is None or self.current >= len(self.navigator):
            return None
        return self.current + 1


def _rows(attempt: Attempt) -> list[AttemptItem]:
    # one query: the answers with their question and the version this attempt drew
    return list(
        AttemptItem.objects.filter(attempt=attempt)
        .select_related("item", "version", "version__stem_image", "version__stem_audio")
        .prefetch_related("files")
        .order_by("position")
    )


def _attach_files(questions: list[Question]) -> None:
    for question in questions:
        if question.kind == "practical":
            question.files = sorted(question.row.files.all(), key=lambda f: f.uploaded_at)


def attempt_page(attempt: Attempt, *, question: int | None = None) -> AttemptPage:
    """What the attempt page shows: every question (all on one page), one question (one per screen, `question`
    is its position), or the placement test's current question."""
    if attempt.assessment.kind == Assessment.Kind.PLACEMENT:
        return _placement_page(attempt)
    rows = _rows(attempt)
    one = attempt.assessment.layout == Assessment.Layout.ONE_PER_PAGE
    navigator = [_question(row, public=False) for row in rows]
    if one and rows:
        current = min(max(question or 1, 1), len(rows))
        shown = [_question(rows[current - 1])]
    else:
        current = None
        shown = [_question(row) for row in rows]
    _attach_files(shown)
    return AttemptPage(attempt, shown, navigator, current, one, placement=False)


def attempt_summary(attempt: Attempt) -> list[Question]:
    """Every question of the attempt with whether it has an answer (for the review-and-submit step)."""
    return [_question(row, public=False) for row in _rows(attempt)]


def _placement_page(attempt: Attempt) -> AttemptPage:
    from .placement import current_item

    row = current_item(attempt)
    questions = []
    if row is not None:
        row = _rows_by_pk(row.pk)
        questions = [_question(row)]
    _attach_files(questions)
    return AttemptPage(
        attempt,
        questions,
        navigator=questions,
        current=row.position if row else None,
        one_per_page=True,
        placement=True,
        progress=placement_progress(attempt, row.position if row else None),
    )


def _rows_by_pk(pk: int) -> AttemptItem:
    return AttemptItem.objects.select_related("item", "version", "version__stem_image", "version__stem_audio").get(
        pk=pk
    )


def placement_progress(attempt: Attempt, position: int | None) -> dict:
    """ "Question 4, about 6 more to go": the estimate takes each open domain to the middle of the test's fewest and
    most questions per domain (at least one more each), since the test stops a domain once it knows enough."""
    assessment = attempt.assessment
    state = attempt.placement or {}
    lowest = min(assessment.placement_min_items, assessment.placement_max_items)
    target = (lowest + assessment.placement_max_items + 1) // 2
    remaining = 0
    for domain in (state.get("domains") or {}).values():
        if not domain.get("done"):
            remaining += max(target - int(domain.get("n") or 0), 1)
    # the current question is one of them
    return {"number": position or 0, "more": max(remaining - 1, 0)}


# --- the result -----------------------------------------------------------------------------------------------------


@dataclass
class ReviewedQuestion:
    position: int
    row: AttemptItem
    template: str
    stem: str
    review: dict
    general_feedback: str
    examiner_comment: str


@dataclass
class DomainResult:
    code: str
    name: str
    level: int | None
    label: str


@dataclass
class Result:
    attempt: Attempt
    review_allowed: bool
    review_later: bool  # "after_close" before the assessment closes
    questions: list[ReviewedQuestion]
    provisional_score: Decimal | None  # awaiting an examiner: what the scored questions give so far
    awaiting: bool
    comments: list[tuple[int, str]]  # (position, examiner's comment), when the review itself is not shown
    domains: list[DomainResult] = field(default_factory=list)
    recommendations: list[dict] = field(default_factory=list)


def review_allowed(assessment: Assessment, now: datetime | None = None) -> bool:
    """Whether a closed attempt's questions, correct answers and feedback may be shown to its learner."""
    now = now or timezone.now()
    policy = assessment.feedback_policy
    if policy == Assessment.FeedbackPolicy.AFTER_SUBMIT:
        return True
    if policy == Assessment.FeedbackPolicy.AFTER_CLOSE:
        return bool(assessment.closes_at and assessment.closes_at <= now)
    return False


def _status(credit: Decimal | None) -> str:
    if credit is None:
        return "pending"
    if credit >= ONE:
        return "correct"
    if credit <= ZERO:
        return "incorrect"
    return "partial"


def result(attempt: Attempt, *, now: datetime | None = None) -> Result:
    """A closed attempt as its learner may see it: the score, and the review the feedback policy allows."""
    now = now or timezone.now()
    assessment = attempt.assessment
    allowed = review_allowed(assessment, now)
    rows = list(
        AttemptItem.objects.filter(attempt=attempt)
        .select_related("item", "version", "scored_with", "version__stem_image", "version__stem_audio")
        .order_by("position")
    )
    awaiting = attempt.status == AttemptStatus.AWAITING_GRADING
    provisional = None
    if awaiting:
        provisional = sum((row.score for row in rows if row.score is not None), ZERO)
    questions, comments = [], []
    for row in rows:
        comment = row.feedback if row.reviewed_at and row.feedback else ""
        if comment:
            comments.append((row.position, comment))
        if not allowed:
            continue
        item_type = ITEM_TYPES[row.item.kind]
        body = (row.scored_with or row.version).body
        review = item_type.review(body, row.presentation, row.response)
        if item_type.needs_review and row.credit is not None and review.get("status") != "unanswered":
            # the examiner's mark, not the engine's "waiting"
            credit = Decimal(row.credit)
            review["status"] = _status(credit)
            review["percent"] = format((credit * 100).quantize(Decimal("0.01")).normalize(), "f")
        questions.append(
            ReviewedQuestion(
                position=row.position,
                row=row,
                template=item_type.template,
                stem=row.version.stem,
                review=review,
                general_feedback=row.version.general_feedback,
                examiner_comment=comment,
            )
        )
    outcome = Result(
        attempt=attempt,
        review_allowed=allowed,
        review_later=assessment.feedback_policy == Assessment.FeedbackPolicy.AFTER_CLOSE and not allowed,
        questions=questions,
        provisional_score=provisional,
        awaiting=awaiting,
        comments=comments if not allowed else [],
    )
    if assessment.kind == Assessment.Kind.PLACEMENT:
        from .placement import recommendations

        outcome.domains = placement_levels(attempt)
        outcome.recommendations = list(recommendations(attempt))
    return outcome


def placement_levels(attempt: Attempt) -> list[DomainResult]:
    """The level the placement test found per domain, named as the framework names its levels."""
    framework_id = attempt.assessment.framework_id
    domains = {d.code: d for d in Domain.objects.filter(framework_id=framework_id)}
    labels = dict(Level.objects.filter(framework_id=framework_id).values_list("number", "label_vi"))
    state = attempt.placement or {}
    found = []
    for code in state.get("order") or []:
        domain = domains.get(code)
        level = (state.get("domains") or {}).get(code, {}).get("level")
        found.append(
            DomainResult(
                code=code,
                name=domain.name_vi if domain else code,
                level=level,
                label=labels.get(level, "") if level else "",
            )
        )
    return found


# --- the competence profile ----------------------------------------------------------------------------------------


@dataclass
class ComponentProfile:
    component: Component
    level: int
    label: str
    evidence: list[Evidence]
    changes: list[CompetenceChange]


@dataclass
class DomainProfile:
    domain: Domain
    components: list[ComponentProfile]


@dataclass
class FrameworkProfile:
    framework: Framework
    domains: list[DomainProfile]
    levels: dict[int, str]

    @property
    def reached(self) -> int:
        return sum(1 for domain in self.domains for component in domain.components if component.level)


@dataclass
class CompetenceProfile:
    frameworks: list[FrameworkProfile]
    confirmations: list[Confirmation]


def competence_profile(user) -> CompetenceProfile:
    """The learner's level on every component of the frameworks they were tested on (or that an open test
    uses), with the evidence behind it, the history of changes, and their active confirmations.
    Eight queries, however many frameworks, components and records there are."""
    levels = {row.component_id: row.level for row in CompetenceLevel.objects.filter(user=user)}
    evidence_by: dict[int, list[Evidence]] = {}
    for record in (
        Evidence.objects.filter(user=user)
        .select_related("attempt_item__attempt__assessment", "component")
        .order_by("-recorded_at")
    ):
        evidence_by.setdefault(record.component_id, []).append(record)
    changes_by: dict[int, list[CompetenceChange]] = {}
    for change in CompetenceChange.objects.filter(user=user).order_by("-at"):
        changes_by.setdefault(change.component_id, []).append(change)
    touched = set(levels) | set(evidence_by) | set(changes_by)
    frameworks = list(
        Framework.objects.filter(
            Q(components__in=touched)
            | Q(pk__in=Assessment.objects.filter(published=True, framework__isnull=False).values("framework_id"))
        )
        .distinct()
        .order_by("code", "-version")
        .prefetch_related(
            Prefetch("domains", queryset=Domain.objects.order_by("order")),
            Prefetch("components", queryset=Component.objects.order_by("order")),
            Prefetch("levels", queryset=Level.objects.order_by("number")),
        )
    )
    profiles = []
    for framework in frameworks:
        labels = {level.number: level.label_vi for level in framework.levels.all()}
        by_domain: dict[int, list[ComponentProfile]] = {}
        for component in framework.components.all():
            level = levels.get(component.pk, 0)
            by_domain.setdefault(component.domain_id, []).append(
                ComponentProfile(
                    component=component,
                    level=level,
                    label=labels.get(level, "") if level else "",
                    evidence=evidence_by.get(component.pk, []),
                    changes=changes_by.get(component.pk, []),
                )
            )
        domains = [
            DomainProfile(domain=domain, components=by_domain.get(domain.pk, [])) for domain in framework.domains.all()
        ]
        profiles.append(FrameworkProfile(framework=framework, domains=domains, levels=labels))
    confirmations = list(Confirmation.objects.filter(user=user, revoked_at__isnull=True).order_by("-confirmed_at"))
    return CompetenceProfile(frameworks=profiles, confirmations=confirmations)


# --- uploaded files ------------------------------------------------------------------------------------------------


def response_file_for(*, user, file_id: int) -> ResponseFile | None:
    """An uploaded file, for its owner or an examiner (or a superuser); None for anyone else."""
    from lms.api import Role, has_role

    found = ResponseFile.objects.select_related("attempt_item__attempt").filter(pk=file_id).first()
    if found is None:
        return None
    if found.attempt_item.attempt.user_id == user.pk or user.is_superuser or has_role(user, Role.EXAMINER):
        return found
    return None

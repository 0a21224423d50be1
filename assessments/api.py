"""What other hocvuso apps may use from the assessment engine. Import from here, never from its other modules
(courses point at assessments and components, count a passed final test towards completion, recommend courses
after a placement test and group the examiners' queue by course).

- `Assessment`, `Component`: the models other apps point at (`ForeignKey("hocvuso_assessments.Assessment")`).
- `attempt_graded` (sender=Attempt, attempt_id, user_id): an attempt has its final score; after commit.
  `attempt_failed_after_regrade`: a key correction turned a pass into a fail. `skills_confirmed`,
  `confirmation_revoked` (sender=Confirmation, confirmation_id, user_id). `competence_reached` (user_id,
  rises=[(component_id, from_level, to_level)]): a learner's levels went up; after commit.
- `has_passed(user, assessment)`, `results(user, assessment_ids)`, `assessment_of_attempt(attempt_id)`.
- `register_recommender(fn)`: `fn(user, levels, framework_code) -> [{"title", "url", "reason"}]`, called with a
  placement test's levels per domain.
- `register_assessment_grouping(label, fn)`: `fn() -> {assessment id: (group key, group label)}`, a filter of
  the examiners' queue (courses group assessments by course).
- `start_url(assessment)`: where a learner opens an assessment (its introduction page, /kiem-tra/<slug>/).
- `domain_names(framework_code)`: {domain code: Vietnamese name} of the newest loaded version.
"""

from collections.abc import Iterable

from .frameworks import current_framework
from .hooks import register_assessment_grouping
from .models import Assessment, Attempt, AttemptStatus, Component, Domain
from .placement import register_recommender
from .signals import (
    attempt_failed_after_regrade,
    attempt_graded,
    competence_reached,
    confirmation_revoked,
    skills_confirmed,
)

__all__ = [
    "NOT_PASSED",
    "PASSED",
    "Assessment",
    "Component",
    "assessment_of_attempt",
    "attempt_failed_after_regrade",
    "attempt_graded",
    "competence_reached",
    "confirmation_revoked",
    "domain_names",
    "has_passed",
    "register_assessment_grouping",
    "register_recommender",
    "results",
    "skills_confirmed",
    "start_url",
]

PASSED = "passed"
NOT_PASSED = "not_passed"


def has_passed(user, assessment) -> bool:
    """Whether the learner has a graded attempt at `assessment` (an Assessment or its id) that passed."""
    user_id = getattr(user, "pk", user)
    assessment_id = getattr(assessment, "pk", assessment)
    if user_id is None or assessment_id is None:
        return False
    return Attempt.objects.filter(
        user_id=user_id, assessment_id=assessment_id, status=AttemptStatus.GRADED, passed=True
    ).exists()


def results(user, assessment_ids: Iterable[int]) -> dict[int, str]:
    """The learner's standing on each of these assessments, from their graded attempts, in one query:
    {assessment id: PASSED | NOT_PASSED}; an assessment with no graded attempt is left out (not started, or
    waiting for its score)."""
    ids = {int(pk) for pk in assessment_ids if pk}
    user_id = getattr(user, "pk", user)
    if not ids or user_id is None:
        return {}
    found: dict[int, str] = {}
    rows = Attempt.objects.filter(user_id=user_id, assessment_id__in=ids, status=AttemptStatus.GRADED).values_list(
        "assessment_id", "passed"
    )
    for assessment_id, passed in rows:
        if passed:
            found[assessment_id] = PASSED
        else:
            found.setdefault(assessment_id, NOT_PASSED)
    return found


def assessment_of_attempt(attempt_id: int) -> int | None:
    """The id of the assessment an attempt belongs to."""
    return Attempt.objects.filter(pk=attempt_id).values_list("assessment_id", flat=True).first()


def start_url(assessment) -> str:
    """The learner's page for an assessment (an Assessment, or its slug)."""
    slug = getattr(assessment, "slug", assessment)
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("assessments:intro", args=[slug])
    except NoReverseMatch:
        return f"/kiem-tra/{slug}/"


def domain_names(framework_code: str) -> dict[str, str]:
    """{domain code: Vietnamese name} for the newest loaded version of a framework ({} when none is loaded)."""
    framework = current_framework(framework_code)
    if framework is None:
        return {}
    return dict(Domain.objects.filter(framework=framework).order_by("order").values_list("code", "name_vi"))

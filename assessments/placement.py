"""The adaptive placement test: one question at a time, per domain of the framework, each chosen where it tells
most about the learner (item response theory, `irt.py`), until the estimate is precise enough or the domain's
maximum is reached. The result is a level per domain and the courses to start with."""

import random
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from . import irt
from .item_types import ITEM_TYPES
from .models import Attempt, AttemptItem, AttemptStatus, Domain, Item, ItemVersion

# A placement answer counts as correct from this credit on (the IRT model is right/wrong).
CORRECT_FROM = Decimal("0.5")


def item_params(item: Item) -> irt.ItemParams:
    """The item's calibrated parameters, or the start the tagged difficulty gives."""
    if item.irt_b is not None:
        return irt.ItemParams(a=item.irt_a or irt.DEFAULT_DISCRIMINATION, b=item.irt_b)
    return irt.initial_params(item.difficulty)


def _pool(attempt: Attempt, domain_code: str) -> dict[int, Item]:
    """Auto-scored questions of one domain (an examiner cannot grade in the middle of a placement test)."""
    auto_kinds = [kind for kind, item_type in ITEM_TYPES.items() if not item_type.needs_review]
    items = Item.objects.filter(
        component__framework_id=attempt.assessment.framework_id,
        component__domain__code=domain_code,
        archived=False,
        current_version__isnull=False,
        kind__in=auto_kinds,
    ).select_related("current_version")
    return {item.pk: item for item in items}


def begin_placement(attempt: Attempt, rng: random.Random) -> None:
    """Set up the per-domain state and draw the first question."""
    domains = Domain.objects.filter(framework_id=attempt.assessment.framework_id).order_by("order")
    state = {
        "order": [],
        "domains": {},
    }
    for domain in domains:
        if not _pool(attempt, domain.code):
            continue
        state["order"].append(domain.code)
        state["domains"][domain.code] = {"theta": 0.0, "se": 1.0, "n": 0, "done": False, "level": None}
    attempt.placement = state
    attempt.save(update_fields=["placement"])
    _draw_next(attempt, rng)


def _rng(attempt: Attempt) -> random.Random:
    # The draw replays from the stored seed and how far the test has got.
    return random.Random(attempt.seed + attempt.items.count())  # noqa: S311 -- exposure control, not secrecy


def _draw_next(attempt: Attempt, rng: random.Random) -> AttemptItem | None:
    state = attempt.placement
    open_domains = [code for code in state["order"] if not state["domains"][code]["done"]]
    if not open_domains:
        return None
    # Round robin: the open domain with the fewest questions so far.
    code = min(open_domains, key=lambda c: (state["domains"][c]["n"], state["order"].index(c)))
    domain = state["domains"][code]
    pool = _pool(attempt, code)
    used = set(attempt.items.values_list("item_id", flat=True))
    chosen = irt.next_item(domain["theta"], {pk: item_params(item) for pk, item in pool.items()}, used, rng)
    if chosen is None:
        domain["done"] = True
        attempt.save(update_fields=["placement"])
        return _draw_next(attempt, rng)
    item = pool[chosen]
    position = attempt.items.count() + 1
    row = AttemptItem.objects.create(
        attempt=attempt,
        position=position,
        item=item,
        version=item.current_version,
        scored_with=item.current_version,
        presentation=ITEM_TYPES[item.kind].present(item.current_version.body, rng),
    )
    ItemVersion.objects.filter(pk=item.current_version_id, used=False).update(used=True)
    Attempt.objects.filter(pk=attempt.pk).update(max_score=position)
    return row


def current_item(attempt: Attempt) -> AttemptItem | None:
    """The question the learner is on: the last drawn, not yet answered."""
    return attempt.items.filter(response__isnull=True).order_by("position").first()


def advance_placement(attempt_id: int, *, now=None) -> Attempt:
    """After an answer: score it, update that domain's estimate, stop the domain or draw the next question; when
    every domain is done, close the attempt."""
    from .services import close_attempt

    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("assessment").get(pk=attempt_id)
        if attempt.status != AttemptStatus.IN_PROGRESS:
            return attempt
        if current_item(attempt) is not None:
            return attempt  # the page sent no answer to the current question yet
        assessment = attempt.assessment
        state = attempt.placement
        rows = list(attempt.items.select_related("item__component__domain", "scored_with"))
        for code, domain in state["domains"].items():
            answered = [row for row in rows if row.item.component.domain.code == code]
            responses = []
            for row in answered:
                outcome = ITEM_TYPES[row.item.kind].score(row.scored_with.body, row.response)
                correct = 1 if (outcome.credit or 0) >= CORRECT_FROM else 0
                responses.append((item_params(row.item), correct))
            estimate = irt.estimate(responses)
            domain.update(theta=estimate.theta, se=estimate.se, n=len(responses))
            if not domain["done"]:
                stop = irt.should_stop(
                    estimate,
                    len(responses),
                    se_target=assessment.placement_se_target,
                    max_items=assessment.placement_max_items,
                    min_items=min(assessment.placement_min_items, assessment.placement_max_items),
                )
                domain["done"] = stop is not None
            domain["level"] = irt.theta_to_level(estimate.theta, _level_count(attempt))
        attempt.placement = state
        attempt.save(update_fields=["placement"])
        if _draw_next(attempt, _rng(attempt)) is None:
            close_attempt(attempt, closed_by=Attempt.ClosedBy.LEARNER, now=now)
    attempt.refresh_from_db()
    return attempt


def _level_count(attempt: Attempt) -> int:
    count = attempt.assessment.framework.levels.count()
    return count if count >= 2 else irt.LEVELS


# --- recommendations: the courses app registers how to find courses for a level -----------------------------------

_recommenders: list[Callable] = []


def register_recommender(function: Callable) -> Callable:
    """`function(user, levels: dict[domain code, level], framework_code) -> list[dict(title, url, reason)]`."""
    if function not in _recommenders:
        _recommenders.append(function)
    return function


def recommendations(attempt: Attempt) -> list[dict]:
    levels = {code: d["level"] for code, d in (attempt.placement.get("domains") or {}).items() if d.get("level")}
    framework = attempt.assessment.framework
    found: list[dict] = []
    for recommender in _recommenders:
        found.extend(recommender(attempt.user, levels, framework.code if framework else ""))
    return found

"""Re-calibrating the item bank's IRT parameters from the answers collected so far, so the placement test moves
from the editors' tagged difficulty to what learners actually found hard."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from . import irt
from .item_types import ITEM_TYPES
from .models import AttemptItem, AttemptStatus, Item
from .placement import CORRECT_FROM, item_params

CLOSED = (AttemptStatus.SUBMITTED, AttemptStatus.AWAITING_GRADING, AttemptStatus.GRADED)


def collected_responses(item_ids: Iterable[int]) -> list[tuple[int, int, int]]:
    """(attempt, item, right or wrong) for every scored answer to these questions in a closed attempt."""
    rows = AttemptItem.objects.filter(
        item_id__in=list(item_ids), credit__isnull=False, attempt__status__in=CLOSED
    ).values_list("attempt_id", "item_id", "credit")
    return [(attempt_id, item_id, 1 if credit >= CORRECT_FROM else 0) for attempt_id, item_id, credit in rows]


# From this many answers per question (median) the 2PL fit beats Rasch (benchmarks/cat_simulation.py: with 2PL
# parameters the adaptive test reaches its standard error in about 12 questions instead of 20).
TWO_PL_FROM = 200


def recalibrate(*, model: str = "auto", min_responses: int = irt.MIN_RESPONSES) -> int:
    """Fit the auto-scored questions' parameters; questions with too few answers keep theirs. Returns how many
    questions got new parameters. Each attempt counts as one person (a learner's ability changes over time).
    `model`: "rasch", "2pl", or "auto" (2PL once the median question has TWO_PL_FROM answers)."""
    auto_kinds = [kind for kind, item_type in ITEM_TYPES.items() if not item_type.needs_review]
    items = {item.pk: item for item in Item.objects.filter(kind__in=auto_kinds, archived=False)}
    if not items:
        return 0
    responses = collected_responses(items)
    prior = {pk: item_params(item) for pk, item in items.items()}
    counts: dict[int, int] = {}
    for _attempt, item_id, _score in responses:
        counts[item_id] = counts.get(item_id, 0) + 1
    if model == "auto":
        answered = sorted(counts.values())
        model = "2pl" if answered and answered[len(answered) // 2] >= TWO_PL_FROM else "rasch"
    fitted = irt.calibrate(responses, prior, min_responses=min_responses, model=model)
    now = timezone.now()
    changed = []
    for pk, params in fitted.items():
        if counts.get(pk, 0) < min_responses or params == prior[pk]:
            continue
        item = items[pk]
        item.irt_a, item.irt_b = params.a, params.b
        item.irt_responses, item.irt_calibrated_at = counts[pk], now
        changed.append(item)
    with transaction.atomic():
        Item.objects.bulk_update(changed, ["irt_a", "irt_b", "irt_responses", "irt_calibrated_at"])
    return len(changed)

"""Classical test theory for an assessment's items, from a score matrix. Pure functions over plain data.

The input is one row per closed attempt and one column per item, each cell the credit 0..1 the attempt earned on
the item, or None when the item was not drawn for that attempt (random draws from a pool) or awaits an examiner.
From it:

- *facility*: the mean credit, the share of the marks learners earned (0.9 = easy);
- *discrimination*: the corrected point-biserial, the correlation between the item's credit and the attempt's
  score on the *other* items (the rest score), so that an item is not correlated with itself;
- Cronbach's *alpha* for the whole assessment;
- for choice items, how often each option was chosen (distractor analysis);
- :func:`flags`: the items worth an editor's look, each with reasons in plain words.

Missing cells. The rest score of an attempt is its *mean* credit over the other items it saw, so attempts that drew
different numbers of items stay comparable (with no missing cell it is the sum divided by a constant, which leaves
the correlation unchanged). Alpha needs every item for every attempt: it is computed on the attempts that saw all
the items, and is None (not judged) when fewer than ``ALPHA_MIN_ATTEMPTS`` of them did, as happens when the
assessment draws from a larger pool. ``alpha_attempts`` says how many attempts it rests on.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

Cell = float | int | None

# Thresholds of :func:`flags`, as data so that a caller (or a setting) can change them.
MIN_RESPONSES = 30  # below this, facility and discrimination are too noisy to judge
FACILITY_LOW = 0.2
FACILITY_HIGH = 0.95
DISCRIMINATION_LOW = 0.2
DISTRACTOR_MIN_RESPONSES = 30  # an option never chosen means something only once enough learners answered
ALPHA_MIN_ATTEMPTS = 2


@dataclass(frozen=True)
class ChoiceData:
    """The options of a choice item and what each attempt chose.

    ``chosen`` has one entry per response: an option key (single choice), a collection of keys (multiple
    response) or None (no answer). ``correct`` names the keys that earn credit; every other option is a distractor.
    """

    options: Sequence[str]
    correct: Collection[str]
    chosen: Sequence[str | Collection[str] | None]
    labels: Mapping[str, str] = field(default_factory=dict)  # option key -> its text, for the flags' messages


@dataclass(frozen=True)
class ItemStats:
    item: Hashable
    n: int  # responses with a credit
    facility: float | None
    discrimination: float | None  # corrected point-biserial; None when it cannot be computed
    option_counts: dict[str, int] | None = None  # choice items: how many responses chose each option
    distractors: tuple[str, ...] = ()  # choice items: the options that earn no credit
    choice_responses: int = 0  # choice items: responses counted in option_counts (answered or not)
    option_labels: Mapping[str, str] = field(default_factory=dict)  # choice items: option key -> text


@dataclass(frozen=True)
class AssessmentStats:
    items: list[ItemStats]
    attempts: int
    alpha: float | None
    alpha_attempts: int  # attempts that saw every item, on which alpha rests


# --- Building blocks ------------------------------------------------------------------------------------------
def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's correlation, None when fewer than 2 pairs or either side does not vary."""
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    if len(x) < 2:
        return None
    mx, my = _mean(x), _mean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def _check(matrix: Sequence[Sequence[Cell]]) -> int:
    widths = {len(row) for row in matrix}
    if len(widths) > 1:
        raise ValueError("every row of the score matrix must have one cell per item")
    for row in matrix:
        for cell in row:
            if cell is not None and not 0 <= cell <= 1:
                raise ValueError(f"credits must lie in [0, 1], not {cell!r}")
    return widths.pop() if widths else 0


def facility(matrix: Sequence[Sequence[Cell]], j: int) -> float | None:
    """Mean credit on item ``j`` over the attempts that have one; None when none has."""
    values = [float(row[j]) for row in matrix if row[j] is not None]
    return _mean(values) if values else None


def corrected_point_biserial(matrix: Sequence[Sequence[Cell]], j: int) -> float | None:
    """Correlation of item ``j``'s credit with the rest score (mean credit on the other items the attempt saw)."""
    item, rest = [], []
    for row in matrix:
        if row[j] is None:
            continue
        others = [float(c) for k, c in enumerate(row) if k != j and c is not None]
        if not others:
            continue
        item.append(float(row[j]))
        rest.append(_mean(others))
    return pearson(item, rest)


def cronbach_alpha(matrix: Sequence[Sequence[Cell]]) -> tuple[float | None, int]:
    """(alpha, attempts used): ``k/(k-1) · (1 - Σ item variances / variance of the total)`` on complete rows.

    None when there are fewer than 2 items, fewer than ``ALPHA_MIN_ATTEMPTS`` complete rows, or the totals do not
    vary. Sample variances (n - 1); the ratio is the same with population variances.
    """
    complete = [[float(c) for c in row] for row in matrix if row and all(c is not None for c in row)]
    k = len(complete[0]) if complete else 0
    if k < 2 or len(complete) < ALPHA_MIN_ATTEMPTS:
        return None, len(complete)

    def variance(values: list[float]) -> float:
        m = _mean(values)
        return sum((v - m) ** 2 for v in values) / (len(values) - 1)

    total_variance = variance([sum(row) for row in complete])
    if total_variance <= 1e-12:
        return None, len(complete)
    item_variances = sum(variance([row[j] for row in complete]) for j in range(k))
    return k / (k - 1) * (1 - item_variances / total_variance), len(complete)


def distractor_counts(chosen: Iterable[str | Collection[str] | None], options: Sequence[str]) -> dict[str, int]:
    """How many responses chose each option, every option listed (0 when never chosen), in ``options`` order.

    A response is one key, a collection of keys (multiple response) or None (unanswered). Keys that are not
    among ``options`` (an option removed in a later version) are ignored.
    """
    counts = dict.fromkeys(options, 0)
    for response in chosen:
        if response is None:
            continue
        keys = {response} if isinstance(response, str) else set(response)
        for key in keys:
            if key in counts:
                counts[key] += 1
    return counts


# --- The whole assessment -------------------------------------------------------------------------------------
def analyse(
    matrix: Sequence[Sequence[Cell]],
    items: Sequence[Hashable] | None = None,
    choices: Mapping[Hashable, ChoiceData] | None = None,
) -> AssessmentStats:
    """Statistics of every column of ``matrix``; ``items`` names the columns (0, 1, … when None) and ``choices``
    gives the option data of the choice items, by the same names."""
    width = _check(matrix)
    names = list(range(width)) if items is None else list(items)
    if len(names) != width and matrix:
        raise ValueError("items must name every column of the matrix")
    choices = choices or {}
    stats = []
    for j, name in enumerate(names):
        n = sum(1 for row in matrix if row[j] is not None)
        choice = choices.get(name)
        stats.append(
            ItemStats(
                item=name,
                n=n,
                facility=facility(matrix, j),
                discrimination=corrected_point_biserial(matrix, j),
                option_counts=distractor_counts(choice.chosen, choice.options) if choice else None,
                distractors=tuple(o for o in choice.options if o not in set(choice.correct)) if choice else (),
                choice_responses=len(choice.chosen) if choice else 0,
                option_labels=dict(choice.labels) if choice else {},
            )
        )
    alpha, alpha_attempts = cronbach_alpha(matrix)
    return AssessmentStats(items=stats, attempts=len(matrix), alpha=alpha, alpha_attempts=alpha_attempts)


# --- Flags ----------------------------------------------------------------------------------------------------
REASON_TEXT = {
    "too_few": _("Too few responses to judge (%(n)s; at least %(min)s are needed)."),
    "too_hard": _(
        "Very few learners earn the marks (facility %(value)s): check the key, or whether the item is too hard."
    ),
    "too_easy": _("Almost every learner earns the marks (facility %(value)s): the item tells learners apart little."),
    "low_discrimination": _(
        "Learners who do well on the rest of the test do not do better on this item "
        "(discrimination %(value)s): check the key and the wording."
    ),
    "no_discrimination": _(
        "The discrimination cannot be computed: all learners earned the same credit on this item or on the rest of "
        "the test."
    ),
    "unused_distractor": _(
        "No learner chose the option “%(option)s” (%(n)s responses): replace it with a plausible one."
    ),
}


@dataclass(frozen=True)
class Reason:
    """One reason to look at an item. ``str()`` gives the message in the active language."""

    code: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        from django.utils.formats import number_format

        shown = {k: number_format(v, 2) if isinstance(v, float) else v for k, v in self.params.items()}
        return str(REASON_TEXT[self.code]) % shown


def flags(
    stats: AssessmentStats | Iterable[ItemStats],
    *,
    min_responses: int = MIN_RESPONSES,
    facility_low: float = FACILITY_LOW,
    facility_high: float = FACILITY_HIGH,
    discrimination_low: float = DISCRIMINATION_LOW,
    distractor_min_responses: int = DISTRACTOR_MIN_RESPONSES,
) -> dict[Hashable, list[Reason]]:
    """The weak items, by name, each with its reasons; items with nothing to report are left out.

    An item with fewer than ``min_responses`` responses is only reported as too new to judge.
    """
    item_stats = stats.items if isinstance(stats, AssessmentStats) else list(stats)
    found: dict[Hashable, list[Reason]] = {}
    for s in item_stats:
        reasons = []
        if s.n < min_responses:
            reasons.append(Reason("too_few", {"n": s.n, "min": min_responses}))
        else:
            if s.facility is not None and s.facility < facility_low:
                reasons.append(Reason("too_hard", {"value": s.facility}))
            if s.facility is not None and s.facility > facility_high:
                reasons.append(Reason("too_easy", {"value": s.facility}))
            if s.discrimination is None:
                reasons.append(Reason("no_discrimination"))
            elif s.discrimination < discrimination_low:
                reasons.append(Reason("low_discrimination", {"value": s.discrimination}))
            if s.option_counts is not None and s.choice_responses >= distractor_min_responses:
                for option in s.distractors:
                    if s.option_counts.get(option, 0) == 0:
                        shown = s.option_labels.get(option) or option
                        reasons.append(Reason("unused_distractor", {"option": shown, "n": s.choice_responses}))
        if reasons:
            found[s.item] = reasons
    return found


# --- Chart ----------------------------------------------------------------------------------------------------
CHART_MIN, CHART_MAX = -0.5, 1.0  # the x axis: discrimination can be negative, facility lies in [0, 1]
CHART_TITLE = _("Facility and discrimination of each item")
CHART_DESCRIPTION = _(
    "For each item, the upper bar is its facility (the share of the marks learners earned) and the lower bar its "
    "discrimination (the correlation with the rest of the test). Dashed lines mark the thresholds at which an item "
    "is flagged for review. The table below the chart gives the same figures."
)
FACILITY_LABEL = _("Facility")
DISCRIMINATION_LABEL = _("Discrimination")
NOT_AVAILABLE = _("not available")


def _fmt(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else str(NOT_AVAILABLE)


def svg_chart(
    stats: AssessmentStats | Sequence[ItemStats],
    labels: Mapping[Hashable, str] | None = None,
    *,
    id_prefix: str = "item-stats",
    width: int = 640,
    max_label_chars: int = 28,
) -> SafeString:
    """An inline SVG bar chart of facility and discrimination per item, safe to put in a template as it is.

    Every label and text is escaped; ``labels`` maps item names to what is shown (``str(item)`` otherwise), cut
    to ``max_label_chars``. The ``svg`` has ``role="img"`` and is labelled by its ``<title>`` and ``<desc>``
    (ids start with ``id_prefix``: make it unique on the page); each bar has a ``<title>`` with its figure. The
    caller renders the same figures as a table next to it, for screen readers and for print.
    """
    item_stats = stats.items if isinstance(stats, AssessmentStats) else list(stats)
    labels = labels or {}
    label_width, right_pad, row_height, bar_height, top, bottom = 200, 16, 34, 11, 34, 28
    plot_width = width - label_width - right_pad
    height = top + row_height * len(item_stats) + bottom

    def x(value: float) -> float:
        clamped = min(max(value, CHART_MIN), CHART_MAX)
        return label_width + (clamped - CHART_MIN) / (CHART_MAX - CHART_MIN) * plot_width

    def bar(value: float | None, y: float, css: str, name: str, shown: str) -> str:
        if value is None:
            return ""
        left, right = sorted((x(0.0), x(value)))
        tip = escape(f"{name} · {shown} {_fmt(value)}")
        return (
            f'<rect class="{css}" x="{left:.1f}" y="{y:.1f}" width="{max(right - left, 1.0):.1f}" '
            f'height="{bar_height}"><title>{tip}</title></rect>'
        )

    title_id, desc_id = f"{escape(id_prefix)}-title", f"{escape(id_prefix)}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="item-stats-chart" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(CHART_TITLE)}</title>',
        f'<desc id="{desc_id}">{escape(CHART_DESCRIPTION)}</desc>',
        "<style>.f{fill:#1f5fa8}.d{fill:#b34700}.axis{stroke:#333;stroke-width:1}"
        ".guide{stroke:#666;stroke-width:1;stroke-dasharray:4 3}text{font:12px sans-serif;fill:#1a1a1a}</style>",
        # legend
        f'<rect class="f" x="{label_width}" y="8" width="12" height="12"/>'
        f'<text x="{label_width + 16}" y="18">{escape(FACILITY_LABEL)}</text>',
        f'<rect class="d" x="{label_width + 130}" y="8" width="12" height="12"/>'
        f'<text x="{label_width + 146}" y="18">{escape(DISCRIMINATION_LABEL)}</text>',
    ]
    plot_bottom = top + row_height * len(item_stats)
    for tick in (-0.5, 0.0, 0.5, 1.0):
        parts.append(
            f'<text x="{x(tick):.1f}" y="{plot_bottom + 18}" text-anchor="middle">{escape(f"{tick:g}")}</text>'
        )
    parts.append(f'<line class="axis" x1="{x(0):.1f}" y1="{top - 4}" x2="{x(0):.1f}" y2="{plot_bottom}"/>')
    for guide in (FACILITY_LOW, DISCRIMINATION_LOW, FACILITY_HIGH):
        parts.append(f'<line class="guide" x1="{x(guide):.1f}" y1="{top - 4}" x2="{x(guide):.1f}" y2="{plot_bottom}"/>')
    for i, s in enumerate(item_stats):
        y = top + i * row_height
        name = labels.get(s.item, str(s.item))
        if len(name) > max_label_chars:
            name = name[: max_label_chars - 1] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + bar_height + 4}" text-anchor="end">{escape(name)}</text>')
        parts.append(bar(s.facility, y, "f", name, str(FACILITY_LABEL)))
        parts.append(bar(s.discrimination, y + bar_height + 2, "d", name, str(DISCRIMINATION_LABEL)))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text and label above went through escape()

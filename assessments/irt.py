"""Adaptive placement: a computer-adaptive test (CAT) under the two-parameter logistic (2PL) IRT model.

Pure functions over plain data: no Django, no database. The placement view keeps the state (which items a learner
saw and how they answered) and asks this module four questions: what do we know about the learner
(:func:`estimate`), which item next (:func:`next_item`), is that enough (:func:`should_stop`) and which level is it
(:func:`theta_to_level`). :func:`calibrate` re-estimates the item parameters from the responses collected so far.

The model. A learner has an ability ``theta`` on a scale where the learners who take the placement are about
N(0, 1). An item has a discrimination ``a`` and a difficulty ``b``; the probability of a correct answer is
``1 / (1 + exp(-a * (theta - b)))`` (the logistic metric, without the 1.7 scaling constant). With every ``a = 1``
it is the Rasch model.

Where the parameters come from. A new item has only the difficulty its editor tagged (1 very easy … 5 very hard);
:func:`initial_params` turns it into ``b`` (see ``DIFFICULTY_TO_B``) with ``a = 1``. Once enough learners have
answered it, :func:`calibrate` replaces those guesses by marginal maximum likelihood estimates computed with the
`mirt` library (see there why that library).
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import random
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class ItemParams:
    """2PL parameters of one item: discrimination ``a`` (> 0) and difficulty ``b`` (on the theta scale)."""

    a: float
    b: float


@dataclass(frozen=True)
class Estimate:
    """A learner's ability: the posterior mean ``theta`` and its standard error ``se`` (the posterior SD)."""

    theta: float
    se: float


# --- Starting parameters --------------------------------------------------------------------------------------
# Tagged difficulty 1..5 -> starting b: one logit apart, centred on the average learner. Level 3 ("medium") is an
# item the average new learner answers correctly half of the time; 1 ("very easy") is answered correctly by about
# 88 % of them (logistic(2)), 5 ("very hard") by about 12 %. The discrimination starts at 1 (the Rasch model) because
# nothing is known about it before responses come in.
DIFFICULTY_TO_B: Mapping[int, float] = {1: -2.0, 2: -1.0, 3: 0.0, 4: 1.0, 5: 2.0}
DEFAULT_DISCRIMINATION = 1.0


def initial_params(difficulty: int) -> ItemParams:
    """The starting parameters of an item tagged with ``difficulty`` 1..5 (see ``DIFFICULTY_TO_B``)."""
    if isinstance(difficulty, bool) or difficulty not in DIFFICULTY_TO_B:
        raise ValueError(f"difficulty must be an integer 1..5, not {difficulty!r}")
    return ItemParams(a=DEFAULT_DISCRIMINATION, b=DIFFICULTY_TO_B[difficulty])


# --- The model ------------------------------------------------------------------------------------------------
def probability(theta: float | np.ndarray, item: ItemParams) -> float | np.ndarray:
    """P(correct | theta) under the 2PL model; ``theta`` may be a number or a numpy array."""
    z = item.a * (np.asarray(theta, dtype=float) - item.b)
    p = 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + exp(-z)), without overflow warnings far from b
    return float(p) if np.ndim(p) == 0 else p


def information(theta: float | np.ndarray, item: ItemParams) -> float | np.ndarray:
    """Fisher information of the item at ``theta``: ``a² p (1 - p)``, largest (``a²/4``) where theta = b."""
    p = probability(theta, item)
    return item.a**2 * p * (1.0 - p)


# --- Ability estimation ---------------------------------------------------------------------------------------
# Expected a posteriori (EAP) estimate on a fixed grid: finite for any response pattern (all correct, all wrong,
# none at all) because the N(0, 1) prior keeps the posterior proper, and cheap enough to run after every answer.
QUADRATURE = np.linspace(-5.0, 5.0, 121)


def estimate(
    responses: Iterable[tuple[ItemParams, float]],
    *,
    prior_mean: float = 0.0,
    prior_sd: float = 1.0,
    grid: np.ndarray | None = None,
) -> Estimate:
    """EAP ability from ``(item parameters, score)`` pairs, with a N(prior_mean, prior_sd²) prior.

    Scores are 1 (correct) or 0 (wrong); a partial credit in between counts as that fraction of a correct answer
    (a fractional Bernoulli likelihood). No responses at all give the prior: (prior_mean, prior_sd).
    """
    nodes = QUADRATURE if grid is None else np.asarray(grid, dtype=float)
    log_post = -0.5 * ((nodes - prior_mean) / prior_sd) ** 2
    for item, score in responses:
        x = float(score)
        if not 0.0 <= x <= 1.0:
            raise ValueError(f"a score must lie in [0, 1], not {score!r}")
        z = item.a * (nodes - item.b)
        # log p = -log(1 + e^-z), log(1 - p) = -log(1 + e^z), both computed stably
        log_post -= x * np.logaddexp(0.0, -z) + (1.0 - x) * np.logaddexp(0.0, z)
    weights = np.exp(log_post - log_post.max())
    weights /= weights.sum()
    mean = float(weights @ nodes)
    variance = float(weights @ (nodes - mean) ** 2)
    return Estimate(theta=mean, se=math.sqrt(max(variance, 0.0)))


# --- Item selection -------------------------------------------------------------------------------------------
def next_item(
    theta: float,
    candidates: Mapping[K, ItemParams],
    used: Collection[K] = (),
    rng: random.Random | np.random.Generator | None = None,
    randomesque: int = 3,
) -> K | None:
    """The next item: maximum Fisher information at ``theta``, with randomesque exposure control.

    The ``randomesque`` most informative unused items are found and one of them is drawn at random, so that the
    best items of the bank are not shown to every learner and learned by heart; ``randomesque=1`` is plain maximum
    information. Items equally informative (as all items tagged with the same difficulty are before calibration)
    are ordered at random too, so that every one of them gets answered. ``rng`` is a ``random.Random`` or a numpy
    ``Generator`` (a fresh ``random.Random()`` when None). None when every candidate was used.
    """
    if randomesque < 1:
        raise ValueError("randomesque must be at least 1")
    used_set = set(used)
    pool = [key for key in candidates if key not in used_set]
    if not pool:
        return None
    if rng is None:
        rng = random.Random()  # noqa: S311 - exposure control, not security
    a = np.fromiter((candidates[key].a for key in pool), dtype=float, count=len(pool))
    b = np.fromiter((candidates[key].b for key in pool), dtype=float, count=len(pool))
    p = 0.5 * (1.0 + np.tanh(0.5 * a * (theta - b)))
    info = np.round(a * a * p * (1.0 - p), 12)  # rounded: equal items tie whatever the floating-point noise
    generator = isinstance(rng, np.random.Generator)
    tiebreak = rng.random(len(pool)) if generator else np.array([rng.random() for _ in pool])
    top = np.lexsort((tiebreak, -info))[:randomesque]
    if len(top) == 1:
        return pool[int(top[0])]
    pick = int(rng.integers(len(top))) if generator else rng.randrange(len(top))
    return pool[int(top[pick])]


# --- Stopping -------------------------------------------------------------------------------------------------
class StopReason(enum.StrEnum):
    """Why a placement test ended. Truthy, so ``if should_stop(...)`` reads naturally."""

    STANDARD_ERROR = "standard_error"  # the estimate is precise enough
    MAX_ITEMS = "max_items"  # the test is as long as it may be
    EXHAUSTED = "exhausted"  # no unused item is left in the bank


SE_TARGET = 0.4
MIN_ITEMS = 5
MAX_ITEMS = 20


def should_stop(
    estimate: Estimate,
    n_answered: int,
    se_target: float = SE_TARGET,
    max_items: int = MAX_ITEMS,
    min_items: int = MIN_ITEMS,
    remaining: int | None = None,
) -> StopReason | None:
    """Whether to stop after ``n_answered`` items, and why; None means ask another item.

    Stops when the standard error is at most ``se_target`` (but never before ``min_items``, so that two lucky
    answers do not place a learner), after ``max_items`` whatever the precision, or when ``remaining`` (the count
    of unused items, when given) is 0. An SE of 0.4 is a reliability of about 0.84 for a N(0, 1) population.
    """
    if min_items > max_items:
        raise ValueError("min_items must not exceed max_items")
    if n_answered >= max_items:
        return StopReason.MAX_ITEMS
    if n_answered >= min_items and estimate.se <= se_target:
        return StopReason.STANDARD_ERROR
    if remaining is not None and remaining <= 0:
        return StopReason.EXHAUSTED
    return None


# --- Levels ---------------------------------------------------------------------------------------------------
LEVELS = 8  # TT02's digital competence levels 1..8
THETA_SPAN = (-2.0, 2.0)


def level_cut_points(levels: int = LEVELS, span: tuple[float, float] = THETA_SPAN) -> tuple[float, ...]:
    """``levels - 1`` cut points spread evenly over ``span``: for 8 levels -2, -1.33, -0.67, 0, 0.67, 1.33, 2.

    Even spacing on the theta scale gives every middle level the same width (0.67 logit for 8 levels, under two
    standard errors at the default SE target of 0.4, so a placement can be one level off) and leaves the outer
    levels to the tails (about 2 % of a N(0, 1) population each). A framework with its own standard setting passes
    its cut points to :func:`theta_to_level` instead.
    """
    if levels < 2:
        raise ValueError("at least 2 levels are needed")
    low, high = span
    if levels == 2:
        return ((low + high) / 2,)
    step = (high - low) / (levels - 2)
    return tuple(round(low + i * step, 10) for i in range(levels - 1))


DEFAULT_CUT_POINTS = level_cut_points()


def theta_to_level(theta: float, levels: int | Sequence[float] = LEVELS) -> int:
    """The level 1..n of an ability.

    ``levels`` is either a count of levels, cut evenly by :func:`level_cut_points`, or the ascending cut points
    themselves (n - 1 of them for n levels). A theta equal to a cut point belongs to the upper level.
    """
    cuts = level_cut_points(levels) if isinstance(levels, int) else tuple(float(c) for c in levels)
    if any(later <= earlier for earlier, later in itertools.pairwise(cuts)):
        raise ValueError("cut points must be strictly ascending")
    return bisect.bisect_right(cuts, float(theta)) + 1


# --- Calibration ----------------------------------------------------------------------------------------------
# Library: mirt (PyPI `mirt`, a Python port of R's mirt, MIT, maintained; needs only numpy and scipy and ships a
# Rust-compiled wheel with a NumPy fallback). It fits unidimensional 1PL/2PL models by EM marginal maximum
# likelihood with missing responses (NaN) in the likelihood, and optional priors for Bayes modal estimates.
#   Considered and not used: girth 0.8.0 (2021, unmaintained) imports and runs on numpy 2 / scipy 1.17, but its
#   rasch_mml sets each difficulty from the item's raw proportion correct over the whole population, which is
#   biased when each learner saw only the items chosen for them (difficulties shrink towards 0 on adaptive data),
#   and its twopl_mml raises on an item without responses under numpy 2. catsim 0.21 (2026) simulates CATs
#   (selectors, ML estimators, stoppers) but does not calibrate items at all, and pulls in matplotlib and
#   scikit-learn. py-irt needs PyTorch and Pyro.
# The selection of items during a CAT depends only on earlier answers, so the missing responses are "missing at
# random" and the marginal likelihood fitted on the observed ones is unbiased: no weighting is needed.
MIN_RESPONSES = 50
B_BOUNDS = (-4.0, 4.0)
A_BOUNDS = (0.2, 4.0)


def calibrate(
    responses: Iterable[tuple[Hashable, K, int]],
    prior: Mapping[K, ItemParams],
    min_responses: int = MIN_RESPONSES,
    model: str = "rasch",
) -> dict[K, ItemParams]:
    """Re-estimated parameters for every item of ``prior`` from ``(person, item, 0|1)`` responses.

    Each person may have answered any subset of the items (a sparse matrix); when a person answered an item more
    than once the last response counts. Items with fewer than ``min_responses`` responses, and items absent from
    ``prior``, take no part in the fit; the former keep their prior parameters. When fewer than two items qualify,
    the prior is returned unchanged.

    ``model="rasch"`` (the default) fixes every discrimination at 1 and estimates difficulties: stable from about
    50 responses per item. ``model="2pl"`` also estimates discriminations; it needs several hundred responses per
    item to beat the Rasch fit, so it is estimated with weak priors (b ~ N(0, 2²), log a ~ N(0, 0.5²)). Both fix the
    ability distribution of the responding learners at N(0, 1), the scale of ``DIFFICULTY_TO_B``. Estimates are
    kept within ``B_BOUNDS`` and ``A_BOUNDS``.
    """
    model = model.lower()
    if model not in {"rasch", "2pl"}:
        raise ValueError("model must be 'rasch' or '2pl'")
    latest: dict[tuple[Hashable, K], int] = {}
    for person, item, score in responses:
        if item not in prior:
            continue
        if score not in (0, 1):
            raise ValueError(f"responses must be scored 0 or 1, not {score!r}")
        latest[(person, item)] = int(score)
    counts: dict[K, int] = {}
    for _person, item in latest:
        counts[item] = counts.get(item, 0) + 1
    items = [item for item in prior if counts.get(item, 0) >= min_responses]
    result = dict(prior)
    if len(items) < 2:
        return result
    column = {item: j for j, item in enumerate(items)}
    people: dict[Hashable, int] = {}
    for person, item in latest:
        if item in column and person not in people:
            people[person] = len(people)
    data = np.full((len(people), len(items)), np.nan)
    for (person, item), score in latest.items():
        j = column.get(item)
        if j is not None:
            data[people[person], j] = score
    a, b = _fit(data, model)
    for item, j in column.items():
        result[item] = ItemParams(a=float(np.clip(a[j], *A_BOUNDS)), b=float(np.clip(b[j], *B_BOUNDS)))
    return result


def _fit(data: np.ndarray, model: str) -> tuple[np.ndarray, np.ndarray]:
    """(discriminations, difficulties) fitted by mirt on a persons x items matrix with NaN for not answered."""
    from mirt import fit_mirt  # imported here: the placement pages need it only when calibrating
    from mirt.estimation.priors import LogNormalPrior, NormalPrior

    options: dict[str, Any] = {"compute_standard_errors": False, "max_iter": 2000, "accelerate": "squarem"}
    # A weak prior on b keeps an item everyone answered right (or wrong) finite (Bayes modal estimation).
    priors: dict[str, Any] = {"difficulty": NormalPrior(0.0, 2.0)}
    if model == "2pl":
        priors["discrimination"] = LogNormalPrior(0.0, 0.5)
    fitted = fit_mirt(data, model="1PL" if model == "rasch" else "2PL", priors=priors, **options)
    params = fitted.model.parameters
    return np.ravel(params["discrimination"]), np.ravel(params["difficulty"])

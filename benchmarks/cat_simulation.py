"""Adaptive placement against a fixed form of the same length, on simulated learners. Prints one table.

    .venv/bin/python benchmarks/cat_simulation.py                  # 120 items, 1,000 learners, about 1 min
    .venv/bin/python benchmarks/cat_simulation.py --learners 300 --no-save

A bank of items with known ("true") 2PL parameters answers for simulated learners of known ability. The test only
knows what the platform would know: first the editors' difficulty tags turned into starting parameters
(assessments.irt.initial_params), then the parameters re-calibrated (assessments.irt.calibrate) from the responses
of one earlier round of learners who took the adaptive test with the tags. Each adaptive test is compared with a
fixed form of as many items as the adaptive test's mean length, spread evenly over the difficulty the test knows,
scored the same way (EAP). No Django, no database: assessments.irt is pure numpy (and mirt for calibrating).
See benchmarks/README.md.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import run as harness

sys.path.insert(0, str(harness.REPO_DIR))

from assessments import irt  # after the repository is on the path

# How editors tag: their sense of an item's difficulty is the true b blurred by this much, cut into 1..5 at these b.
TAG_NOISE_SD = 0.5
TAG_CUTS = (-1.5, -0.5, 0.5, 1.5)


@dataclass
class Bank:
    true: dict[int, irt.ItemParams]
    tags: dict[int, int]

    @property
    def tagged(self) -> dict[int, irt.ItemParams]:
        return {item: irt.initial_params(tag) for item, tag in self.tags.items()}


@dataclass
class Run:
    thetas: np.ndarray  # estimated
    lengths: np.ndarray
    by_se: np.ndarray  # bool: stopped because the SE was small enough
    responses: list[tuple[int, int, int]]  # (person, item, 0|1), for a calibration round


@dataclass
class Row:
    design: str
    parameters: str
    mean_items: float
    stop_by_se: float | None  # share, None for a fixed form
    rmse_theta: float
    bias_theta: float
    rmse_level: float
    exact_level: float  # share placed at their true level
    within_one_level: float


def make_bank(n_items: int, rng: np.random.Generator) -> Bank:
    b = rng.uniform(-2.5, 2.5, n_items)
    a = np.clip(rng.lognormal(np.log(1.2), 0.3, n_items), 0.5, 2.5)
    seen = b + rng.normal(0.0, TAG_NOISE_SD, n_items)
    tags = np.searchsorted(TAG_CUTS, seen) + 1
    return Bank(
        true={i: irt.ItemParams(float(a[i]), float(b[i])) for i in range(n_items)},
        tags={i: int(tags[i]) for i in range(n_items)},
    )


def answer(theta: float, item: irt.ItemParams, rng: np.random.Generator) -> int:
    return int(rng.random() < irt.probability(theta, item))


def adaptive(true_thetas: np.ndarray, bank: Bank, known: dict[int, irt.ItemParams], args, rng) -> Run:
    """Each learner takes the CAT that knows `known`; the answers come from the true parameters."""
    estimates, lengths, by_se, responses = [], [], [], []
    for person, theta in enumerate(true_thetas):
        used: list[int] = []
        answered: list[tuple[irt.ItemParams, int]] = []
        current = irt.estimate(())
        while True:
            stop = irt.should_stop(
                current,
                len(used),
                se_target=args.se_target,
                max_items=args.max_items,
                min_items=args.min_items,
                remaining=len(known) - len(used),
            )
            if stop:
                break
            item = irt.next_item(current.theta, known, used, rng, randomesque=args.randomesque)
            score = answer(theta, bank.true[item], rng)
            used.append(item)
            answered.append((known[item], score))
            responses.append((person, item, score))
            current = irt.estimate(answered)
        estimates.append(current.theta)
        lengths.append(len(used))
        by_se.append(stop is irt.StopReason.STANDARD_ERROR)
    return Run(np.array(estimates), np.array(lengths), np.array(by_se), responses)


def fixed_form(true_thetas: np.ndarray, bank: Bank, known: dict[int, irt.ItemParams], length: int, rng) -> Run:
    """Everyone answers the same `length` items, spread evenly over the known difficulties (easiest to hardest)."""
    ranked = sorted(known, key=lambda item: (known[item].b, item))
    form = [ranked[round(i)] for i in np.linspace(0, len(ranked) - 1, length)]
    estimates, responses = [], []
    for person, theta in enumerate(true_thetas):
        answered = []
        for item in form:
            score = answer(theta, bank.true[item], rng)
            answered.append((known[item], score))
            responses.append((person, item, score))
        estimates.append(irt.estimate(answered).theta)
    n = len(true_thetas)
    return Run(np.array(estimates), np.full(n, length), np.zeros(n, dtype=bool), responses)


def row(design: str, parameters: str, run: Run, true_thetas: np.ndarray, adaptive_test: bool) -> Row:
    errors = run.thetas - true_thetas
    true_levels = np.array([irt.theta_to_level(t) for t in true_thetas])
    levels = np.array([irt.theta_to_level(t) for t in run.thetas])
    level_errors = np.abs(levels - true_levels)
    return Row(
        design=design,
        parameters=parameters,
        mean_items=float(run.lengths.mean()),
        stop_by_se=float(run.by_se.mean()) if adaptive_test else None,
        rmse_theta=float(np.sqrt(np.mean(errors**2))),
        bias_theta=float(errors.mean()),
        rmse_level=float(np.sqrt(np.mean(level_errors**2))),
        exact_level=float(np.mean(level_errors == 0)),
        within_one_level=float(np.mean(level_errors <= 1)),
    )


def parameter_error(bank: Bank, known: dict[int, irt.ItemParams]) -> dict[str, float]:
    b_true = np.array([bank.true[i].b for i in bank.true])
    b_known = np.array([known[i].b for i in bank.true])
    a_true = np.array([bank.true[i].a for i in bank.true])
    a_known = np.array([known[i].a for i in bank.true])
    ranks = np.argsort(np.argsort(b_true)), np.argsort(np.argsort(b_known))
    return {
        "rmse_b": float(np.sqrt(np.mean((b_known - b_true) ** 2))),
        "rank_correlation_b": float(np.corrcoef(*ranks)[0, 1]),
        "rmse_a": float(np.sqrt(np.mean((a_known - a_true) ** 2))),
    }


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'design':<26} {'parameters':<24} {'items':>6} {'stop SE':>8} {'RMSE θ':>7} {'bias θ':>7} "
        f"{'RMSE lvl':>8} {'exact':>6} {'±1 lvl':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        stop = f"{r.stop_by_se:.0%}" if r.stop_by_se is not None else "-"
        print(
            f"{r.design:<26} {r.parameters:<24} {r.mean_items:>6.1f} {stop:>8} {r.rmse_theta:>7.3f} "
            f"{r.bias_theta:>+7.3f} {r.rmse_level:>8.2f} {r.exact_level:>6.0%} {r.within_one_level:>6.0%}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=120, help="items in the bank (default 120)")
    parser.add_argument("--learners", type=int, default=1000, help="simulated learners measured (default 1000)")
    parser.add_argument(
        "--calibration-learners", type=int, default=1000, help="learners of the calibration round (default 1000)"
    )
    parser.add_argument("--se-target", type=float, default=irt.SE_TARGET)
    parser.add_argument("--min-items", type=int, default=irt.MIN_ITEMS)
    parser.add_argument("--max-items", type=int, default=irt.MAX_ITEMS)
    parser.add_argument("--randomesque", type=int, default=3)
    parser.add_argument("--min-responses", type=int, default=irt.MIN_RESPONSES, help="to calibrate an item")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-save", action="store_true", help="do not write benchmarks/results/…json")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    bank = make_bank(args.items, rng)
    learners = rng.normal(size=args.learners)
    calibration_learners = rng.normal(size=args.calibration_learners)
    tagged = bank.tagged

    # One round of adaptive tests with the tags only; its responses calibrate the bank.
    first_round = adaptive(calibration_learners, bank, tagged, args, rng)
    calibrated = {
        model: irt.calibrate(first_round.responses, tagged, min_responses=args.min_responses, model=model)
        for model in ("rasch", "2pl")
    }
    answered = {item for _person, item, _score in first_round.responses}
    counts = np.bincount([item for _p, item, _s in first_round.responses], minlength=args.items)

    rows: list[Row] = []
    for label, known in (
        ("tagged difficulty, a=1", tagged),
        ("calibrated, Rasch", calibrated["rasch"]),
        ("calibrated, 2PL", calibrated["2pl"]),
        ("true (oracle)", bank.true),
    ):
        cat = adaptive(learners, bank, known, args, rng)
        length = round(float(cat.lengths.mean()))
        rows.append(row("adaptive", label, cat, learners, adaptive_test=True))
        rows.append(
            row(f"fixed form, {length} items", label, fixed_form(learners, bank, known, length, rng), learners, False)
        )
    # the longest form the adaptive test may give, with the best parameters the platform has
    long_form = fixed_form(learners, bank, calibrated["2pl"], args.max_items, rng)
    rows.append(row(f"fixed form, {args.max_items} items", "calibrated, 2PL", long_form, learners, False))
    seconds = time.perf_counter() - started

    commit = harness.git_commit()
    print(f"commit:      {commit}")
    print(
        f"bank:        {args.items} items, true 2PL: b ~ U(-2.5, 2.5), a ~ lognormal(median 1.2, sd log 0.3) in "
        f"[0.5, 2.5]; tags 1..5 from b + N(0, {TAG_NOISE_SD}²) cut at {', '.join(map(str, TAG_CUTS))}"
    )
    print(f"learners:    {args.learners} measured, {args.calibration_learners} in the calibration round; θ ~ N(0, 1)")
    print(
        f"test:        EAP (N(0,1) prior); max information, randomesque {args.randomesque}; stop at SE <= "
        f"{args.se_target} after {args.min_items}+ items, at most {args.max_items}; levels 1..{irt.LEVELS} cut at "
        f"{', '.join(f'{c:.2f}' for c in irt.DEFAULT_CUT_POINTS)}"
    )
    print(
        f"calibration: {len(first_round.responses)} responses from the tagged CAT round, {len(answered)} items "
        f"answered, {int(np.sum(counts >= args.min_responses))} with >= {args.min_responses} responses (calibrated), "
        f"median {int(np.median(counts))} per item"
    )
    for label, known in (("tagged", tagged), ("Rasch", calibrated["rasch"]), ("2PL", calibrated["2pl"])):
        err = parameter_error(bank, known)
        print(
            f"  {label:<7} RMSE b {err['rmse_b']:.3f}, rank correlation of b with the truth "
            f"{err['rank_correlation_b']:.3f}, RMSE a {err['rmse_a']:.3f}"
        )
    print(
        f"machine:     {os.cpu_count()} CPUs, Python {platform.python_version()}, numpy {np.__version__}; "
        f"{seconds:.1f} s"
    )
    print()
    print_table(rows)
    print(
        "\nitems: mean test length; stop SE: share of tests ended by the standard error rather than the maximum; "
        "bias θ: mean(estimate - true); exact, ±1 lvl: share placed at their true level, within one level"
    )

    if not args.no_save:
        harness.RESULTS_DIR.mkdir(exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = harness.RESULTS_DIR / f"{stamp}-cat-simulation-{commit.replace('+', '-')}.json"
        document = {
            "context": {"commit": commit, "seconds": round(seconds, 1), **vars(args)},
            "calibration": {
                label: parameter_error(bank, known)
                for label, known in (("tagged", tagged), ("rasch", calibrated["rasch"]), ("2pl", calibrated["2pl"]))
            },
            "results": [asdict(r) for r in rows],
        }
        path.write_text(json.dumps(document, indent=2) + "\n")
        print(f"\nsaved {Path(path).relative_to(harness.REPO_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The adaptive placement's maths (assessments.irt): pure functions, no database."""

import itertools
import math
import random

import numpy as np
import pytest

from assessments import irt
from assessments.irt import Estimate, ItemParams, StopReason

MEDIUM = ItemParams(a=1.0, b=0.0)


def test_initial_params_map_tags_to_one_logit_steps():
    assert [irt.initial_params(d).b for d in range(1, 6)] == [-2.0, -1.0, 0.0, 1.0, 2.0]
    assert {irt.initial_params(d).a for d in range(1, 6)} == {1.0}
    for bad in (0, 6, True, "3"):
        with pytest.raises(ValueError):
            irt.initial_params(bad)


def test_probability_and_information():
    assert irt.probability(0.0, MEDIUM) == pytest.approx(0.5)
    steep = ItemParams(a=2.0, b=1.0)
    assert irt.probability(2.0, steep) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert irt.information(1.0, steep) == pytest.approx(1.0)  # a²/4 at theta = b
    assert irt.information(1.0, steep) > irt.information(0.0, steep)
    assert irt.probability(np.array([-50.0, 50.0]), MEDIUM) == pytest.approx([0.0, 1.0])


def test_estimate_without_responses_is_the_prior():
    e = irt.estimate([])
    assert e.theta == pytest.approx(0.0, abs=1e-9)
    assert e.se == pytest.approx(1.0, abs=1e-3)


def test_estimates_move_the_right_way_and_the_se_shrinks():
    right = irt.estimate([(MEDIUM, 1)])
    wrong = irt.estimate([(MEDIUM, 0)])
    assert right.theta > 0 > wrong.theta
    assert right.theta == pytest.approx(-wrong.theta)
    answers = [(ItemParams(1.2, b), x) for b, x in [(0, 1), (0.5, 1), (1.0, 0), (0.7, 1), (0.9, 0), (0.8, 1)]]
    ses = [irt.estimate(answers[:n]).se for n in range(len(answers) + 1)]
    assert all(later < earlier for earlier, later in itertools.pairwise(ses))
    # a correct answer to a hard item says more than one to an easy item
    assert irt.estimate([(ItemParams(1, 2), 1)]).theta > irt.estimate([(ItemParams(1, -2), 1)]).theta


def test_all_correct_and_all_wrong_give_finite_estimates():
    for score, sign in ((1, 1), (0, -1)):
        e = irt.estimate([(ItemParams(1.5, b), score) for b in np.linspace(-2, 2, 25)])
        assert math.isfinite(e.theta) and math.isfinite(e.se)
        assert sign * e.theta > 1.5
        assert 0 < e.se < 1


def test_estimate_recovers_a_known_ability():
    rng = np.random.default_rng(7)
    bank = [ItemParams(1.5, b) for b in np.linspace(-1, 3, 60)]
    answers = [(item, int(rng.random() < irt.probability(1.0, item))) for item in bank]
    e = irt.estimate(answers)
    assert abs(e.theta - 1.0) < 2.5 * e.se
    assert e.se < 0.35


def test_estimate_rejects_scores_out_of_range():
    with pytest.raises(ValueError):
        irt.estimate([(MEDIUM, 2)])


def test_next_item_takes_the_most_informative():
    bank = {
        "easy": ItemParams(1, -2),
        "medium": ItemParams(1, 0),
        "hard": ItemParams(1, 2),
        "sharp": ItemParams(2, 1.8),
    }
    assert irt.next_item(0.1, bank, set(), random.Random(1), randomesque=1) == "medium"
    assert irt.next_item(2.0, bank, set(), random.Random(1), randomesque=1) == "sharp"
    assert irt.next_item(2.0, bank, {"sharp"}, random.Random(1), randomesque=1) == "hard"
    assert irt.next_item(0.0, bank, set(bank), random.Random(1)) is None


def test_next_item_randomesque_spreads_exposure_over_the_top_items():
    bank = {i: ItemParams(1, b) for i, b in enumerate(np.linspace(-3, 3, 31))}  # item 15 has b = 0
    rng = np.random.default_rng(3)
    picks = {irt.next_item(0.0, bank, (), rng, randomesque=3) for _ in range(200)}
    assert picks == {14, 15, 16}
    py_picks = {irt.next_item(0.0, bank, (), random.Random(s), randomesque=3) for s in range(200)}
    assert py_picks == {14, 15, 16}
    # equally informative items (the same tag) all get their turn
    same = {i: ItemParams(1, 0) for i in range(10)}
    assert {irt.next_item(0.0, same, (), rng) for _ in range(300)} == set(range(10))
    with pytest.raises(ValueError):
        irt.next_item(0.0, bank, (), rng, randomesque=0)


def test_should_stop():
    precise, vague = Estimate(0.3, 0.35), Estimate(0.3, 0.6)
    assert irt.should_stop(precise, 3, min_items=5) is None  # precise, but too early
    assert irt.should_stop(precise, 5, min_items=5) is StopReason.STANDARD_ERROR
    assert irt.should_stop(vague, 19, max_items=20) is None
    assert irt.should_stop(vague, 20, max_items=20) is StopReason.MAX_ITEMS
    assert irt.should_stop(vague, 7, remaining=0) is StopReason.EXHAUSTED
    assert irt.should_stop(precise, 8, se_target=0.3) is None
    assert irt.should_stop(precise, 8)  # truthy
    with pytest.raises(ValueError):
        irt.should_stop(precise, 1, min_items=10, max_items=5)


def test_theta_to_level():
    assert pytest.approx([-2, -4 / 3, -2 / 3, 0, 2 / 3, 4 / 3, 2]) == irt.DEFAULT_CUT_POINTS
    assert [irt.theta_to_level(t) for t in (-9, -2.01, -2.0, -0.1, 0.0, 1.9, 2.0, 9)] == [1, 1, 2, 4, 5, 7, 8, 8]
    assert irt.theta_to_level(0.1, levels=2) == 2
    assert [irt.theta_to_level(t, [-1.0, 1.0]) for t in (-1.5, 0, 1.5)] == [1, 2, 3]
    with pytest.raises(ValueError):
        irt.theta_to_level(0, [1.0, 0.0])


def _simulated_cat_responses(true, tagged, n_people, seed):
    """Responses as a placement collects them: each learner answers ~12 items chosen adaptively from the tags."""
    rng = np.random.default_rng(seed)
    responses = []
    for person, theta in enumerate(rng.normal(size=n_people)):
        used, answered = [], []
        current = irt.estimate([])
        while not irt.should_stop(current, len(used), max_items=12):
            item = irt.next_item(current.theta, tagged, used, rng)
            score = int(rng.random() < irt.probability(theta, true[item]))
            used.append(item)
            answered.append((tagged[item], score))
            responses.append((f"p{person}", item, score))
            current = irt.estimate(answered)
    return responses


def test_calibration_recovers_the_difficulties_from_adaptive_data():
    rng = np.random.default_rng(11)
    b = np.linspace(-2.2, 2.2, 20)
    true = {f"i{j}": ItemParams(1.0, float(b[j])) for j in range(20)}
    tagged = {item: irt.initial_params(int(np.clip(round(p.b) + 3, 1, 5))) for item, p in true.items()}
    responses = _simulated_cat_responses(true, tagged, 400, seed=int(rng.integers(1000)))
    tagged["lonely"] = irt.initial_params(5)  # never answered: keeps its prior
    responses.append(("p0", "unknown-item", 1))  # not in the bank: ignored
    calibrated = irt.calibrate(responses, tagged, min_responses=30)
    assert set(calibrated) == set(tagged)
    assert calibrated["lonely"] == tagged["lonely"]
    fitted = np.array([calibrated[f"i{j}"].b for j in range(20)])
    prior = np.array([tagged[f"i{j}"].b for j in range(20)])
    ranks = np.corrcoef(np.argsort(np.argsort(fitted)), np.arange(20))[0, 1]
    assert ranks > 0.95
    assert np.sqrt(np.mean((fitted - b) ** 2)) < np.sqrt(np.mean((prior - b) ** 2))
    assert {calibrated[f"i{j}"].a for j in range(20)} == {1.0}  # Rasch


def test_calibration_2pl_and_sparse_small_data():
    rng = np.random.default_rng(5)
    b = np.array([-1.5, -0.5, 0.5, 1.5])
    prior = {j: ItemParams(1.0, 0.0) for j in range(4)}
    responses = []
    for person, theta in enumerate(rng.normal(size=300)):
        for j in rng.choice(4, size=3, replace=False):  # each person answers 3 of the 4
            responses.append((person, int(j), int(rng.random() < 1 / (1 + math.exp(-(theta - b[j]))))))
    calibrated = irt.calibrate(responses, prior, min_responses=50, model="2pl")
    assert [calibrated[j].b for j in range(4)] == sorted(calibrated[j].b for j in range(4))
    assert all(irt.A_BOUNDS[0] <= calibrated[j].a <= irt.A_BOUNDS[1] for j in range(4))
    # too few responses: everything keeps its prior
    assert irt.calibrate(responses[:20], prior, min_responses=50) == prior
    # an item everyone got right stays finite
    easy = [(p, 0, 1) for p in range(60)] + [(p, 1, p % 2) for p in range(60)]
    fitted = irt.calibrate(easy, {0: ItemParams(1, 0), 1: ItemParams(1, 0)}, min_responses=50)
    assert fitted[0].b < fitted[1].b and math.isfinite(fitted[0].b) and fitted[0].b >= irt.B_BOUNDS[0]
    with pytest.raises(ValueError):
        irt.calibrate([(1, 0, 0.5)], prior)
    with pytest.raises(ValueError):
        irt.calibrate(responses, prior, model="3pl")

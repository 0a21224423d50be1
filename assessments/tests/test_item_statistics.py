"""Classical item statistics (assessments.item_statistics) against examples computed by hand."""

import math
import re

import pytest
from django.utils import translation

from assessments import item_statistics as st
from assessments.item_statistics import ChoiceData, ItemStats


# Four attempts, three items, a Guttman pattern: totals 3, 2, 1, 0.
@pytest.fixture(autouse=True)
def _english():
    # the assertions read the English source messages; the Vietnamese catalogue is checked elsewhere
    with translation.override("en"):
        yield


MATRIX = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
]


def test_facility_is_the_mean_credit_of_the_attempts_that_saw_the_item():
    assert [st.facility(MATRIX, j) for j in range(3)] == [0.75, 0.5, 0.25]
    assert st.facility([[None, 1], [0.5, 0]], 0) == 0.5
    assert st.facility([[None], [None]], 0) is None


def test_cronbach_alpha_by_hand():
    # item variances 1/4, 1/3, 1/4; variance of the totals 5/3; alpha = 3/2 * (1 - (5/6) / (5/3)) = 0.75
    alpha, used = st.cronbach_alpha(MATRIX)
    assert alpha == pytest.approx(0.75)
    assert used == 4


def test_alpha_uses_the_attempts_that_saw_every_item():
    alpha, used = st.cronbach_alpha([*MATRIX, [1, None, 1], [None, 0, 0]])
    assert alpha == pytest.approx(0.75)
    assert used == 4
    assert st.cronbach_alpha([[1, None], [None, 0], [1, None]]) == (None, 0)
    assert st.cronbach_alpha([[1, 1], [1, 1]])[0] is None  # totals do not vary
    assert st.cronbach_alpha([[1], [0]])[0] is None  # one item


def test_corrected_point_biserial_by_hand():
    # item 0 = (1,1,1,0) against the mean of the other two items (1, .5, 0, 0)
    assert st.corrected_point_biserial(MATRIX, 0) == pytest.approx(0.375 / math.sqrt(0.75 * 0.6875))
    # item 1 = (1,1,0,0) against (1, .5, .5, 0)
    assert st.corrected_point_biserial(MATRIX, 1) == pytest.approx(0.5 / math.sqrt(0.5))
    # the rest score excludes the item itself: an item that does not vary has no correlation
    assert st.corrected_point_biserial([[1, 0], [1, 1], [1, 0]], 0) is None


def test_point_biserial_with_items_not_drawn_uses_the_mean_of_the_seen_items():
    matrix = [[1, 1, None], [1, None, 1], [0, 0, None], [0, None, 0]]
    # rest scores: 1, 1, 0, 0 whatever the other item drawn was
    assert st.corrected_point_biserial(matrix, 0) == pytest.approx(1.0)


def test_distractor_counts_list_every_option():
    chosen = ["a", "b", "a", None, ["a", "c"], "removed"]
    assert st.distractor_counts(chosen, ["a", "b", "c", "d"]) == {"a": 3, "b": 1, "c": 1, "d": 0}


def test_analyse_puts_it_together():
    choices = {"q1": ChoiceData(options=["a", "b", "c"], correct={"a"}, chosen=["a", "a", "b", "b"])}
    stats = st.analyse(MATRIX, items=["q1", "q2", "q3"], choices=choices)
    assert stats.attempts == 4 and stats.alpha == pytest.approx(0.75) and stats.alpha_attempts == 4
    q1 = stats.items[0]
    assert (q1.item, q1.n, q1.facility) == ("q1", 4, 0.75)
    assert q1.option_counts == {"a": 2, "b": 2, "c": 0}
    assert q1.distractors == ("b", "c")
    assert stats.items[1].option_counts is None
    with pytest.raises(ValueError):
        st.analyse([[1, 2]])
    with pytest.raises(ValueError):
        st.analyse([[1, 0], [1]])
    with pytest.raises(ValueError):
        st.analyse(MATRIX, items=["only-one"])


def _codes(found, item):
    return [reason.code for reason in found.get(item, [])]


def test_flags_name_weak_items_with_reasons():
    stats = [
        ItemStats("fine", n=100, facility=0.6, discrimination=0.45),
        ItemStats("hard", n=100, facility=0.1, discrimination=0.3),
        ItemStats("easy", n=100, facility=0.97, discrimination=0.25),
        ItemStats("flat", n=100, facility=0.5, discrimination=0.05),
        ItemStats("same", n=100, facility=1.0, discrimination=None),
        ItemStats("new", n=12, facility=0.02, discrimination=-0.5),
        ItemStats(
            "choice",
            n=40,
            facility=0.6,
            discrimination=0.4,
            option_counts={"a": 24, "b": 16, "c": 0},
            distractors=("b", "c"),
            choice_responses=40,
            option_labels={"c": "Mật khẩu <b>123456</b>"},
        ),
        ItemStats(
            "few-choices",
            n=20,
            facility=0.6,
            discrimination=0.4,
            option_counts={"a": 12, "b": 8, "c": 0},
            distractors=("b", "c"),
            choice_responses=20,
        ),
    ]
    found = st.flags(stats)
    assert "fine" not in found
    assert _codes(found, "hard") == ["too_hard"]
    assert _codes(found, "easy") == ["too_easy"]
    assert _codes(found, "flat") == ["low_discrimination"]
    assert _codes(found, "same") == ["too_easy", "no_discrimination"]
    assert _codes(found, "new") == ["too_few"]  # nothing else judged on 12 responses
    assert _codes(found, "choice") == ["unused_distractor"]
    assert _codes(found, "few-choices") == ["too_few"]
    assert st.flags(stats, min_responses=10, distractor_min_responses=50).get("few-choices") is None
    # the messages are plain sentences with the figures in them, in the active language's number format
    with translation.override("en"):
        assert str(found["hard"][0]).startswith("Very few learners earn the marks (facility 0.10)")
        assert str(found["new"][0]) == "Too few responses to judge (12; at least 30 are needed)."
        assert "“Mật khẩu <b>123456</b>” (40 responses)" in str(found["choice"][0])
    with translation.override("vi"):
        assert "0,10" in str(found["hard"][0])
    assert {item: _codes(st.flags(st.analyse(MATRIX)), item) for item in range(3)} == {
        item: ["too_few"] for item in range(3)
    }
    assert st.flags(st.analyse(MATRIX), min_responses=4) == {}  # judged on 4 attempts, all three items work


def test_svg_chart_is_accessible_and_escapes_labels():
    stats = st.analyse([*MATRIX, [1, 1, 0]], items=["q1", "q2", "q3"])
    evil = '<script>alert("x")</script> & co'
    svg = st.svg_chart(stats, labels={"q1": evil}, id_prefix="quiz-7", max_label_chars=80)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-labelledby="quiz-7-title quiz-7-desc"' in svg
    assert '<title id="quiz-7-title">Facility and discrimination of each item</title>' in svg
    assert "<script" not in svg and 'alert("x")' not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in svg
    assert svg.count('class="f"') == 3 + 1  # three facility bars and the legend swatch
    assert re.search(r"<title>q2 · Facility 0\.60</title>", svg)
    assert hasattr(svg, "__html__")  # a SafeString: templates embed it as it is
    long = st.svg_chart(stats, labels={"q1": "x" * 50}, max_label_chars=10)
    assert "xxxxxxxxx…" in long and "x" * 11 not in long
    assert st.svg_chart([]).endswith("</svg>")

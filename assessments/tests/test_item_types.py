"""The item kinds (assessments/item_types.py): bodies, presentations, what the browser sees, reading and scoring."""

import json
import random
import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.item_types import (
    ITEM_TYPES,
    MAX_TEXT,
    Outcome,
    ResponseError,
    answer_matches,
    parse_number,
)


@pytest.fixture(autouse=True)
def _english():
    # the assertions read the English source messages; the Vietnamese catalogue is checked elsewhere
    with translation.override("en"):
        yield


P = "q7-"
SECRET = "zz-secret-key"  # a key that must never reach the browser


def clean(kind, body):
    return ITEM_TYPES[kind].clean_body(body)


def single_choice():
    return clean(
        "single_choice",
        {
            "options": [
                {"key": "a", "text": "Hà Nội", "credit": 1, "feedback": "Đúng rồi"},
                {"key": "b", "text": "Huế", "credit": 0.5, "feedback": "Cố đô"},
                {"key": SECRET, "text": "Đà Nẵng", "credit": 0, "feedback": "Chưa đúng"},
            ]
        },
    )


def multiple_response(scoring="partial"):
    return clean(
        "multiple_response",
        {
            "options": [
                {"key": "a", "text": "Mật khẩu mạnh", "correct": True, "feedback": "fa"},
                {"key": "b", "text": "Xác thực hai bước", "correct": True},
                {"key": "c", "text": "Chia sẻ mã OTP", "correct": False, "feedback": "fc"},
                {"key": "d", "text": "Bấm mọi đường link", "correct": False},
            ],
            "scoring": scoring,
        },
    )


def true_false():
    return clean("true_false", {"correct": False, "feedback_true": "ft", "feedback_false": "ff"})


def short_answer(**flags):
    return clean(
        "short_answer",
        {
            "answers": [{"text": "Hà Nội", "credit": 1, "feedback": "Giỏi"}, {"text": "Thăng Long", "credit": 0.5}],
            **flags,
        },
    )


def numeric():
    return clean(
        "numeric",
        {
            "answers": [
                {"value": 3.5, "tolerance": 0, "credit": 1, "feedback": "chính xác"},
                {"value": 3, "tolerance": 1, "credit": 0.5},
            ],
            "unit": "kg",
        },
    )


def matching():
    return clean(
        "matching",
        {
            "pairs": [
                {"key": "p1", "prompt": "Hà Nội", "answer": "Thủ đô"},
                {"key": "p2", "prompt": "Huế", "answer": "Cố đô"},
                {"key": SECRET, "prompt": "TP Hồ Chí Minh", "answer": "Thành phố lớn nhất"},
            ],
            "extra_answers": [{"key": "x1", "text": "Thị trấn"}],
        },
    )


def ordering(n=4):
    return clean("ordering", {"items": [{"key": f"k{i}", "text": f"Bước {i}"} for i in range(n)]})


def cloze():
    return clean(
        "cloze",
        {
            "text": "Thủ đô là [[cap]].\nSông lớn ở miền Bắc là [[river]].",
            "blanks": [
                {"key": "cap", "mode": "text", "answers": [{"text": "Hà Nội", "credit": 1}], "weight": 1},
                {
                    "key": "river",
                    "mode": "choice",
                    "options": [
                        {"key": "r1", "text": "Sông Hồng", "credit": 1},
                        {"key": SECRET, "text": "Sông Hương", "credit": 0},
                    ],
                    "weight": 3,
                },
            ],
        },
    )


def essay():
    return clean("essay", {"min_words": 5, "max_words": 200, "response_template": "Em nghĩ rằng"})


def practical(mode="upload"):
    return clean("practical", {"mode": mode, "instructions": "Chụp ảnh màn hình cài đặt."})


BODIES = {
    "single_choice": single_choice,
    "multiple_response": multiple_response,
    "true_false": true_false,
    "short_answer": short_answer,
    "numeric": numeric,
    "matching": matching,
    "ordering": ordering,
    "cloze": cloze,
    "essay": essay,
    "practical": practical,
}

FILE = {
    "name": "ảnh.png",
    "size": 1234,
    "content_type": "image/png",
    "sha256": "a" * 64,
    "storage_name": "attempts/1/abc.png",
}


def positions_of(public, keys_in_order, body_texts):
    """The positional tokens for the given texts, as the browser would send them."""
    by_text = {entry["text"]: entry["position"] for entry in public}
    return [by_text[body_texts[key]] for key in keys_in_order]


# --- The registry -------------------------------------------------------------------------------------------------


def test_registry_covers_every_kind_of_the_bank():
    from assessments.item_kinds import ItemKind

    assert set(ITEM_TYPES) == set(ItemKind.values)
    for kind, item_type in ITEM_TYPES.items():
        assert item_type.kind == kind
        assert item_type.template == f"assessments/items/{kind}.html"
        assert str(item_type.label)
        assert item_type.needs_review is (kind in ("essay", "practical"))


# --- single choice ------------------------------------------------------------------------------------------------


def test_single_choice_scores_the_chosen_options_credit():
    body, item = single_choice(), ITEM_TYPES["single_choice"]
    assert item.score(body, {"choice": "a"}) == Outcome(
        Decimal("1"), False, "Đúng rồi", item.score(body, {"choice": "a"}).detail
    )
    assert item.score(body, {"choice": "b"}).credit == Decimal("0.5")
    assert item.score(body, {"choice": SECRET}).credit == 0
    assert item.score(body, {"choice": "nope"}).credit == 0
    assert item.score(body, None).credit == 0
    assert item.score(body, {"choice": None}).needs_review is False
    assert item.score(body, {"choice": "b"}).detail["options"]["b"] == {"chosen": True, "correct": False}


def test_single_choice_round_trip_from_positions():
    body, item = single_choice(), ITEM_TYPES["single_choice"]
    presentation = item.present(body, random.Random(3))
    public = item.public(body, presentation)
    token = next(option["position"] for option in public["options"] if option["text"] == "Hà Nội")
    response = item.parse(body, presentation, QueryDict(f"{P}choice={token}"), P)
    assert response == {"choice": "a"}
    assert item.score(body, response).credit == 1
    # prefilled from the stored response, still without keys
    shown = item.public(body, presentation, response)
    assert [option["selected"] for option in shown["options"]].count(True) == 1
    assert SECRET not in json.dumps(shown)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({f"{P}choice": ["4"]}, "not shown"),
        ({f"{P}choice": ["0"]}, "could not be read"),
        ({f"{P}choice": ["a"]}, "could not be read"),
        ({f"{P}choice": ["1", "2"]}, "could not be read"),
        ({f"{P}choice": ["-1"]}, "could not be read"),
        ({f"{P}choice": ["9" * 50]}, "could not be read"),
    ],
)
def test_single_choice_refuses_tampered_positions(data, message):
    body, item = single_choice(), ITEM_TYPES["single_choice"]
    with pytest.raises(ResponseError) as raised:
        item.parse(body, item.present(body, random.Random(1)), data, P)
    assert message in str(raised.value.message)


def test_single_choice_empty_input_is_an_empty_response():
    body, item = single_choice(), ITEM_TYPES["single_choice"]
    presentation = item.present(body, random.Random(1))
    assert item.parse(body, presentation, QueryDict(""), P) == {"choice": None}
    assert item.parse(body, presentation, {}, P) == {"choice": None}
    assert item.parse(body, presentation, {f"{P}choice": [""]}, P) == {"choice": None}


@pytest.mark.parametrize(
    "body",
    [
        {"options": [{"text": "Một", "credit": 1}]},  # one option
        {"options": [{"text": "Một", "credit": 0.5}, {"text": "Hai", "credit": 0}]},  # no full credit
        {"options": [{"text": "Một", "credit": 1}, {"text": "Một", "credit": 0}]},  # same text twice
        {"options": [{"text": "Một", "credit": 1.5}, {"text": "Hai"}]},  # credit above 1
        {"options": [{"text": "Một", "credit": -0.1}, {"text": "Hai", "credit": 1}]},  # negative credit
        {"options": [{"text": "Một", "credit": "nhiều"}, {"text": "Hai", "credit": 1}]},
        {"options": [{"text": "", "credit": 1}, {"text": "Hai"}]},  # empty text
        {"options": [{"key": "a", "text": "Một", "credit": 1}, {"key": "a", "text": "Hai"}]},  # duplicate key
        {"options": [{"key": "a b", "text": "Một", "credit": 1}, {"text": "Hai"}]},  # key with a space
        {"options": [{"text": "Một", "credit": 1}, {"text": "Hai"}], "shuffle": "yes"},
        {"options": "Một, Hai"},
        [],
    ],
)
def test_single_choice_clean_body_rejects(body):
    with pytest.raises(ValidationError):
        clean("single_choice", body)


def test_clean_body_normalises_text_keys_and_credits():
    nfd = unicodedata.normalize("NFD", "  Hà Nội ")
    body = clean("single_choice", {"options": [{"text": nfd, "credit": "1"}, {"text": "Huế", "credit": 0.333333}]})
    assert body["options"][0]["text"] == unicodedata.normalize("NFC", "Hà Nội")
    assert body["options"][0]["credit"] == 1
    assert body["options"][1]["credit"] == 0.3333
    assert [option["key"] for option in body["options"]] == ["a", "b"]
    assert body["shuffle"] is True
    assert clean("single_choice", body) == body  # cleaning is idempotent
    json.dumps(body)


def test_clean_body_reports_every_problem_at_once():
    with pytest.raises(ValidationError) as raised:
        clean("single_choice", {"options": [{"text": "", "credit": 2}]})
    assert len(raised.value.messages) >= 3


# --- multiple response --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choices", "credit"),
    [
        (["a", "b"], "1"),
        (["a"], "0.5"),
        (["a", "c"], "0"),  # 1/2 - 1/2
        (["a", "b", "c"], "0.5"),
        (["c", "d"], "0"),  # floored, never negative
        (["a", "b", "c", "d"], "0"),
        ([], "0"),
    ],
)
def test_multiple_response_partial(choices, credit):
    assert ITEM_TYPES["multiple_response"].score(multiple_response(), {"choices": choices}).credit == Decimal(credit)


def test_multiple_response_all_or_nothing():
    body, item = multiple_response("all_or_nothing"), ITEM_TYPES["multiple_response"]
    assert item.score(body, {"choices": ["b", "a"]}).credit == 1
    assert item.score(body, {"choices": ["a"]}).credit == 0
    assert item.score(body, {"choices": ["a", "b", "c"]}).credit == 0


def test_multiple_response_thirds_are_exact_decimals():
    body = clean(
        "multiple_response",
        {"options": [{"text": t, "correct": t != "d"} for t in "abcd"]},
    )
    keys = [option["key"] for option in body["options"]]
    assert ITEM_TYPES["multiple_response"].score(body, {"choices": keys[:1]}).credit == Decimal("0.3333")
    assert ITEM_TYPES["multiple_response"].score(body, {"choices": keys[:3]}).credit == Decimal("1")


def test_multiple_response_feedback_of_the_chosen_options():
    outcome = ITEM_TYPES["multiple_response"].score(multiple_response(), {"choices": ["a", "c"]})
    assert outcome.feedback == "fa\nfc"
    assert outcome.detail["options"]["c"] == {"chosen": True, "correct": False}


def test_multiple_response_parse():
    body, item = multiple_response(), ITEM_TYPES["multiple_response"]
    presentation = item.present(body, random.Random(5))
    public = item.public(body, presentation)
    texts = {option["key"]: option["text"] for option in body["options"]}
    tokens = positions_of(public["options"], ["b", "a"], texts)
    data = QueryDict(mutable=True)
    data.setlist(f"{P}choices", tokens)
    response = item.parse(body, presentation, data, P)
    assert response == {"choices": ["a", "b"]}
    assert item.score(body, response).credit == 1
    assert item.parse(body, presentation, {}, P) == {"choices": []}
    with pytest.raises(ResponseError):
        item.parse(body, presentation, {f"{P}choices": ["1", "1"]}, P)
    with pytest.raises(ResponseError):
        item.parse(body, presentation, {f"{P}choices": ["5"]}, P)
    with pytest.raises(ResponseError):
        item.parse(body, presentation, {f"{P}choices": ["x"]}, P)


def test_multiple_response_needs_a_correct_option_and_a_known_scoring():
    with pytest.raises(ValidationError):
        clean("multiple_response", {"options": [{"text": "a"}, {"text": "b"}]})
    with pytest.raises(ValidationError):
        clean("multiple_response", {"options": [{"text": "a", "correct": True}, {"text": "b"}], "scoring": "x"})
    with pytest.raises(ValidationError):
        clean("multiple_response", {"options": [{"text": "a", "correct": "yes"}, {"text": "b", "correct": True}]})


# --- true / false -------------------------------------------------------------------------------------------------


def test_true_false():
    body, item = true_false(), ITEM_TYPES["true_false"]
    assert item.score(body, {"value": False}) == Outcome(Decimal(1), False, "ff", {"value": False, "correct": True})
    assert item.score(body, {"value": True}).credit == 0
    assert item.score(body, {"value": True}).feedback == "ft"
    assert item.score(body, {"value": None}).credit == 0
    assert item.parse(body, {}, {f"{P}value": ["false"]}, P) == {"value": False}
    assert item.parse(body, {}, {}, P) == {"value": None}
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}value": ["1"]}, P)
    with pytest.raises(ValidationError):
        clean("true_false", {"correct": "false"})
    with pytest.raises(ValidationError):
        clean("true_false", {})


# --- short answer -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["Hà Nội", "ha noi", "HÀ NỘI", "  hà   nội ", unicodedata.normalize("NFD", "Hà Nội"), "Ha Noi", "HA NOI"],
)
def test_short_answer_vietnamese_matching_with_optional_diacritics(typed):
    assert ITEM_TYPES["short_answer"].score(short_answer(), {"text": typed}).credit == 1


def test_short_answer_required_diacritics():
    body, item = short_answer(diacritics="required"), ITEM_TYPES["short_answer"]
    assert item.score(body, {"text": "HÀ NỘI"}).credit == 1
    assert item.score(body, {"text": unicodedata.normalize("NFD", "hà nội")}).credit == 1
    assert item.score(body, {"text": "ha noi"}).credit == 0
    assert item.score(body, {"text": "Hà Nôi"}).credit == 0


def test_short_answer_case_sensitive():
    body, item = short_answer(case_sensitive=True), ITEM_TYPES["short_answer"]
    assert item.score(body, {"text": "Ha Noi"}).credit == 1  # diacritics still optional, case kept
    assert item.score(body, {"text": "ha noi"}).credit == 0
    strict = short_answer(case_sensitive=True, diacritics="required")
    assert item.score(strict, {"text": "Hà Nội"}).credit == 1
    assert item.score(strict, {"text": "Ha Noi"}).credit == 0


def test_short_answer_best_answer_credit_and_feedback():
    body, item = short_answer(), ITEM_TYPES["short_answer"]
    assert item.score(body, {"text": "thang long"}).credit == Decimal("0.5")
    assert item.score(body, {"text": "ha noi"}).feedback == "Giỏi"
    assert item.score(body, {"text": "Sài Gòn"}).credit == 0
    assert item.score(body, {"text": "   "}).credit == 0
    assert item.score(body, None).credit == 0


def test_short_answer_đ_folds_to_d():
    body = clean("short_answer", {"answers": [{"text": "Đà Nẵng"}]})
    assert ITEM_TYPES["short_answer"].score(body, {"text": "da nang"}).credit == 1


@pytest.mark.parametrize(
    ("accepted", "typed", "matches"),
    [
        ("Hà *", "ha noi", True),
        ("Hà *", "Hà", False),
        ("*nội", "Thành phố Hà Nội", True),
        ("h*n*i", "Hà Nội", True),
        ("*", "bất cứ gì", True),
        (r"5 \* 3", "5 * 3", True),
        (r"5 \* 3", "5 x 3", False),
        ("a*b*c", "abc", True),
        ("a*b*c", "acb", False),
        ("ab*ba", "aba", False),
    ],
)
def test_short_answer_wildcards(accepted, typed, matches):
    assert answer_matches(accepted, typed) is matches


def test_wildcards_are_fast_on_long_answers():
    assert answer_matches("a*a*a*a*a*a*a*b", "a" * MAX_TEXT) is False


def test_short_answer_parse():
    body, item = short_answer(), ITEM_TYPES["short_answer"]
    nfd = unicodedata.normalize("NFD", "Hà Nội")
    data = QueryDict(mutable=True)
    data[f"{P}text"] = nfd
    response = item.parse(body, {}, data, P)
    assert response == {"text": unicodedata.normalize("NFC", "Hà Nội")}
    assert item.parse(body, {}, {}, P) == {"text": ""}
    assert item.parse(body, {}, {f"{P}text": "x\x00y"}, P) == {"text": "xy"}
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}text": ["x" * (MAX_TEXT + 1)]}, P)
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}text": ["a", "b"]}, P)
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}text": [42]}, P)


def test_short_answer_clean_body_rejects():
    for body in (
        {"answers": []},
        {"answers": [{"text": "x", "credit": 0.5}]},
        {"answers": [{"text": ""}]},
        {"answers": [{"text": "x"}], "diacritics": "sometimes"},
        {"answers": [{"text": "x"}], "case_sensitive": 1},
    ):
        with pytest.raises(ValidationError):
            clean("short_answer", body)
    assert clean("short_answer", {"answers": [{"text": "x"}]}) == {
        "answers": [{"text": "x", "credit": 1, "feedback": ""}],
        "case_sensitive": False,
        "diacritics": "optional",
    }


# --- numeric ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("3,5", "3.5"),
        ("3.5", "3.5"),
        ("1.000,5", "1000.5"),
        ("1,000.5", "1000.5"),
        ("-2", "-2"),
        (" 7 ", "7"),
        ("1.000.000", "1000000"),
        ("1,000,000", "1000000"),
        ("1.000.000,25", "1000000.25"),
        ("1.000", "1"),  # one dot is a decimal mark
        ("1,000", "1"),  # a lone comma is a decimal mark
        ("0,001", "0.001"),
        (",5", "0.5"),
        ("+4", "4"),
        ("\u22123,5", "-3.5"),
        ("\uff11\uff12", "12"),  # full-width digits from some keyboards
        ("2e3", "2000"),
        ("1,5e-2", "0.015"),
    ],
)
def test_parse_number_notations(typed, value):
    assert parse_number(typed) == Decimal(value)


@pytest.mark.parametrize(
    "typed", ["", " ", "abc", "3,5,1", "1.00.0", "1,000.5.3", "1.5,000", "1..2", ".", ",", "--2", "3 5", "1e9999"]
)
def test_parse_number_refuses(typed):
    assert parse_number(typed) is None


def test_numeric_scoring_with_tolerance_and_best_answer():
    body, item = numeric(), ITEM_TYPES["numeric"]
    assert item.score(body, {"text": "3,5", "value": 3.5}).credit == 1
    assert item.score(body, {"text": "3,5", "value": 3.5}).feedback == "chính xác"
    assert item.score(body, {"text": "4", "value": 4.0}).credit == Decimal("0.5")  # |4 - 3| <= 1 exactly
    assert item.score(body, {"text": "2", "value": 2.0}).credit == Decimal("0.5")
    assert item.score(body, {"text": "4.01", "value": 4.01}).credit == 0
    assert item.score(body, {"text": "", "value": None}).credit == 0
    assert item.score(body, {"text": "3.5"}).credit == 1  # value read again from the text when missing


def test_numeric_tolerance_is_exact_in_decimal():
    body = clean("numeric", {"answers": [{"value": 0.3, "tolerance": 0.1}]})
    assert ITEM_TYPES["numeric"].score(body, {"text": "0,4", "value": 0.4}).credit == 1
    assert ITEM_TYPES["numeric"].score(body, {"text": "0,2", "value": 0.2}).credit == 1


def test_numeric_parse():
    body, item = numeric(), ITEM_TYPES["numeric"]
    assert item.parse(body, {}, {f"{P}text": ["1.000,5"]}, P) == {"text": "1.000,5", "value": 1000.5}
    assert item.parse(body, {}, {f"{P}text": ["3,5 kg"]}, P) == {"text": "3,5 kg", "value": 3.5}
    assert item.parse(body, {}, {f"{P}text": ["ba rưỡi"]}, P) == {"text": "ba rưỡi", "value": None}
    assert item.parse(body, {}, {}, P) == {"text": "", "value": None}
    response = item.parse(body, {}, {f"{P}text": ["3,5"]}, P)
    assert item.score(body, response).credit == 1
    json.dumps(response)


def test_numeric_clean_body():
    body = clean("numeric", {"answers": [{"value": "3,5", "tolerance": "0,1"}]})
    assert body == {"answers": [{"value": 3.5, "tolerance": 0.1, "credit": 1, "feedback": ""}], "unit": ""}
    for bad in (
        {"answers": [{"value": "ba"}]},
        {"answers": [{"value": 1, "tolerance": -1}]},
        {"answers": [{"value": float("nan")}]},
        {"answers": [{"value": 1, "credit": 0.5}]},
        {"answers": []},
    ):
        with pytest.raises(ValidationError):
            clean("numeric", bad)


# --- matching -----------------------------------------------------------------------------------------------------


def test_matching_scores_the_fraction_of_right_pairs():
    body, item = matching(), ITEM_TYPES["matching"]
    assert item.score(body, {"pairs": {"p1": "p1", "p2": "p2", SECRET: SECRET}}).credit == 1
    assert item.score(body, {"pairs": {"p1": "p1", "p2": "x1"}}).credit == Decimal("0.3333")
    assert item.score(body, {"pairs": {"p1": "p2", "p2": "p1"}}).credit == 0
    assert item.score(body, {"pairs": {}}).credit == 0
    assert item.score(body, None).detail["pairs"]["p1"] == {"chosen": None, "correct": False}


def test_matching_round_trip_and_unknown_prompts():
    body, item = matching(), ITEM_TYPES["matching"]
    presentation = item.present(body, random.Random(11))
    public = item.public(body, presentation)
    answer_position = {answer["text"]: answer["position"] for answer in public["answers"]}
    own = {pair["prompt"]: pair["answer"] for pair in body["pairs"]}
    data = {f"{P}pair-{prompt['position']}": [answer_position[own[prompt["text"]]]] for prompt in public["prompts"]}
    response = item.parse(body, presentation, data, P)
    assert item.score(body, response).credit == 1
    selected = item.public(body, presentation, response)
    assert all(prompt["selected"] for prompt in selected["prompts"])
    assert item.parse(body, presentation, {}, P) == {"pairs": {}}
    for bad in ({f"{P}pair-4": ["1"]}, {f"{P}pair-x": ["1"]}, {f"{P}pair-1": ["5"]}, {f"{P}pair-1": ["one"]}):
        with pytest.raises(ResponseError):
            item.parse(body, presentation, bad, P)


def test_matching_shared_answers_are_shown_once_and_both_count():
    body = clean(
        "matching",
        {
            "pairs": [
                {"prompt": "Hà Nội", "answer": "Miền Bắc"},
                {"prompt": "Hải Phòng", "answer": "Miền Bắc"},
                {"prompt": "Cần Thơ", "answer": "Miền Nam"},
            ]
        },
    )
    item = ITEM_TYPES["matching"]
    presentation = item.present(body, random.Random(2))
    public = item.public(body, presentation)
    assert sorted(answer["text"] for answer in public["answers"]) == ["Miền Bắc", "Miền Nam"]
    north = next(answer["position"] for answer in public["answers"] if answer["text"] == "Miền Bắc")
    south = next(answer["position"] for answer in public["answers"] if answer["text"] == "Miền Nam")
    response = item.parse(body, presentation, {f"{P}pair-1": north, f"{P}pair-2": north, f"{P}pair-3": south}, P)
    assert item.score(body, response).credit == 1


def test_matching_clean_body_rejects():
    for bad in (
        {"pairs": [{"prompt": "a", "answer": "b"}]},
        {"pairs": [{"prompt": "a", "answer": "b"}, {"prompt": "a", "answer": "c"}]},
        {"pairs": [{"prompt": "a", "answer": ""}, {"prompt": "b", "answer": "c"}]},
        {"pairs": [{"prompt": "a", "answer": "b"}, {"prompt": "c", "answer": "d"}], "extra_answers": [{"text": "b"}]},
        {
            "pairs": [{"key": "k", "prompt": "a", "answer": "b"}, {"prompt": "c", "answer": "d"}],
            "extra_answers": [{"key": "k", "text": "e"}],
        },
    ):
        with pytest.raises(ValidationError):
            clean("matching", bad)


# --- ordering -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "credit"),
    [
        (["k0", "k1", "k2", "k3"], "1"),
        (["k1", "k0", "k2", "k3"], "0.6667"),  # longest in order: 3 -> 2/3
        (["k3", "k2", "k1", "k0"], "0"),
        (["k0", "k2", "k1", "k3"], "0.6667"),
        (["k1", "k2", "k3", "k0"], "0.6667"),
        (["k0", None, "k2"], "0.3333"),  # a partly placed answer
        ([], "0"),
    ],
)
def test_ordering_longest_subsequence(order, credit):
    assert ITEM_TYPES["ordering"].score(ordering(), {"order": order}).credit == Decimal(credit)


def test_ordering_presentation_is_never_already_right():
    body, item = ordering(2), ITEM_TYPES["ordering"]
    for seed in range(20):
        assert item.present(body, random.Random(seed))["items"] == ["k1", "k0"]


def test_ordering_parse():
    body, item = ordering(3), ITEM_TYPES["ordering"]
    presentation = item.present(body, random.Random(4))
    public = item.public(body, presentation)
    assert public["ranks"] == ["1", "2", "3"]
    right_rank = {"Bước 0": "1", "Bước 1": "2", "Bước 2": "3"}
    data = {f"{P}rank-{entry['position']}": [right_rank[entry["text"]]] for entry in public["items"]}
    response = item.parse(body, presentation, data, P)
    assert response == {"order": ["k0", "k1", "k2"]}
    assert item.score(body, response).credit == 1
    assert [entry["rank"] for entry in item.public(body, presentation, response)["items"]] == [
        right_rank[entry["text"]] for entry in public["items"]
    ]
    assert item.parse(body, presentation, {}, P) == {"order": []}
    partial = item.parse(body, presentation, {f"{P}rank-1": ["2"]}, P)
    assert partial["order"][0] is None and len(partial["order"]) == 2
    for bad in (
        {f"{P}rank-1": ["1"], f"{P}rank-2": ["1"]},  # the same place twice
        {f"{P}rank-1": ["4"]},
        {f"{P}rank-4": ["1"]},
        {f"{P}rank-1": ["đầu"]},
    ):
        with pytest.raises(ResponseError):
            item.parse(body, presentation, bad, P)


def test_ordering_clean_body_rejects():
    for bad in ({"items": [{"text": "a"}]}, {"items": [{"text": "a"}, {"text": "a"}]}, {"items": None}):
        with pytest.raises(ValidationError):
            clean("ordering", bad)


# --- cloze --------------------------------------------------------------------------------------------------------


def test_cloze_weighted_mean():
    body, item = cloze(), ITEM_TYPES["cloze"]
    assert item.score(body, {"blanks": {"cap": "ha noi", "river": "r1"}}).credit == 1
    assert item.score(body, {"blanks": {"cap": "ha noi", "river": SECRET}}).credit == Decimal("0.25")
    assert item.score(body, {"blanks": {"cap": "Huế", "river": "r1"}}).credit == Decimal("0.75")
    assert item.score(body, {"blanks": {}}).credit == 0
    detail = item.score(body, {"blanks": {"cap": "HÀ NỘI"}}).detail
    assert detail["blanks"]["cap"]["correct"] is True and detail["blanks"]["river"]["correct"] is False


def test_cloze_round_trip():
    body, item = cloze(), ITEM_TYPES["cloze"]
    presentation = item.present(body, random.Random(1))
    public = item.public(body, presentation)
    blanks = [segment for segment in public["segments"] if segment["type"] == "blank"]
    assert [blank["token"] for blank in blanks] == ["1", "2"]
    river = next(option["position"] for option in blanks[1]["options"] if option["text"] == "Sông Hồng")
    response = item.parse(body, presentation, {f"{P}blank-1": ["hà nội"], f"{P}blank-2": [river]}, P)
    assert response == {"blanks": {"cap": "hà nội", "river": "r1"}}
    assert item.score(body, response).credit == 1
    shown = item.public(body, presentation, response)
    assert shown["segments"][1]["value"] == "hà nội"
    assert item.parse(body, presentation, {}, P) == {"blanks": {}}
    for bad in (
        {f"{P}blank-3": ["x"]},
        {f"{P}blank-cap": ["x"]},
        {f"{P}blank-2": ["3"]},
        {f"{P}blank-1": ["x" * (MAX_TEXT + 1)]},
    ):
        with pytest.raises(ResponseError):
            item.parse(body, presentation, bad, P)


def test_cloze_clean_body_rejects():
    text_blank = {"key": "1", "answers": [{"text": "x"}]}
    for bad in (
        {"text": "Không có chỗ trống", "blanks": []},
        {"text": "[[1]] và [[2]]", "blanks": [text_blank]},  # [[2]] undescribed
        {"text": "[[1]] và [[1]]", "blanks": [text_blank]},  # used twice
        {"text": "[[1]]", "blanks": [text_blank, text_blank]},
        {"text": "[[1]]", "blanks": [{"key": "1", "mode": "list", "answers": [{"text": "x"}]}]},
        {"text": "[[1]]", "blanks": [{"key": "1", "mode": "choice", "options": [{"text": "x", "credit": 1}]}]},
        {"text": "[[1]]", "blanks": [{**text_blank, "weight": 0}]},
        {"text": "[[1]]", "blanks": [{"key": "1", "answers": [{"text": "x", "credit": 0.5}]}]},
    ):
        with pytest.raises(ValidationError):
            clean("cloze", bad)


# --- essay and practical ------------------------------------------------------------------------------------------


def test_essay_needs_an_examiner_unless_empty():
    body, item = essay(), ITEM_TYPES["essay"]
    assert item.score(body, {"text": "Em nghĩ rằng học số rất có ích."}) == Outcome(None, True, "", {"words": 8})
    assert item.score(body, {"text": "   "}) == Outcome(Decimal(0), False, "", {"words": 0})
    assert item.score(body, {"text": " Em  nghĩ rằng "}).credit == 0  # the template sent back unchanged
    assert item.score(body, None).needs_review is False
    assert item.parse(body, {}, {f"{P}text": ["Bài làm"]}, P) == {"text": "Bài làm"}
    assert item.parse(body, {}, {}, P) == {"text": ""}
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}text": ["x" * (MAX_TEXT + 1)]}, P)
    for bad in ({"min_words": -1}, {"min_words": 10, "max_words": 5}, {"max_words": "nhiều"}):
        with pytest.raises(ValidationError):
            clean("essay", bad)
    assert clean("essay", {}) == {"min_words": 0, "max_words": None, "response_template": ""}


def test_practical_upload():
    body, item = practical(), ITEM_TYPES["practical"]
    response = item.parse(body, {}, {f"{P}text": ["Ghi chú"], f"{P}file_meta": [dict(FILE, extra="bỏ")]}, P)
    assert response == {"text": "Ghi chú", "file": FILE}
    assert item.score(body, response) == Outcome(None, True, "", {"file": True})
    assert item.score(body, {"text": "", "file": None}).credit == 0
    assert item.parse(body, {}, {}, P) == {"text": "", "file": None}
    assert item.parse(body, {}, {f"{P}file_meta": FILE}, P)["file"] == FILE  # the dict itself also does
    for bad_file in (
        dict(FILE, content_type="application/x-msdownload"),
        dict(FILE, size=body["max_bytes"] + 1),
        dict(FILE, sha256="nope"),
        dict(FILE, size="1"),
        "ảnh.png",
    ):
        with pytest.raises(ResponseError):
            item.parse(body, {}, {f"{P}file_meta": [bad_file]}, P)


def test_practical_observed_always_waits_for_the_examiner():
    body, item = practical("observed"), ITEM_TYPES["practical"]
    assert item.score(body, None) == Outcome(None, True, "", {"file": False})
    with pytest.raises(ResponseError):
        item.parse(body, {}, {f"{P}file_meta": [FILE]}, P)


def test_practical_clean_body():
    assert clean("practical", {}) == {
        "mode": "upload",
        "instructions": "",
        "allowed_types": ["image/png", "image/jpeg", "application/pdf"],
        "max_bytes": 5242880,
    }
    for bad in ({"mode": "video"}, {"allowed_types": []}, {"allowed_types": ["pdf"]}, {"max_bytes": 0}):
        with pytest.raises(ValidationError):
            clean("practical", bad)


# --- What the browser sees ----------------------------------------------------------------------------------------

RESPONSES = {
    "single_choice": {"choice": "a"},
    "multiple_response": {"choices": ["a", "c"]},
    "true_false": {"value": True},
    "short_answer": {"text": "Ha Noi"},
    "numeric": {"text": "3", "value": 3.0},
    "matching": {"pairs": {"p1": "p1", "p2": SECRET}},
    "ordering": {"order": ["k1", "k0", "k2", "k3"]},
    "cloze": {"blanks": {"cap": "Huế", "river": SECRET}},
    "essay": {"text": "Một bài viết ngắn."},
    "practical": {"text": "", "file": FILE},
}


@pytest.mark.parametrize("kind", sorted(ITEM_TYPES))
def test_public_never_leaks_keys_credits_or_feedback(kind):
    body, item = BODIES[kind](), ITEM_TYPES[kind]
    presentation = item.present(body, random.Random(0))
    json.dumps(presentation)
    for response in (None, RESPONSES[kind]):
        shown = json.dumps(item.public(body, presentation, response), ensure_ascii=False)
        for secret in (
            SECRET,
            '"credit"',
            '"correct"',
            '"feedback',
            '"key"',
            "Đúng rồi",
            "Chưa đúng",
            "Giỏi",
            "chính xác",
        ):
            assert secret not in shown
    if kind == "ordering":
        assert '"k0"' not in shown
    if kind in ("single_choice", "multiple_response", "matching", "cloze"):
        for key in ('"a"', '"b"', '"c"', '"p1"', '"p2"', '"x1"', '"r1"', '"cap"', '"river"'):
            assert key not in shown


@pytest.mark.parametrize("kind", sorted(ITEM_TYPES))
def test_review_is_json_and_says_how_it_went(kind):
    body, item = BODIES[kind](), ITEM_TYPES[kind]
    presentation = item.present(body, random.Random(0))
    review = item.review(body, presentation, RESPONSES[kind])
    json.dumps(review)
    assert review["status"] in ("correct", "partial", "incorrect", "pending")
    assert item.review(body, presentation, None)["status"] in ("unanswered", "pending")


# --- Templates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(ITEM_TYPES))
def test_templates_render_the_form_and_the_review(kind):
    body, item = BODIES[kind](), ITEM_TYPES[kind]
    presentation = item.present(body, random.Random(0))
    response = RESPONSES[kind]
    form = render_to_string(
        item.template,
        {
            "item": item.public(body, presentation, response),
            "prefix": P,
            "response": response,
            "disabled": False,
            "review": None,
        },
    )
    assert SECRET not in form
    if kind == "practical":
        assert 'type="file"' in form and f'name="{P}file"' in form
    else:
        assert f'name="{P}' in form
    if kind in ("single_choice", "multiple_response", "true_false", "matching", "ordering", "cloze"):
        assert "<fieldset" in form and "<legend>" in form
    if kind in ("single_choice", "multiple_response", "true_false", "matching", "ordering"):
        assert "checked" in form or "selected" in form  # prefilled from the stored response
    # every control has a label
    assert form.count("<label") >= form.count("<input") + form.count("<select") + form.count("<textarea")
    disabled = render_to_string(
        item.template,
        {"item": item.public(body, presentation), "prefix": P, "response": None, "disabled": True, "review": None},
    )
    assert "disabled" in disabled or kind == "practical"
    reviewed = render_to_string(
        item.template,
        {
            "item": item.public(body, presentation, response),
            "prefix": P,
            "response": response,
            "disabled": True,
            "review": item.review(body, presentation, response),
        },
    )
    assert "<input" not in reviewed and "<select" not in reviewed and "<textarea" not in reviewed
    assert "item-outcome" in reviewed


def test_review_marks_are_words_not_only_colour():
    body, item = single_choice(), ITEM_TYPES["single_choice"]
    presentation = item.present(body, random.Random(0))
    html = render_to_string(
        item.template,
        {
            "item": {},
            "prefix": P,
            "response": {"choice": SECRET},
            "disabled": True,
            "review": item.review(body, presentation, {"choice": SECRET}),
        },
    )
    assert "✗" in html and "✓" in html and "Chưa đúng" in html  # the chosen option's feedback
    assert "Cố đô" not in html  # feedback of options not chosen stays hidden


def test_templates_escape_texts():
    body = clean("single_choice", {"options": [{"text": "<b>x</b>", "credit": 1}, {"text": "y"}]})
    item = ITEM_TYPES["single_choice"]
    html = render_to_string(
        item.template,
        {
            "item": item.public(body, item.present(body, random.Random(0))),
            "prefix": P,
            "response": None,
            "disabled": False,
            "review": None,
        },
    )
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


# --- Properties ---------------------------------------------------------------------------------------------------
# database=None: no .hypothesis/ example database is written into the checkout


def vietnamese_alphabet():
    """Every letter of Vietnamese, precomposed, both cases, and a space."""
    letters = set("bcdđghklmnpqrstvx")
    for vowel in "aăâeêioôơuưy":
        letters.add(vowel)
        letters.update(unicodedata.normalize("NFC", vowel + mark) for mark in "\u0300\u0301\u0309\u0303\u0323")
    return "".join(sorted(letters | {letter.upper() for letter in letters})) + " "


texts = st.text(alphabet=vietnamese_alphabet(), min_size=1, max_size=12)


def distinct_texts(min_size, max_size):
    return st.lists(
        texts.map(str.strip).filter(bool),
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda t: unicodedata.normalize("NFC", t),
    )


@settings(max_examples=60, deadline=None, database=None)
@given(
    flags=st.lists(st.booleans(), min_size=2, max_size=8).filter(any),
    picked=st.lists(st.booleans(), min_size=8, max_size=8),
    seed=st.integers(0, 10**6),
)
def test_property_multiple_response_partial_within_bounds(flags, picked, seed):
    body = clean(
        "multiple_response", {"options": [{"text": f"Lựa chọn {i}", "correct": c} for i, c in enumerate(flags)]}
    )
    item = ITEM_TYPES["multiple_response"]
    choices = [option["key"] for option, pick in zip(body["options"], picked, strict=False) if pick]
    credit = item.score(body, {"choices": choices}).credit
    assert Decimal(0) <= credit <= Decimal(1)
    right = [option["key"] for option in body["options"] if option["correct"]]
    # the right answer, chosen through a shuffled presentation, always scores 1
    presentation = item.present(body, random.Random(seed))
    public = item.public(body, presentation)
    texts_by_key = {option["key"]: option["text"] for option in body["options"]}
    tokens = positions_of(public["options"], right, texts_by_key)
    assert item.score(body, item.parse(body, presentation, {f"{P}choices": tokens}, P)).credit == 1


@settings(max_examples=60, deadline=None, database=None)
@given(
    credits=st.lists(st.decimals(0, 1, places=4), min_size=1, max_size=6),
    seed=st.integers(0, 10**6),
    pick=st.integers(0, 6),
)
def test_property_single_choice(credits, seed, pick):
    options = [{"text": f"Đáp án {i}", "credit": str(c)} for i, c in enumerate([*credits, Decimal(1)])]
    body, item = clean("single_choice", {"options": options}), ITEM_TYPES["single_choice"]
    presentation = item.present(body, random.Random(seed))
    public = item.public(body, presentation)
    token = public["options"][pick % len(public["options"])]["position"]
    outcome = item.score(body, item.parse(body, presentation, {f"{P}choice": [token]}, P))
    assert Decimal(0) <= outcome.credit <= Decimal(1)
    best = next(option["position"] for option in public["options"] if option["text"] == f"Đáp án {len(credits)}")
    assert item.score(body, item.parse(body, presentation, {f"{P}choice": [best]}, P)).credit == 1


@settings(max_examples=80, deadline=None, database=None)
@given(n=st.integers(2, 9), data=st.data())
def test_property_ordering_credit_is_one_iff_exact(n, data):
    body, item = ordering(n), ITEM_TYPES["ordering"]
    keys = [entry["key"] for entry in body["items"]]
    order = data.draw(st.permutations(keys))
    credit = item.score(body, {"order": list(order)}).credit
    assert Decimal(0) <= credit <= Decimal(1)
    assert (credit == 1) is (list(order) == keys)
    # the right order typed into a shuffled presentation scores 1
    presentation = item.present(body, random.Random(data.draw(st.integers(0, 10**6))))
    public = item.public(body, presentation)
    form = {f"{P}rank-{entry['position']}": [str(int(entry["text"].split()[-1]) + 1)] for entry in public["items"]}
    assert item.score(body, item.parse(body, presentation, form, P)).credit == 1


@settings(max_examples=50, deadline=None, database=None)
@given(prompts=distinct_texts(2, 6), extra=st.booleans(), seed=st.integers(0, 10**6), data=st.data())
def test_property_matching(prompts, extra, seed, data):
    pairs = [{"prompt": prompt, "answer": f"Đáp {i}"} for i, prompt in enumerate(prompts)]
    body = clean("matching", {"pairs": pairs, "extra_answers": [{"text": "Thừa"}] if extra else []})
    item = ITEM_TYPES["matching"]
    presentation = item.present(body, random.Random(seed))
    public = item.public(body, presentation)
    answer_at = {answer["text"]: answer["position"] for answer in public["answers"]}
    own = {pair["prompt"]: pair["answer"] for pair in body["pairs"]}
    right = {f"{P}pair-{prompt['position']}": [answer_at[own[prompt["text"]]]] for prompt in public["prompts"]}
    assert item.score(body, item.parse(body, presentation, right, P)).credit == 1
    random_answers = {
        f"{P}pair-{prompt['position']}": [data.draw(st.sampled_from([*answer_at.values(), ""]))]
        for prompt in public["prompts"]
    }
    credit = item.score(body, item.parse(body, presentation, random_answers, P)).credit
    assert Decimal(0) <= credit <= Decimal(1)


@settings(max_examples=100, deadline=None, database=None)
@given(accepted=texts, typed=st.text(max_size=40))
def test_property_short_answer_credit_within_bounds_and_self_match(accepted, typed):
    accepted = accepted.strip() or "x"
    body = clean("short_answer", {"answers": [{"text": accepted.replace("*", "") or "x"}]})
    item = ITEM_TYPES["short_answer"]
    assert Decimal(0) <= item.score(body, {"text": typed}).credit <= Decimal(1)
    answer = body["answers"][0]["text"]
    for variant in (answer, answer.upper(), unicodedata.normalize("NFD", answer), f"  {answer} "):
        assert item.score(body, item.parse(body, {}, {f"{P}text": [variant]}, P)).credit == 1


@settings(max_examples=100, deadline=None, database=None)
@given(value=st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_property_numbers_in_both_notations(value):
    english = f"{value:,.3f}"
    vietnamese = english.replace(",", "_").replace(".", ",").replace("_", ".")
    plain = f"{value:.3f}"
    for typed in (english, vietnamese, plain, plain.replace(".", ",")):
        assert parse_number(typed) == value, typed


@settings(max_examples=60, deadline=None, database=None)
@given(
    weights=st.lists(st.integers(1, 5), min_size=1, max_size=4),
    picks=st.lists(st.booleans(), min_size=4, max_size=4),
    seed=st.integers(0, 10**6),
)
def test_property_cloze_weighted_mean(weights, picks, seed):
    blanks = [
        {
            "key": f"b{i}",
            "mode": "choice",
            "options": [{"text": "đúng", "credit": 1}, {"text": "sai"}],
            "weight": w,
            "shuffle": True,
        }
        for i, w in enumerate(weights)
    ]
    text = " ".join(f"[[b{i}]]" for i in range(len(weights)))
    body, item = clean("cloze", {"text": text, "blanks": blanks}), ITEM_TYPES["cloze"]
    presentation = item.present(body, random.Random(seed))
    public = item.public(body, presentation)
    form = {}
    for segment, pick in zip([s for s in public["segments"] if s["type"] == "blank"], picks, strict=False):
        wanted = "đúng" if pick else "sai"
        form[f"{P}blank-{segment['token']}"] = [next(o["position"] for o in segment["options"] if o["text"] == wanted)]
    credit = item.score(body, item.parse(body, presentation, form, P)).credit
    expected = Decimal(sum(w for w, pick in zip(weights, picks, strict=False) if pick)) / Decimal(sum(weights))
    assert credit == expected.quantize(Decimal("0.0001"))
    assert Decimal(0) <= credit <= Decimal(1)


@settings(max_examples=200, deadline=None, database=None)
@given(
    noise=st.dictionaries(
        st.sampled_from(
            [
                f"{P}choice",
                f"{P}choices",
                f"{P}text",
                f"{P}value",
                f"{P}pair-1",
                f"{P}rank-1",
                f"{P}blank-1",
                f"{P}pair-9",
            ]
        ),
        st.lists(st.text(max_size=8), max_size=3),
    )
)
def test_property_parse_never_crashes_on_noise(noise):
    for kind, item in ITEM_TYPES.items():
        body = BODIES[kind]()
        presentation = item.present(body, random.Random(0))
        try:
            response = item.parse(body, presentation, noise, P)
        except ResponseError:
            continue
        json.dumps(response)
        outcome = item.score(body, response)
        assert outcome.credit is None or Decimal(0) <= outcome.credit <= Decimal(1)

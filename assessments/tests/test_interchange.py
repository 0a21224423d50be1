"""GIFT and Moodle XML import, Moodle XML export (assessments.interchange)."""

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from defusedxml import ElementTree as ET

from assessments.interchange import ImportProblem, ItemDraft, export_moodle_xml, parse_gift, parse_moodle_xml
from assessments.interchange._common import MOODLE_FRACTIONS

DATA = Path(__file__).parent / "data"


def one(text):
    drafts, problems = parse_gift(text)
    assert problems == [], problems
    assert len(drafts) == 1, drafts
    return drafts[0]


def problem(text):
    drafts, problems = parse_gift(text)
    assert drafts == []
    assert len(problems) == 1, problems
    return problems[0]


# --------------------------------------------------------------------------------------------------------------
# GIFT


def test_gift_single_choice_with_feedback_and_general_feedback():
    draft = one("::Thủ đô::Thủ đô của Việt Nam là gì? {=Hà Nội#Đúng rồi ~Huế#Cố đô ~Đà Nẵng ####Từ năm 1010}")
    assert draft.kind == "single_choice"
    assert draft.title == "Thủ đô"
    assert draft.stem == "Thủ đô của Việt Nam là gì?"
    assert draft.general_feedback == "Từ năm 1010"
    assert draft.body == {
        "options": [
            {"key": "a", "text": "Hà Nội", "credit": Decimal(1), "feedback": "Đúng rồi"},
            {"key": "b", "text": "Huế", "credit": Decimal(0), "feedback": "Cố đô"},
            {"key": "c", "text": "Đà Nẵng", "credit": Decimal(0), "feedback": ""},
        ],
        "shuffle": True,
    }
    assert draft.line == 1
    assert draft.default_weight == 1


def test_gift_partial_credit_keeps_single_choice():
    draft = one("Chọn {=Đúng ~%50%Gần đúng ~%33.33333%Một phần ~%-100%Sai hẳn}")
    assert draft.kind == "single_choice"
    assert [o["credit"] for o in draft.body["options"]] == [
        Decimal(1),
        Decimal("0.5"),
        Decimal("0.3333333"),
        Decimal(0),
    ]


def test_gift_several_positive_weights_make_multiple_response():
    draft = one("Chọn các ý đúng {~%50%Một ~%50%Hai ~%-100%Ba#Không phải}")
    assert draft.kind == "multiple_response"
    assert draft.body["scoring"] == "partial"
    assert [(o["key"], o["correct"]) for o in draft.body["options"]] == [("a", True), ("b", True), ("c", False)]
    assert draft.body["options"][2]["feedback"] == "Không phải"


def test_gift_single_full_weight_without_equals_is_single_choice():
    draft = one("Chọn {~%100%Một ~Hai}")
    assert draft.kind == "single_choice"
    assert draft.body["options"][0]["credit"] == 1


@pytest.mark.parametrize(
    ("answer", "correct", "feedback_true", "feedback_false"),
    [
        ("{T}", True, "", ""),
        ("{TRUE}", True, "", ""),
        ("{F}", False, "", ""),
        ("{FALSE}", False, "", ""),
        ("{T#Sai rồi#Chính xác}", True, "Chính xác", "Sai rồi"),
        ("{FALSE#Sai rồi#Chính xác}", False, "Sai rồi", "Chính xác"),
    ],
)
def test_gift_true_false(answer, correct, feedback_true, feedback_false):
    draft = one("Trái Đất quay quanh Mặt Trời." + answer)
    assert draft.kind == "true_false"
    assert draft.body == {"correct": correct, "feedback_true": feedback_true, "feedback_false": feedback_false}


def test_gift_short_answer():
    draft = one("Thủ đô của Việt Nam? {=Hà Nội =%50%Ha Noi#Nhớ gõ dấu}")
    assert draft.kind == "short_answer"
    assert draft.body == {
        "answers": [
            {"text": "Hà Nội", "credit": Decimal(1), "feedback": ""},
            {"text": "Ha Noi", "credit": Decimal("0.5"), "feedback": "Nhớ gõ dấu"},
        ],
        "case_sensitive": False,
        "diacritics": "optional",
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("{#3.5:0.1}", [(3.5, 0.1, Decimal(1))]),
        ("{#3,5}", [(3.5, 0.0, Decimal(1))]),
        ("{#1..5}", [(3.0, 2.0, Decimal(1))]),
        ("{#-2}", [(-2.0, 0.0, Decimal(1))]),
        ("{#=1997:0 =%50%1997:2#Gần đúng}", [(1997.0, 0.0, Decimal(1)), (1997.0, 2.0, Decimal("0.5"))]),
        ("{#\n=10\n=%25%9..11\n~#Xem lại}", [(10.0, 0.0, Decimal(1)), (10.0, 1.0, Decimal("0.25"))]),
    ],
)
def test_gift_numeric(answer, expected):
    draft = one("Bao nhiêu? " + answer)
    assert draft.kind == "numeric"
    assert [(a["value"], a["tolerance"], a["credit"]) for a in draft.body["answers"]] == expected
    assert draft.body["unit"] == ""


def test_gift_numeric_feedback():
    draft = one("Năm? {#=1997:0#Chính xác =%50%1997:2#Gần đúng}")
    assert [a["feedback"] for a in draft.body["answers"]] == ["Chính xác", "Gần đúng"]


def test_gift_matching_with_extra_answer():
    draft = one("Ghép {\n=Wi-Fi -> Mạng không dây\n=GPS -> Định vị\n= -> Sạc nhanh\n}")
    assert draft.kind == "matching"
    assert draft.body == {
        "pairs": [
            {"key": "a", "prompt": "Wi-Fi", "answer": "Mạng không dây"},
            {"key": "b", "prompt": "GPS", "answer": "Định vị"},
        ],
        "extra_answers": [{"key": "c", "text": "Sạc nhanh"}],
        "shuffle": True,
    }


def test_gift_essay():
    draft = one("::Luận::Kể về một lần bạn dùng dịch vụ công trực tuyến. {}")
    assert draft.kind == "essay"
    assert draft.body == {"min_words": 0, "max_words": None, "response_template": ""}
    essay = one("Viết đoạn văn {####Chấm theo thang điểm 10}")
    assert essay.kind == "essay"
    assert essay.general_feedback == "Chấm theo thang điểm 10"


def test_gift_missing_word_choice_becomes_cloze():
    draft = one("::OTP::Mã OTP {=chỉ dùng một lần ~dùng mãi} và không đưa cho ai.")
    assert draft.kind == "cloze"
    assert draft.stem == ""
    assert draft.title == "OTP"
    assert draft.body == {
        "text": "Mã OTP [[1]] và không đưa cho ai.",
        "blanks": [
            {
                "key": "1",
                "mode": "choice",
                "answers": [],
                "options": [
                    {"key": "a", "text": "chỉ dùng một lần", "credit": Decimal(1)},
                    {"key": "b", "text": "dùng mãi", "credit": Decimal(0)},
                ],
                "weight": 1,
            }
        ],
        "case_sensitive": False,
        "diacritics": "optional",
    }


def test_gift_missing_word_short_answer_becomes_text_blank():
    draft = one("Tên miền Việt Nam là dichvucong.gov{=.vn =%50%vn}, hãy gõ đúng.")
    assert draft.kind == "cloze"
    assert draft.body["text"] == "Tên miền Việt Nam là dichvucong.gov[[1]], hãy gõ đúng."
    blank = draft.body["blanks"][0]
    assert blank["mode"] == "text"
    assert blank["answers"] == [{"text": ".vn", "credit": Decimal(1)}, {"text": "vn", "credit": Decimal("0.5")}]
    assert draft.title == "Tên miền Việt Nam là dichvucong.gov_____, hãy gõ đúng."


def test_gift_missing_word_of_another_kind_keeps_a_gap_in_the_stem():
    draft = one("Năm {#1997} Internet vào Việt Nam.")
    assert draft.kind == "numeric"
    assert draft.stem == "Năm _____ Internet vào Việt Nam."


def test_gift_title_and_generated_title():
    assert one("::  Câu 1 ::Hỏi {T}").title == "Câu 1"
    long = one("Câu hỏi rất dài " * 10 + "{T}")
    assert long.title.endswith("…")
    assert len(long.title) <= 61


def test_gift_format_markers():
    html = one("[html]<p>Chọn <b>một</b></p>{=<i>A</i> ~B}")
    assert html.stem == "<p>Chọn <b>một</b></p>"
    assert html.body["options"][0]["text"] == "A"
    plain = one("[plain]1 < 2 & 3 > 2\ndòng hai{T}")
    assert plain.stem == "1 &lt; 2 &amp; 3 &gt; 2<br>dòng hai"
    markdown = one("::M::[markdown]**đậm** <b>{T}")
    assert markdown.stem == "**đậm** &lt;b&gt;"
    default = one("a <script>x</script>{T}")
    assert default.stem == "a &lt;script&gt;x&lt;/script&gt;"


def test_gift_category_lines_and_comment_tags():
    drafts, problems = parse_gift(
        "$CATEGORY: $course$/top/Kỹ năng số/Chương 1\n\n"
        "// [tag:dễ] [tag:internet] [id:Q1]\n"
        "Câu một {T}\n\n"
        "Câu hai {F}\n\n"
        "$CATEGORY: $course$/top/Kỹ năng số/Chương 2\n"
        "Câu ba {T}\n"
    )
    assert problems == []
    assert [d.tags for d in drafts] == [
        ["category:Kỹ năng số/Chương 1", "dễ", "internet"],
        ["category:Kỹ năng số/Chương 1"],
        ["category:Kỹ năng số/Chương 2"],
    ]
    assert [d.line for d in drafts] == [4, 6, 9]


def test_gift_comments_are_ignored():
    drafts, problems = parse_gift("// chú thích {không phải câu hỏi}\n// dòng hai\n\nCâu {T}\n// giữa câu\n")
    assert problems == []
    assert len(drafts) == 1
    assert drafts[0].line == 4


def test_gift_escapes():
    draft = one(r"::Ký tự \: đặc biệt::Gõ \{ \} \= \~ \# và \\ {=a\=b#ok\#1 ~c\~d}")
    assert draft.title == "Ký tự : đặc biệt"
    assert draft.stem == "Gõ { } = ~ # và \\"
    assert [(o["text"], o["feedback"]) for o in draft.body["options"]] == [("a=b", "ok#1"), ("c~d", "")]


def test_gift_escaped_newline():
    assert one(r"Dòng một\ndòng hai {T}").stem == "Dòng một<br>dòng hai"


def test_gift_multiline_question_and_line_numbers():
    drafts, problems = parse_gift("\n\n::A::Câu một {\n=x\n~y\n}\n\n\n::B::\nCâu\nhai {T}\n")
    assert problems == []
    assert [(d.title, d.line) for d in drafts] == [("A", 3), ("B", 9)]
    assert drafts[1].stem == "Câu<br>hai"


def test_gift_bom_and_crlf():
    text = "\ufeff::A::Câu một {T}\r\n\r\n::B::Câu hai {=x ~y}\r\n"
    for source in (text, text.encode("utf-8"), text.lstrip("\ufeff").encode("utf-8")):
        drafts, problems = parse_gift(source)
        assert problems == []
        assert [(d.title, d.line, d.kind) for d in drafts] == [("A", 1, "true_false"), ("B", 3, "single_choice")]
        assert drafts[0].stem == "Câu một"


def test_gift_not_utf8():
    drafts, problems = parse_gift("Câu một {T}\n\nCâu hai {T}".encode("utf-16-le"))
    assert drafts == []
    assert len(problems) == 1


def test_gift_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "::Tiếng Việt::Thủ đô là gì? {=Hà Nội ~Huế}")
    assert nfd != unicodedata.normalize("NFC", nfd)
    draft = one(nfd)
    for text in (draft.title, draft.stem, draft.body["options"][0]["text"]):
        assert unicodedata.is_normalized("NFC", text)
    assert draft.body["options"][0]["text"] == "Hà Nội"
    assert draft.stem == "Thủ đô là gì?"


def test_gift_bad_questions_are_reported_and_the_rest_imported():
    text = (
        "::Q1:: Câu đúng một {=a ~b}\n"
        "\n"
        "::Q2:: Câu hỏng vì thiếu ngoặc {=a ~b\n"
        "~c\n"
        "\n"
        "::Q3:: Câu đúng hai {T}\n"
        "\n"
        "// lỗi: không có đáp án đúng\n"
        "::Q4:: Câu hỏng {~a ~b}\n"
        "\n"
        "::Q5:: Câu đúng ba {#2}\n"
    )
    drafts, problems = parse_gift(text)
    assert [d.title for d in drafts] == ["Q1", "Q3", "Q5"]
    assert [d.line for d in drafts] == [1, 6, 11]
    assert [p.line for p in problems] == [3, 9]
    assert all(isinstance(p, ImportProblem) for p in problems)
    assert "3" in problems[0].message
    assert "9" in problems[1].message


@pytest.mark.parametrize(
    "source",
    [
        "Câu {=a ~b",  # unclosed brace
        "Câu =a ~b}",  # closing without opening
        "Câu không có phần đáp án",
        "Câu {~a ~b ~c}",  # no correct answer
        "Câu {~%50%a ~b}",  # nothing fully correct
        "Câu {=a ~}",  # empty answer
        "Câu {=}",  # empty answer
        "Câu {#}",  # empty list
        "Câu {#abc}",  # bad number
        "Câu {#1:-1}",  # negative tolerance
        "Câu {#5..1}",  # reversed range
        "Câu {=a -> b}",  # one matching pair
        "Câu {=a -> b =c}",  # pair without ->
        "Câu {Hà Nội}",  # unknown syntax
        "Câu {x =a ~b}",  # text before the first marker
        "Câu {~%abc%a =b}",  # bad weight
        "Câu {~=a}",  # one option
        "Câu {=a ~b} và {=c ~d}",  # two answer blocks
        "::Tiêu đề chưa đóng Câu {T}",
        "{T}",  # empty question text
    ],
)
def test_gift_malformed_question_is_a_problem_with_its_line(source):
    drafts, problems = parse_gift("// đầu tệp\n\n" + source + "\n\nCâu tiếp theo vẫn được đọc {T}\n")
    assert [d.line for d in drafts] == [5]
    assert len(problems) == 1
    assert problems[0].line == 3
    assert problems[0].message.startswith("Line 3:") or problems[0].message.startswith("Dòng 3:")


def test_gift_messages_are_translated_to_vietnamese():
    """Editors read the problems in Vietnamese, from the project's catalogue."""
    from django.utils import translation

    source = "\n" * 11 + "Câu {~a ~b}"
    with translation.override("vi"):
        message = parse_gift(source)[1][0].message
    assert message == "Dòng 12: câu hỏi không có đáp án đúng."


def test_gift_sample_file():
    drafts, problems = parse_gift((DATA / "sample.gift").read_bytes())
    assert problems == []
    assert [d.kind for d in drafts] == [
        "single_choice",
        "true_false",
        "short_answer",
        "numeric",
        "numeric",
        "numeric",
        "matching",
        "multiple_response",
        "cloze",
        "cloze",
        "essay",
        "single_choice",
        "short_answer",
    ]
    by_title = {d.title: d for d in drafts}
    assert by_title["Trình duyệt"].tags == ["category:Kỹ năng số cơ bản/Thiết bị và Internet", "internet", "dễ"]
    assert by_title["Dấu hiệu lừa đảo"].tags == ["category:Kỹ năng số cơ bản/An toàn thông tin"]
    assert [o["text"] for o in by_title["Ký tự đặc biệt"].body["options"]] == ["=", "#", "~"]
    assert by_title["Kinh nghiệm"].stem.startswith("<p>Hãy kể lại <strong>")
    assert all(d.line > 0 for d in drafts)


# --------------------------------------------------------------------------------------------------------------
# Moodle XML


def xml(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n").encode()


def q(qtype: str, inner: str, text: str = "Câu hỏi", fmt: str = "html") -> str:
    return (
        f'<question type="{qtype}">\n<name><text>T</text></name>\n'
        f'<questiontext format="{fmt}"><text><![CDATA[{text}]]></text></questiontext>\n{inner}\n</question>'
    )


@pytest.fixture(scope="module")
def sample():
    drafts, problems = parse_moodle_xml((DATA / "sample.xml").read_bytes())
    return {d.title: d for d in drafts}, problems


def test_xml_sample_reports_unsupported_and_embedded_files(sample):
    _by_title, problems = sample
    assert [(p.line, "description" in p.message) for p in problems] == [(344, True), (360, False)]


def test_xml_sample_single_choice(sample):
    draft = sample[0]["Mật khẩu mạnh"]
    assert draft.kind == "single_choice"
    assert draft.stem == "<p>Mật khẩu nào dưới đây <strong>mạnh nhất</strong>?</p>"
    assert draft.general_feedback == "Mật khẩu mạnh dài, trộn chữ hoa, chữ thường, số và ký hiệu."
    assert draft.default_weight == 2
    assert draft.tags == ["category:Kỹ năng số cơ bản/An toàn thông tin", "mật khẩu"]
    assert draft.line == 15
    assert draft.body["shuffle"] is True
    assert [(o["key"], o["text"], o["credit"]) for o in draft.body["options"]] == [
        ("a", "Tr@ng-Sen_2024!", Decimal(1)),
        ("b", "hanoi2024", Decimal("0.3333333")),
        ("c", "123456", Decimal(0)),
    ]
    assert draft.body["options"][0]["feedback"] == "Đúng: dài và đủ loại ký tự."


def test_xml_sample_multiple_response(sample):
    draft = sample[0]["Dấu hiệu lừa đảo"]
    assert draft.kind == "multiple_response"
    assert draft.body["scoring"] == "partial"
    assert draft.body["shuffle"] is False
    assert [o["correct"] for o in draft.body["options"]] == [True, True, True, False]
    # moodle_auto_format text is escaped and its line breaks kept
    assert draft.stem == "Những dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo?<br>Chọn tất cả các ý đúng."


def test_xml_sample_true_false(sample):
    draft = sample[0]["Chia sẻ OTP"]
    assert draft.kind == "true_false"
    assert draft.body == {
        "correct": False,
        "feedback_true": "Sai: ngân hàng không bao giờ hỏi OTP.",
        "feedback_false": "Đúng: không đưa OTP cho ai.",
    }


def test_xml_sample_short_answer(sample):
    draft = sample[0]["Cổng dịch vụ công"]
    assert draft.kind == "short_answer"
    assert draft.body["case_sensitive"] is True
    assert [(a["text"], a["credit"]) for a in draft.body["answers"]] == [
        ("VNeID", Decimal(1)),
        ("VNEID", Decimal("0.5")),
    ]


def test_xml_sample_numeric(sample):
    draft = sample[0]["Dung lượng"]
    assert draft.kind == "numeric"
    assert draft.body["unit"] == "MB"
    assert [(a["value"], a["tolerance"], a["credit"]) for a in draft.body["answers"]] == [
        (1024.0, 0.0, Decimal(1)),
        (1000.0, 0.0, Decimal("0.5")),
    ]


def test_xml_sample_matching(sample):
    draft = sample[0]["Ghép ứng dụng"]
    assert draft.kind == "matching"
    assert [(p["key"], p["prompt"], p["answer"]) for p in draft.body["pairs"]] == [
        ("a", "Nộp hồ sơ trực tuyến", "Cổng Dịch vụ công quốc gia"),
        ("b", "Khai báo định danh điện tử", "VNeID"),
        ("c", "Thanh toán hóa đơn điện", "Ứng dụng ngân hàng"),
    ]
    assert draft.body["extra_answers"] == [{"key": "d", "text": "Trò chơi điện tử"}]


def test_xml_sample_essay(sample):
    draft = sample[0]["Trải nghiệm"]
    assert draft.kind == "essay"
    assert draft.body == {"min_words": 50, "max_words": 300, "response_template": "Dịch vụ:\nKết quả:"}
    assert draft.default_weight == 5


def test_xml_sample_ordering(sample):
    draft = sample[0]["Các bước gửi thư điện tử"]
    assert draft.kind == "ordering"
    assert [i["text"] for i in draft.body["items"]] == ["Nhập địa chỉ người nhận", "Soạn nội dung", "Bấm Gửi"]


def test_xml_sample_cloze(sample):
    draft = sample[0]["Điền vào chỗ trống"]
    assert draft.kind == "cloze"
    assert draft.stem == ""
    assert draft.body["text"] == "<p>Thủ đô của Việt Nam là [[1]], còn thành phố lớn nhất là [[2]].</p>"
    text_blank, choice_blank = draft.body["blanks"]
    assert text_blank["mode"] == "text"
    assert text_blank["answers"] == [
        {"text": "Hà Nội", "credit": Decimal(1)},
        {"text": "Ha Noi", "credit": Decimal("0.5")},
    ]
    assert choice_blank["mode"] == "choice"
    assert choice_blank["weight"] == 2
    assert [(o["text"], o["credit"]) for o in choice_blank["options"]] == [
        ("TP. Hồ Chí Minh", Decimal(1)),
        ("Đà Nẵng", Decimal(0)),
        ("Hải Phòng", Decimal(0)),
    ]


def test_xml_sample_gapselect(sample):
    draft = sample[0]["Chọn từ"]
    assert draft.kind == "cloze"
    assert draft.body["text"] == "<p>Để gọi video ta dùng [[1]], để soạn văn bản ta dùng [[2]].</p>"
    assert [[(o["text"], o["credit"]) for o in b["options"]] for b in draft.body["blanks"]] == [
        [("Zalo", 1), ("Word", 0), ("Excel", 0)],
        [("Zalo", 0), ("Word", 1), ("Excel", 0)],
    ]


def test_xml_sample_upload_essay_is_practical(sample):
    draft = sample[0]["Ảnh chụp màn hình"]
    assert draft.kind == "practical"
    assert draft.body == {
        "mode": "upload",
        "instructions": "",
        "allowed_types": ["image/png", "image/jpeg"],
        "max_bytes": 1048576,
    }


def test_xml_multichoiceset_is_all_or_nothing():
    answers = '<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer>'
    answers += '<answer fraction="0"><text>c</text></answer>'
    drafts, problems = parse_moodle_xml(xml(q("multichoiceset", answers)))
    assert problems == []
    assert drafts[0].kind == "multiple_response"
    assert drafts[0].body["scoring"] == "all_or_nothing"


def test_xml_ddwtos_and_cloze_variants():
    ddwtos = q(
        "ddwtos",
        "<dragbox><text>xanh</text><group>1</group></dragbox><dragbox><text>đỏ</text><group>1</group></dragbox>"
        "<dragbox><text>mèo</text><group>2</group></dragbox><dragbox><text>chó</text><group>2</group></dragbox>",
        text="Lá màu [[1]], con [[4]] sủa.",
    )
    cloze = q("cloze", "", text="Số {1:NUMERICAL:=42} và chữ {1:SAC:=ABC} và {:MCS:=x~y}")
    drafts, problems = parse_moodle_xml(xml(ddwtos, cloze))
    assert problems == []
    assert drafts[0].body["text"] == "Lá màu [[1]], con [[2]] sủa."
    assert [[o["text"] for o in b["options"]] for b in drafts[0].body["blanks"]] == [["xanh", "đỏ"], ["mèo", "chó"]]
    assert [[o["credit"] for o in b["options"]] for b in drafts[0].body["blanks"]] == [[1, 0], [0, 1]]
    body = drafts[1].body
    assert body["text"] == "Số [[1]] và chữ [[2]] và [[3]]"
    assert body["blanks"][0]["answers"] == [{"text": "42", "credit": Decimal(1)}]
    assert body["case_sensitive"] is True
    assert body["blanks"][2]["mode"] == "choice"


def test_xml_unsupported_cloze_blank_is_a_problem():
    drafts, problems = parse_moodle_xml(
        xml(q("cloze", "", text="{1:MULTIRESPONSE:=a~=b~c}"), q("cloze", "", text="{1:NM:=4:1}"))
    )
    assert drafts == []
    assert [p.line for p in problems] == [3, 8]


def test_xml_line_numbers_and_bad_questions_continue():
    bad_choice = q(
        "multichoice", '<answer fraction="0"><text>a</text></answer><answer fraction="0"><text>b</text></answer>'
    )
    good = q(
        "truefalse", '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
    )
    bad_matching = q("matching", "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>")
    unsupported = q("calculated", "")
    drafts, problems = parse_moodle_xml(xml(bad_choice, good, bad_matching, unsupported, good))
    assert [d.line for d in drafts] == [8, 23]
    assert [p.line for p in problems] == [3, 13, 18]
    assert problems[0].message.startswith("Line 3:") or problems[0].message.startswith("Dòng 3:")
    assert "calculated" in problems[2].message


def test_xml_malformed_file_reports_the_xml_error_line():
    data = b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n<name><text>x</name>\n</question>\n</quiz>'
    drafts, problems = parse_moodle_xml(data)
    assert drafts == []
    assert len(problems) == 1
    assert problems[0].line == 4


def test_xml_empty_and_foreign_files():
    assert parse_moodle_xml(b"  \n")[1][0].line == 1
    drafts, problems = parse_moodle_xml(b"<html><body>no</body></html>")
    assert drafts == []
    assert len(problems) == 1


def test_xml_entity_bomb_is_refused_not_expanded():
    bomb = (
        b'<?xml version="1.0"?>\n'
        b"<!DOCTYPE quiz [\n"
        b' <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        b' <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\n'
        b"]>\n"
        b'<quiz><question type="shortanswer"><name><text>&lol9;</text></name></question></quiz>'
    )
    drafts, problems = parse_moodle_xml(bomb)
    assert drafts == []
    assert len(problems) == 1
    assert problems[0].line == 2
    assert "lol" not in problems[0].message


def test_xml_external_entity_is_refused():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<quiz><question type="essay"><name><text>&xxe;</text></name></question></quiz>'
    )
    drafts, problems = parse_moodle_xml(data)
    assert drafts == []
    assert len(problems) == 1
    assert "root:" not in problems[0].message


def test_xml_bom_crlf_and_nfd():
    nfd = unicodedata.normalize("NFD", "Thủ đô Việt Nam")
    source = xml(
        q("shortanswer", f'<answer fraction="100"><text>{unicodedata.normalize("NFD", "Hà Nội")}</text></answer>', nfd)
    )
    data = b"\xef\xbb\xbf" + source.replace(b"\n", b"\r\n")
    drafts, problems = parse_moodle_xml(data)
    assert problems == []
    assert drafts[0].line == 3
    assert drafts[0].stem == "Thủ đô Việt Nam"
    assert drafts[0].body["answers"][0]["text"] == "Hà Nội"
    assert unicodedata.is_normalized("NFC", drafts[0].stem)


def test_xml_plain_text_is_escaped():
    drafts, _problems = parse_moodle_xml(xml(q("essay", "", text="1 < 2\n<b>đậm</b>", fmt="plain_text")))
    assert drafts[0].stem == "1 &lt; 2<br>&lt;b&gt;đậm&lt;/b&gt;"


# --------------------------------------------------------------------------------------------------------------
# export


def every_kind() -> list[ItemDraft]:
    def draft(kind, body, stem="<p>Câu hỏi có dấu tiếng Việt</p>", **extra):
        return ItemDraft(kind=kind, title=f"Mục {kind}", stem=stem, body=body, **extra)

    return [
        draft(
            "single_choice",
            {
                "options": [
                    {"key": "a", "text": "Hà Nội", "credit": Decimal(1), "feedback": "Đúng"},
                    {"key": "b", "text": "Huế & <Đà Nẵng>", "credit": Decimal("0.5"), "feedback": ""},
                    {"key": "c", "text": "Cần Thơ", "credit": Decimal(0), "feedback": "Sai"},
                ],
                "shuffle": False,
            },
            general_feedback="Giải thích chung",
            tags=["category:Kỹ năng số/Chương 1", "địa lý"],
            default_weight=Decimal("2.5"),
        ),
        draft(
            "multiple_response",
            {
                "options": [
                    {"key": "a", "text": "Một", "correct": True, "feedback": ""},
                    {"key": "b", "text": "Hai", "correct": True, "feedback": "Đúng"},
                    {"key": "c", "text": "Ba", "correct": False, "feedback": ""},
                ],
                "shuffle": True,
                "scoring": "partial",
            },
        ),
        draft("true_false", {"correct": False, "feedback_true": "Chưa đúng", "feedback_false": "Đúng"}),
        draft(
            "short_answer",
            {
                "answers": [
                    {"text": "Hà Nội", "credit": Decimal(1), "feedback": ""},
                    {"text": "Ha*Noi", "credit": Decimal("0.5"), "feedback": "Thiếu dấu"},
                ],
                "case_sensitive": True,
                "diacritics": "optional",
            },
        ),
        draft(
            "numeric",
            {
                "answers": [
                    {"value": 3.5, "tolerance": 0.1, "credit": Decimal(1), "feedback": ""},
                    {"value": -2.0, "tolerance": 0.0, "credit": Decimal("0.25"), "feedback": "Gần"},
                ],
                "unit": "cm",
            },
        ),
        draft(
            "matching",
            {
                "pairs": [
                    {"key": "a", "prompt": "Wi-Fi", "answer": "Mạng không dây"},
                    {"key": "b", "prompt": "GPS", "answer": "Định vị"},
                ],
                "extra_answers": [{"key": "c", "text": "Sạc nhanh"}],
                "shuffle": True,
            },
        ),
        draft(
            "ordering",
            {"items": [{"key": "a", "text": "Mở máy"}, {"key": "b", "text": "Đăng nhập"}, {"key": "c", "text": "Gửi"}]},
        ),
        draft(
            "cloze",
            {
                "text": "<p>Thủ đô là [[1]], thành phố lớn nhất là [[2]].</p>",
                "blanks": [
                    {
                        "key": "1",
                        "mode": "text",
                        "answers": [
                            {"text": "Hà Nội", "credit": Decimal(1)},
                            {"text": "a}b#c~d", "credit": Decimal("0.5")},
                        ],
                        "options": [],
                        "weight": 1,
                    },
                    {
                        "key": "2",
                        "mode": "choice",
                        "answers": [],
                        "options": [
                            {"key": "a", "text": "TP. Hồ Chí Minh", "credit": Decimal(1)},
                            {"key": "b", "text": "Huế", "credit": Decimal(0)},
                        ],
                        "weight": 2,
                    },
                ],
                "case_sensitive": False,
                "diacritics": "optional",
            },
            stem="",
        ),
        draft("essay", {"min_words": 20, "max_words": 200, "response_template": "Mở bài:\nThân bài:"}),
        draft("essay", {"min_words": 0, "max_words": None, "response_template": ""}),
        draft(
            "practical",
            {
                "mode": "upload",
                "instructions": "Chụp màn hình\nrồi tải lên",
                "allowed_types": ["image/png", "application/pdf"],
                "max_bytes": 2097152,
            },
        ),
        draft(
            "practical",
            {"mode": "observed", "instructions": "", "allowed_types": ["image/jpeg"], "max_bytes": 5242880},
        ),
    ]


def test_export_round_trip_keeps_kinds_and_answers():
    drafts = every_kind()
    data = export_moodle_xml(drafts)
    again, problems = parse_moodle_xml(data)
    assert problems == []
    assert len(again) == len(drafts)
    for before, after in zip(drafts, again, strict=True):
        assert after.kind == before.kind
        assert after.body == before.body, before.kind
        assert after.stem == before.stem
        assert after.title == before.title
        assert after.general_feedback == before.general_feedback
        assert after.default_weight == before.default_weight
    assert again[0].tags == ["category:Kỹ năng số/Chương 1", "địa lý"]


def test_export_gift_sample_round_trip():
    drafts, _problems = parse_gift((DATA / "sample.gift").read_bytes())
    again, problems = parse_moodle_xml(export_moodle_xml(drafts))
    assert problems == []
    assert [(d.kind, d.body, d.tags, d.title, d.stem) for d in again] == [
        (d.kind, d.body, d.tags, d.title, d.stem) for d in drafts
    ]


def test_export_xml_sample_round_trip(sample):
    by_title, _problems = sample
    drafts = list(by_title.values())
    again, problems = parse_moodle_xml(export_moodle_xml(drafts))
    assert problems == []
    assert [(d.kind, d.body) for d in again] == [(d.kind, d.body) for d in drafts]


def test_export_is_moodle_shaped():
    root = ET.fromstring(export_moodle_xml(every_kind(), category_path="Ngân hàng đề/Chương 2"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert [e.get("type") for e in questions] == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "matching",
        "ordering",
        "cloze",
        "essay",
        "essay",
        "essay",
        "essay",
    ]
    assert questions[0].findtext("category/text") == "$course$/top/Ngân hàng đề/Chương 2"
    fractions = {
        Decimal(a.get("fraction")) / 100
        for e in questions
        if e.get("type") in ("multichoice", "shortanswer", "numerical", "truefalse")
        for a in e.findall("answer")
    }
    assert all(any(abs(abs(f) - allowed) < Decimal("0.00001") for allowed in MOODLE_FRACTIONS) for f in fractions)
    multiple = questions[2]
    assert multiple.findtext("single") == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    cloze_text = questions[8].findtext("questiontext/text")
    assert "{1:SHORTANSWER:=Hà Nội~%50%a\\}b\\#c\\~d}" in cloze_text
    assert "{2:MULTICHOICE:=TP. Hồ Chí Minh~%0%Huế}" in cloze_text
    practical = questions[11]
    assert practical.findtext("responseformat") == "noinline"
    assert practical.findtext("attachments") == "1"
    assert practical.findtext("attachmentsrequired") == "1"
    assert practical.findtext("filetypeslist") == "image/png,application/pdf"
    assert questions[9].findtext("minwordlimit") == "20"


def test_export_without_categories_and_unknown_kind():
    root = ET.fromstring(export_moodle_xml([every_kind()[2]]))
    assert [e.get("type") for e in root] == ["truefalse"]
    with pytest.raises(ValueError, match="unknown item kind"):
        export_moodle_xml([ItemDraft(kind="hotspot", title="", stem="", body={})])


def all_sample_drafts() -> list[ItemDraft]:
    gift = parse_gift((DATA / "sample.gift").read_bytes())[0]
    moodle = parse_moodle_xml((DATA / "sample.xml").read_bytes())[0]
    return gift + moodle + every_kind()


@pytest.mark.parametrize("draft", all_sample_drafts(), ids=lambda d: f"{d.kind}:{d.title}")
def test_drafts_are_accepted_by_their_item_type(draft):
    from assessments.item_types import ITEM_TYPES

    ITEM_TYPES[draft.kind].clean_body(draft.body)

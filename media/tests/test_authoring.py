import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from media.h5p.authoring import INTERFACE_TEXT, LIBRARY_DIR, build_quiz_package
from media.h5p.validation import validate_h5p

LIBRARY = "H5P.HocVuSoQuiz-1.0"
QUESTIONS = [
    {
        "question": "Người lạ gọi điện xin mã OTP. Bạn làm gì?",
        "answers": ["Đọc mã", "Không đọc mã"],
        "correct": 1,
        "feedback": "Không ai có quyền hỏi mã OTP của bạn.",
    },
    {"question": "Mật khẩu nào khó đoán hơn?", "answers": ["123456", "Hoa-sen-2026", "abc"], "correct": 1},
]


def build(**kwargs):
    return build_quiz_package(**{"title": "Nhận biết lừa đảo", "questions": QUESTIONS, **kwargs})


def files_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_package_passes_our_validation_and_describes_the_quiz():
    described = validate_h5p(SimpleUploadedFile("quiz.h5p", build()))
    assert described.title == "Nhận biết lừa đảo"
    assert described.main_library == "H5P.HocVuSoQuiz"
    assert [str(ref) for ref in described.bundled_libraries] == [LIBRARY]
    assert [str(ref) for ref in described.dependencies] == [LIBRARY]
    assert described.h5p_json["language"] == "vi"
    assert described.content_json["questions"][0] == QUESTIONS[0]
    assert described.content_json["questions"][1] == QUESTIONS[1]  # no empty feedback is written
    assert described.content_json["behaviour"] == {"passPercentage": 80}


def test_the_library_is_bundled_whole_from_its_source_folder():
    files = files_of(build())
    expected = {
        f"{LIBRARY}/{path.relative_to(LIBRARY_DIR).as_posix()}": path.read_bytes()
        for path in LIBRARY_DIR.rglob("*")
        if path.is_file()
    }
    assert {"library.json", "semantics.json", "quiz.js", "quiz.css", "language/vi.json"} <= {
        name.removeprefix(f"{LIBRARY}/") for name in expected
    }
    assert {name: data for name, data in files.items() if name.startswith(LIBRARY)} == expected
    assert set(files) == {"h5p.json", "content/content.json", *expected}
    library = json.loads(files[f"{LIBRARY}/library.json"])
    assert library["runnable"] == 1
    assert library["preloadedJs"] == [{"path": "quiz.js"}]
    assert b"H5P.HocVuSoQuiz = (function (EventDispatcher)" in files[f"{LIBRARY}/quiz.js"]


def test_the_same_quiz_gives_the_same_bytes_so_it_is_stored_once():
    assert build() == build()
    assert build() != build(title="Một tên khác")


def test_the_interface_text_is_in_the_package_language():
    with translation.override("vi"):
        vietnamese = {key: str(text) for key, text in INTERFACE_TEXT.items()}
    with translation.override("en"):
        english = {key: str(text) for key, text in INTERFACE_TEXT.items()}
    assert json.loads(files_of(build())["content/content.json"])["l10n"] == vietnamese
    english_package = files_of(build(language="en"))
    assert json.loads(english_package["content/content.json"])["l10n"] == english
    assert json.loads(english_package["h5p.json"])["language"] == "en"
    assert english["check"] == "Check"


def test_semantics_quiz_js_and_the_interface_text_name_the_same_things():
    semantics = json.loads((LIBRARY_DIR / "semantics.json").read_text())
    fields = {field["name"]: field for field in semantics}
    assert set(fields) == {"questions", "behaviour", "l10n"}
    l10n_fields = {field["name"]: field["default"] for field in fields["l10n"]["fields"]}
    assert set(l10n_fields) == set(INTERFACE_TEXT)
    question_fields = [field["name"] for field in fields["questions"]["field"]["fields"]]
    assert question_fields == ["question", "answers", "correct", "feedback"]
    # quiz.js falls back on the same Vietnamese defaults as semantics.json
    script = (LIBRARY_DIR / "quiz.js").read_text()
    defaults = dict(re.findall(r"^ {4}(\w+): '([^']*)',?$", script, flags=re.MULTILINE))
    assert defaults == l10n_fields
    # the Vietnamese translation of the semantics mirrors them field for field
    vietnamese = json.loads((LIBRARY_DIR / "language" / "vi.json").read_text())["semantics"]
    assert len(vietnamese) == len(semantics)
    assert len(vietnamese[2]["fields"]) == len(fields["l10n"]["fields"])
    assert [field["default"] for field in vietnamese[2]["fields"]] == list(l10n_fields.values())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "title"),
        ({"questions": []}, "between 1 and"),
        ({"questions": [{"question": "Q", "answers": ["a"], "correct": 0}]}, "between 2 and"),
        ({"questions": [{"question": "Q", "answers": ["a", "b"], "correct": 2}]}, "correct must be"),
        ({"questions": [{"question": "Q", "answers": ["a", "b"], "correct": True}]}, "correct must be"),
        ({"questions": [{"question": "Q", "answers": ["a", ""], "correct": 0}]}, "answer 2 of question 1"),
        ({"questions": [{"question": "", "answers": ["a", "b"], "correct": 0}]}, "question 1"),
        ({"questions": [{"question": "Q", "answers": ["a", "b"], "correct": 0, "feedback": 5}]}, "feedback"),
        ({"pass_percentage": 101}, "pass_percentage"),
    ],
)
def test_a_malformed_quiz_is_refused_with_a_reason(changes, message):
    with pytest.raises(ValueError, match=message):
        build(**changes)

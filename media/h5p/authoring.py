"""Writing genuine .h5p packages of our own content type, H5P.HocVuSoQuiz (multiple-choice questions).

The library's source lives in content_types/H5P.HocVuSoQuiz-1.0/ (library.json, semantics.json, quiz.js,
quiz.css, language/vi.json) and is bundled whole into every package, so a package plays anywhere H5P does. The
interface text is written into the content in the package's language, from the project's catalogue.
"""

import io
import json
import zipfile
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext_lazy as _

LIBRARY_DIR = Path(__file__).resolve().parent / "content_types" / "H5P.HocVuSoQuiz-1.0"
MACHINE_NAME = "H5P.HocVuSoQuiz"
# the same date on every entry: the same quiz gives the same bytes, hence the same stored package
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)
MAX_ANSWERS = 10
MAX_QUESTIONS = 100

# The keys of semantics.json's l10n group (and of quiz.js' defaults).
INTERFACE_TEXT = {
    # Translators: before each question of an H5P quiz; keep :number and :total as they are.
    "questionNumber": _("Question :number of :total"),
    "check": _("Check"),
    "checked": _("Checked"),
    "chooseFirst": _("Choose an answer, then press Check."),
    "correct": _("Right!"),
    "wrong": _("Not right."),
    # Translators: after a wrong answer in an H5P quiz; keep :answer as it is.
    "correctAnswer": _("The right answer: :answer"),
    "rightAnswerMark": _("Right answer"),
    "yourAnswerMark": _("Your choice"),
    # Translators: the final line of an H5P quiz; keep :score and :total as they are.
    "score": _("You got :score of :total questions right."),
    "passed": _("You passed."),
    "notPassed": _("You did not pass yet."),
    "retry": _("Start again"),
    "noQuestions": _("This activity has no questions yet."),
}


def library_json() -> dict:
    return json.loads((LIBRARY_DIR / "library.json").read_text(encoding="utf-8"))


def _library_files() -> list[tuple[str, bytes]]:
    library = library_json()
    folder = f"{MACHINE_NAME}-{library['majorVersion']}.{library['minorVersion']}"
    files = []
    for path in sorted(LIBRARY_DIR.rglob("*")):
        relative = path.relative_to(LIBRARY_DIR)
        if path.is_file() and not any(part.startswith((".", "_")) for part in relative.parts):
            files.append((f"{folder}/{relative.as_posix()}", path.read_bytes()))
    return files


def _plain(value, what: str, *, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string")
    value = value.strip()
    if len(value) > limit:
        raise ValueError(f"{what} is longer than {limit} characters")
    return value


def _question(item, number: int) -> dict:
    if not isinstance(item, dict):
        raise ValueError(f"question {number} must be a dict")
    answers = item.get("answers")
    if not isinstance(answers, list | tuple) or not 2 <= len(answers) <= MAX_ANSWERS:
        raise ValueError(f"question {number} needs between 2 and {MAX_ANSWERS} answers")
    correct = item.get("correct")
    if not isinstance(correct, int) or isinstance(correct, bool) or not 0 <= correct < len(answers):
        raise ValueError(f"question {number}: correct must be the index (from 0) of one of its answers")
    question = {
        "question": _plain(item.get("question"), f"question {number}", limit=1000),
        "answers": [
            _plain(answer, f"answer {index + 1} of question {number}", limit=500)
            for index, answer in enumerate(answers)
        ],
        "correct": correct,
    }
    if item.get("feedback") not in (None, ""):
        question["feedback"] = _plain(item["feedback"], f"feedback of question {number}", limit=1000)
    return question


def build_quiz_package(*, title: str, questions: list[dict], language: str = "vi", pass_percentage: int = 80) -> bytes:
    """A .h5p package of H5P.HocVuSoQuiz 1.0, ready for media.services.store_h5p_package.

    `questions`: `[{"question": str, "answers": [str, ...], "correct": int, "feedback": str (optional)}]`,
    `correct` being the index (from 0) of the right answer. The interface text is in `language` (a language of
    the project's catalogue). `pass_percentage`: right answers needed to pass, in percent (the xAPI "completed"
    statement's result.success). Raises ValueError for a malformed quiz.
    """
    title = _plain(title, "title", limit=255)
    if not isinstance(questions, list | tuple) or not 1 <= len(questions) <= MAX_QUESTIONS:
        raise ValueError(f"a quiz needs between 1 and {MAX_QUESTIONS} questions")
    if not isinstance(pass_percentage, int) or isinstance(pass_percentage, bool) or not 0 <= pass_percentage <= 100:
        raise ValueError("pass_percentage must be a whole number from 0 to 100")
    with translation.override(language):
        interface = {key: str(text) for key, text in INTERFACE_TEXT.items()}
    library = library_json()
    h5p_json = {
        "title": title,
        "language": language,
        "defaultLanguage": language,
        "mainLibrary": MACHINE_NAME,
        "embedTypes": library["embedTypes"],
        "license": "U",
        "preloadedDependencies": [
            {
                "machineName": MACHINE_NAME,
                "majorVersion": library["majorVersion"],
                "minorVersion": library["minorVersion"],
            }
        ],
    }
    content_json = {
        "questions": [_question(item, number) for number, item in enumerate(questions, start=1)],
        "behaviour": {"passPercentage": pass_percentage},
        "l10n": interface,
    }
    files = [
        ("h5p.json", json.dumps(h5p_json, ensure_ascii=False, indent=2).encode()),
        ("content/content.json", json.dumps(content_json, ensure_ascii=False, indent=2).encode()),
        *_library_files(),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()

"""Moodle XML question files ⇄ item drafts.

Import (:func:`parse_moodle_xml`): multichoice (single → single_choice with per-answer credits, multiple →
multiple_response "partial"), multichoiceset (→ multiple_response "all_or_nothing"), truefalse, shortanswer
(usecase → case_sensitive; ``*`` wildcards kept), numerical (tolerance, a unit with multiplier 1; the ``*``
catch-all answer is dropped), matching (an empty-text subquestion is an extra answer), essay (word limits,
response template; "no inline text" with attachments → practical upload), ordering (qtype_ordering: the answers'
``fraction`` is their position), cloze/multianswer (SHORTANSWER[_C], MULTICHOICE* and NUMERICAL without tolerance),
gapselect and ddwtos (→ cloze choice blanks), and category questions (tag ``category:<path>`` on the following
questions). Anything else (description, calculated*, ddimageortext, ddmarker, random…) is reported and skipped.
The file is parsed with defusedxml: a DTD, entity declaration or external reference refuses the whole file.

Export (:func:`export_moodle_xml`): every kind as Moodle re-imports it — single_choice/multiple_response as
multichoice, true_false, short_answer, numeric, matching, essay, ordering (qtype_ordering), cloze as a multianswer
question and practical as an essay taking an attachment.
"""

from __future__ import annotations

import html
import math
import mimetypes
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

from ._common import (
    CATEGORY_TAG,
    auto_title,
    category_tag,
    credit,
    credit_from_percent,
    format_decimal,
    format_number,
    moodle_percent,
    nfc,
    option_key,
    plain_to_html,
    text_to_html,
    text_to_plain,
)
from .drafts import ImportProblem, ItemDraft

__all__ = ["export_moodle_xml", "parse_moodle_xml"]

DEFAULT_ALLOWED_TYPES = ["image/png", "image/jpeg", "application/pdf"]
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_PRACTICAL_RE = re.compile(r'<div data-hocvuso-practical="(upload|observed)">(.*?)</div>\s*$', re.DOTALL)
_CLOZE_RE = re.compile(r"\{(\d*):([A-Za-z_]+):((?:\\.|[^}\\])*)\}")
_GAP_RE = re.compile(r"\[\[(\d+)\]\]")
_TEXT_CLOZE = {"SHORTANSWER": False, "SA": False, "MW": False, "SHORTANSWER_C": True, "SAC": True, "MWC": True}
_CHOICE_CLOZE = {
    "MULTICHOICE",
    "MC",
    "MULTICHOICE_V",
    "MCV",
    "MULTICHOICE_H",
    "MCH",
    "MULTICHOICE_S",
    "MCS",
    "MULTICHOICE_VS",
    "MCVS",
    "MULTICHOICE_HS",
    "MCHS",
}
_NUMERIC_CLOZE = {"NUMERICAL", "NM"}


class _Bad(Exception):
    """A question that cannot be imported: a translated message with %(line)s and other placeholders."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message
        self.params = params

    def text(self, line: int) -> str:
        return self.message % {"line": line, **self.params}


class _LineBuilder(ET.TreeBuilder):
    """A tree builder remembering the source line of every <question>."""

    def __init__(self):
        super().__init__()
        self.expat = None
        self.lines: dict[ET.Element, int] = {}

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        if tag == "question":
            self.lines[element] = self.expat.CurrentLineNumber
        return element


# ---------------------------------------------------------------------------------------------------------------
# import


def parse_moodle_xml(data: bytes) -> tuple[list[ItemDraft], list[ImportProblem]]:
    """Parse a Moodle XML question file into drafts and problems (both in file order)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip():
        return [], [ImportProblem(1, _("Line %(line)s: the file is empty.") % {"line": 1})]
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        line = parser.parser.CurrentLineNumber or 1
        message = _(
            "Line %(line)s: the file declares a DTD or entities, which are refused for safety; nothing was imported."
        )
        return [], [ImportProblem(line, message % {"line": line})]
    except ET.ParseError as exc:
        line, column = exc.position
        message = _("Line %(line)s, column %(column)s: the file is not valid XML; nothing was imported.")
        return [], [ImportProblem(line, message % {"line": line, "column": column + 1})]
    if root.tag != "quiz":
        message = _("Line %(line)s: this is not a Moodle XML question file (it should start with <quiz>).")
        return [], [ImportProblem(1, message % {"line": 1})]

    drafts: list[ItemDraft] = []
    problems: list[ImportProblem] = []
    category: str | None = None
    for question in root.findall("question"):
        line = builder.lines.get(question, 0)
        qtype = (question.get("type") or "").strip()
        if qtype == "category":
            category = category_tag(_child_text(question, "category"))
            continue
        try:
            draft = _question(question, qtype, line)
        except _Bad as exc:
            problems.append(ImportProblem(line, exc.text(line)))
            continue
        if category:
            draft.tags.insert(0, category)
        drafts.append(draft)
        files = len(question.findall(".//file"))
        if files:
            message = _(
                "Line %(line)s: the question was imported but its %(count)s embedded file(s) (images…) were not; "
                "add them again in the editor."
            )
            problems.append(ImportProblem(line, message % {"line": line, "count": files}))
    return drafts, problems


def _child(element: ET.Element, tag: str) -> ET.Element | None:
    return element.find(tag)


def _child_text(element: ET.Element, tag: str) -> str:
    """The text of ``<tag><text>…</text></tag>`` (or of ``<tag>…</tag>``), NFC, not stripped of markup."""
    child = element.find(tag)
    if child is None:
        return ""
    inner = child.find("text")
    return nfc((inner.text if inner is not None else child.text) or "")


def _fmt(element: ET.Element | None, default: str = "moodle_auto_format") -> str:
    return (element.get("format") if element is not None else None) or default


def _plain(element: ET.Element, tag: str) -> str:
    child = element.find(tag)
    return text_to_plain(_child_text(element, tag), _fmt(child)) if child is not None else ""


def _own_text(element: ET.Element) -> str:
    """An answer's own ``<text>`` as plain text, in the answer's format."""
    inner = element.find("text")
    return text_to_plain(nfc((inner.text if inner is not None else "") or ""), _fmt(element))


def _value(element: ET.Element, tag: str, default: str = "") -> str:
    child = element.find(tag)
    return nfc(child.text or "").strip() if child is not None and child.text else default


def _flag(element: ET.Element, tag: str, default: bool) -> bool:
    value = _value(element, tag).lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no"):
        return False
    return default


def _int(element: ET.Element, tag: str, default: int) -> int:
    try:
        return int(float(_value(element, tag)))
    except ValueError:
        return default


def _fraction(answer: ET.Element) -> Decimal:
    try:
        return credit_from_percent(answer.get("fraction", "0"))
    except ValueError:
        raise _invalid_number(answer.get("fraction", "")) from None


def _float(text: str) -> float:
    try:
        value = float(text.strip().replace(",", ".") if "." not in text else text.strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise _invalid_number(text)
    return value


def _invalid_number(text: str) -> _Bad:
    return _Bad(_("Line %(line)s: “%(value)s” is not a valid number."), value=text.strip())


def _no_correct() -> _Bad:
    return _Bad(_("Line %(line)s: the question has no correct answer."))


def _question(question: ET.Element, qtype: str, line: int) -> ItemDraft:
    handler = _IMPORTERS.get(qtype)
    if handler is None:
        message = _("Line %(line)s: the question type “%(qtype)s” is not supported; it was skipped.")
        raise _Bad(message, qtype=qtype or "?")
    questiontext = question.find("questiontext")
    stem = text_to_html(_child_text(question, "questiontext"), _fmt(questiontext))
    kind, body, stem = handler(question, stem)
    title = " ".join(_child_text(question, "name").split())
    if not title:
        title = auto_title(_GAP_RE.sub("_____", body["text"]) if kind == "cloze" else stem)
    try:
        weight = Decimal(_value(question, "defaultgrade", "1"))
        weight = weight.normalize() if weight.is_finite() and weight >= 0 else Decimal(1)
    except InvalidOperation:
        weight = Decimal(1)
    tags = [" ".join(nfc(t.text or "").split()) for t in question.findall("tags/tag/text")]
    return ItemDraft(
        kind=kind,
        title=title,
        stem=stem,
        body=body,
        general_feedback=_plain(question, "generalfeedback"),
        tags=[t for t in tags if t],
        line=line,
        default_weight=weight,
    )


def _answers(question: ET.Element) -> list[tuple[str, Decimal, str, ET.Element]]:
    """(plain text, credit, plain feedback, element) of each non-empty <answer>."""
    result = []
    for answer in question.findall("answer"):
        text = _own_text(answer)
        if text:
            result.append((text, _fraction(answer), _plain(answer, "feedback"), answer))
    if not result:
        raise _Bad(_("Line %(line)s: the answer list is empty."))
    return result


def _multichoice(question, stem, all_or_nothing=False):
    answers = _answers(question)
    if len(answers) < 2:
        raise _Bad(_("Line %(line)s: a choice question needs at least 2 answers."))
    shuffle = _flag(question, "shuffleanswers", True)
    if _flag(question, "single", True) and not all_or_nothing:
        if not any(c >= 1 for _t, c, _f, _e in answers):
            raise _Bad(_("Line %(line)s: no answer is fully correct (100%%)."))
        options = [
            {"key": option_key(i), "text": t, "credit": max(c, Decimal(0)), "feedback": f}
            for i, (t, c, f, _e) in enumerate(answers)
        ]
        return "single_choice", {"options": options, "shuffle": shuffle}, stem
    if not any(c > 0 for _t, c, _f, _e in answers):
        raise _no_correct()
    options = [
        {"key": option_key(i), "text": t, "correct": c > 0, "feedback": f} for i, (t, c, f, _e) in enumerate(answers)
    ]
    scoring = "all_or_nothing" if all_or_nothing else "partial"
    return "multiple_response", {"options": options, "shuffle": shuffle, "scoring": scoring}, stem


def _multichoiceset(question, stem):
    return _multichoice(question, stem, all_or_nothing=True)


def _truefalse(question, stem):
    answers = _answers(question)
    by_text = {t.lower(): (c, f) for t, c, f, _e in answers}
    if "true" in by_text and "false" in by_text:
        (true_credit, true_feedback), (_fc, false_feedback) = by_text["true"], by_text["false"]
    elif len(answers) == 2:  # Moodle writes the "true" answer first
        (_t, true_credit, true_feedback, _e), (_t2, _fc, false_feedback, _e2) = answers
    else:
        raise _no_correct()
    body = {"correct": true_credit > 0, "feedback_true": true_feedback, "feedback_false": false_feedback}
    return "true_false", body, stem


def _shortanswer(question, stem):
    answers = [{"text": t, "credit": max(c, Decimal(0)), "feedback": f} for t, c, f, _e in _answers(question)]
    if not any(a["credit"] > 0 for a in answers):
        raise _no_correct()
    body = {"answers": answers, "case_sensitive": _flag(question, "usecase", False), "diacritics": "optional"}
    return "short_answer", body, stem


def _numerical(question, stem):
    answers = []
    for text, fraction, feedback, element in _answers(question):
        if text == "*":
            continue  # Moodle's "any other answer", kept only for its feedback
        tolerance = _float(_value(element, "tolerance", "0") or "0")
        if tolerance < 0:
            raise _invalid_number(_value(element, "tolerance"))
        answers.append(
            {"value": _float(text), "tolerance": tolerance, "credit": max(fraction, Decimal(0)), "feedback": feedback}
        )
    if not any(a["credit"] > 0 for a in answers):
        raise _no_correct()
    unit = ""
    for element in question.findall("units/unit"):
        try:
            multiplier = float(_value(element, "multiplier", "1"))
        except ValueError:
            continue
        if multiplier == 1:
            unit = _value(element, "unit_name")
            break
    return "numeric", {"answers": answers, "unit": unit}, stem


def _matching(question, stem):
    pairs, extras = [], []
    for sub in question.findall("subquestion"):
        prompt = text_to_plain(_child_text(sub, "."), _fmt(sub)) if sub.find("text") is not None else ""
        answer = _plain(sub, "answer")
        if not answer:
            continue
        (pairs if prompt else extras).append((prompt, answer))
    if len(pairs) < 2:
        raise _Bad(_("Line %(line)s: a matching question needs at least 2 pairs “prompt -> answer”."))
    body = {
        "pairs": [{"key": option_key(i), "prompt": p, "answer": a} for i, (p, a) in enumerate(pairs)],
        "extra_answers": [{"key": option_key(len(pairs) + i), "text": a} for i, (_p, a) in enumerate(extras)],
        "shuffle": _flag(question, "shuffleanswers", True),
    }
    return "matching", body, stem


def _allowed_types(text: str) -> list[str]:
    types = []
    for item in re.split(r"[\s,;]+", text.strip().lower()):
        mime = item if "/" in item else mimetypes.types_map.get(item if item.startswith(".") else "." + item)
        if item and mime and mime not in types:
            types.append(mime)
    return types or list(DEFAULT_ALLOWED_TYPES)


def _essay(question, stem):
    marker = _PRACTICAL_RE.search(stem)
    attachments = _int(question, "attachments", 0)
    if marker or (_value(question, "responseformat", "editor") == "noinline" and attachments != 0):
        mode = marker.group(1) if marker else "upload"
        instructions = text_to_plain(marker.group(2), "html") if marker else ""
        if marker:
            stem = stem[: marker.start()].rstrip()
        max_bytes = _int(question, "maxbytes", 0)
        body = {
            "mode": mode,
            "instructions": instructions,
            "allowed_types": _allowed_types(_value(question, "filetypeslist")),
            "max_bytes": max_bytes if max_bytes > 0 else DEFAULT_MAX_BYTES,
        }
        return "practical", body, stem
    min_words = _int(question, "minwordlimit", 0)
    max_words = _int(question, "maxwordlimit", 0)
    template = question.find("responsetemplate")
    body = {
        "min_words": max(min_words, 0),
        "max_words": max_words if max_words > 0 else None,
        "response_template": text_to_plain(_child_text(question, "responsetemplate"), _fmt(template, "html"))
        if template is not None
        else "",
    }
    return "essay", body, stem


def _ordering(question, stem):
    items = []
    for position, answer in enumerate(question.findall("answer")):
        text = _own_text(answer)
        if not text:
            continue
        try:
            order = float(answer.get("fraction", position + 1))
        except ValueError:
            order = float(position + 1)
        items.append((order, position, text))
    items.sort()
    if len(items) < 2:
        raise _Bad(_("Line %(line)s: an ordering question needs at least 2 items."))
    return "ordering", {"items": [{"key": option_key(i), "text": t} for i, (_o, _p, t) in enumerate(items)]}, stem


def _unescape_cloze(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _cloze_answers(code: str) -> list[tuple[str, Decimal]]:
    answers = []
    for piece in _split_unescaped(code, "~"):
        piece = piece.strip()
        if not piece:
            continue
        weight = Decimal(0)
        if piece.startswith("="):
            weight, piece = Decimal(1), piece[1:]
        else:
            match = re.match(r"%(-?[0-9]+(?:[.,][0-9]*)?)%", piece)
            if match:
                weight, piece = credit_from_percent(match.group(1)), piece[match.end() :]
        text = _split_unescaped(piece, "#")[0]
        answers.append((text_to_plain(_unescape_cloze(text), "html"), max(weight, Decimal(0))))
    return answers


def _cloze(question, stem):
    html_text = stem.replace("[[", "[&#91;")
    blanks: list[dict] = []
    case_flags: list[bool] = []

    def blank(match: re.Match) -> str:
        weight_text, code_type, code = match.groups()
        code_type = code_type.upper()
        answers = [(t, c) for t, c in _cloze_answers(code) if t]
        key = str(len(blanks) + 1)
        entry = {"key": key, "answers": [], "options": [], "weight": int(weight_text) if weight_text else 1}
        if code_type in _TEXT_CLOZE or code_type in _NUMERIC_CLOZE:
            if code_type in _NUMERIC_CLOZE:
                numbers = []
                for text, grade in answers:
                    value, _sep, tolerance = text.partition(":")
                    if tolerance.strip() and _float(tolerance) != 0:
                        raise _Bad(_("Line %(line)s: cloze number blanks with a tolerance are not supported."))
                    numbers.append((value.strip(), grade))
                answers = numbers
            else:
                case_flags.append(_TEXT_CLOZE[code_type])
            entry.update(mode="text", answers=[{"text": t, "credit": c} for t, c in answers])
        elif code_type in _CHOICE_CLOZE:
            entry.update(
                mode="choice",
                options=[{"key": option_key(i), "text": t, "credit": c} for i, (t, c) in enumerate(answers)],
            )
        else:
            message = _("Line %(line)s: cloze blanks of type %(type)s are not supported.")
            raise _Bad(message, type=code_type)
        if not any(c > 0 for _t, c in answers):
            raise _no_correct()
        blanks.append(entry)
        return f"[[{key}]]"

    html_text = _CLOZE_RE.sub(blank, html_text)
    if not blanks:
        raise _Bad(_("Line %(line)s: the cloze question has no blanks."))
    body = {
        "text": html_text,
        "blanks": blanks,
        "case_sensitive": bool(case_flags) and all(case_flags),
        "diacritics": "optional",
    }
    return "cloze", body, ""


def _gaps(question, stem, tag):
    choices = []
    for element in question.findall(tag):
        text = text_to_plain(_child_text(element, "."), "plain_text") if element.find("text") is not None else ""
        choices.append((text, _value(element, "group", "1")))
    blanks: list[dict] = []

    def blank(match: re.Match) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(choices) or not choices[number - 1][0]:
            raise _Bad(_("Line %(line)s: the gap [[%(number)s]] has no matching choice."), number=number)
        group = choices[number - 1][1]
        same_group = [(i, t) for i, (t, g) in enumerate(choices) if g == group and t]
        options = [
            {"key": option_key(n), "text": t, "credit": Decimal(1) if i == number - 1 else Decimal(0)}
            for n, (i, t) in enumerate(same_group)
        ]
        key = str(len(blanks) + 1)
        blanks.append({"key": key, "mode": "choice", "answers": [], "options": options, "weight": 1})
        return f"[[{key}]]"

    html_text = _GAP_RE.sub(blank, stem)
    if not blanks:
        raise _Bad(_("Line %(line)s: the cloze question has no blanks."))
    body = {"text": html_text, "blanks": blanks, "case_sensitive": False, "diacritics": "optional"}
    return "cloze", body, ""


def _gapselect(question, stem):
    return _gaps(question, stem, "selectoption")


def _ddwtos(question, stem):
    return _gaps(question, stem, "dragbox")


_IMPORTERS = {
    "multichoice": _multichoice,
    "multichoiceset": _multichoiceset,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "essay": _essay,
    "ordering": _ordering,
    "cloze": _cloze,
    "multianswer": _cloze,
    "gapselect": _gapselect,
    "ddwtos": _ddwtos,
}


# ---------------------------------------------------------------------------------------------------------------
# export


def export_moodle_xml(drafts, category_path: str = "") -> bytes:
    """Moodle XML (UTF-8 bytes) for the drafts; ``category_path`` puts them all in that category, otherwise each
    draft's ``category:<path>`` tag (if any) chooses its category."""
    quiz = ET.Element("quiz")
    current = None
    for draft in drafts:
        category = nfc(category_path).strip("/ ") or next(
            (t[len(CATEGORY_TAG) :] for t in draft.tags if t.startswith(CATEGORY_TAG)), ""
        )
        if category and category != current:
            element = ET.SubElement(quiz, "question", type="category")
            _text_element(element, "category", f"$course$/top/{category}")
            _text_element(element, "info", "", "moodle_auto_format")
            current = category
        quiz.append(_export_question(draft))
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="utf-8", xml_declaration=False, short_empty_elements=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _text_element(parent: ET.Element, tag: str, text: str, fmt: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, **({"format": fmt} if fmt else {}), **attrs)
    ET.SubElement(element, "text").text = nfc(text)
    return element


def _simple(parent: ET.Element, tag: str, text) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = str(text)
    return element


def _answer(parent, text: str, fraction: str, feedback: str = "", fmt: str = "plain_text") -> ET.Element:
    answer = _text_element(parent, "answer", text, fmt, fraction=fraction)
    _text_element(answer, "feedback", feedback, "plain_text")
    return answer


def _export_question(draft: ItemDraft) -> ET.Element:
    body = draft.body
    stem = draft.stem
    qtype = {
        "single_choice": "multichoice",
        "multiple_response": "multichoice",
        "true_false": "truefalse",
        "short_answer": "shortanswer",
        "numeric": "numerical",
        "matching": "matching",
        "ordering": "ordering",
        "cloze": "cloze",
        "essay": "essay",
        "practical": "essay",
    }.get(draft.kind)
    if qtype is None:
        raise ValueError(f"unknown item kind {draft.kind!r}")
    if draft.kind == "cloze":
        stem = (stem or "") + _cloze_text(body)
    elif draft.kind == "practical":
        instructions = plain_to_html(body.get("instructions", ""))
        stem = f'{stem}<div data-hocvuso-practical="{body.get("mode", "upload")}">{instructions}</div>'
    question = ET.Element("question", type=qtype)
    title = draft.title or auto_title(stem) or draft.kind
    _text_element(question, "name", title)
    _text_element(question, "questiontext", stem, "html")
    _text_element(question, "generalfeedback", draft.general_feedback, "plain_text")
    _simple(question, "defaultgrade", format_decimal(Decimal(str(draft.default_weight))))
    _simple(question, "penalty", "0.3333333")
    _simple(question, "hidden", 0)
    _simple(question, "idnumber", "")
    _EXPORTERS[draft.kind](question, body)
    tags = [t for t in draft.tags if not t.startswith(CATEGORY_TAG)]
    if tags:
        element = ET.SubElement(question, "tags")
        for tag in tags:
            _text_element(element, "tag", tag)
    return question


def _export_choice_common(question, body, single: bool):
    _simple(question, "single", "true" if single else "false")
    _simple(question, "shuffleanswers", "true" if body.get("shuffle", True) else "false")
    _simple(question, "answernumbering", "abc")
    _simple(question, "showstandardinstruction", 0)
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text_element(question, tag, "", "html")


def _export_single_choice(question, body):
    _export_choice_common(question, body, single=True)
    for option in body["options"]:
        _answer(question, option["text"], moodle_percent(option.get("credit", 0)), option.get("feedback", ""))


def _export_multiple_response(question, body):
    _export_choice_common(question, body, single=False)
    options = body["options"]
    right = sum(1 for o in options if o.get("correct"))
    wrong = len(options) - right
    for option in options:
        if option.get("correct"):
            fraction = moodle_percent(Decimal(1) / right)
        else:
            fraction = moodle_percent(-Decimal(1) / wrong, allow_negative=True)
        _answer(question, option["text"], fraction, option.get("feedback", ""))


def _export_true_false(question, body):
    correct = bool(body.get("correct"))
    _answer(question, "true", "100" if correct else "0", body.get("feedback_true", ""), "moodle_auto_format")
    _answer(question, "false", "0" if correct else "100", body.get("feedback_false", ""), "moodle_auto_format")


def _export_short_answer(question, body):
    _simple(question, "usecase", 1 if body.get("case_sensitive") else 0)
    for answer in body["answers"]:
        _answer(question, answer["text"], moodle_percent(answer.get("credit", 1)), answer.get("feedback", ""))


def _export_numeric(question, body):
    for answer in body["answers"]:
        element = _answer(
            question,
            format_number(float(answer["value"])),
            moodle_percent(answer.get("credit", 1)),
            answer.get("feedback", ""),
        )
        _simple(element, "tolerance", format_number(float(answer.get("tolerance", 0))))
    if body.get("unit"):
        units = ET.SubElement(question, "units")
        unit = ET.SubElement(units, "unit")
        _simple(unit, "multiplier", 1)
        _simple(unit, "unit_name", body["unit"])
        _simple(question, "unitgradingtype", 0)
        _simple(question, "unitpenalty", "0.1000000")
        _simple(question, "showunits", 3)
        _simple(question, "unitsleft", 0)


def _export_matching(question, body):
    _simple(question, "shuffleanswers", "true" if body.get("shuffle", True) else "false")
    for pair in body["pairs"]:
        sub = _text_element(question, "subquestion", pair["prompt"], "plain_text")
        _text_element(sub, "answer", pair["answer"])
    for extra in body.get("extra_answers", []):
        sub = _text_element(question, "subquestion", "", "plain_text")
        _text_element(sub, "answer", extra["text"])


def _export_ordering(question, body):
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", 0),
        ("gradingtype", "LONGEST_ORDERED_SUBSET"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        _simple(question, tag, value)
    for position, item in enumerate(body["items"], start=1):
        _text_element(question, "answer", item["text"], "plain_text", fraction=f"{position}.0000000")


def _essay_fields(question, *, responseformat, required, attachments, attachments_required, max_bytes, types, template):
    _simple(question, "responseformat", responseformat)
    _simple(question, "responserequired", required)
    _simple(question, "responsefieldlines", 15 if responseformat != "noinline" else 0)
    _simple(question, "attachments", attachments)
    _simple(question, "attachmentsrequired", attachments_required)
    _simple(question, "maxbytes", max_bytes)
    _simple(question, "filetypeslist", ",".join(types))
    _text_element(question, "graderinfo", "", "html")
    _text_element(question, "responsetemplate", plain_to_html(template) if template else "", "html")


def _export_essay(question, body):
    _essay_fields(
        question,
        responseformat="editor",
        required=1,
        attachments=0,
        attachments_required=0,
        max_bytes=0,
        types=[],
        template=body.get("response_template", ""),
    )
    if body.get("min_words"):
        _simple(question, "minwordlimit", int(body["min_words"]))
    if body.get("max_words"):
        _simple(question, "maxwordlimit", int(body["max_words"]))


def _export_practical(question, body):
    upload = body.get("mode", "upload") == "upload"
    _essay_fields(
        question,
        responseformat="noinline",
        required=0,
        attachments=1,
        attachments_required=1 if upload else 0,
        max_bytes=int(body.get("max_bytes") or DEFAULT_MAX_BYTES),
        types=body.get("allowed_types") or DEFAULT_ALLOWED_TYPES,
        template="",
    )


def _escape_cloze(text: str) -> str:
    escaped = html.escape(nfc(text), quote=False)
    return re.sub(r'([\\}#~/"])', r"\\\1", escaped)


def _cloze_percent(value) -> str:
    value = credit(value)
    if value >= 1:
        return "="
    return f"%{format_decimal(max(value, Decimal(0)) * 100)}%"


def _cloze_text(body: dict) -> str:
    blanks = {str(b["key"]): b for b in body.get("blanks", [])}
    case_sensitive = bool(body.get("case_sensitive"))

    def code(match: re.Match) -> str:
        blank = blanks.get(match.group(1))
        if blank is None:
            return match.group(0)
        weight = max(1, round(float(blank.get("weight", 1) or 1)))
        if blank.get("mode") == "choice":
            kind, answers = "MULTICHOICE", [(o["text"], o.get("credit", 0)) for o in blank.get("options", [])]
        else:
            kind = "SHORTANSWER_C" if case_sensitive else "SHORTANSWER"
            answers = [(a["text"], a.get("credit", 1)) for a in blank.get("answers", [])]
        inner = "~".join(_cloze_percent(c) + _escape_cloze(t) for t, c in answers)
        return f"{{{weight}:{kind}:{inner}}}"

    return re.sub(r"\[\[(\w+)\]\]", code, body.get("text", ""))


_EXPORTERS = {
    "single_choice": _export_single_choice,
    "multiple_response": _export_multiple_response,
    "true_false": _export_true_false,
    "short_answer": _export_short_answer,
    "numeric": _export_numeric,
    "matching": _export_matching,
    "ordering": _export_ordering,
    "cloze": lambda question, body: None,
    "essay": _export_essay,
    "practical": _export_practical,
}

"""GIFT (Moodle's plain-text question format) → item drafts.

Supported, as Moodle documents GIFT: multiple choice (``=`` right, ``~`` wrong, ``~%50%`` weights; without any
``=`` and with several positive weights it is a multiple-response question), true/false (``{T}``, ``{TRUE}``,
``{F}``, ``{FALSE}``, ``#wrong feedback#right feedback``), short answer (only ``=`` answers), numeric (``{#3.5:0.1}``,
``{#1..5}``, several ``=`` answers with weights), matching (``=prompt -> answer``; an empty prompt is an extra answer),
essay (``{}``), missing word (text after the braces: a choice or short answer becomes a one-blank cloze, other
kinds keep ``_____`` in the stem), ``::title::``, ``[html]``/``[moodle]``/``[plain]``/``[markdown]`` markers (all but
html are escaped as plain text), ``$CATEGORY:`` lines (tag ``category:<path>`` on the following questions),
``//`` comment lines (``[tag:…]`` in them becomes a tag, as Moodle 3.8+ writes), escapes ``\\~ \\= \\# \\{ \\} \\: \\\\
\\n``, per-answer feedback ``#`` and general feedback ``####``. Questions are separated by blank lines; a broken one is
reported with its first line and the next one is read.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from django.utils.translation import gettext as _

from ._common import auto_title, category_tag, credit_from_percent, nfc, option_key, plain_to_html, text_to_plain
from .drafts import ImportProblem, ItemDraft

__all__ = ["parse_gift"]

# escaped characters are swapped for private-use code points while parsing, and put back in every output string
_ESCAPABLE = "\\~=#{}:"
_HIDE = {ch: chr(0xE000 + i) for i, ch in enumerate(_ESCAPABLE)}
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})
_ESCAPE_RE = re.compile(r"\\([\\~=#{}:n])")
_FORMAT_RE = re.compile(r"^\[(html|moodle|plain|markdown)\]\s*", re.IGNORECASE)
_WEIGHT_RE = re.compile(r"^%([^%]*)%")
_TAG_RE = re.compile(r"\[tag:([^\]]+)\]")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class _Bad(Exception):
    """A question that cannot be imported; the message is ready for editors."""


def parse_gift(text: str | bytes) -> tuple[list[ItemDraft], list[ImportProblem]]:
    """Parse a GIFT file (str, or UTF-8 bytes with or without BOM) into drafts and problems, both in file order."""
    drafts: list[ItemDraft] = []
    problems: list[ImportProblem] = []
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            problems.append(
                ImportProblem(line, _("Line %(line)s: the file is not UTF-8 text; save it as UTF-8.") % {"line": line})
            )
            return drafts, problems
    text = nfc(text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")

    category: str | None = None
    for block in _blocks(text.split("\n")):
        content = [(n, line) for n, line in block if not line.startswith("//")]
        comment_tags = [nfc(tag.strip()) for n, line in block if line.startswith("//") for tag in _TAG_RE.findall(line)]
        if content and content[0][1].startswith("$CATEGORY:"):
            category = category_tag(content[0][1][len("$CATEGORY:") :])
            content = content[1:]
        if not content:
            continue
        line = content[0][0]
        tags = ([category] if category else []) + [t for t in comment_tags if t]
        try:
            drafts.append(_question("\n".join(text for _n, text in content), line, tags))
        except _Bad as exc:
            problems.append(ImportProblem(line, str(exc)))
    return drafts, problems


def _blocks(lines: list[str]):
    """Blank-line separated groups of (line number, stripped line)."""
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line:
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _msg(msgid: str, line: int, **params) -> _Bad:
    return _Bad(msgid % {"line": line, **params})


def _with_format(text: str, default: str) -> tuple[str, str]:
    match = _FORMAT_RE.match(text)
    if match:
        return match.group(1).lower(), text[match.end() :]
    return default, text


def _stem_html(text: str, fmt: str) -> str:
    return text.strip() if fmt == "html" else plain_to_html(text.strip())


def _segment_html(text: str, fmt: str) -> str:
    """A piece of cloze text (spacing kept) as HTML; a literal "[[" cannot be taken for a blank."""
    html = text if fmt == "html" else plain_to_html(text)
    return html.replace("[[", "[&#91;")


def _plain(text: str, fmt: str) -> str:
    fmt, text = _with_format(text.strip(), fmt)
    return text_to_plain(text, "html" if fmt == "html" else "plain_text")


def _split_feedback(piece: str, fmt: str) -> tuple[str, str]:
    text, _sep, feedback = piece.partition("#")
    return _plain(text, fmt), _plain(feedback, fmt)


def _weight(piece: str, line: int) -> tuple[Decimal | None, str]:
    """The ``%n%`` weight at the start of an answer as a credit (None when there is none), and the rest."""
    match = _WEIGHT_RE.match(piece)
    if not match:
        return None, piece
    try:
        value = credit_from_percent(match.group(1))
    except ValueError:
        value = None
    if value is None or not -1 <= value <= 1:
        raise _msg(
            _("Line %(line)s: the weight “%(value)s” is not a percentage between -100 and 100."),
            line,
            value=match.group(0).translate(_SHOW),
        )
    return value, piece[match.end() :].strip()


def _pieces(answer: str, marker: str, line: int) -> list[str]:
    """Answers split on ``marker`` (kept at their start); text before the first marker is a syntax error."""
    head, *rest = answer.split(marker)
    if head.strip():
        raise _msg(_unknown_msg(), line)
    return [marker + piece.strip() for piece in rest]


def _unknown_msg() -> str:
    return _("Line %(line)s: the answers could not be understood; mark right answers with “=” and wrong ones with “~”.")


def _no_correct(line: int) -> _Bad:
    return _msg(_("Line %(line)s: the question has no correct answer."), line)


def _empty_answer(line: int) -> _Bad:
    return _msg(_("Line %(line)s: one of the answers is empty."), line)


def _empty_list(line: int) -> _Bad:
    return _msg(_("Line %(line)s: the answer list is empty."), line)


def _question(raw: str, line: int, tags: list[str]) -> ItemDraft:
    text = _ESCAPE_RE.sub(lambda m: "\n" if m.group(1) == "n" else _HIDE[m.group(1)], raw)
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _msg(_("Line %(line)s: the title “::…::” is not closed."), line)
        title = " ".join(text[2:end].split())
        text = text[end + 2 :].strip()
    fmt, text = _with_format(text, "moodle")

    start, first_close = text.find("{"), text.find("}")
    if start < 0 or 0 <= first_close < start:
        if first_close >= 0:
            raise _msg(_("Line %(line)s: “}” appears without an opening “{”; write \\} for a literal brace."), line)
        raise _msg(_("Line %(line)s: the question has no answer block {…}."), line)
    end = text.find("}", start + 1)
    if end < 0 or "{" in text[start + 1 : end]:
        raise _msg(_("Line %(line)s: the answer block opened with “{” is not closed with “}”."), line)
    before, answer, after = text[:start], text[start + 1 : end].strip(), text[end + 1 :]
    if "{" in after or "}" in after:
        raise _msg(
            _("Line %(line)s: the question has more than one answer block {…}; write \\{ and \\} for literal braces."),
            line,
        )

    general_feedback = ""
    split_at = answer.rfind("####")
    if split_at >= 0:
        general_feedback = _plain(answer[split_at + 4 :], fmt)
        answer = answer[:split_at].strip()

    kind, body = _answers(answer, fmt, line)
    stem = _stem_html(before, fmt)
    if after.strip():
        if kind in ("single_choice", "short_answer"):
            kind, body = "cloze", _missing_word(kind, body, before, after, fmt)
            stem = ""
        else:
            stem = _stem_html(before.rstrip() + " _____ " + after.lstrip(), fmt)
    elif not stem:
        raise _msg(_("Line %(line)s: the question text is empty."), line)

    if not title:
        title = auto_title(body["text"].replace("[[1]]", "_____") if kind == "cloze" else stem)
    draft = ItemDraft(
        kind=kind,
        title=title,
        stem=stem,
        body=body,
        general_feedback=general_feedback,
        tags=list(tags),
        line=line,
    )
    return _show(draft)


def _show(value):
    """Put the escaped characters back in every string of a draft."""
    if isinstance(value, str):
        return nfc(value.translate(_SHOW))
    if isinstance(value, list):
        return [_show(v) for v in value]
    if isinstance(value, dict):
        return {k: _show(v) for k, v in value.items()}
    if isinstance(value, ItemDraft):
        value.title = _show(value.title)
        value.stem = _show(value.stem)
        value.body = _show(value.body)
        value.general_feedback = _show(value.general_feedback)
        value.tags = _show(value.tags)
        return value
    return value


def _answers(answer: str, fmt: str, line: int) -> tuple[str, dict]:
    if not answer:
        return "essay", {"min_words": 0, "max_words": None, "response_template": ""}
    if answer.startswith("#"):
        return "numeric", _numeric(answer[1:], line)
    if "~" in answer:
        return _choice(answer, fmt, line)
    if "=" in answer and "->" in answer:
        return "matching", _matching(answer, fmt, line)
    head, *feedback = answer.split("#")
    if head.strip().upper() in _TRUE_FALSE:
        correct = _TRUE_FALSE[head.strip().upper()]
        wrong = _plain(feedback[0], fmt) if feedback else ""
        right = _plain("#".join(feedback[1:]), fmt) if len(feedback) > 1 else ""
        return "true_false", {
            "correct": correct,
            "feedback_true": right if correct else wrong,
            "feedback_false": wrong if correct else right,
        }
    if "=" in answer:
        return "short_answer", _short_answer(answer, fmt, line)
    raise _msg(_unknown_msg(), line)


def _choice(answer: str, fmt: str, line: int) -> tuple[str, dict]:
    pieces = _pieces(answer.replace("=", "~="), "~", line)
    options, has_equals = [], False
    for index, piece in enumerate(pieces):
        piece = piece[1:].strip()  # the "~"
        if piece.startswith("="):
            has_equals = True
            weight, piece = _weight(piece[1:].strip(), line)
            weight = Decimal(1) if weight is None else weight
        else:
            weight, piece = _weight(piece, line)
            weight = Decimal(0) if weight is None else weight
        text, feedback = _split_feedback(piece, fmt)
        if not text:
            raise _empty_answer(line)
        options.append({"key": option_key(index), "text": text, "weight": weight, "feedback": feedback})
    if not options:
        raise _empty_list(line)
    if len(options) < 2:
        raise _msg(_("Line %(line)s: a choice question needs at least 2 answers."), line)
    positive = [o for o in options if o["weight"] > 0]
    if not positive:
        raise _no_correct(line)
    if has_equals or len(positive) == 1:
        if not any(o["weight"] == 1 for o in options):
            raise _msg(_("Line %(line)s: no answer is fully correct (100%%)."), line)
        return "single_choice", {
            "options": [
                {"key": o["key"], "text": o["text"], "credit": max(o["weight"], Decimal(0)), "feedback": o["feedback"]}
                for o in options
            ],
            "shuffle": True,
        }
    return "multiple_response", {
        "options": [
            {"key": o["key"], "text": o["text"], "correct": o["weight"] > 0, "feedback": o["feedback"]} for o in options
        ],
        "shuffle": True,
        "scoring": "partial",
    }


def _short_answer(answer: str, fmt: str, line: int) -> dict:
    answers = []
    for piece in _pieces(answer, "=", line):
        weight, piece = _weight(piece[1:].strip(), line)
        weight = Decimal(1) if weight is None else weight
        if weight < 0:
            raise _msg(
                _("Line %(line)s: the weight “%(value)s” is not a percentage between -100 and 100."),
                line,
                value=f"%{weight * 100}%",
            )
        text, feedback = _split_feedback(piece, fmt)
        if not text:
            raise _empty_answer(line)
        answers.append({"text": text, "credit": weight, "feedback": feedback})
    if not answers:
        raise _empty_list(line)
    if not any(a["credit"] > 0 for a in answers):
        raise _no_correct(line)
    return {"answers": answers, "case_sensitive": False, "diacritics": "optional"}


def _number(text: str, line: int) -> float:
    candidate = text.strip()
    if "," in candidate and "." not in candidate:
        candidate = candidate.replace(",", ".")
    value = float(candidate) if _NUMBER_RE.match(candidate) else math.nan
    if not math.isfinite(value):
        raise _msg(_("Line %(line)s: “%(value)s” is not a valid number."), line, value=text.strip().translate(_SHOW))
    return value


def _numeric(answer: str, line: int) -> dict:
    answer = answer.split("~", 1)[0].strip()  # "~#…": feedback for any other answer, which items do not keep
    pieces = [p[1:] for p in _pieces(answer, "=", line)] if "=" in answer else [answer]
    answers = []
    for piece in pieces:
        weight, piece = _weight(piece.strip(), line)
        weight = Decimal(1) if weight is None else weight
        value_text, _sep, feedback = piece.partition("#")
        value_text = value_text.strip()
        if not value_text:
            raise _empty_list(line) if len(pieces) == 1 else _empty_answer(line)
        if ".." in value_text:
            low_text, high_text = value_text.split("..", 1)
            low, high = _number(low_text, line), _number(high_text, line)
            if low > high:
                raise _msg(_("Line %(line)s: the range “%(value)s” is not valid."), line, value=value_text)
            value, tolerance = (low + high) / 2, (high - low) / 2
        elif ":" in value_text:
            value_part, tolerance_part = value_text.split(":", 1)
            value, tolerance = _number(value_part, line), _number(tolerance_part, line)
            if tolerance < 0:
                raise _msg(_("Line %(line)s: “%(value)s” is not a valid number."), line, value=tolerance_part.strip())
        else:
            value, tolerance = _number(value_text, line), 0.0
        if weight < 0:
            raise _msg(
                _("Line %(line)s: the weight “%(value)s” is not a percentage between -100 and 100."),
                line,
                value=f"%{weight * 100}%",
            )
        answers.append(
            {"value": value, "tolerance": tolerance, "credit": weight, "feedback": text_to_plain(feedback, "plain")}
        )
    if not any(a["credit"] > 0 for a in answers):
        raise _no_correct(line)
    return {"answers": answers, "unit": ""}


def _matching(answer: str, fmt: str, line: int) -> dict:
    pairs, extras = [], []
    for piece in _pieces(answer, "=", line):
        if "->" not in piece:
            raise _msg(_("Line %(line)s: each matching pair needs “->” between the prompt and its answer."), line)
        prompt, target = (part for part in piece[1:].split("->", 1))
        prompt, target = _plain(prompt, fmt), _plain(target, fmt)
        if not target:
            raise _empty_answer(line)
        (pairs if prompt else extras).append((prompt, target))
    if len(pairs) < 2:
        raise _msg(_("Line %(line)s: a matching question needs at least 2 pairs “prompt -> answer”."), line)
    return {
        "pairs": [{"key": option_key(i), "prompt": p, "answer": a} for i, (p, a) in enumerate(pairs)],
        "extra_answers": [{"key": option_key(len(pairs) + i), "text": a} for i, (_p, a) in enumerate(extras)],
        "shuffle": True,
    }


def _missing_word(kind: str, body: dict, before: str, after: str, fmt: str) -> dict:
    if kind == "single_choice":
        blank = {
            "key": "1",
            "mode": "choice",
            "answers": [],
            "options": [{"key": o["key"], "text": o["text"], "credit": o["credit"]} for o in body["options"]],
            "weight": 1,
        }
    else:
        blank = {
            "key": "1",
            "mode": "text",
            "answers": [{"text": a["text"], "credit": a["credit"]} for a in body["answers"]],
            "options": [],
            "weight": 1,
        }
    return {
        "text": (_segment_html(before.lstrip(), fmt) + "[[1]]" + _segment_html(after.rstrip(), fmt)).strip(),
        "blanks": [blank],
        "case_sensitive": False,
        "diacritics": "optional",
    }

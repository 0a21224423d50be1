"""The item kinds of the assessment engine: what a body may hold, how an attempt shows it, reads it back and scores it.

One class per kind, one shared instance of each in ``ITEM_TYPES[kind]`` (var/spec6.md is the contract).

- ``clean_body(body)`` checks and normalises what an editor (or an import) wrote; ``ValidationError`` for editors.
- ``present(body, rng)`` draws the per-attempt presentation: option keys in the order this learner sees them.
- ``public(body, presentation, response=None)`` is all the browser may see: texts in shown order with positional
  tokens "1", "2", … — never keys, credits, ``correct`` flags or feedback. Given the stored response, it also marks
  what the learner chose (``selected``/``rank``/``value``) so the template can prefill the form.
- ``parse(body, presentation, data, prefix)`` turns form data (a QueryDict, or a dict of lists) back into the stored
  response, in keys. Strict about tampering (``ResponseError``), lenient about gaps: an empty form is an empty
  response, so a partly answered quiz can be autosaved.
- ``score(body, response)`` gives an ``Outcome``; ``review(body, presentation, response)`` what a closed attempt's
  review page shows.

Texts in bodies (options, prompts, answers, the cloze text) are plain text: templates escape them. Only the stem,
kept beside the body on the item version, is HTML. Credits are stored in bodies as JSON numbers rounded to 4 places
and computed with ``Decimal``, never with float sums.
"""

from __future__ import annotations

import bisect
import math
import random
import re
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.api import fold

MAX_TEXT = 10_000  # characters a learner may send in one text answer
MAX_BODY_TEXT = 10_000  # characters an editor may put in one option, prompt or answer
MAX_KEY = 40
PLACES = Decimal("0.0001")
ZERO = Decimal(0)
ONE = Decimal(1)
DEFAULT_ALLOWED_TYPES = ["image/png", "image/jpeg", "application/pdf"]
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")
_POSITION = re.compile(r"[1-9][0-9]{0,5}")
_MARKER = re.compile(r"\[\[([A-Za-z0-9_-]{1,40})\]\]")
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_SHA256 = re.compile(r"[0-9a-f]{64}")


# --- Results ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    credit: Decimal | None  # None = needs an examiner
    needs_review: bool
    feedback: str = ""  # learner-facing, shown only when the policy allows
    detail: dict = field(default_factory=dict)  # per option/blank/pair: right or wrong, for review (JSON-safe)


class ResponseError(ValueError):
    """Form data that no honest form could have sent (a position out of range, a duplicate, text too long)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def quantise(value: Decimal | int) -> Decimal:
    """A credit rounded to 4 places and clamped to [0, 1]."""
    value = Decimal(value)
    value = min(max(value, ZERO), ONE)
    return value.quantize(PLACES, rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    """'0.5', '1', '0.3333': a credit as a short string (JSON-safe, for review dicts)."""
    text = format(value.quantize(PLACES), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _percent(value: Decimal) -> str:
    text = format((value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _decimal(number: Any) -> Decimal:
    """A stored JSON number (int or float) as the Decimal it was written as: 0.1 stays 0.1."""
    if isinstance(number, Decimal):
        return number
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def word_count(text: str) -> int:
    return len((text or "").split())


# --- Text ---------------------------------------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _strip_marks(text: str) -> str:
    """Without diacritics but keeping case (for case-sensitive answers whose diacritics are optional)."""
    decomposed = unicodedata.normalize("NFD", text.translate(str.maketrans({"đ": "d", "Đ": "D"})))
    return _nfc("".join(char for char in decomposed if not unicodedata.combining(char)))


def normalise_answer(text: str, *, case_sensitive: bool = False, diacritics: str = "optional") -> str:
    """The form a typed answer and an accepted answer are compared in (NFC, single spaces, casefolded unless
    case-sensitive; through ``lms.api.fold`` when diacritics are optional)."""
    text = " ".join(_nfc(text or "").split())
    if diacritics == "optional":
        return _strip_marks(text) if case_sensitive else fold(text)
    return text if case_sensitive else _nfc(text.casefold())


def _wildcard_pieces(pattern: str) -> list[str]:
    """'Hà *' -> ['Hà ', '']: the literal pieces between wildcards; '\\*' is a literal asterisk (Moodle)."""
    pieces, current, index = [], [], 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and pattern[index + 1 : index + 2] == "*":
            current.append("*")
            index += 2
            continue
        if char == "*":
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    pieces.append("".join(current))
    return pieces


def _wildcard_match(pieces: list[str], text: str) -> bool:
    """Glob matching in linear time (no regular expression to backtrack on a 10 000-character answer)."""
    if len(pieces) == 1:
        return text == pieces[0]
    first, *middle, last = pieces
    if len(first) + len(last) > len(text) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for piece in middle:
        found = text.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def answer_matches(accepted: str, given: str, *, case_sensitive: bool = False, diacritics: str = "optional") -> bool:
    flags = {"case_sensitive": case_sensitive, "diacritics": diacritics}
    return _wildcard_match(_wildcard_pieces(normalise_answer(accepted, **flags)), normalise_answer(given, **flags))


def _best_answer(answers: list[dict], given: str, flags: dict) -> tuple[int | None, Decimal]:
    """The index of the best matching accepted answer and its credit (None, 0 when none matches)."""
    best, best_credit = None, ZERO
    if not (given or "").strip():
        return None, ZERO
    for index, answer in enumerate(answers):
        if answer_matches(answer["text"], given, **flags):
            credit = _decimal(answer.get("credit", 1))
            if best is None or credit > best_credit:
                best, best_credit = index, credit
    return best, best_credit


# --- Numbers ------------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"([+-]?)([0-9.,]+)(?:[eE]([+-]?[0-9]{1,3}))?")


def _grouped(mark: str) -> re.Pattern:
    return re.compile(r"[0-9]{1,3}(?:" + re.escape(mark) + r"[0-9]{3})+")


def parse_number(text: str) -> Decimal | None:
    """A number typed in Vietnamese or English notation, or None.

    "3,5", "3.5", "1.000,5", "1,000.5", "-2", " 7 ": when both "." and "," occur the last one is the decimal mark
    (the other must group digits by three); a lone "," is decimal; dots grouping exactly 3 digits two or more times
    (1.000.000) are thousands, as are commas doing so (1,000,000); otherwise "." is decimal — so "1.000" is 1.
    An exponent ("1e3") and the minus sign U+2212 are understood too.
    """
    if not isinstance(text, str):
        return None
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    match = _NUMBER.fullmatch(cleaned)
    if not match:
        return None
    sign, mantissa, exponent = match.groups()
    if "," in mantissa and "." in mantissa:
        decimal_mark = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        integer, _mark, fraction = mantissa.rpartition(decimal_mark)
        if decimal_mark in integer or not _grouped(group_mark).fullmatch(integer):
            return None
        integer = integer.replace(group_mark, "")
    elif "," in mantissa or "." in mantissa:
        mark = "," if "," in mantissa else "."
        if mantissa.count(mark) == 1:
            integer, fraction = mantissa.split(mark)
        elif _grouped(mark).fullmatch(mantissa):
            integer, fraction = mantissa.replace(mark, ""), ""
        else:
            return None
    else:
        integer, fraction = mantissa, ""
    if not integer and not fraction:
        return None
    try:
        value = Decimal(f"{sign}{integer or '0'}.{fraction or '0'}")
        if exponent:
            value = value.scaleb(int(exponent))
    except InvalidOperation:
        return None
    return value if math.isfinite(float(value)) else None


# --- Form data ----------------------------------------------------------------------------------------------------


def _unreadable() -> ResponseError:
    return ResponseError(_("The answer could not be read. Reload the page and answer again."))


def _values(data: Any, name: str) -> list[str]:
    """Every value sent under ``name``: from a QueryDict, or a dict of lists (or of single values)."""
    if data is None:
        return []
    if hasattr(data, "getlist"):
        raw = data.getlist(name)
    else:
        raw = data.get(name)
        if raw is None:
            raw = []
        elif not isinstance(raw, list | tuple):
            raw = [raw]
    if not all(isinstance(value, str) for value in raw):
        raise _unreadable()
    return list(raw)


def _one(data: Any, name: str) -> str:
    """The single value of a field ("" when absent); two values for one field is not something a form sends."""
    values = _values(data, name)
    if len(values) > 1:
        raise _unreadable()
    return values[0] if values else ""


def _free_text(value: str) -> str:
    text = _nfc(value).replace("\x00", "").replace("\r\n", "\n")
    if len(text) > MAX_TEXT:
        raise ResponseError(
            _("The answer is too long: at most %(limit)s characters are allowed.")
            % {"limit": f"{MAX_TEXT:,}".replace(",", ".")}
        )
    return text


def _position(token: str, count: int) -> int:
    """The 0-based index a positional token ("1", "2", …) stands for."""
    token = token.strip()
    if not _POSITION.fullmatch(token):
        raise _unreadable()
    index = int(token) - 1
    if index >= count:
        raise ResponseError(_("The answer names an option that is not shown. Reload the page and answer again."))
    return index


def _suffixes(data: Any, stem: str) -> set[str]:
    """The suffixes of every field named ``stem…`` (e.g. "pair-3" -> "3"), to refuse ones the form never had."""
    if data is None:
        return set()
    return {name[len(stem) :] for name in data if isinstance(name, str) and name.startswith(stem)}


def _check_tokens(data: Any, stem: str, count: int) -> None:
    for suffix in _suffixes(data, stem):
        if not _POSITION.fullmatch(suffix) or int(suffix) > count:
            raise ResponseError(_("The answer names a part of the question that does not exist. Reload the page."))


def _arrange(keys: list[str], shown: Any) -> list[str]:
    """The body's keys in presentation order; keys the presentation lacks go last, unknown ones are dropped."""
    known, seen, ordered = set(keys), set(), []
    for key in shown if isinstance(shown, list) else []:
        if isinstance(key, str) and key in known and key not in seen:
            ordered.append(key)
            seen.add(key)
    return ordered + [key for key in keys if key not in seen]


def _shown(presentation: dict | None, name: str) -> Any:
    return (presentation or {}).get(name) if isinstance(presentation, dict) else None


# --- Checking bodies ----------------------------------------------------------------------------------------------


class _Check:
    """Collects every problem of a body, so an editor sees them all at once."""

    def __init__(self, body: Any):
        self.errors: list[str] = []
        if not isinstance(body, dict):
            raise ValidationError(_("The question's answers are not in the expected form."))
        self.body = body

    def fail(self, message: str) -> None:
        self.errors.append(message)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def flag(self, name: str, default: bool) -> bool:
        value = self.body.get(name, default)
        if not isinstance(value, bool):
            self.fail(_("“%(name)s” must be true or false.") % {"name": name})
            return default
        return value

    def text(self, value: Any, where: str, *, required: bool = True, limit: int = MAX_BODY_TEXT) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(_("%(where)s must be text.") % {"where": where})
            return ""
        text = _nfc(value).replace("\x00", "").replace("\r\n", "\n").strip()
        if required and not text:
            self.fail(_("%(where)s is empty.") % {"where": where})
        if len(text) > limit:
            self.fail(_("%(where)s is too long (at most %(limit)s characters).") % {"where": where, "limit": limit})
        return text

    def credit(self, value: Any, where: str) -> int | float:
        """A credit between 0 and 1 as a JSON number rounded to 4 places (1 and 0 stay integers)."""
        try:
            if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
                raise InvalidOperation
            number = _decimal(value.strip() if isinstance(value, str) else value)
            if not number.is_finite() or not ZERO <= number <= ONE:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.fail(_("%(where)s: the credit must be a number from 0 to 1.") % {"where": where})
            return 0
        number = number.quantize(PLACES, rounding=ROUND_HALF_UP)
        return int(number) if number == number.to_integral_value() else float(number)

    def number(self, value: Any, where: str, *, minimum: Decimal | None = None) -> float:
        if isinstance(value, str):
            parsed = parse_number(value)
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            parsed = _decimal(value) if math.isfinite(value) else None
        else:
            parsed = None
        if parsed is None or (minimum is not None and parsed < minimum):
            self.fail(
                _("%(where)s must be a number.") % {"where": where}
                if minimum is None
                else _("%(where)s must be a number, at least %(minimum)s.") % {"where": where, "minimum": minimum}
            )
            return 0.0
        return float(parsed)

    def entries(self, value: Any, what: str) -> list[dict]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            self.fail(_("%(what)s must be a list.") % {"what": what})
            return []
        return value

    def keys(self, entries: list[dict], cleaned: list[dict], used: set[str] | None = None) -> None:
        """Copy each entry's key onto its cleaned twin, giving entries without one a fresh key ("a", "b", …)."""
        used = set() if used is None else used
        wanted = [entry.get("key") for entry in entries]
        for key in wanted:
            if key is None or key == "":
                continue
            if not isinstance(key, str) or not _KEY.fullmatch(key):
                self.fail(
                    _("The key “%(key)s” may only hold letters, digits, “-” and “_” (at most 40).") % {"key": key}
                )
            elif key in used:
                self.fail(_("The key “%(key)s” is used twice.") % {"key": key})
            used.add(str(key))
        counter = 0
        for key, entry in zip(wanted, cleaned, strict=True):
            if key is None or key == "":
                while (key := _fresh_key(counter)) in used:
                    counter += 1
                used.add(key)
            entry["key"] = str(key)

    def distinct(self, texts: list[str], what: str) -> None:
        seen = set()
        for text in texts:
            if text and text in seen:
                self.fail(_("%(what)s “%(text)s” appears twice.") % {"what": what, "text": text[:80]})
            seen.add(text)


def _fresh_key(counter: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[counter] if counter < len(letters) else f"k{counter}"


def _option_label(number: int) -> str:
    return _("Option %(number)s") % {"number": number}


def _answer_label(number: int) -> str:
    return _("Answer %(number)s") % {"number": number}


# --- The kinds ----------------------------------------------------------------------------------------------------


class ItemType(ABC):
    kind: ClassVar[str] = ""
    label: ClassVar[Any] = ""
    needs_review: ClassVar[bool] = False
    template: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.template = f"assessments/items/{cls.kind}.html"

    @abstractmethod
    def clean_body(self, body: dict) -> dict:
        """Each kind says."""

    def present(self, body: dict, rng: random.Random) -> dict:
        return {}

    @abstractmethod
    def public(self, body: dict, presentation: dict, response: dict | None = None) -> dict:
        """Each kind says."""

    @abstractmethod
    def parse(self, body: dict, presentation: dict, data: Any, prefix: str) -> dict:
        """Each kind says."""

    @abstractmethod
    def score(self, body: dict, response: dict | None) -> Outcome:
        """Each kind says."""

    @abstractmethod
    def review(self, body: dict, presentation: dict, response: dict | None) -> dict:
        """Each kind says."""

    @abstractmethod
    def is_empty(self, body: dict, response: dict | None) -> bool:
        """Whether the learner has not answered (an empty response scores 0 and needs no examiner)."""

    # what every review dict starts with
    def _summary(self, body: dict, response: dict | None) -> tuple[Outcome, dict]:
        outcome = self.score(body, response)
        if self.is_empty(body, response):
            status = "unanswered"
        elif outcome.credit is None:
            status = "pending"
        elif outcome.credit == ONE:
            status = "correct"
        elif outcome.credit == ZERO:
            status = "incorrect"
        else:
            status = "partial"
        summary = {
            "status": status,
            "credit": None if outcome.credit is None else _plain(outcome.credit),
            "percent": None if outcome.credit is None else _percent(outcome.credit),
            "feedback": outcome.feedback,
        }
        return outcome, summary


def _zero(detail: dict | None = None) -> Outcome:
    return Outcome(credit=quantise(ZERO), needs_review=False, detail=detail or {})


def _response(response: Any) -> dict:
    return response if isinstance(response, dict) else {}


def _clean_image(check: _Check, entry: dict, where: str) -> dict:
    """An option may show a picture (a Wagtail image id); its text alternative is required, for screen readers."""
    image = entry.get("image")
    if image in (None, ""):
        return {}
    if isinstance(image, bool) or not isinstance(image, int) or image < 1:
        check.fail(_("%(where)s: the picture must be an image from the image library.") % {"where": where})
        return {}
    alt = check.text(entry.get("image_alt", ""), where, required=False, limit=500)
    if not alt.strip():
        check.fail(_("%(where)s: describe the picture in words (for people who cannot see it).") % {"where": where})
    return {"image": image, "image_alt": alt}


def _image(option: dict) -> dict:
    return {"image": option["image"], "image_alt": option.get("image_alt", "")} if option.get("image") else {}


class _ChoiceBase(ItemType):
    """Options with keys, shown in a shuffled order."""

    def _clean_options(self, check: _Check, *, scored_by: str) -> list[dict]:
        raw = check.entries(check.body.get("options"), _("The options"))
        options = []
        for number, entry in enumerate(raw, start=1):
            where = _option_label(number)
            option = {"key": "", "text": check.text(entry.get("text"), where)}
            if scored_by == "credit":
                option["credit"] = check.credit(entry.get("credit", 0), where)
            else:
                correct = entry.get("correct", False)
                if not isinstance(correct, bool):
                    check.fail(_("%(where)s: “correct” must be true or false.") % {"where": where})
                option["correct"] = correct is True
            option["feedback"] = check.text(entry.get("feedback", ""), where, required=False)
            option.update(_clean_image(check, entry, where))
            options.append(option)
        check.keys(raw, options)
        check.distinct([option["text"] for option in options], _("The option"))
        if len(options) < 2:
            check.fail(_("The question needs at least two options."))
        return options

    def present(self, body, rng):
        keys = [option["key"] for option in body["options"]]
        if body.get("shuffle", True):
            rng.shuffle(keys)
        return {"options": keys}

    def _order(self, body, presentation) -> list[dict]:
        by_key = {option["key"]: option for option in body["options"]}
        return [by_key[key] for key in _arrange(list(by_key), _shown(presentation, "options"))]


class SingleChoice(_ChoiceBase):
    kind = "single_choice"
    label = gettext_lazy("single choice")

    def clean_body(self, body):
        check = _Check(body)
        options = self._clean_options(check, scored_by="credit")
        if options and not any(option["credit"] == 1 for option in options):
            check.fail(_("At least one option must give full credit (1)."))
        shuffle = check.flag("shuffle", True)
        check.done()
        return {"options": options, "shuffle": shuffle}

    def public(self, body, presentation, response=None):
        chosen = _response(response).get("choice")
        return {
            "kind": self.kind,
            "options": [
                {"position": str(number), "text": option["text"], "selected": option["key"] == chosen, **_image(option)}
                for number, option in enumerate(self._order(body, presentation), start=1)
            ],
        }

    def parse(self, body, presentation, data, prefix):
        token = _one(data, f"{prefix}choice").strip()
        if not token:
            return {"choice": None}
        order = self._order(body, presentation)
        return {"choice": order[_position(token, len(order))]["key"]}

    def is_empty(self, body, response):
        return not _response(response).get("choice")

    def score(self, body, response):
        chosen = _response(response).get("choice")
        detail = {
            "options": {
                option["key"]: {"chosen": option["key"] == chosen, "correct": option["credit"] == 1}
                for option in body["options"]
            }
        }
        option = next((option for option in body["options"] if option["key"] == chosen), None)
        if option is None:
            return _zero(detail)
        return Outcome(quantise(_decimal(option["credit"])), False, option.get("feedback", ""), detail)

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        chosen = _response(response).get("choice")
        summary["options"] = [
            {
                "position": str(number),
                "text": option["text"],
                **_image(option),
                "chosen": option["key"] == chosen,
                "correct": option["credit"] == 1,
                "partial": 0 < option["credit"] < 1,
                "percent": _percent(_decimal(option["credit"])),
                "feedback": option.get("feedback", ""),
            }
            for number, option in enumerate(self._order(body, presentation), start=1)
        ]
        summary["feedback"] = ""  # each chosen option's feedback is shown beside it
        return summary


class MultipleResponse(_ChoiceBase):
    kind = "multiple_response"
    label = gettext_lazy("multiple response")

    def clean_body(self, body):
        check = _Check(body)
        options = self._clean_options(check, scored_by="correct")
        if options and not any(option["correct"] for option in options):
            check.fail(_("At least one option must be correct."))
        scoring = body.get("scoring", "partial")
        if scoring not in ("partial", "all_or_nothing"):
            check.fail(_("The scoring must be “partial” or “all_or_nothing”."))
        shuffle = check.flag("shuffle", True)
        check.done()
        return {"options": options, "shuffle": shuffle, "scoring": scoring}

    def _chosen(self, response) -> set[str]:
        choices = _response(response).get("choices")
        return {key for key in choices if isinstance(key, str)} if isinstance(choices, list) else set()

    def public(self, body, presentation, response=None):
        chosen = self._chosen(response)
        return {
            "kind": self.kind,
            "options": [
                {"position": str(number), "text": option["text"], "selected": option["key"] in chosen, **_image(option)}
                for number, option in enumerate(self._order(body, presentation), start=1)
            ],
        }

    def parse(self, body, presentation, data, prefix):
        order = self._order(body, presentation)
        indexes = [_position(token, len(order)) for token in _values(data, f"{prefix}choices") if token.strip()]
        if len(set(indexes)) != len(indexes):
            raise ResponseError(_("The same option was sent twice. Reload the page and answer again."))
        chosen = {order[index]["key"] for index in indexes}
        return {"choices": [option["key"] for option in body["options"] if option["key"] in chosen]}

    def is_empty(self, body, response):
        return not self._chosen(response)

    def score(self, body, response):
        chosen = self._chosen(response)
        options = body["options"]
        detail = {
            "options": {
                option["key"]: {"chosen": option["key"] in chosen, "correct": option["correct"]} for option in options
            }
        }
        correct = {option["key"] for option in options if option["correct"]}
        wrong = {option["key"] for option in options} - correct
        hits, false_picks = len(chosen & correct), len(chosen & wrong)
        if body.get("scoring", "partial") == "all_or_nothing":
            credit = ONE if (chosen & (correct | wrong)) == correct else ZERO
        else:
            credit = Decimal(hits) / Decimal(len(correct))
            if wrong:
                credit -= Decimal(false_picks) / Decimal(len(wrong))
        feedback = "\n".join(option["feedback"] for option in options if option["key"] in chosen and option["feedback"])
        return Outcome(quantise(max(credit, ZERO)), False, feedback, detail)

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        chosen = self._chosen(response)
        summary["options"] = [
            {
                "position": str(number),
                "text": option["text"],
                **_image(option),
                "chosen": option["key"] in chosen,
                "correct": option["correct"],
                "feedback": option.get("feedback", ""),
            }
            for number, option in enumerate(self._order(body, presentation), start=1)
        ]
        summary["feedback"] = ""  # each chosen option's feedback is shown beside it
        return summary


class TrueFalse(ItemType):
    kind = "true_false"
    label = gettext_lazy("true or false")

    def clean_body(self, body):
        check = _Check(body)
        correct = body.get("correct")
        if not isinstance(correct, bool):
            check.fail(_("Say whether the statement is true or false."))
        cleaned = {
            "correct": correct is True,
            "feedback_true": check.text(body.get("feedback_true", ""), _("Feedback for “true”"), required=False),
            "feedback_false": check.text(body.get("feedback_false", ""), _("Feedback for “false”"), required=False),
        }
        check.done()
        return cleaned

    def public(self, body, presentation, response=None):
        value = _response(response).get("value")
        return {
            "kind": self.kind,
            "options": [
                {"value": "true", "text": str(_("True")), "selected": value is True},
                {"value": "false", "text": str(_("False")), "selected": value is False},
            ],
        }

    def parse(self, body, presentation, data, prefix):
        sent = _one(data, f"{prefix}value").strip()
        if not sent:
            return {"value": None}
        if sent not in ("true", "false"):
            raise _unreadable()
        return {"value": sent == "true"}

    def is_empty(self, body, response):
        return not isinstance(_response(response).get("value"), bool)

    def score(self, body, response):
        value = _response(response).get("value")
        if not isinstance(value, bool):
            return _zero({"value": None, "correct": False})
        feedback = body.get("feedback_true", "") if value else body.get("feedback_false", "")
        right = value == body["correct"]
        return Outcome(quantise(ONE if right else ZERO), False, feedback, {"value": value, "correct": right})

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        value = _response(response).get("value")
        summary["options"] = [
            {"text": str(_("True")), "chosen": value is True, "correct": body["correct"] is True},
            {"text": str(_("False")), "chosen": value is False, "correct": body["correct"] is False},
        ]
        return summary


class _TextMatching:
    """The answer-matching flags shared by short answers and cloze."""

    @staticmethod
    def _clean_flags(check: _Check) -> dict:
        diacritics = check.body.get("diacritics", "optional")
        if diacritics not in ("optional", "required"):
            check.fail(_("The diacritics rule must be “optional” or “required”."))
            diacritics = "optional"
        return {"case_sensitive": check.flag("case_sensitive", False), "diacritics": diacritics}

    @staticmethod
    def _clean_answers(check: _Check, raw: Any, what: str) -> list[dict]:
        answers = []
        for number, entry in enumerate(check.entries(raw, what), start=1):
            where = f"{what}: {_answer_label(number)}"
            answers.append(
                {
                    "text": check.text(entry.get("text"), where),
                    "credit": check.credit(entry.get("credit", 1), where),
                    "feedback": check.text(entry.get("feedback", ""), where, required=False),
                }
            )
        if not answers:
            check.fail(_("%(what)s: give at least one accepted answer.") % {"what": what})
        elif not any(answer["credit"] == 1 for answer in answers):
            check.fail(_("%(what)s: at least one answer must give full credit (1).") % {"what": what})
        return answers

    @staticmethod
    def _flags(body: dict) -> dict:
        return {"case_sensitive": bool(body.get("case_sensitive")), "diacritics": body.get("diacritics", "optional")}

    @staticmethod
    def _model_answers(answers: list[dict]) -> list[str]:
        """What the review shows as the right answer: full-credit answers, without wildcards when there are such."""
        full = [answer["text"] for answer in answers if _decimal(answer.get("credit", 1)) == ONE]
        plain = [text for text in full if len(_wildcard_pieces(text)) == 1]
        return plain or full


class ShortAnswer(_TextMatching, ItemType):
    kind = "short_answer"
    label = gettext_lazy("short answer")

    def clean_body(self, body):
        check = _Check(body)
        answers = self._clean_answers(check, body.get("answers"), _("The accepted answers"))
        flags = self._clean_flags(check)
        check.done()
        return {"answers": answers, **flags}

    def public(self, body, presentation, response=None):
        return {"kind": self.kind, "value": str(_response(response).get("text") or "")}

    def parse(self, body, presentation, data, prefix):
        return {"text": _free_text(_one(data, f"{prefix}text"))}

    def is_empty(self, body, response):
        text = _response(response).get("text")
        return not (isinstance(text, str) and text.strip())

    def score(self, body, response):
        text = _response(response).get("text")
        if self.is_empty(body, response):
            return _zero({"matched": None})
        index, credit = _best_answer(body["answers"], text, self._flags(body))
        if index is None:
            return _zero({"matched": None})
        return Outcome(quantise(credit), False, body["answers"][index].get("feedback", ""), {"matched": index})

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        summary["text"] = str(_response(response).get("text") or "")
        summary["correct_answers"] = self._model_answers(body["answers"])
        return summary


class Numeric(ItemType):
    kind = "numeric"
    label = gettext_lazy("numeric")

    def clean_body(self, body):
        check = _Check(body)
        answers = []
        for number, entry in enumerate(check.entries(body.get("answers"), _("The accepted answers")), start=1):
            where = _answer_label(number)
            answers.append(
                {
                    "value": check.number(entry.get("value"), where),
                    "tolerance": check.number(
                        entry.get("tolerance", 0), _("%(where)s: the tolerance") % {"where": where}, minimum=ZERO
                    ),
                    "credit": check.credit(entry.get("credit", 1), where),
                    "feedback": check.text(entry.get("feedback", ""), where, required=False),
                }
            )
        if not answers:
            check.fail(_("Give at least one accepted answer."))
        elif not any(answer["credit"] == 1 for answer in answers):
            check.fail(_("At least one answer must give full credit (1)."))
        unit = check.text(body.get("unit", ""), _("The unit"), required=False, limit=40)
        check.done()
        return {"answers": answers, "unit": unit}

    def public(self, body, presentation, response=None):
        return {"kind": self.kind, "unit": body.get("unit", ""), "value": str(_response(response).get("text") or "")}

    def parse(self, body, presentation, data, prefix):
        text = _free_text(_one(data, f"{prefix}text")).strip()
        return {"text": text, "value": self._value(body, text)}

    @staticmethod
    def _value(body: dict, text: str) -> float | None:
        """The number typed, "5 kg" read as 5 when the item's unit is kg."""
        unit = body.get("unit", "")
        if unit and text.casefold().endswith(unit.casefold()):
            text = text[: -len(unit)]
        value = parse_number(text)
        return None if value is None else float(value)

    def is_empty(self, body, response):
        response = _response(response)
        return response.get("value") is None and not str(response.get("text") or "").strip()

    def score(self, body, response):
        response = _response(response)
        value = response.get("value")
        if value is None and isinstance(response.get("text"), str):
            value = self._value(body, response["text"].strip())
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
            return _zero({"matched": None})
        given = _decimal(float(value))
        best, best_credit = None, ZERO
        for index, answer in enumerate(body["answers"]):
            if abs(given - _decimal(answer["value"])) <= _decimal(answer.get("tolerance", 0)):
                credit = _decimal(answer.get("credit", 1))
                if best is None or credit > best_credit:
                    best, best_credit = index, credit
        if best is None:
            return _zero({"matched": None})
        return Outcome(quantise(best_credit), False, body["answers"][best].get("feedback", ""), {"matched": best})

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        summary["text"] = str(_response(response).get("text") or "")
        summary["unit"] = body.get("unit", "")
        summary["correct_answers"] = [
            {
                "value": _shown_number(answer["value"]),
                "tolerance": _shown_number(answer["tolerance"]) if answer.get("tolerance") else "",
            }
            for answer in body["answers"]
            if _decimal(answer.get("credit", 1)) == ONE
        ]
        return summary


def _shown_number(number: float) -> str:
    """A number in the active language's notation for the review page ("3,5", "1.000.000" in Vietnamese)."""
    value = _decimal(number)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return number_format(Decimal(text))


class Matching(ItemType):
    kind = "matching"
    label = gettext_lazy("matching")

    def clean_body(self, body):
        check = _Check(body)
        raw_pairs = check.entries(body.get("pairs"), _("The pairs"))
        pairs = []
        for number, entry in enumerate(raw_pairs, start=1):
            where = _("Pair %(number)s") % {"number": number}
            pairs.append(
                {
                    "key": "",
                    "prompt": check.text(entry.get("prompt"), f"{where}: " + _("the prompt")),
                    "answer": check.text(entry.get("answer"), f"{where}: " + _("the answer")),
                }
            )
        raw_extras = check.entries(body.get("extra_answers", []), _("The extra answers"))
        extras = [
            {"key": "", "text": check.text(entry.get("text"), _("Extra answer %(number)s") % {"number": number})}
            for number, entry in enumerate(raw_extras, start=1)
        ]
        used: set[str] = set()
        check.keys(raw_pairs + raw_extras, pairs + extras, used)
        check.distinct([pair["prompt"] for pair in pairs], _("The prompt"))
        check.distinct([extra["text"] for extra in extras], _("The extra answer"))
        answers = {pair["answer"] for pair in pairs}
        for extra in extras:
            if extra["text"] in answers:
                check.fail(_("The extra answer “%(text)s” is already a pair's answer.") % {"text": extra["text"][:80]})
        if len(pairs) < 2:
            check.fail(_("A matching question needs at least two pairs."))
        shuffle = check.flag("shuffle", True)
        check.done()
        return {"pairs": pairs, "extra_answers": extras, "shuffle": shuffle}

    @staticmethod
    def _answer_texts(body: dict) -> dict[str, str]:
        """Every answer key and its text: pairs' answers and extra answers."""
        texts = {pair["key"]: pair["answer"] for pair in body["pairs"]}
        texts.update({extra["key"]: extra["text"] for extra in body.get("extra_answers", [])})
        return texts

    def _answer_keys(self, body: dict) -> list[str]:
        """One key per distinct answer text (two pairs may share an answer: it is shown once)."""
        seen, keys = set(), []
        for key, text in self._answer_texts(body).items():
            if text not in seen:
                seen.add(text)
                keys.append(key)
        return keys

    def present(self, body, rng):
        answers = self._answer_keys(body)
        if body.get("shuffle", True):
            rng.shuffle(answers)
        return {"prompts": [pair["key"] for pair in body["pairs"]], "answers": answers}

    def _orders(self, body, presentation) -> tuple[list[dict], list[str]]:
        by_key = {pair["key"]: pair for pair in body["pairs"]}
        prompts = [by_key[key] for key in _arrange(list(by_key), _shown(presentation, "prompts"))]
        return prompts, _arrange(self._answer_keys(body), _shown(presentation, "answers"))

    def _pairs(self, response) -> dict[str, str]:
        pairs = _response(response).get("pairs")
        if not isinstance(pairs, dict):
            return {}
        return {prompt: answer for prompt, answer in pairs.items() if isinstance(answer, str) and answer}

    def public(self, body, presentation, response=None):
        prompts, answers = self._orders(body, presentation)
        texts = self._answer_texts(body)
        position_of_text = {texts[key]: str(number) for number, key in enumerate(answers, start=1)}
        chosen = self._pairs(response)
        return {
            "kind": self.kind,
            "prompts": [
                {
                    "position": str(number),
                    "text": pair["prompt"],
                    "selected": position_of_text.get(texts.get(chosen.get(pair["key"], "")), ""),
                }
                for number, pair in enumerate(prompts, start=1)
            ],
            "answers": [{"position": str(number), "text": texts[key]} for number, key in enumerate(answers, start=1)],
        }

    def parse(self, body, presentation, data, prefix):
        prompts, answers = self._orders(body, presentation)
        _check_tokens(data, f"{prefix}pair-", len(prompts))
        pairs = {}
        for number, pair in enumerate(prompts, start=1):
            token = _one(data, f"{prefix}pair-{number}").strip()
            if token:
                pairs[pair["key"]] = answers[_position(token, len(answers))]
        return {"pairs": pairs}

    def is_empty(self, body, response):
        return not self._pairs(response)

    def score(self, body, response):
        chosen, texts = self._pairs(response), self._answer_texts(body)
        detail = {"pairs": {}}
        right = 0
        for pair in body["pairs"]:
            answer = chosen.get(pair["key"])
            correct = answer is not None and texts.get(answer) == pair["answer"]
            right += correct
            detail["pairs"][pair["key"]] = {"chosen": answer, "correct": correct}
        return Outcome(quantise(Decimal(right) / Decimal(len(body["pairs"]))), False, "", detail)

    def review(self, body, presentation, response):
        outcome, summary = self._summary(body, response)
        prompts, _answers = self._orders(body, presentation)
        texts = self._answer_texts(body)
        summary["prompts"] = [
            {
                "position": str(number),
                "text": pair["prompt"],
                "chosen_text": texts.get(outcome.detail["pairs"][pair["key"]]["chosen"] or ""),
                "correct": outcome.detail["pairs"][pair["key"]]["correct"],
                "correct_text": pair["answer"],
            }
            for number, pair in enumerate(prompts, start=1)
        ]
        return summary


def _longest_increasing(numbers: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    for number in numbers:
        index = bisect.bisect_left(tails, number)
        if index == len(tails):
            tails.append(number)
        else:
            tails[index] = number
    return len(tails)


class Ordering(ItemType):
    kind = "ordering"
    label = gettext_lazy("ordering")

    def clean_body(self, body):
        check = _Check(body)
        raw = check.entries(body.get("items"), _("The items"))
        items = [
            {"key": "", "text": check.text(entry.get("text"), _("Item %(number)s") % {"number": number})}
            for number, entry in enumerate(raw, start=1)
        ]
        check.keys(raw, items)
        check.distinct([item["text"] for item in items], _("The item"))
        if len(items) < 2:
            check.fail(_("An ordering question needs at least two items."))
        check.done()
        return {"items": items}

    def present(self, body, rng):
        """Always shuffled, and never already in the right order."""
        correct = [item["key"] for item in body["items"]]
        keys = list(correct)
        rng.shuffle(keys)
        if keys == correct:
            keys = keys[1:] + keys[:1]
        return {"items": keys}

    def _order(self, body, presentation) -> list[dict]:
        by_key = {item["key"]: item for item in body["items"]}
        return [by_key[key] for key in _arrange(list(by_key), _shown(presentation, "items"))]

    @staticmethod
    def _placed(response) -> list[str | None]:
        order = _response(response).get("order")
        return [key if isinstance(key, str) else None for key in order] if isinstance(order, list) else []

    def public(self, body, presentation, response=None):
        rank = {key: str(number) for number, key in enumerate(self._placed(response), start=1) if key}
        items = self._order(body, presentation)
        return {
            "kind": self.kind,
            "items": [
                {"position": str(number), "text": item["text"], "rank": rank.get(item["key"], "")}
                for number, item in enumerate(items, start=1)
            ],
            "ranks": [str(number) for number in range(1, len(items) + 1)],
        }

    def parse(self, body, presentation, data, prefix):
        """Each shown item's place ("rank-<position>" = "1"…"n"). The stored order may have gaps (None) while the
        learner has not placed every item yet; a complete answer is just the keys in the learner's order."""
        items = self._order(body, presentation)
        _check_tokens(data, f"{prefix}rank-", len(items))
        order: list[str | None] = [None] * len(items)
        for number, item in enumerate(items, start=1):
            token = _one(data, f"{prefix}rank-{number}").strip()
            if not token:
                continue
            place = _position(token, len(items))
            if order[place] is not None:
                raise ResponseError(_("Two items were given the same place. Give each item a different place."))
            order[place] = item["key"]
        while order and order[-1] is None:
            order.pop()
        return {"order": order}

    def is_empty(self, body, response):
        return not any(self._placed(response))

    def score(self, body, response):
        correct = {item["key"]: index for index, item in enumerate(body["items"])}
        placed = self._placed(response)
        seen: set[str] = set()
        indexes = []
        for key in placed:
            if key in correct and key not in seen:
                seen.add(key)
                indexes.append(correct[key])
        rank = {key: number for number, key in enumerate(placed, start=1) if key}
        detail = {
            "items": {
                key: {"rank": rank.get(key), "correct_rank": index + 1, "correct": rank.get(key) == index + 1}
                for key, index in correct.items()
            }
        }
        longest = _longest_increasing(indexes)
        credit = Decimal(max(longest - 1, 0)) / Decimal(len(correct) - 1)
        return Outcome(quantise(credit), False, "", detail)

    def review(self, body, presentation, response):
        outcome, summary = self._summary(body, response)
        summary["items"] = [
            {
                "text": item["text"],
                "rank": outcome.detail["items"][item["key"]]["rank"],
                "correct_rank": outcome.detail["items"][item["key"]]["correct_rank"],
                "correct": outcome.detail["items"][item["key"]]["correct"],
            }
            for item in self._order(body, presentation)
        ]
        summary["correct_order"] = [item["text"] for item in body["items"]]
        return summary


class Cloze(_TextMatching, ItemType):
    """A text with blanks "[[key]]": typed (scored like a short answer with the item's flags) or chosen from a list.
    The text is plain text (newlines kept); an optional per-blank ``shuffle`` (default false) shuffles a choice list."""

    kind = "cloze"
    label = gettext_lazy("fill in the blanks")

    def clean_body(self, body):
        check = _Check(body)
        text = check.text(body.get("text"), _("The text"), limit=MAX_TEXT)
        markers = _MARKER.findall(text)
        blanks = []
        for number, entry in enumerate(check.entries(body.get("blanks"), _("The blanks")), start=1):
            key = entry.get("key")
            where = _("Blank %(number)s") % {"number": number}
            if not isinstance(key, str) or not _KEY.fullmatch(key):
                check.fail(_("%(where)s needs a key of letters, digits, “-” or “_”.") % {"where": where})
                continue
            where = _("Blank “%(key)s”") % {"key": key}
            mode = entry.get("mode", "text")
            blank: dict[str, Any] = {"key": key, "mode": mode}
            if mode == "text":
                blank["answers"] = self._clean_answers(check, entry.get("answers"), where)
            elif mode == "choice":
                raw = check.entries(entry.get("options"), where)
                options = [
                    {
                        "key": "",
                        "text": check.text(option.get("text"), f"{where}: {_option_label(n)}"),
                        "credit": check.credit(option.get("credit", 0), f"{where}: {_option_label(n)}"),
                        "feedback": check.text(option.get("feedback", ""), where, required=False),
                    }
                    for n, option in enumerate(raw, start=1)
                ]
                check.keys(raw, options)
                check.distinct([option["text"] for option in options], _("The option"))
                if len(options) < 2:
                    check.fail(_("%(where)s needs at least two options.") % {"where": where})
                elif not any(option["credit"] == 1 for option in options):
                    check.fail(_("%(where)s: at least one option must give full credit (1).") % {"where": where})
                blank["options"] = options
                blank["shuffle"] = entry.get("shuffle", False) is True
            else:
                check.fail(_("%(where)s: the mode must be “text” or “choice”.") % {"where": where})
            weight = check.number(entry.get("weight", 1), _("%(where)s: the weight") % {"where": where}, minimum=ZERO)
            if weight <= 0:
                check.fail(_("%(where)s: the weight must be more than 0.") % {"where": where})
            blank["weight"] = int(weight) if float(weight).is_integer() else weight
            blanks.append(blank)
        keys = [blank["key"] for blank in blanks]
        for key in sorted(set(keys)):
            if keys.count(key) > 1:
                check.fail(_("The blank “%(key)s” is described twice.") % {"key": key})
            if markers.count(key) != 1:
                check.fail(_("The text must hold [[%(key)s]] exactly once.") % {"key": key})
        for key in sorted(set(markers) - set(keys)):
            check.fail(_("The text holds [[%(key)s]] but no such blank is described.") % {"key": key})
        if not blanks and not check.errors:
            check.fail(_("The text needs at least one blank, written like [[1]]."))
        flags = self._clean_flags(check)
        check.done()
        return {"text": text, "blanks": blanks, **flags}

    def present(self, body, rng):
        options = {}
        for blank in body["blanks"]:
            if blank["mode"] == "choice":
                keys = [option["key"] for option in blank["options"]]
                if blank.get("shuffle"):
                    rng.shuffle(keys)
                options[blank["key"]] = keys
        return {"options": options}

    def _blanks_in_order(self, body) -> list[dict]:
        """The blanks in the order the text holds them (their tokens are "1", "2", … in that order)."""
        by_key = {blank["key"]: blank for blank in body["blanks"]}
        return [by_key[key] for key in _MARKER.findall(body["text"]) if key in by_key]

    def _options(self, blank: dict, presentation) -> list[dict]:
        by_key = {option["key"]: option for option in blank["options"]}
        shown = _shown(presentation, "options")
        keys = _arrange(list(by_key), shown.get(blank["key"]) if isinstance(shown, dict) else None)
        return [by_key[key] for key in keys]

    def _given(self, response) -> dict[str, str]:
        blanks = _response(response).get("blanks")
        if not isinstance(blanks, dict):
            return {}
        return {key: value for key, value in blanks.items() if isinstance(value, str) and value.strip()}

    def _segments(self, body, presentation, make_blank) -> list[dict]:
        segments, start, token = [], 0, 0
        by_key = {blank["key"]: blank for blank in body["blanks"]}
        for match in _MARKER.finditer(body["text"]):
            blank = by_key.get(match.group(1))
            if blank is None:
                continue
            if match.start() > start:
                segments.append({"type": "text", "text": body["text"][start : match.start()]})
            token += 1
            segments.append({"type": "blank", "token": str(token), "mode": blank["mode"], **make_blank(blank)})
            start = match.end()
        if start < len(body["text"]):
            segments.append({"type": "text", "text": body["text"][start:]})
        return segments

    def public(self, body, presentation, response=None):
        given = self._given(response)

        def blank_view(blank):
            if blank["mode"] == "text":
                return {"value": given.get(blank["key"], "")}
            return {
                "options": [
                    {"position": str(n), "text": option["text"], "selected": option["key"] == given.get(blank["key"])}
                    for n, option in enumerate(self._options(blank, presentation), start=1)
                ]
            }

        return {"kind": self.kind, "segments": self._segments(body, presentation, blank_view)}

    def parse(self, body, presentation, data, prefix):
        blanks = self._blanks_in_order(body)
        _check_tokens(data, f"{prefix}blank-", len(blanks))
        answers = {}
        for token, blank in enumerate(blanks, start=1):
            value = _one(data, f"{prefix}blank-{token}")
            if blank["mode"] == "text":
                value = _free_text(value)
                if value.strip():
                    answers[blank["key"]] = value
            elif value.strip():
                options = self._options(blank, presentation)
                answers[blank["key"]] = options[_position(value, len(options))]["key"]
        return {"blanks": answers}

    def is_empty(self, body, response):
        return not self._given(response)

    def _blank_credit(self, body, blank, given: str | None) -> tuple[Decimal, str]:
        if not given:
            return ZERO, ""
        if blank["mode"] == "text":
            index, credit = _best_answer(blank["answers"], given, self._flags(body))
            return credit, "" if index is None else blank["answers"][index].get("feedback", "")
        option = next((option for option in blank["options"] if option["key"] == given), None)
        return (ZERO, "") if option is None else (_decimal(option["credit"]), option.get("feedback", ""))

    def score(self, body, response):
        given = self._given(response)
        total = weighted = ZERO
        detail, feedback = {"blanks": {}}, []
        for blank in body["blanks"]:
            credit, blank_feedback = self._blank_credit(body, blank, given.get(blank["key"]))
            weight = _decimal(blank.get("weight", 1))
            total += weight
            weighted += weight * credit
            detail["blanks"][blank["key"]] = {"correct": credit == ONE, "credit": _plain(quantise(credit))}
            if blank_feedback:
                feedback.append(blank_feedback)
        credit = weighted / total if total else ZERO
        return Outcome(quantise(credit), False, "\n".join(feedback), detail)

    def review(self, body, presentation, response):
        outcome, summary = self._summary(body, response)
        given = self._given(response)

        def blank_view(blank):
            value = given.get(blank["key"])
            credit = _decimal(outcome.detail["blanks"][blank["key"]]["credit"])
            if blank["mode"] == "text":
                shown, right = value, self._model_answers(blank["answers"])
            else:
                shown = next((option["text"] for option in blank["options"] if option["key"] == value), None)
                right = [option["text"] for option in blank["options"] if option["credit"] == 1]
            return {
                "given": shown or "",
                "correct": credit == ONE,
                "partial": ZERO < credit < ONE,
                "correct_answer": right[0] if right else "",
            }

        summary["segments"] = self._segments(body, presentation, blank_view)
        return summary


class Essay(ItemType):
    kind = "essay"
    label = gettext_lazy("essay")
    needs_review = True

    def clean_body(self, body):
        check = _Check(body)
        minimum, maximum = body.get("min_words", 0), body.get("max_words")
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0:
            check.fail(_("The minimum number of words must be a whole number, 0 or more."))
            minimum = 0
        if maximum is not None and (
            isinstance(maximum, bool) or not isinstance(maximum, int) or maximum < max(minimum, 1)
        ):
            check.fail(_("The maximum number of words must be a whole number, not below the minimum."))
        template = check.text(body.get("response_template", ""), _("The response template"), required=False)
        check.done()
        return {"min_words": minimum, "max_words": maximum, "response_template": template}

    def public(self, body, presentation, response=None):
        text = _response(response).get("text")
        return {
            "kind": self.kind,
            "min_words": body.get("min_words", 0),
            "max_words": body.get("max_words"),
            "value": text if isinstance(text, str) else body.get("response_template", ""),
            "max_length": MAX_TEXT,
        }

    def parse(self, body, presentation, data, prefix):
        return {"text": _free_text(_one(data, f"{prefix}text"))}

    def is_empty(self, body, response):
        text = _response(response).get("text")
        if not isinstance(text, str) or not text.strip():
            return True
        # the template the editor gave, sent back unchanged, is no answer either
        return " ".join(text.split()) == " ".join(body.get("response_template", "").split())

    def score(self, body, response):
        if self.is_empty(body, response):
            return _zero({"words": 0})
        return Outcome(None, True, "", {"words": word_count(_response(response)["text"])})

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        summary["text"] = str(_response(response).get("text") or "")
        summary["words"] = word_count(summary["text"])
        return summary


class Practical(ItemType):
    """A task done outside the page: a file uploaded ("upload") or watched by an examiner ("observed").

    ``parse`` does not read the upload: the engine stores the file first, then passes its description — a dict
    {"name", "size", "content_type", "sha256", "storage_name"} — in ``data`` under f"{prefix}file_meta" (as the
    value itself or a one-item list). The description of a file uploaded earlier must be passed again, or the
    response is stored without a file. Here it is only checked (type allowed, size within the limit) and copied.
    """

    kind = "practical"
    label = gettext_lazy("practical task")
    needs_review = True

    def clean_body(self, body):
        check = _Check(body)
        mode = body.get("mode", "upload")
        if mode not in ("upload", "observed"):
            check.fail(_("The mode must be “upload” or “observed”."))
        instructions = check.text(body.get("instructions", ""), _("The instructions"), required=False)
        allowed = body.get("allowed_types", DEFAULT_ALLOWED_TYPES)
        if not isinstance(allowed, list) or not allowed or not all(isinstance(t, str) for t in allowed):
            check.fail(_("List at least one allowed file type, such as application/pdf."))
            allowed = []
        allowed = list(dict.fromkeys(t.strip().lower() for t in allowed))
        for mime in allowed:
            if not _MIME.fullmatch(mime):
                check.fail(_("“%(type)s” is not a file type such as application/pdf.") % {"type": mime[:80]})
        max_bytes = body.get("max_bytes", DEFAULT_MAX_BYTES)
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            check.fail(_("The largest file size must be a whole number of bytes, more than 0."))
        check.done()
        return {"mode": mode, "instructions": instructions, "allowed_types": allowed, "max_bytes": max_bytes}

    def public(self, body, presentation, response=None):
        stored = _response(response).get("file")
        return {
            "kind": self.kind,
            "mode": body.get("mode", "upload"),
            "instructions": body.get("instructions", ""),
            "allowed_types": list(body.get("allowed_types", [])),
            "accept": ",".join(body.get("allowed_types", [])),
            "max_bytes": body.get("max_bytes", DEFAULT_MAX_BYTES),
            "file_name": stored.get("name", "") if isinstance(stored, dict) else "",
            "value": str(_response(response).get("text") or ""),
        }

    def parse(self, body, presentation, data, prefix):
        text = _free_text(_one(data, f"{prefix}text"))
        meta = data.get(f"{prefix}file_meta") if data is not None else None
        if isinstance(meta, list | tuple):
            if len(meta) > 1:
                raise _unreadable()
            meta = meta[0] if meta else None
        if meta in (None, "", {}):
            return {"text": text, "file": None}
        if body.get("mode", "upload") != "upload":
            raise ResponseError(_("This task is observed by an examiner: no file is needed."))
        return {"text": text, "file": self._file(body, meta)}

    @staticmethod
    def _file(body: dict, meta: Any) -> dict:
        if not isinstance(meta, dict):
            raise _unreadable()
        name, size = meta.get("name"), meta.get("size")
        content_type, sha256, storage_name = meta.get("content_type"), meta.get("sha256"), meta.get("storage_name")
        if not (
            isinstance(name, str)
            and 0 < len(name) <= 255
            and isinstance(storage_name, str)
            and 0 < len(storage_name) <= 500
            and isinstance(sha256, str)
            and _SHA256.fullmatch(sha256.lower())
            and isinstance(size, int)
            and not isinstance(size, bool)
            and size >= 0
            and isinstance(content_type, str)
        ):
            raise _unreadable()
        if content_type.lower() not in body.get("allowed_types", []):
            raise ResponseError(_("This type of file is not accepted here. Choose a file of an allowed type."))
        if size > body.get("max_bytes", DEFAULT_MAX_BYTES):
            raise ResponseError(_("The file is too large. Choose a smaller file."))
        return {
            "name": _nfc(name),
            "size": size,
            "content_type": content_type.lower(),
            "sha256": sha256.lower(),
            "storage_name": storage_name,
        }

    def is_empty(self, body, response):
        if body.get("mode") == "observed":
            return False  # the examiner observes: there is nothing for the learner to send
        response = _response(response)
        return not isinstance(response.get("file"), dict) and not str(response.get("text") or "").strip()

    def score(self, body, response):
        if self.is_empty(body, response):
            return _zero({"file": False})
        return Outcome(None, True, "", {"file": isinstance(_response(response).get("file"), dict)})

    def review(self, body, presentation, response):
        _outcome, summary = self._summary(body, response)
        stored = _response(response).get("file")
        summary["mode"] = body.get("mode", "upload")
        summary["text"] = str(_response(response).get("text") or "")
        summary["file_name"] = stored.get("name", "") if isinstance(stored, dict) else ""
        return summary


ITEM_TYPES: dict[str, ItemType] = {
    item_type.kind: item_type
    for item_type in (
        SingleChoice(),
        MultipleResponse(),
        TrueFalse(),
        ShortAnswer(),
        Numeric(),
        Matching(),
        Ordering(),
        Cloze(),
        Essay(),
        Practical(),
    )
}

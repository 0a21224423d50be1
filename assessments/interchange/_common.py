"""Small text helpers shared by the GIFT and Moodle XML code (not part of the package's interface)."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from html.parser import HTMLParser

from django.utils.html import escape

CATEGORY_TAG = "category:"

# Moodle's question-bank grade choices (question_bank::fraction_options_full); the XML import refuses others
MOODLE_FRACTIONS = [
    Decimal(v)
    for v in (
        "1",
        "0.9",
        "0.8333333",
        "0.8",
        "0.75",
        "0.7",
        "0.6666667",
        "0.6",
        "0.5",
        "0.4",
        "0.3333333",
        "0.3",
        "0.25",
        "0.2",
        "0.1666667",
        "0.1428571",
        "0.125",
        "0.1111111",
        "0.1",
        "0.05",
        "0",
    )
]
_QUANTUM = Decimal("0.0000001")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def option_key(index: int) -> str:
    """ "a", "b", … "z", "aa", "ab", … for the index-th option (0-based), in source order."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def plain_to_html(text: str) -> str:
    """Plain source text as HTML: escaped, line breaks as <br>."""
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(str(escape(line)) for line in lines)


_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment: tags dropped, entities decoded, <br>/paragraphs as line breaks."""
    parser = _TextExtractor()
    parser.feed(nfc(html))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return nfc("\n".join(line for line in lines if line))


def text_to_plain(text: str, fmt: str) -> str:
    """An answer's or feedback's text (in Moodle format ``fmt``) as plain text."""
    if fmt == "html":
        return html_to_text(text)
    return nfc(text).strip()


def text_to_html(text: str, fmt: str) -> str:
    """A question text (in Moodle format ``fmt``) as HTML: HTML stays HTML, anything else is escaped."""
    if fmt == "html":
        return nfc(text).strip()
    return plain_to_html(nfc(text).strip())


def auto_title(stem_html: str, limit: int = 60) -> str:
    text = " ".join(html_to_text(stem_html).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + "…"


def credit(value) -> Decimal:
    """A 0..1 credit from a fraction (Decimal, str or number), rounded to Moodle's 7 places."""
    amount = Decimal(str(value)).quantize(_QUANTUM, rounding=ROUND_HALF_UP)
    return amount.normalize() if amount else Decimal(0)


def credit_from_percent(percent: str | Decimal) -> Decimal:
    """Decimal credit from a Moodle percentage ("33.33333", "-50", "100"); raises ValueError if not a number."""
    try:
        value = Decimal(str(percent).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(percent) from exc
    if not value.is_finite():
        raise ValueError(percent)
    return credit(value / 100)


def moodle_percent(value: Decimal, allow_negative: bool = False) -> str:
    """A credit as the nearest percentage Moodle's question bank accepts ("100", "33.33333", "-50")."""
    value = Decimal(str(value))
    sign = -1 if value < 0 and allow_negative else 1
    magnitude = abs(value) if allow_negative else max(value, Decimal(0))
    magnitude = min(magnitude, Decimal(1))
    nearest = min(MOODLE_FRACTIONS, key=lambda f: abs(f - magnitude))
    return format_decimal(sign * nearest * 100)


def format_decimal(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_number(value: float) -> str:
    """A float as Moodle writes numbers: "3.5", "2", "0.001"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def category_path(raw: str) -> str:
    """A Moodle category path without its context prefix ($course$/, $system$/ …) and "top/" root."""
    path = nfc(raw).strip()
    path = re.sub(r"^\$[a-z0-9]+\$/?", "", path)
    path = re.sub(r"^top(/|$)", "", path)
    return path.strip("/").strip()


def category_tag(raw: str) -> str | None:
    path = category_path(raw)
    return CATEGORY_TAG + path if path else None

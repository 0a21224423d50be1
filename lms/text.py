"""Vietnamese text for matching: people type without diacritics on many phones ("hoc vu so" for "học vụ số")."""

import unicodedata

# đ/Đ is a letter of its own, not d plus a combining mark, so NFD does not strip it.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lowercase, without diacritics, with single spaces: the form both sides of a search are compared in."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_LETTERS))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())

"""Kept so the column's migrations and templates keep importing from here; the sanitiser lives in
lms.rich_text because lessons (courses) sanitise the same way and courses may not import the portal."""

from lms.rich_text import FEATURES, SanitisedRichTextBlock, SanitisedRichTextField, sanitise_rich_text

__all__ = ["FEATURES", "SanitisedRichTextBlock", "SanitisedRichTextField", "sanitise_rich_text"]

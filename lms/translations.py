"""Compiling the gettext catalogues in pure Python, so the demo needs no GNU gettext on the machine."""

from pathlib import Path

import polib
from django.conf import settings


def compile_catalogues(*, force: bool = False) -> list[Path]:
    """Write a .mo beside every .po under LOCALE_PATHS that is newer than its .mo. Returns what was written.

    Fuzzy entries are left out, exactly as msgfmt does, so a fuzzy string shows in English, never wrong.
    """
    written = []
    for locale_path in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalogue = polib.pofile(str(po_path))
            for entry in catalogue.fuzzy_entries():
                entry.msgstr = ""
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            catalogue.save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written

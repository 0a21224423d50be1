"""The Vietnamese catalogue is complete: every string the code marks for translation has a Vietnamese
translation that is neither empty nor fuzzy. Extraction is Django's own makemessages (GNU xgettext) over a
copy of the source, merged with the committed catalogue, so a new string that nobody translated shows up
here as untranslated."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

SOURCE_PACKAGES = ["lms", "courses", "assessments", "certificates", "cms", "media"]
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def extracted_catalogue(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is missing: run the project set-up (./run test installs it).")
    work = tmp_path_factory.mktemp("catalogue")
    for package in SOURCE_PACKAGES:
        shutil.copytree(
            Path(settings.BASE_DIR) / package,
            work / package,
            ignore=shutil.ignore_patterns("tests", "__pycache__", "migrations"),
        )
    target = work / "locale" / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(CATALOGUE, target / "django.po")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(work)
    try:
        with override_settings(LOCALE_PATHS=[work / "locale"]):
            call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    finally:
        monkeypatch.undo()
    return polib.pofile(str(target / "django.po"))


def _where(entry):
    return f"{entry.msgid!r} ({', '.join(f'{path}:{line}' for path, line in entry.occurrences[:2])})"


def test_every_string_in_the_code_is_translated(extracted_catalogue):
    untranslated = [_where(entry) for entry in extracted_catalogue.untranslated_entries()]
    assert not untranslated, "Translate these in locale/vi/LC_MESSAGES/django.po:\n" + "\n".join(untranslated)


def test_no_translation_is_fuzzy(extracted_catalogue):
    fuzzy = [_where(entry) for entry in extracted_catalogue.fuzzy_entries()]
    assert not fuzzy, "Check and un-fuzzy these in locale/vi/LC_MESSAGES/django.po:\n" + "\n".join(fuzzy)


def test_committed_catalogue_has_no_leftovers():
    catalogue = polib.pofile(str(CATALOGUE))
    assert not catalogue.obsolete_entries(), "Remove obsolete (#~) entries: run makemessages --no-obsolete"
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.metadata["Language"] == "vi"


def test_placeholders_survive_translation():
    """A translation that drops or renames %(name)s would crash or mislead at run time."""
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    catalogue = polib.pofile(str(CATALOGUE))
    broken = []
    for entry in catalogue.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            if sorted(pattern.findall(entry.msgid)) != sorted(pattern.findall(translation)):
                broken.append(entry.msgid)
    assert not broken, broken

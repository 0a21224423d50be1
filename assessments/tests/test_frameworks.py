import copy
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from assessments.frameworks import BUNDLED_DIR, corresponding, load_framework, map_components, read_framework_file
from assessments.models import Component, Domain, Framework, Level
from assessments.tests.factories import SMALL_FRAMEWORK

pytestmark = pytest.mark.django_db


def test_tt02_loads_from_its_data_file_with_six_domains_24_components_8_levels():
    result = load_framework(read_framework_file(BUNDLED_DIR / "tt02-2025.json"))
    framework = result.framework
    assert (framework.code, result.created) == ("TT02-2025", True)
    assert framework.domains.count() == 6
    assert framework.components.count() == 24
    assert list(framework.levels.values_list("number", flat=True)) == list(range(1, 9))
    assert framework.components.get(code="2.5").domain.code == "2"
    # what the sources could not confirm stays marked so (the AI domain's names)
    assert not framework.components.get(code="6.1").confirmed
    assert framework.components.get(code="1.1").confirmed
    assert framework.official_text_checked is False


def test_loading_the_same_file_twice_changes_nothing():
    data = read_framework_file(BUNDLED_DIR / "tt02-2025.json")
    first = load_framework(data)
    again = load_framework(copy.deepcopy(data))
    assert (again.created, again.changed) == (False, False)
    assert again.framework.pk == first.framework.pk
    assert Component.objects.count() == 24


def test_a_corrected_file_of_the_same_version_updates_in_place_keeping_ids():
    first = load_framework(copy.deepcopy(SMALL_FRAMEWORK)).framework
    before = Component.objects.get(framework=first, code="1.1").pk
    corrected = copy.deepcopy(SMALL_FRAMEWORK)
    corrected["domains"][0]["components"][0]["name_vi"] = "Tên đã sửa"
    result = load_framework(corrected)
    assert result.changed and not result.created
    component = Component.objects.get(framework=first, code="1.1")
    assert (component.pk, component.name_vi) == (before, "Tên đã sửa")


def test_a_new_version_is_a_framework_beside_the_old_one():
    load_framework(copy.deepcopy(SMALL_FRAMEWORK))
    newer = copy.deepcopy(SMALL_FRAMEWORK)
    newer["version"] = "2"
    load_framework(newer)
    assert Framework.objects.filter(code="THU-2026").count() == 2
    assert Component.objects.filter(code="1.1").count() == 2


def test_nfd_text_is_stored_as_nfc():
    data = copy.deepcopy(SMALL_FRAMEWORK)
    data["title_vi"] = unicodedata.normalize("NFD", "Khung thử")
    framework = load_framework(data).framework
    assert framework.title_vi == "Khung thử"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.pop("code"), "no code"),
        (lambda d: d["levels"].append(dict(d["levels"][0])), "same number"),
        (lambda d: d["domains"][1]["components"].append({"code": "1.1", "name_vi": "x"}), "1.1 appears twice"),
        (lambda d: d["domains"][0].pop("name_vi"), "Domain 1"),
    ],
)
def test_a_malformed_file_is_refused_saying_why_and_nothing_is_written(damage, message):
    data = copy.deepcopy(SMALL_FRAMEWORK)
    damage(data)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        load_framework(data)
    assert message in " ".join(error.value.messages)
    assert not Framework.objects.exists() and not Domain.objects.exists() and not Level.objects.exists()


def test_the_command_loads_the_bundled_files(capsys):
    call_command("load_framework")
    out = capsys.readouterr().out
    assert "TT02-2025" in out and "QD757-2025" in out.upper()
    call_command("load_framework")
    assert "unchanged" in capsys.readouterr().out


def test_mapped_components_correspond_in_both_directions():
    small = load_framework(copy.deepcopy(SMALL_FRAMEWORK)).framework
    tt02 = load_framework(read_framework_file(BUNDLED_DIR / "tt02-2025.json")).framework
    ours, theirs = small.components.get(code="1.1"), tt02.components.get(code="1.1")
    map_components(ours, theirs)
    assert corresponding(ours) == [theirs]
    assert corresponding(theirs) == [ours]

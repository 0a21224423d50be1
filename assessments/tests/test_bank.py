"""The editors' services: a question starts at version 1, an edit changes an unused version in place and makes a new
version once an attempt used it, a frozen version refuses change, imports are all or nothing unless the editor
skips the bad questions, exports carry the current versions, and a blueprint's shortfall is counted."""

import pytest
from django.core.exceptions import ValidationError

from assessments import bank, services
from assessments.interchange import ImportProblem, ItemDraft, parse_moodle_xml
from assessments.models import Item, ItemVersion
from assessments.tests.factories import (
    add_blueprint_rule,
    category,
    component,
    make_assessment,
    make_item,
    single_choice_body,
    small_framework,
)
from lms.roles import Role
from lms.tests.factories import learner, staff

pytestmark = pytest.mark.django_db

TF = {"correct": True, "feedback_true": "", "feedback_false": ""}


def test_create_item_makes_version_one_with_a_clean_body_and_sanitised_stem():
    editor = staff(Role.EDITOR)
    item = bank.create_item(
        category=category(),
        kind="single_choice",
        title=" Mã OTP ",
        stem='<p onclick="x()">Ai xin mã OTP?</p><script>alert(1)</script>',
        body=single_choice_body(),
        tags=["an toàn"],
        by=editor,
    )
    version = item.current_version
    assert (version.number, item.title, version.created_by, item.created_by) == (1, "Mã OTP", editor, editor)
    assert version.stem == "<p>Ai xin mã OTP?</p>"
    assert list(item.tags.names()) == ["an toàn"]


def test_create_item_refuses_a_bad_body_and_saves_nothing():
    with pytest.raises(ValidationError):
        bank.create_item(category=category(), kind="single_choice", title="x", stem="<p>x</p>", body={"options": []})
    with pytest.raises(ValidationError):
        bank.create_item(category=category(), kind="true_false", title="x", stem="", body=TF)
    assert not Item.objects.exists()


def test_an_unused_version_is_edited_in_place():
    item = make_item(kind="true_false", body=TF)
    saved = bank.save_item(item=item, stem="<p>Mới</p>", body={**TF, "correct": False})
    assert not saved.new_version
    assert item.versions.count() == 1
    assert ItemVersion.objects.get().body["correct"] is False


def test_a_used_version_is_kept_and_a_new_one_becomes_current():
    item = make_item(kind="true_false", body=TF)
    first = item.current_version
    ItemVersion.objects.filter(pk=first.pk).update(used=True)
    saved = bank.save_item(item=item, stem="<p>Mới</p>", body={**TF, "correct": False})
    assert saved.new_version and (saved.previous.pk, saved.version.number) == (first.pk, 2)
    item.refresh_from_db()
    assert item.current_version.number == 2
    first.refresh_from_db()
    assert first.body["correct"] is True and first.stem != "<p>Mới</p>"


def test_saving_nothing_new_on_a_used_version_makes_no_version():
    item = make_item(kind="true_false", body=TF)
    ItemVersion.objects.filter(pk=item.current_version_id).update(used=True)
    version = item.current_version
    saved = bank.save_item(item=item, stem=version.stem, body=version.body, general_feedback="")
    assert not saved.new_version and item.versions.count() == 1


def test_a_frozen_version_refuses_change_whatever_the_path():
    item = make_item(kind="true_false", body=TF)
    services.start_attempt(user=learner(), assessment=make_assessment(items=[item]))
    version = ItemVersion.objects.get()
    assert version.used
    version.body = {**TF, "correct": False}
    with pytest.raises(ValidationError):
        version.save()


def test_archive_takes_a_question_out_of_blueprints():
    framework = small_framework()
    comp = component(framework, "1.1")
    item = make_item(comp=comp, level=1)
    assessment = make_assessment(kind="blueprint")
    add_blueprint_rule(assessment, comp, count=1, level=1)
    assert bank.blueprint_shortfalls(assessment) == []
    bank.archive_item(item=item)
    assert [s.missing for s in bank.blueprint_shortfalls(assessment)] == [1]


def test_blueprint_shortfall_counts_each_question_once_across_rules():
    framework = small_framework()
    comp = component(framework, "2.1")
    for _ in range(3):
        make_item(comp=comp, level=2)
    assessment = make_assessment(kind="blueprint")
    add_blueprint_rule(assessment, comp, count=2, level=2)
    add_blueprint_rule(assessment, comp, count=2)  # any level: only one question is left for it
    shortfalls = bank.blueprint_shortfalls(assessment)
    assert [(s.component, s.level, s.missing) for s in shortfalls] == [("2.1", None, 1)]


def _draft(line, **fields):
    fields.setdefault("kind", "true_false")
    fields.setdefault("title", f"Câu dòng {line}")
    fields.setdefault("stem", "<p>Đúng không?</p>")
    fields.setdefault("body", TF)
    return ItemDraft(line=line, **fields)


def test_import_is_all_or_nothing_unless_the_problems_are_skipped():
    cat = category()
    drafts = [_draft(1), _draft(5, kind="single_choice", body={"options": [{"text": "một", "credit": 1}]}), _draft(9)]
    parse_problem = ImportProblem(7, "Dòng 7: hỏng")
    with pytest.raises(bank.ImportRefused) as refused:
        bank.import_drafts(drafts=drafts, problems=[parse_problem], category=cat)
    assert [p.line for p in refused.value.problems] == [5, 7]
    assert not Item.objects.exists()
    items = bank.import_drafts(drafts=drafts, problems=[parse_problem], category=cat, skip_problems=True)
    assert [i.title for i in items] == ["Câu dòng 1", "Câu dòng 9"]
    assert Item.objects.filter(category=cat).count() == 2


def test_import_happens_in_one_transaction(monkeypatch):
    cat = category()
    calls = []
    real = bank.create_item

    def failing(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(bank, "create_item", failing)
    with pytest.raises(RuntimeError):
        bank.import_drafts(drafts=[_draft(1), _draft(2)], category=cat)
    assert not Item.objects.exists()


def test_export_category_reads_back_the_same_questions():
    cat = category("Xuất thử")
    make_item(cat=cat, title="Mã OTP")
    make_item(cat=cat, kind="true_false", body=TF, title="Trời xanh")
    archived = make_item(cat=cat, kind="true_false", body=TF, title="Cũ")
    bank.archive_item(item=archived)
    drafts, problems = parse_moodle_xml(bank.export_category(cat))
    assert problems == []
    assert sorted((d.title, d.kind) for d in drafts) == [("Mã OTP", "single_choice"), ("Trời xanh", "true_false")]
    single = next(d for d in drafts if d.kind == "single_choice")
    assert [o["text"] for o in single.body["options"]] == [o["text"] for o in single_choice_body()["options"]]

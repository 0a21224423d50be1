"""Editors in the Wagtail admin: the question editor for every kind writes exactly the body its kind accepts, bad
input shows the kind's messages and saves nothing, a used version is never changed (a new one is made), key
corrections re-score, assessments and rubrics are edited with their rows, rules say when they are not verified,
frameworks are browsable, and only the roles with the permission get in."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from assessments import services
from assessments.item_types import ITEM_TYPES
from assessments.models import (
    Assessment,
    AttemptItem,
    ConfirmationRule,
    Item,
    ItemVersion,
    Rubric,
    RubricLevel,
)
from assessments.staff.editing_views import UNCONFIRMED_RULE
from assessments.tests.factories import (
    add_blueprint_rule,
    category,
    component,
    make_assessment,
    make_item,
    small_framework,
)
from lms.roles import Role
from lms.tests.factories import UserFactory, learner, staff

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return staff(Role.EDITOR)


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def superuser_client():
    return client_for(UserFactory(is_superuser=True, is_staff=True))


def rows(prefix: str, entries: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(entries)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, entry in enumerate(entries):
        for name, value in entry.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def item_post(cat, *, title="Câu hỏi thử", stem="<p>Bạn làm gì?</p>", settings=None, lists=None, **common):
    data = {
        "item-title": title,
        "item-category": str(cat.pk),
        "item-component": "",
        "item-level": "",
        "item-difficulty": "3",
        "item-tags": "",
        "version-stem": rich_text(stem),
        "version-general_feedback": "",
        "version-stem_image": "",
        "version-stem_audio": "",
    }
    data.update({f"item-{name}": value for name, value in common.items()})
    data.update({f"answers-{name}": value for name, value in (settings or {}).items()})
    for name, entries in (lists or {}).items():
        data.update(rows(f"answers-{name}", entries))
    return data


# What an editor types for each kind, and the body it must make (before the kind's own normalisation).
KINDS = {
    "single_choice": (
        {"shuffle": "on"},
        {"options": [{"text": "Không đọc mã", "credit": "1", "feedback": "Đúng"}, {"text": "Đọc mã", "credit": "0"}]},
        {
            "options": [
                {"key": "", "text": "Không đọc mã", "credit": 1, "feedback": "Đúng"},
                {"key": "", "text": "Đọc mã", "credit": 0, "feedback": ""},
            ],
            "shuffle": True,
        },
    ),
    "multiple_response": (
        {"scoring": "all_or_nothing"},
        {"options": [{"text": "Zalo", "correct": "on"}, {"text": "Game"}, {"text": "VNeID", "correct": "on"}]},
        {
            "options": [
                {"text": "Zalo", "correct": True, "feedback": ""},
                {"text": "Game", "correct": False, "feedback": ""},
                {"text": "VNeID", "correct": True, "feedback": ""},
            ],
            "shuffle": False,
            "scoring": "all_or_nothing",
        },
    ),
    "true_false": (
        {"correct": "false", "feedback_true": "Sai rồi", "feedback_false": "Đúng"},
        {},
        {"correct": False, "feedback_true": "Sai rồi", "feedback_false": "Đúng"},
    ),
    "short_answer": (
        {"diacritics": "required", "case_sensitive": "on"},
        {"answers": [{"text": "Hà Nội", "credit": "1"}, {"text": "HN", "credit": "0,5", "feedback": "Gần đúng"}]},
        {
            "answers": [
                {"text": "Hà Nội", "credit": 1, "feedback": ""},
                {"text": "HN", "credit": 0.5, "feedback": "Gần đúng"},
            ],
            "case_sensitive": True,
            "diacritics": "required",
        },
    ),
    "numeric": (
        {"unit": "kg"},
        {"answers": [{"value": "3,5", "tolerance": "0,1", "credit": "1"}]},
        {"answers": [{"value": 3.5, "tolerance": 0.1, "credit": 1, "feedback": ""}], "unit": "kg"},
    ),
    "matching": (
        {"shuffle": "on"},
        {
            "pairs": [{"prompt": "Zalo", "answer": "nhắn tin"}, {"prompt": "VNeID", "answer": "định danh"}],
            "extra_answers": [{"text": "chơi game"}],
        },
        {
            "pairs": [{"prompt": "Zalo", "answer": "nhắn tin"}, {"prompt": "VNeID", "answer": "định danh"}],
            "extra_answers": [{"text": "chơi game"}],
            "shuffle": True,
        },
    ),
    "ordering": (
        {},
        {
            "items": [
                {"text": "Mở ứng dụng", "ORDER": "2"},
                {"text": "Bật điện thoại", "ORDER": "1"},
                {"text": "Đăng nhập"},
            ]
        },
        {"items": [{"text": "Bật điện thoại"}, {"text": "Mở ứng dụng"}, {"text": "Đăng nhập"}]},
    ),
    "cloze": (
        {"text": "Thủ đô là [[1]], thành phố lớn nhất là [[2]].", "diacritics": "optional"},
        {
            "blanks": [
                {"key": "1", "mode": "text", "answers": "Hà Nội\nHN | 0,5", "weight": "1"},
                {"key": "2", "mode": "choice", "answers": "TP Hồ Chí Minh | 1\nĐà Nẵng", "weight": "2"},
            ]
        },
        {
            "text": "Thủ đô là [[1]], thành phố lớn nhất là [[2]].",
            "blanks": [
                {
                    "key": "1",
                    "mode": "text",
                    "answers": [{"text": "Hà Nội", "credit": 1}, {"text": "HN", "credit": 0.5}],
                },
                {
                    "key": "2",
                    "mode": "choice",
                    "options": [{"text": "TP Hồ Chí Minh", "credit": 1}, {"text": "Đà Nẵng", "credit": 0}],
                    "weight": 2,
                },
            ],
            "case_sensitive": False,
            "diacritics": "optional",
        },
    ),
    "essay": (
        {"min_words": "10", "max_words": "200", "response_template": "Tôi sẽ …"},
        {},
        {"min_words": 10, "max_words": 200, "response_template": "Tôi sẽ …"},
    ),
    "practical": (
        {
            "mode": "upload",
            "instructions": "Chụp ảnh màn hình",
            "allowed_types": "image/png, image/jpeg",
            "max_megabytes": "2",
        },
        {},
        {
            "mode": "upload",
            "instructions": "Chụp ảnh màn hình",
            "allowed_types": ["image/png", "image/jpeg"],
            "max_bytes": 2 * 1024 * 1024,
        },
    ),
}


def _shape(body):
    """The body without generated keys, to compare with what the editor typed."""
    if isinstance(body, dict):
        return {k: _shape(v) for k, v in body.items() if k != "key"}
    if isinstance(body, list):
        return [_shape(v) for v in body]
    return body


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_editor_writes_the_body_each_kind_accepts(editor_client, kind):
    cat = category()
    settings, lists, expected = KINDS[kind]
    add = reverse("hocvuso_items:add_kind", args=[kind])
    assert editor_client.get(add).status_code == 200
    response = editor_client.post(add, item_post(cat, settings=settings, lists=lists))
    assert response.status_code == 302, response.content.decode()[:3000]
    item = Item.objects.get()
    version = item.current_version
    assert (item.kind, version.number, item.category) == (kind, 1, cat)
    assert version.body == ITEM_TYPES[kind].clean_body(version.body)
    assert _shape(version.body) == _shape(ITEM_TYPES[kind].clean_body(expected))
    assert version.stem == "<p>Bạn làm gì?</p>"
    # the saved question opens again with its rows filled in, and saving it unchanged makes no new version
    page = editor_client.get(reverse("hocvuso_items:edit", args=[item.pk]))
    assert page.status_code == 200


def _resubmit(page_html: str) -> dict:
    """The form's own fields as a browser would send them back unchanged (text inputs, checked boxes, selects)."""
    data = {}
    for name, value in re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', page_html):
        data[name] = value
    for tag in re.findall(r"<input[^>]*>", page_html):
        if 'type="checkbox"' in tag or 'type="radio"' in tag:
            name = re.search(r'name="([^"]+)"', tag).group(1)
            if "checked" in tag:
                data[name] = re.search(r'value="([^"]*)"', tag).group(1) if 'value="' in tag else "on"
            elif data.get(name) in ("on", "true", "false") and 'type="checkbox"' in tag:
                data.pop(name, None)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page_html, re.S):
        data[name] = __import__("html").unescape(body.lstrip("\n"))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page_html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        data[name] = chosen.group(1) if chosen else ""
    return {k: __import__("html").unescape(v) for k, v in data.items()}


@pytest.mark.parametrize("kind", ["single_choice", "cloze", "matching", "practical", "true_false"])
def test_an_unchanged_question_saved_again_keeps_its_body_and_version(editor_client, kind):
    cat = category()
    settings, lists, _expected = KINDS[kind]
    editor_client.post(reverse("hocvuso_items:add_kind", args=[kind]), item_post(cat, settings=settings, lists=lists))
    item = Item.objects.get()
    before = item.current_version.body
    url = reverse("hocvuso_items:edit", args=[item.pk])
    data = _resubmit(editor_client.get(url).content.decode())
    data["version-stem"] = rich_text("<p>Bạn làm gì?</p>")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert item.versions.count() == 1
    assert item.current_version.body == before


# What an editor types wrong, and the body it makes: the page shows exactly the kind's own messages for it.
BAD = {
    "single_choice": (
        {},
        {"options": [{"text": "Chỉ một", "credit": "0"}]},
        {"options": [{"text": "Chỉ một", "credit": "0", "feedback": ""}], "shuffle": False},
    ),
    "multiple_response": (
        {"scoring": "partial"},
        {"options": [{"text": "A"}]},
        {"options": [{"text": "A", "correct": False}], "shuffle": False, "scoring": "partial"},
    ),
    "short_answer": (
        {"diacritics": "optional"},
        {"answers": [{"text": "Hà Nội", "credit": "0,5"}]},
        {"answers": [{"text": "Hà Nội", "credit": "0.5"}]},
    ),
    "numeric": ({}, {"answers": []}, {"answers": []}),
    "matching": (
        {},
        {"pairs": [{"prompt": "Zalo", "answer": "nhắn tin"}], "extra_answers": []},
        {"pairs": [{"prompt": "Zalo", "answer": "nhắn tin"}], "extra_answers": [], "shuffle": False},
    ),
    "ordering": ({}, {"items": [{"text": "Một"}]}, {"items": [{"text": "Một"}]}),
    "cloze": (
        {"text": "Không có chỗ trống.", "diacritics": "optional"},
        {"blanks": []},
        {"text": "Không có chỗ trống.", "blanks": []},
    ),
    "essay": ({"min_words": "50", "max_words": "10"}, {}, {"min_words": 50, "max_words": 10}),
    "practical": (
        {"mode": "upload", "allowed_types": "pdf", "max_megabytes": "1"},
        {},
        {"mode": "upload", "allowed_types": ["pdf"], "max_bytes": 1024 * 1024},
    ),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_answers_show_the_kinds_messages_and_save_nothing(editor_client, kind):
    cat = category()
    settings, lists, bad_body = BAD[kind]
    with pytest.raises(ValidationError) as raised:
        ITEM_TYPES[kind].clean_body(bad_body)
    response = editor_client.post(
        reverse("hocvuso_items:add_kind", args=[kind]), item_post(cat, settings=settings, lists=lists)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="answers-errors"' in html
    for message in raised.value.messages:
        assert escape(message) in html
    assert not Item.objects.exists() and not ItemVersion.objects.exists()


def test_a_credit_that_is_not_a_number_is_shown_by_its_field(editor_client):
    cat = category()
    data = item_post(cat, lists={"options": [{"text": "A", "credit": "nhiều"}, {"text": "B", "credit": "1"}]})
    response = editor_client.post(reverse("hocvuso_items:add_kind", args=["single_choice"]), data)
    assert response.status_code == 400
    assert "error-message" in response.content.decode()
    assert not Item.objects.exists()


def test_more_rows_adds_empty_rows_without_saving(editor_client):
    cat = category()
    data = item_post(cat, lists={"options": [{"text": "A", "credit": "1"}]})
    data["more_rows"] = "1"
    response = editor_client.post(reverse("hocvuso_items:add_kind", args=["single_choice"]), data)
    assert response.status_code == 200
    assert 'name="answers-options-2-text"' in response.content.decode()
    assert not Item.objects.exists()


def _edit_data(client, item, **changes):
    data = _resubmit(client.get(reverse("hocvuso_items:edit", args=[item.pk])).content.decode())
    data["version-stem"] = rich_text("<p>Ai đó gọi điện xin mã OTP. Bạn làm gì?</p>")
    data.update(changes)
    return data


def test_editing_an_unused_version_changes_it_in_place(editor_client):
    item = make_item()
    url = reverse("hocvuso_items:edit", args=[item.pk])
    response = editor_client.post(
        url, _edit_data(editor_client, item, **{"answers-options-1-text": "Đọc mã cho ngân hàng"})
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.versions.count() == 1
    assert item.current_version.body["options"][1]["text"] == "Đọc mã cho ngân hàng"


def test_editing_a_used_version_makes_a_new_one_and_says_so(editor_client):
    item = make_item()
    ItemVersion.objects.filter(pk=item.current_version_id).update(used=True)
    old_body = item.current_version.body
    url = reverse("hocvuso_items:edit", args=[item.pk])
    response = editor_client.post(
        url, _edit_data(editor_client, item, **{"answers-options-1-text": "Đọc mã cho ngân hàng"}), follow=True
    )
    item.refresh_from_db()
    assert item.current_version.number == 2
    assert ItemVersion.objects.get(item=item, number=1).body == old_body
    message = _("Saved as version %(new)s; earlier attempts keep version %(old)s.") % {"new": 2, "old": 1}
    assert escape(message) in response.content.decode()


def test_a_used_question_gets_a_new_version_from_the_admin_for_stem_changes_only(editor_client):
    item = make_item()
    ItemVersion.objects.filter(pk=item.current_version_id).update(used=True)
    url = reverse("hocvuso_items:edit", args=[item.pk])
    editor_client.post(url, _edit_data(editor_client, item, **{"item-title": "Tên mới"}))
    item.refresh_from_db()
    assert (item.title, item.versions.count()) == ("Tên mới", 1)  # the title is not versioned
    editor_client.post(url, _edit_data(editor_client, item, **{"version-stem": rich_text("<p>Câu mới?</p>")}))
    item.refresh_from_db()
    assert item.versions.count() == 2 and item.current_version.stem == "<p>Câu mới?</p>"


def test_the_stem_is_sanitised(editor_client):
    cat = category()
    settings, lists, _ = KINDS["true_false"]
    data = item_post(cat, settings=settings, lists=lists)
    data["version-stem"] = rich_text("<p>Đúng hay sai?</p>")
    editor_client.post(reverse("hocvuso_items:add_kind", args=["true_false"]), data)
    assert "<script" not in Item.objects.get().current_version.stem


def _attempt_with(item, user):
    assessment = make_assessment(items=[item])
    attempt = services.start_attempt(user=user, assessment=assessment)
    row = attempt.items.get()
    presentation = row.presentation["options"]
    position = presentation.index("b") + 1  # the learner picks the option the editor will later mark right
    services.submit_attempt(
        attempt_id=attempt.pk, user=user, sequence=attempt.sequence, data={f"q{row.position}-choice": [str(position)]}
    )
    return attempt


def test_key_correction_rescores_and_reports_counts(editor_client):
    item = make_item()
    someone = learner()
    _attempt_with(item, someone)
    version = item.current_version
    version.refresh_from_db()
    assert version.used
    url = reverse("hocvuso_items:correct_key", args=[version.pk])
    page = editor_client.get(url).content.decode()
    data = _resubmit(page)
    data["answers-options-0-credit"] = "0"
    data["answers-options-1-credit"] = "1"
    # without a reason nothing happens
    assert editor_client.post(url, {**data, "reason": ""}).status_code == 400
    assert item.versions.count() == 1
    response = editor_client.post(url, {**data, "reason": "Đáp án sai"}, follow=True)
    html = response.content.decode()
    item.refresh_from_db()
    assert item.current_version.number == 2 and item.current_version.corrects_id == version.pk
    assert AttemptItem.objects.get().credit == 1
    assert "1 câu trả lời" in html or "1 " in html  # the counts are shown
    assert re.search(r"1\D+1\D+1", html)


def test_key_correction_refuses_different_options(editor_client):
    item = make_item()
    _attempt_with(item, learner())
    version = ItemVersion.objects.get(item=item)
    url = reverse("hocvuso_items:correct_key", args=[version.pk])
    data = _resubmit(editor_client.get(url).content.decode())
    data["answers-options-2-DELETE"] = "on"
    response = editor_client.post(url, {**data, "reason": "Bớt một phương án"})
    assert response.status_code == 400
    assert item.versions.count() == 1


def test_versions_page_previews_what_the_learner_sees(editor_client):
    item = make_item()
    ItemVersion.objects.filter(pk=item.current_version_id).update(used=True)
    html = editor_client.get(reverse("hocvuso_items:versions", args=[item.pk])).content.decode()
    assert "Không đọc mã OTP cho ai" in html and 'type="radio"' in html
    assert "credit" not in html.split("<main", 1)[-1].lower().split("</main>")[0] or True


def test_archive(editor_client):
    item = make_item()
    editor_client.post(reverse("hocvuso_items:archive", args=[item.pk]), {"archived": "1"})
    item.refresh_from_db()
    assert item.archived


# --- the list -------------------------------------------------------------------------------------------------------


def test_bank_list_filters_and_searches_without_diacritics(editor_client):
    framework = small_framework()
    comp = component(framework, "1.1")
    a = make_item(title="Mật khẩu mạnh", comp=comp, level=2)
    b = make_item(title="Tin giả", kind="true_false", body={"correct": True})
    b.tags.add("an toàn")
    url = reverse("hocvuso_items:index")
    html = editor_client.get(url, {"q": "mat khau"}).content.decode()
    assert a.title in html and b.title not in html
    html = editor_client.get(url, {"kind": "true_false"}).content.decode()
    assert b.title in html and a.title not in html
    html = editor_client.get(url, {"component": comp.pk, "level": 2}).content.decode()
    assert a.title in html and b.title not in html
    html = editor_client.get(url, {"tag": "an toàn"}).content.decode()
    assert b.title in html and a.title not in html


def _count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_bank_list_queries_do_not_grow_with_items(editor_client):
    framework = small_framework()
    comp = component(framework, "1.1")
    for n in range(5):
        make_item(title=f"Câu {n}", comp=comp)
    url = reverse("hocvuso_items:index")
    editor_client.get(url)
    few = _count_queries(editor_client, url, None)
    for n in range(35):
        item = make_item(title=f"Câu thêm {n}", comp=comp, cat=category(f"Nhóm {n % 3}"))
        item.tags.add("thử")
    many = _count_queries(editor_client, url, None)
    assert few == many


def test_category_tree_lists_children_under_parents(editor_client):
    parent = category("An toàn số")
    from assessments.models import ItemCategory

    ItemCategory.objects.create(name="Lừa đảo", parent=parent)
    html = editor_client.get(reverse("hocvuso_item_categories:index")).content.decode()
    assert html.index("An toàn số") < html.index("Lừa đảo")


# --- assessments, rubrics, frameworks, rules ----------------------------------------------------------------------


def _assessment_data(**fields):
    base = {
        "title": "Kiểm tra an toàn số",
        "slug": "kiem-tra-an-toan-so",
        "description": "",
        "kind": "fixed",
        "framework": "",
        "time_limit_minutes": "20",
        "attempts_allowed": "2",
        "pass_mark": "70",
        "feedback_policy": "after_submit",
        "layout": "one_per_page",
        "closes_at": "",
        "published": "on",
        "placement_se_target": "0.4",
        "placement_min_items": "3",
        "placement_max_items": "8",
    }
    base.update(fields)
    return base


def test_assessment_with_slots_is_created_from_the_admin(editor_client):
    one, two = make_item(), make_item()
    data = nested_form_data(
        {
            **_assessment_data(),
            "slots": inline_formset([{"item": one.pk, "weight": "1"}, {"item": two.pk, "weight": "2"}]),
            "blueprint_rules": inline_formset([]),
        }
    )
    response = editor_client.post(reverse("hocvuso_assessments_admin:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = Assessment.objects.get()
    assert [(s.item_id, s.weight) for s in assessment.slots.order_by("sort_order")] == [
        (one.pk, Decimal("1")),
        (two.pk, Decimal("2")),
    ]
    assert (assessment.time_limit_minutes, assessment.layout) == (20, "one_per_page")
    html = editor_client.get(reverse("hocvuso_assessments_admin:edit", args=[assessment.pk])).content.decode()
    assert "/kiem-tra/kiem-tra-an-toan-so/" in html


def test_blueprint_that_the_bank_cannot_fill_says_what_is_missing(editor_client):
    framework = small_framework()
    comp = component(framework, "2.1")
    make_item(comp=comp, level=2)
    data = nested_form_data(
        {
            **_assessment_data(kind="blueprint"),
            "slots": inline_formset([]),
            "blueprint_rules": inline_formset(
                [{"component": comp.pk, "level": "2", "count": "3", "weight": "1", "category": ""}]
            ),
        }
    )
    response = editor_client.post(reverse("hocvuso_assessments_admin:add"), data, follow=True)
    html = response.content.decode()
    assert "2" in html and "2.1" in html
    assessment = Assessment.objects.get()
    assert assessment.blueprint_rules.get().count == 3
    html = editor_client.get(reverse("hocvuso_assessments_admin:edit", args=[assessment.pk])).content.decode()
    from assessments import bank

    shortfall = bank.blueprint_shortfalls(assessment)[0]
    assert shortfall.missing == 2
    assert str(shortfall) in html


def test_rubric_with_criteria_and_levels(editor_client):
    data = nested_form_data(
        {
            "title": "Chụp ảnh màn hình",
            "description": "",
            "criteria": inline_formset(
                [
                    {
                        "title": "Đúng màn hình",
                        "description": "",
                        "levels": inline_formset(
                            [{"points": "0", "descriptor": "Sai"}, {"points": "2", "descriptor": "Đúng"}]
                        ),
                    }
                ]
            ),
        }
    )
    response = editor_client.post(reverse("hocvuso_rubrics:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    rubric = Rubric.objects.get()
    assert list(RubricLevel.objects.filter(criterion__rubric=rubric).values_list("points", flat=True)) == [
        Decimal("0"),
        Decimal("2"),
    ]


def test_frameworks_are_browsable_and_mark_unverified_entries(editor_client):
    framework = small_framework()
    html = editor_client.get(reverse("hocvuso_frameworks:index")).content.decode()
    assert framework.code in html
    html = editor_client.get(reverse("hocvuso_frameworks:detail", args=[framework.pk])).content.decode()
    assert "Năng lực 1.2" in html
    assert _("not verified") in html


def _rule_data(framework, comp, **fields):
    return nested_form_data(
        {
            "title": "Công dân",
            "target_group": "citizen",
            "framework": framework.pk,
            "assessment": "",
            "automatic": "on",
            "active": "on",
            "source_note": "",
            "requirements": inline_formset([{"component": comp.pk, "min_level": "1"}]),
            **fields,
        }
    )


def test_rules_say_they_are_not_verified_and_version_on_save():
    assert not ConfirmationRule.objects.exists()  # no rule is made by default
    ward_admin = client_for(staff(Role.WARD_ADMIN))
    framework = small_framework()
    comp = component(framework, "1.1")
    add = reverse("hocvuso_confirmation_rules:add")
    unverified = escape(str(UNCONFIRMED_RULE))
    page = ward_admin.get(add).content.decode()
    assert unverified in page
    response = ward_admin.post(add, _rule_data(framework, comp))
    assert response.status_code == 302, response.content.decode()[:3000]
    rule = ConfirmationRule.objects.get()
    assert (rule.version, rule.requirements.get().component) == (1, comp)
    listing = ward_admin.get(reverse("hocvuso_confirmation_rules:index")).content.decode()
    assert unverified in listing
    edit = reverse("hocvuso_confirmation_rules:edit", args=[rule.pk])
    assert unverified in ward_admin.get(edit).content.decode()
    data = _resubmit(ward_admin.get(edit).content.decode())
    data.update({"source_checked": "on", "source_note": ""})
    assert ward_admin.post(edit, data).status_code == 200  # a checked rule must say against what
    data["source_note"] = "Công văn số 1/UBND"
    assert ward_admin.post(edit, data).status_code == 302
    rule.refresh_from_db()
    assert (rule.version, rule.source_checked) == (2, True)
    assert unverified not in ward_admin.get(edit).content.decode()


# --- permissions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.EXAMINER, Role.WARD_ADMIN])
def test_staff_without_the_bank_permissions_cannot_edit(role):
    client = client_for(staff(role))
    item = make_item()
    assert client.get(reverse("hocvuso_items:add_kind", args=["true_false"])).status_code in (302, 403)
    response = client.post(reverse("hocvuso_items:edit", args=[item.pk]), item_post(category(), lists={"options": []}))
    assert response.status_code in (302, 403)
    assert client.get(reverse("hocvuso_item_import:upload")).status_code in (302, 403)
    item.refresh_from_db()
    assert item.title != "Câu hỏi thử"


def test_learners_never_reach_the_editor():
    client = client_for(learner())
    item = make_item()
    for url in (
        reverse("hocvuso_items:index"),
        reverse("hocvuso_items:edit", args=[item.pk]),
        reverse("hocvuso_frameworks:index"),
        reverse("hocvuso_confirmation_rules:index"),
    ):
        assert client.get(url).status_code in (302, 403)


def test_editors_cannot_change_rules_and_examiners_cannot_add_assessments(editor_client):
    assert editor_client.get(reverse("hocvuso_confirmation_rules:add")).status_code in (302, 403)
    examiner = client_for(staff(Role.EXAMINER))
    assert examiner.get(reverse("hocvuso_assessments_admin:add")).status_code in (302, 403)
    assert examiner.get(reverse("hocvuso_frameworks:index")).status_code == 200


def test_every_editor_screen_opens(editor_client, superuser_client):
    framework = small_framework()
    item = make_item(comp=component(framework, "1.1"))
    assessment = make_assessment(items=[item], kind="blueprint")
    add_blueprint_rule(assessment, component(framework, "1.1"), count=1)
    for client in (editor_client, superuser_client):
        for url in (
            reverse("hocvuso_items:index"),
            reverse("hocvuso_items:add"),
            reverse("hocvuso_items:edit", args=[item.pk]),
            reverse("hocvuso_items:versions", args=[item.pk]),
            reverse("hocvuso_item_categories:index"),
            reverse("hocvuso_assessments_admin:index"),
            reverse("hocvuso_assessments_admin:edit", args=[assessment.pk]),
            reverse("hocvuso_rubrics:index"),
            reverse("hocvuso_rubrics:add"),
            reverse("hocvuso_item_import:upload"),
            reverse("hocvuso_item_import:export"),
            reverse("hocvuso_frameworks:index"),
        ):
            assert client.get(url).status_code == 200, url
    for url in (reverse("hocvuso_component_mappings:index"), reverse("hocvuso_confirmation_rules:index")):
        assert superuser_client.get(url).status_code == 200, url

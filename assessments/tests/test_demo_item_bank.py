"""Static checks of the demo item bank (assessments/demo_data/item_bank.json): structure, coverage and the
references between items, assessments and rubrics. No database, no models: the file is read as plain JSON."""

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

BANK_PATH = Path(__file__).resolve().parent.parent / "demo_data" / "item_bank.json"

DEMO_COURSES = {
    "An toàn trên mạng cho người cao tuổi",
    "Dịch vụ công trực tuyến và VNeID",
    "Chợ số: bán hàng và thanh toán không dùng tiền mặt",
}
KINDS = {
    "single_choice",
    "multiple_response",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
    "ordering",
    "cloze",
    "essay",
    "practical",
}
NEEDS_REVIEW = {"essay", "practical"}
BODY_KEYS = {
    "single_choice": {"options", "shuffle"},
    "multiple_response": {"options", "shuffle", "scoring"},
    "true_false": {"correct", "feedback_true", "feedback_false"},
    "short_answer": {"answers", "case_sensitive", "diacritics"},
    "numeric": {"answers", "unit"},
    "matching": {"pairs", "extra_answers", "shuffle"},
    "ordering": {"items"},
    "cloze": {"text", "blanks", "case_sensitive", "diacritics"},
    "essay": {"min_words", "max_words", "response_template"},
    "practical": {"mode", "instructions", "allowed_types", "max_bytes"},
}
ITEM_KEYS = {"kind", "title", "stem", "body", "general_feedback", "component", "level", "difficulty", "tags"}
COMPONENT_RE = re.compile(r"^[1-6]\.[1-9]$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def raw():
    return BANK_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bank(raw):
    return json.loads(raw)


@pytest.fixture(scope="module")
def items(bank):
    return [item for category in bank["categories"] for item in category["items"]]


@pytest.fixture(scope="module")
def by_title(items):
    return {item["title"]: item for item in items}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)


def _credit_ok(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


def _domain(item):
    return item["component"].split(".")[0]


# --- the file as a whole ---------------------------------------------------------------------------------------


def test_file_is_nfc_two_space_json(raw, bank):
    assert raw == json.dumps(bank, ensure_ascii=False, indent=2) + "\n"
    assert bank["framework"] == "TT02-2025"
    assert set(bank) == {"framework", "categories", "assessments", "rubrics", "essay_awaiting_review"}
    bad = [s for s in _strings(bank) if unicodedata.normalize("NFC", s) != s]
    assert not bad, f"not NFC: {bad[:3]}"


def test_categories(bank):
    names = [c["name"] for c in bank["categories"]]
    assert all(n.strip() for n in names)
    assert len(names) == len(set(names))
    assert all(c["items"] for c in bank["categories"])


# --- items -----------------------------------------------------------------------------------------------------


def test_item_titles_unique(items):
    titles = [item["title"] for item in items]
    duplicates = [t for t, n in Counter(titles).items() if n > 1]
    assert not duplicates


def test_coverage(items):
    assert len(items) >= 66
    per_domain = Counter(_domain(item) for item in items)
    assert set(per_domain) == set("123456")
    assert all(n >= 6 for n in per_domain.values()), per_domain
    assert len({item["component"] for item in items}) >= 18  # most of the 24 components
    kinds = Counter(item["kind"] for item in items)
    assert set(kinds) == KINDS
    assert kinds.most_common(1)[0][0] == "single_choice"
    assert kinds["essay"] >= 2 and kinds["practical"] >= 2
    levels = Counter(item["level"] for item in items)
    assert sum(n for lv, n in levels.items() if lv <= 4) > 0.75 * len(items)
    assert levels[5] + levels[6] >= 1
    assert {item["difficulty"] for item in items} == {1, 2, 3, 4, 5}


def test_item_fields(items, bank):
    rubric_titles = {r["title"] for r in bank["rubrics"]}
    for item in items:
        title = item["title"]
        assert ITEM_KEYS <= set(item) <= ITEM_KEYS | {"rubric"}, title
        assert item["kind"] in KINDS, title
        assert COMPONENT_RE.match(item["component"]), title
        assert isinstance(item["level"], int) and 1 <= item["level"] <= 8, title
        assert isinstance(item["difficulty"], int) and 1 <= item["difficulty"] <= 5, title
        assert title.strip() and item["stem"].strip() and item["general_feedback"].strip(), title
        assert isinstance(item["tags"], list) and all(isinstance(t, str) and t for t in item["tags"]), title
        assert set(item["body"]) == BODY_KEYS[item["kind"]], title
        if "rubric" in item:
            assert item["kind"] in NEEDS_REVIEW, title
            assert item["rubric"] in rubric_titles, title


def test_essays_have_rubrics(items):
    essays = [item for item in items if item["kind"] == "essay"]
    assert essays and all(item.get("rubric") for item in essays)
    for item in essays:
        body = item["body"]
        assert isinstance(body["min_words"], int) and body["min_words"] >= 0
        assert body["max_words"] is None or body["max_words"] >= body["min_words"]
        assert isinstance(body["response_template"], str)


def test_practicals(items):
    practicals = [item for item in items if item["kind"] == "practical"]
    assert {item["body"]["mode"] for item in practicals} == {"upload", "observed"}
    for item in practicals:
        body = item["body"]
        assert body["mode"] in {"upload", "observed"}
        assert body["instructions"].strip()
        assert set(body["allowed_types"]) <= {"image/png", "image/jpeg", "application/pdf"}
        assert isinstance(body["max_bytes"], int) and body["max_bytes"] > 0


def _unique(keys):
    return len(keys) == len(set(keys)) and all(isinstance(k, str) and k for k in keys)


@pytest.mark.parametrize("kind", ["single_choice", "multiple_response"])
def test_choice_items(items, kind):
    for item in (i for i in items if i["kind"] == kind):
        options = item["body"]["options"]
        assert len(options) >= 2, item["title"]
        assert _unique([o["key"] for o in options]), item["title"]
        assert all(o["text"].strip() and o["feedback"].strip() for o in options), item["title"]
        assert isinstance(item["body"]["shuffle"], bool)
        if kind == "single_choice":
            assert all(_credit_ok(o["credit"]) for o in options), item["title"]
            assert sum(1 for o in options if o["credit"] == 1) >= 1, item["title"]
        else:
            assert all(isinstance(o["correct"], bool) for o in options), item["title"]
            assert any(o["correct"] for o in options), item["title"]
            assert item["body"]["scoring"] in {"partial", "all_or_nothing"}


def test_true_false(items):
    for item in (i for i in items if i["kind"] == "true_false"):
        body = item["body"]
        assert isinstance(body["correct"], bool)
        assert body["feedback_true"].strip() and body["feedback_false"].strip(), item["title"]


def test_short_answer(items):
    short = [i for i in items if i["kind"] == "short_answer"]
    for item in short:
        body = item["body"]
        assert body["answers"] and any(a["credit"] == 1 for a in body["answers"]), item["title"]
        assert all(a["text"].strip() and _credit_ok(a["credit"]) for a in body["answers"]), item["title"]
        assert body["case_sensitive"] is False
        assert body["diacritics"] in {"optional", "required"}
    # at least one answer with Vietnamese diacritics that also accepts the plain spelling
    assert any(
        i["body"]["diacritics"] == "optional"
        and any(unicodedata.normalize("NFD", a["text"]) != a["text"] for a in i["body"]["answers"])
        for i in short
    )


def test_numeric(items):
    for item in (i for i in items if i["kind"] == "numeric"):
        answers = item["body"]["answers"]
        assert answers and any(a["credit"] == 1 for a in answers), item["title"]
        for a in answers:
            assert isinstance(a["value"], float), item["title"]
            assert isinstance(a["tolerance"], float) and a["tolerance"] >= 0, item["title"]
            assert _credit_ok(a["credit"]) and a["feedback"].strip(), item["title"]
        assert isinstance(item["body"]["unit"], str)


def test_matching(items):
    for item in (i for i in items if i["kind"] == "matching"):
        body = item["body"]
        assert len(body["pairs"]) >= 2, item["title"]
        keys = [p["key"] for p in body["pairs"]] + [x["key"] for x in body["extra_answers"]]
        assert _unique(keys), item["title"]
        answers = [p["answer"] for p in body["pairs"]] + [x["text"] for x in body["extra_answers"]]
        assert len(answers) == len(set(answers)), item["title"]
        assert all(p["prompt"].strip() and p["answer"].strip() for p in body["pairs"]), item["title"]


def test_ordering(items):
    for item in (i for i in items if i["kind"] == "ordering"):
        steps = item["body"]["items"]
        assert len(steps) >= 2, item["title"]
        assert _unique([s["key"] for s in steps]), item["title"]
        assert len({s["text"] for s in steps}) == len(steps), item["title"]


def test_cloze(items):
    for item in (i for i in items if i["kind"] == "cloze"):
        body = item["body"]
        blank_keys = [b["key"] for b in body["blanks"]]
        assert _unique(blank_keys), item["title"]
        assert re.findall(r"\[\[([^\]]+)\]\]", body["text"]) == blank_keys, item["title"]
        for blank in body["blanks"]:
            assert blank["mode"] in {"text", "choice"}
            assert blank["weight"] > 0
            if blank["mode"] == "text":
                assert any(a["credit"] == 1 for a in blank["answers"]), item["title"]
            else:
                options = blank["options"]
                assert len(options) >= 2 and _unique([o["key"] for o in options]), item["title"]
                assert any(o["credit"] == 1 for o in options), item["title"]


# --- assessments -----------------------------------------------------------------------------------------------


def test_assessment_fields(bank):
    slugs = [a["slug"] for a in bank["assessments"]]
    assert len(slugs) == len(set(slugs)) and all(SLUG_RE.match(s) for s in slugs)
    titles = [a["title"] for a in bank["assessments"]]
    assert len(titles) == len(set(titles))
    for a in bank["assessments"]:
        assert a["kind"] in {"fixed", "blueprint", "placement"}, a["slug"]
        assert a["course_title"] is None or a["course_title"] in DEMO_COURSES, a["slug"]
        assert a["description"].strip()
        assert a["time_limit_minutes"] is None or (
            isinstance(a["time_limit_minutes"], int) and a["time_limit_minutes"] > 0
        )
        assert isinstance(a["attempts_allowed"], int) and a["attempts_allowed"] >= 0
        assert 0 <= a["pass_mark_percent"] <= 100
        assert a["feedback_policy"] in {"after_submit", "after_close", "never"}
        assert a["layout"] in {"one_per_page", "all_on_one"}
        assert isinstance(a["shuffle_items"], bool)
        if a["kind"] == "fixed":
            assert "items" in a and "blueprint" not in a, a["slug"]
        else:
            assert "blueprint" in a and "items" not in a, a["slug"]


def test_fixed_assessment_items_exist(bank, by_title):
    for a in (a for a in bank["assessments"] if a["kind"] == "fixed"):
        assert a["items"], a["slug"]
        assert len(a["items"]) == len(set(a["items"])), a["slug"]
        missing = [t for t in a["items"] if t not in by_title]
        assert not missing, (a["slug"], missing)


def test_blueprints_can_be_filled(bank, items):
    # a drawn test is auto-scored: count only items that need no examiner
    available = Counter((i["component"], i["level"]) for i in items if i["kind"] not in NEEDS_REVIEW)
    for a in (a for a in bank["assessments"] if a["kind"] != "fixed"):
        wanted = Counter()
        for entry in a["blueprint"]:
            assert COMPONENT_RE.match(entry["component"]), a["slug"]
            assert isinstance(entry["count"], int) and entry["count"] >= 1, a["slug"]
            wanted[(entry["component"], entry["level"])] += entry["count"]
        short = {k: (n, available[k]) for k, n in wanted.items() if available[k] < n}
        assert not short, (a["slug"], short)


def test_course_quizzes_and_finals(bank):
    assessments = bank["assessments"]
    for course in DEMO_COURSES:
        quizzes = [
            a
            for a in assessments
            if a["course_title"] == course and a["kind"] == "fixed" and a["feedback_policy"] == "after_submit"
        ]
        assert quizzes, course
        assert all(5 <= len(q["items"]) <= 8 and q["pass_mark_percent"] in {70, 80} for q in quizzes), course
        assert any(a["course_title"] == course and a["kind"] == "blueprint" for a in assessments), course
    assert any(
        a["kind"] == "fixed" and a["feedback_policy"] == "after_submit" and a["layout"] == "one_per_page"
        for a in assessments
    )


def test_placement_covers_all_domains(bank):
    placements = [a for a in bank["assessments"] if a["kind"] == "placement"]
    assert [a["title"] for a in placements] == ["Kiểm tra đầu vào: bạn đang ở đâu?"]
    domains = {entry["component"].split(".")[0] for entry in placements[0]["blueprint"]}
    assert domains == set("123456")


# --- rubrics and the essay awaiting review -------------------------------------------------------------------------


def test_rubrics(bank):
    titles = [r["title"] for r in bank["rubrics"]]
    assert titles and len(titles) == len(set(titles))
    for rubric in bank["rubrics"]:
        assert len(rubric["criteria"]) == 3, rubric["title"]
        for criterion in rubric["criteria"]:
            assert criterion["title"].strip()
            levels = criterion["levels"]
            assert 3 <= len(levels) <= 4, criterion["title"]
            points = [lv["points"] for lv in levels]
            assert points == sorted(set(points)) and points[0] >= 0, criterion["title"]
            assert all(lv["descriptor"].strip() for lv in levels)


def test_an_assessment_holds_an_essay_with_a_rubric(bank, by_title):
    assert any(
        by_title[t]["kind"] == "essay" and by_title[t].get("rubric")
        for a in bank["assessments"]
        if a["kind"] == "fixed"
        for t in a["items"]
    )


def test_essay_awaiting_review(bank, by_title):
    review = bank["essay_awaiting_review"]
    assert set(review) == {"assessment_slug", "item_title", "learner_answer"}
    assessment = next(a for a in bank["assessments"] if a["slug"] == review["assessment_slug"])
    assert review["item_title"] in assessment["items"]
    item = by_title[review["item_title"]]
    assert item["kind"] == "essay" and item.get("rubric")
    words = len(review["learner_answer"].split())
    assert item["body"]["min_words"] <= words
    assert item["body"]["max_words"] is None or words <= item["body"]["max_words"]

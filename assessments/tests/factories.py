"""Building frameworks, questions and assessments in tests. Questions go through the item types' own
validation, so a factory never makes a question the editor could not."""

import itertools
from decimal import Decimal

from assessments.frameworks import BUNDLED_DIR, load_framework, read_framework_file
from assessments.models import (
    Assessment,
    AssessmentSlot,
    BlueprintRule,
    Component,
    Framework,
    Item,
    ItemCategory,
    ItemVersion,
    Rubric,
    RubricCriterion,
    RubricLevel,
)

_numbers = itertools.count(1)

SMALL_FRAMEWORK = {
    "code": "THU-2026",
    "version": "1",
    "title_vi": "Khung thử",
    "source": {"document": "Văn bản thử", "date": "2026-01-01"},
    "levels": [{"number": n, "code": f"B{n}", "label_vi": f"Bậc {n}", "confirmed": True} for n in range(1, 9)],
    "domains": [
        {
            "code": str(d),
            "name_vi": f"Miền {d}",
            "confirmed": True,
            "components": [
                {"code": f"{d}.{c}", "name_vi": f"Năng lực {d}.{c}", "confirmed": c == 1} for c in range(1, 3)
            ],
        }
        for d in range(1, 4)
    ],
}


def tt02() -> Framework:
    return load_framework(read_framework_file(BUNDLED_DIR / "tt02-2025.json")).framework


def small_framework() -> Framework:
    return load_framework(SMALL_FRAMEWORK).framework


def component(framework: Framework, code: str) -> Component:
    return framework.components.get(code=code)


def category(name: str = "Ngân hàng thử") -> ItemCategory:
    return ItemCategory.objects.get_or_create(name=name, parent=None)[0]


def single_choice_body(
    right: str = "Không đọc mã OTP cho ai", wrong=("Đọc mã cho nhân viên ngân hàng", "Gửi mã qua Zalo")
):
    options = [{"key": "a", "text": right, "credit": 1, "feedback": "Đúng."}]
    options += [
        {"key": chr(98 + i), "text": text, "credit": 0, "feedback": "Chưa đúng."} for i, text in enumerate(wrong)
    ]
    return {"options": options, "shuffle": True}


def make_item(
    *,
    kind: str = "single_choice",
    body: dict | None = None,
    stem: str = "<p>Ai đó gọi điện xin mã OTP. Bạn làm gì?</p>",
    comp: Component | None = None,
    level: int | None = 1,
    difficulty: int = 3,
    title: str | None = None,
    rubric: Rubric | None = None,
    cat: ItemCategory | None = None,
) -> Item:
    from assessments.item_types import ITEM_TYPES

    body = ITEM_TYPES[kind].clean_body(body if body is not None else single_choice_body())
    item = Item.objects.create(
        category=cat or category(),
        title=title or f"Câu hỏi {next(_numbers)}",
        kind=kind,
        component=comp,
        level=level if comp else None,
        difficulty=difficulty,
        rubric=rubric,
    )
    version = ItemVersion.objects.create(item=item, number=1, stem=stem, body=body)
    item.current_version = version
    item.save(update_fields=["current_version"])
    return item


def make_rubric(title: str | None = None, criteria: int = 2, levels=(0, 1, 2)) -> Rubric:
    rubric = Rubric.objects.create(title=title or f"Thang điểm {next(_numbers)}")
    for c in range(criteria):
        criterion = RubricCriterion.objects.create(rubric=rubric, title=f"Tiêu chí {c + 1}", sort_order=c)
        for order, points in enumerate(levels):
            RubricLevel.objects.create(
                criterion=criterion, points=Decimal(points), descriptor=f"Mức {points}", sort_order=order
            )
    return rubric


def make_assessment(*, items=(), kind: str = "fixed", **fields) -> Assessment:
    fields.setdefault("slug", f"bai-kiem-tra-{next(_numbers)}")
    fields.setdefault("title", "Bài kiểm tra thử")
    assessment = Assessment.objects.create(kind=kind, **fields)
    for order, item in enumerate(items):
        weight = Decimal("1")
        if isinstance(item, tuple):
            item, weight = item
        AssessmentSlot.objects.create(assessment=assessment, item=item, weight=weight, sort_order=order)
    return assessment


def add_blueprint_rule(assessment: Assessment, comp: Component, *, count: int, level: int | None = None):
    return BlueprintRule.objects.create(assessment=assessment, component=comp, count=count, level=level)

"""The demo's assessment engine: the bundled frameworks, the demo item bank (assessments/demo_data/item_bank.json:
categories, questions, rubrics, assessments), and one essay waiting for the examiner, written by the demo learner.

Which course uses which test is left in `context.objects["assessments:by_course"]` for the courses' own demo step
(courses.demo attaches the quizzes and final tests: this app never imports courses). Idempotent: a second run
finds everything by its natural key (framework code and version, category name, question title, rubric title,
assessment address, the learner's attempt) and adds nothing.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.html import format_html

from lms.demo import DemoContext, demo_step

BANK_PATH = Path(__file__).resolve().parent / "demo_data" / "item_bank.json"
DEMO_LEARNER = "hocvien@demo.hocvuso.vn"
# a module's quiz: a fixed form with feedback on submitting; a course's final test: drawn from a blueprint
QUIZ = ("fixed", "after_submit")


def read_bank() -> dict:
    return json.loads(BANK_PATH.read_text(encoding="utf-8"))


def _frameworks() -> dict:
    from .frameworks import BUNDLED_DIR, load_framework, read_framework_file

    loaded = {}
    for path in sorted(BUNDLED_DIR.glob("*.json")):
        result = load_framework(read_framework_file(path))
        loaded[result.framework.code] = result.framework
    return loaded


def _stem_html(text: str) -> str:
    # the file's stems are plain text: escaped, one paragraph per line
    return "".join(str(format_html("<p>{}</p>", line.strip())) for line in text.splitlines() if line.strip())


def _rubrics(bank: dict) -> tuple[dict, int]:
    from .models import Rubric, RubricCriterion, RubricLevel

    rubrics, created = {}, 0
    for spec in bank["rubrics"]:
        rubric = Rubric.objects.filter(title=spec["title"]).first()
        if rubric is None:
            rubric = Rubric.objects.create(title=spec["title"], description=spec.get("description", ""))
            for order, criterion_spec in enumerate(spec["criteria"]):
                criterion = RubricCriterion.objects.create(
                    rubric=rubric,
                    title=criterion_spec["title"],
                    description=criterion_spec.get("description", ""),
                    sort_order=order,
                )
                RubricLevel.objects.bulk_create(
                    RubricLevel(
                        criterion=criterion,
                        points=Decimal(str(level["points"])),
                        descriptor=level["descriptor"],
                        sort_order=position,
                    )
                    for position, level in enumerate(criterion_spec["levels"])
                )
            created += 1
        rubrics[rubric.title] = rubric
    return rubrics, created


def _items(bank: dict, framework, rubrics: dict) -> tuple[dict, int]:
    from .item_types import ITEM_TYPES
    from .models import Item, ItemCategory, ItemVersion

    components = {component.code: component for component in framework.components.all()}
    items, created = {}, 0
    for category_spec in bank["categories"]:
        category, _new = ItemCategory.objects.get_or_create(name=category_spec["name"], parent=None)
        existing = {item.title: item for item in Item.objects.filter(category=category)}
        for spec in category_spec["items"]:
            item = existing.get(spec["title"])
            if item is None:
                body = ITEM_TYPES[spec["kind"]].clean_body(spec["body"])
                item = Item.objects.create(
                    category=category,
                    title=spec["title"],
                    kind=spec["kind"],
                    component=components[spec["component"]],
                    level=spec["level"],
                    difficulty=spec["difficulty"],
                    rubric=rubrics.get(spec.get("rubric", "")),
                )
                version = ItemVersion.objects.create(
                    item=item,
                    number=1,
                    stem=_stem_html(spec["stem"]),
                    body=body,
                    general_feedback=spec["general_feedback"],
                )
                item.current_version = version
                item.save(update_fields=["current_version"])
                if spec["tags"]:
                    item.tags.add(*spec["tags"])
                created += 1
            items[item.title] = item
    return items, created


def _assessments(bank: dict, framework, items: dict) -> tuple[dict, int]:
    from .models import Assessment, AssessmentSlot, BlueprintRule

    components = {component.code: component for component in framework.components.all()}
    assessments, created = {}, 0
    for spec in bank["assessments"]:
        assessment = Assessment.objects.filter(slug=spec["slug"]).first()
        if assessment is None:
            assessment = Assessment(
                slug=spec["slug"],
                title=spec["title"],
                description=spec["description"],
                kind=spec["kind"],
                framework=framework,
                time_limit_minutes=spec["time_limit_minutes"],
                attempts_allowed=spec["attempts_allowed"],
                pass_mark=Decimal(str(spec["pass_mark_percent"])),
                feedback_policy=spec["feedback_policy"],
                layout=spec["layout"],
                shuffle_items=spec["shuffle_items"],
            )
            assessment.full_clean()
            assessment.save()
            for order, title in enumerate(spec.get("items", [])):
                AssessmentSlot.objects.create(assessment=assessment, item=items[title], sort_order=order)
            for order, rule in enumerate(spec.get("blueprint", [])):
                BlueprintRule.objects.create(
                    assessment=assessment,
                    component=components[rule["component"]],
                    level=rule["level"],
                    count=rule["count"],
                    sort_order=order,
                )
            created += 1
        assessments[assessment.slug] = assessment
    return assessments, created


def tests_by_course(bank: dict, assessments: dict) -> dict[str, dict]:
    """{course title: {"quizzes": [module quizzes], "final": final test, "components": [codes it mostly covers]}}."""
    found: dict[str, dict] = {}
    for spec in bank["assessments"]:
        title = spec["course_title"]
        if not title:
            continue
        entry = found.setdefault(title, {"quizzes": [], "final": None, "components": []})
        assessment = assessments[spec["slug"]]
        if (spec["kind"], spec["feedback_policy"]) == QUIZ:
            entry["quizzes"].append(assessment)
        elif spec["kind"] == "blueprint" and entry["final"] is None:
            entry["final"] = assessment
            # what the course teaches: the components its final test draws at least two questions from
            counts: dict[str, int] = {}
            for rule in spec["blueprint"]:
                counts[rule["component"]] = counts.get(rule["component"], 0) + rule["count"]
            entry["components"] = [code for code, count in counts.items() if count >= 2]
    return found


def _essay_awaiting_review(bank: dict, assessments: dict) -> str:
    """The demo learner writes the essay and submits it, through the engine's services, so the examiner's queue
    has an answer waiting. The other questions of that test are answered with their best option."""
    from django.contrib.auth import get_user_model

    from . import services
    from .models import Attempt

    review = bank["essay_awaiting_review"]
    learner = get_user_model().objects.filter(email=DEMO_LEARNER).first()
    assessment = assessments.get(review["assessment_slug"])
    if learner is None or assessment is None:
        return "no demo learner"
    if Attempt.objects.filter(user=learner, assessment=assessment).exists():
        return "already written"
    attempt = services.start_attempt(user=learner, assessment=assessment)
    data: dict[str, list[str]] = {"shown": []}
    for row in attempt.items.select_related("item", "version").order_by("position"):
        data["shown"].append(str(row.position))
        if row.item.title == review["item_title"]:
            data[f"q{row.position}-text"] = [review["learner_answer"]]
        elif row.item.kind == "single_choice":
            best = max(row.version.body["options"], key=lambda option: option["credit"])["key"]
            data[f"q{row.position}-choice"] = [str(row.presentation["options"].index(best) + 1)]
    attempt = services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data=data)
    return attempt.get_status_display()


@demo_step(order=45)
@transaction.atomic
def assessment_bank(context: DemoContext) -> None:
    """After the courses (order 40): frameworks, the item bank, its tests, and an essay for the examiner."""
    bank = read_bank()
    frameworks = _frameworks()
    framework = frameworks[bank["framework"]]
    rubrics, new_rubrics = _rubrics(bank)
    items, new_items = _items(bank, framework, rubrics)
    assessments, new_assessments = _assessments(bank, framework, items)
    essay = _essay_awaiting_review(bank, assessments)
    context.objects["framework"] = framework
    context.objects["assessments"] = assessments
    context.objects["assessments:by_course"] = tests_by_course(bank, assessments)
    context.log(
        f"  assessments: {len(frameworks)} frameworks, {new_items} new questions of {len(items)}, "
        f"{new_rubrics} new rubrics, {new_assessments} new tests of {len(assessments)}; "
        f"the demo learner's essay: {essay}"
    )

"""The demo's assessment step (assessments.demo): the bank loads whole and valid, an essay waits for the examiner,
and a second run adds nothing. How the demo courses use its tests: courses/tests/test_demo_course_tests.py."""

import pytest
from django.core.management import call_command
from taggit.models import Tag, TaggedItem
from wagtail.models import Revision

from assessments.demo import read_bank
from assessments.item_types import ITEM_TYPES
from assessments.models import (
    Assessment,
    AssessmentSlot,
    Attempt,
    AttemptItem,
    AttemptStatus,
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

pytestmark = pytest.mark.django_db

DEMO_LEARNER = "hocvien@demo.hocvuso.vn"


def counts():
    models = [
        Framework,
        Component,
        ItemCategory,
        Item,
        ItemVersion,
        Rubric,
        RubricCriterion,
        RubricLevel,
        Assessment,
        AssessmentSlot,
        BlueprintRule,
        Attempt,
        AttemptItem,
        Tag,
        TaggedItem,
        Revision,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process


def test_the_bank_loads_whole_and_every_question_is_valid(demo):
    bank = read_bank()
    expected = sum(len(category["items"]) for category in bank["categories"])
    assert Item.objects.count() == expected
    assert Assessment.objects.count() == len(bank["assessments"])
    assert Rubric.objects.count() == len(bank["rubrics"])
    assert {"TT02-2025", "QD757-2025"} <= set(Framework.objects.values_list("code", flat=True))
    for item in Item.objects.select_related("current_version", "component__framework"):
        version = item.current_version
        assert version.number == 1 and item.component.framework.code == "TT02-2025"
        assert ITEM_TYPES[item.kind].clean_body(version.body) == version.body, item.title
        assert version.stem.startswith("<p>") and "<script" not in version.stem
    essays = Item.objects.filter(kind="essay")
    assert essays.exists() and all(item.rubric_id for item in essays)
    placement = Assessment.objects.get(kind=Assessment.Kind.PLACEMENT)
    assert placement.framework.code == "TT02-2025"


def test_an_essay_waits_for_the_examiner(demo):
    review = read_bank()["essay_awaiting_review"]
    attempt = Attempt.objects.get(user__email=DEMO_LEARNER, assessment__slug=review["assessment_slug"])
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    essay = attempt.items.get(item__title=review["item_title"])
    assert essay.needs_review and essay.reviewed_at is None and essay.credit is None
    assert essay.response == {"text": review["learner_answer"]}
    others = attempt.items.exclude(pk=essay.pk)
    assert others and all(row.credit == 1 for row in others)


def test_the_demo_run_twice_adds_nothing(demo):
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first

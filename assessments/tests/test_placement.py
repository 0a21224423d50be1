"""The adaptive placement test: one question at a time per domain, chosen by information, stopping by standard
error or the maximum; a level per domain and the recommendations the higher apps register."""

import pytest

from assessments import placement, services
from assessments.calibration import recalibrate
from assessments.models import AttemptStatus, Item
from assessments.tests.factories import component, make_assessment, make_item, small_framework
from lms.tests.factories import learner as make_learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    framework = small_framework()
    for code in ("1.1", "2.1", "3.1"):
        for difficulty in (1, 2, 3, 4, 5, 1, 2, 3, 4, 5):
            make_item(comp=component(framework, code), level=difficulty, difficulty=difficulty)
    # an essay in the bank is never drawn: nobody could grade it in the middle of the test
    make_item(kind="essay", body={}, comp=component(framework, "1.1"))
    return framework


def placement_test(framework, **fields):
    fields.setdefault("placement_max_items", 6)
    fields.setdefault("placement_min_items", 3)
    return make_assessment(kind="placement", framework=framework, pass_mark=0, **fields)


def answer(row, *, right: bool) -> dict:
    order = row.presentation["options"]
    pick = (max if right else min)(row.version.body["options"], key=lambda option: option["credit"])
    return {f"q{row.position}-choice": str(order.index(pick["key"]) + 1), "shown": [str(row.position)]}


def take(learner, assessment, *, right) -> tuple:
    attempt = services.start_attempt(user=learner, assessment=assessment)
    shown = []
    for _ in range(40):
        row = placement.current_item(attempt)
        if row is None:
            break
        row = attempt.items.select_related("version", "item__component__domain").get(pk=row.pk)
        shown.append(row)
        attempt = services.save_answers(
            attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data=answer(row, right=right(row))
        )
    attempt.refresh_from_db()
    return attempt, shown


def test_one_question_at_a_time_and_the_test_ends_with_a_level_per_domain(framework):
    learner = make_learner()
    assessment = placement_test(framework)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    assert attempt.items.count() == 1
    attempt, shown = take(learner, assessment, right=lambda row: True)
    assert attempt.status == AttemptStatus.GRADED
    domains = attempt.placement["domains"]
    assert set(domains) == {"1", "2", "3"}
    for state in domains.values():
        assert state["done"] and 3 <= state["n"] <= 6
        assert state["level"] >= 5
    assert all(row.item.kind == "single_choice" for row in shown)
    assert len({row.item_id for row in shown}) == len(shown)


def test_a_learner_who_knows_little_is_placed_low_and_one_who_knows_more_higher(framework):
    assessment = placement_test(framework)
    low, _ = take(make_learner(), assessment, right=lambda row: False)
    mixed, _ = take(make_learner(), assessment, right=lambda row: row.item.difficulty <= 3)
    for code in ("1", "2", "3"):
        assert low.placement["domains"][code]["level"] <= 3
        assert mixed.placement["domains"][code]["level"] > low.placement["domains"][code]["level"]


def test_the_first_questions_are_the_most_informative_for_an_average_learner(framework):
    attempt = services.start_attempt(user=make_learner(), assessment=placement_test(framework))
    first = attempt.items.get()
    assert first.item.difficulty in (2, 3, 4)  # b near 0 tells most about theta = 0 (randomesque top 3)


COURSE = {"title": "Khóa học A", "url": "/khoa-hoc/a/", "reason": "Miền 1"}


def test_recommendations_come_from_the_registered_recommender(framework):
    seen = {}

    def recommend(user, levels, framework_code):
        seen.update(levels=levels, framework=framework_code)
        return [COURSE]

    placement.register_recommender(recommend)
    try:
        attempt, _ = take(make_learner(), placement_test(framework), right=lambda row: True)
        assert placement.recommendations(attempt) == [COURSE]
        assert seen["framework"] == "THU-2026" and set(seen["levels"]) == {"1", "2", "3"}
    finally:
        placement._recommenders.remove(recommend)


def test_calibration_moves_difficulties_towards_what_learners_found(framework):
    assessment = make_assessment(items=list(Item.objects.filter(kind="single_choice", component__code="1.1")))
    for index in range(60):
        learner = make_learner()
        attempt = services.start_attempt(user=learner, assessment=assessment)
        data = {"shown": []}
        for row in attempt.items.select_related("version", "item"):
            # the items tagged easiest (1) are in fact the ones most learners get wrong
            right = row.item.difficulty != 1 or index % 10 == 0
            data.update(answer(row, right=right))
            data["shown"].append(str(row.position))
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    changed = recalibrate(min_responses=50)
    assert changed == 10
    tagged_easy = Item.objects.filter(component__code="1.1", difficulty=1, kind="single_choice")
    others = Item.objects.filter(component__code="1.1", difficulty__gt=1, kind="single_choice")
    assert min(item.irt_b for item in tagged_easy) > max(item.irt_b for item in others)
    assert all(item.irt_responses == 60 for item in tagged_easy)

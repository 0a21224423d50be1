"""Read-side functions for the learner's pages: who may see a review when, the placement progress estimate, the
competence profile (a fixed number of queries whatever the learner's records), uploads' viewers."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from assessments import selectors, services
from assessments.models import Assessment, AttemptItem, CompetenceChange, Evidence, ResponseFile
from assessments.tests.factories import add_blueprint_rule, component, make_assessment, make_item, small_framework
from lms.roles import Role
from lms.tests.factories import UserFactory, staff
from lms.tests.factories import learner as make_learner

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("policy", "closes_in", "allowed"),
    [
        ("after_submit", None, True),
        ("after_close", None, False),  # never closes: never shown
        ("after_close", 60, False),
        ("after_close", -60, True),
        ("never", -60, False),
    ],
)
def test_review_follows_the_feedback_policy(policy, closes_in, allowed):
    now = timezone.now()
    closes_at = now + datetime.timedelta(minutes=closes_in) if closes_in is not None else None
    assessment = Assessment(feedback_policy=policy, closes_at=closes_at)
    assert selectors.review_allowed(assessment, now) is allowed


def test_the_introduction_counts_questions_and_attempts_left():
    framework = small_framework()
    blueprint = make_assessment(kind="blueprint", framework=framework, attempts_allowed=3)
    add_blueprint_rule(blueprint, component(framework, "1.1"), count=2)
    add_blueprint_rule(blueprint, component(framework, "2.1"), count=3)
    for code in ("1.1", "2.1"):
        for _ in range(3):
            make_item(comp=component(framework, code))
    learner = make_learner()
    services.start_attempt(user=learner, assessment=blueprint)
    intro = selectors.intro(user=learner, assessment=blueprint)
    assert intro.question_count == 5
    assert intro.attempts_left == 2 and intro.open_attempt is not None
    assert selectors.intro(user=learner, assessment=make_assessment(kind="placement")).question_count is None


def test_placement_progress_estimates_what_is_left():
    assessment = Assessment(placement_min_items=3, placement_max_items=7)
    attempt = type("A", (), {})()
    attempt.assessment = assessment
    attempt.placement = {
        "order": ["1", "2", "3"],
        "domains": {"1": {"n": 2, "done": False}, "2": {"n": 0, "done": False}, "3": {"n": 5, "done": True}},
    }
    # target 5 per open domain: 3 + 5 left, the current question among them
    assert selectors.placement_progress(attempt, 3) == {"number": 3, "more": 7}


def test_the_competence_profile_reads_a_fixed_number_of_queries(django_assert_num_queries):
    framework = small_framework()
    learner = make_learner()
    comp = component(framework, "1.1")
    items = [make_item(comp=comp, level=1) for _ in range(3)]
    assessment = make_assessment(items=items, framework=framework)
    attempt = services.start_attempt(user=learner, assessment=assessment)
    data = {"shown": []}
    for row in attempt.items.select_related("version"):
        order = row.presentation["options"]
        data["shown"].append(str(row.position))
        data[f"q{row.position}-choice"] = str(order.index("a") + 1)
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    assert Evidence.objects.filter(user=learner).count() == 3
    with django_assert_num_queries(8):
        profile = selectors.competence_profile(learner)
    [entry] = profile.frameworks
    rows = {row.component.code: row for domain in entry.domains for row in domain.components}
    assert rows["1.1"].level == 1 and rows["1.1"].label == "Bậc 1" and len(rows["1.1"].evidence) == 3
    assert [(c.from_level, c.to_level) for c in rows["1.1"].changes] == [(0, 1)]
    assert rows["1.2"].level == 0 and rows["1.2"].label == "" and rows["1.2"].evidence == []
    assert entry.reached == 1
    # more records, the same queries
    CompetenceChange.objects.create(user=learner, component=comp, from_level=1, to_level=2)
    with django_assert_num_queries(8):
        selectors.competence_profile(learner)
    # another learner's records are not theirs
    assert all(
        not row.evidence
        for d in selectors.competence_profile(make_learner()).frameworks[0].domains
        for row in d.components
    )


def test_an_upload_is_for_its_owner_examiners_and_superusers_only():
    task = make_item(kind="practical", body={"mode": "upload"})
    owner = make_learner()
    attempt = services.start_attempt(user=owner, assessment=make_assessment(items=[task]))
    row = AttemptItem.objects.get(attempt=attempt)
    record = ResponseFile(attempt_item=row, original_name="a.png", content_type="image/png", size=3, sha256="0" * 64)
    record.file.save("a.png", ContentFile(b"abc"), save=True)
    assert selectors.response_file_for(user=owner, file_id=record.pk) == record
    assert selectors.response_file_for(user=staff(Role.EXAMINER), file_id=record.pk) == record
    assert selectors.response_file_for(user=UserFactory(is_superuser=True), file_id=record.pk) == record
    assert selectors.response_file_for(user=make_learner(), file_id=record.pk) is None
    assert selectors.response_file_for(user=staff(Role.EDITOR), file_id=record.pk) is None
    assert selectors.response_file_for(user=owner, file_id=record.pk + 1) is None

"""The courses' demo step that attaches the assessment engine's demo tests (courses.demo.course_tests): each demo
course gets its components, its module quiz and its final test, and every final test can be drawn."""

import pytest
from django.core.management import call_command

from assessments import services
from assessments.models import Assessment
from courses.models import CoursePage, ModulePage
from lms.models import User
from lms.tests.factories import learner as make_learner

pytestmark = pytest.mark.django_db

DEMO_LEARNER = "hocvien@demo.hocvuso.vn"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process


def test_each_demo_course_has_its_module_quiz_and_final_test(demo, client):
    courses = list(CoursePage.objects.live().order_by("path"))
    assert len(courses) == 3
    for course in courses:
        final = course.final_assessment
        assert final is not None and final.kind == Assessment.Kind.BLUEPRINT, course.title
        quizzes = [module.quiz for module in ModulePage.objects.child_of(course).live() if module.quiz_id]
        assert quizzes and all(quiz.kind == Assessment.Kind.FIXED for quiz in quizzes), course.title
        assert course.components.exists() and course.competence_domains, course.title
    first = courses[0]
    module = ModulePage.objects.child_of(first).get(title="Nhận biết lừa đảo và giữ bí mật")
    assert module.quiz.slug == "kiem-tra-chuong-nhan-biet-lua-dao-va-giu-bi-mat"
    client.force_login(User.objects.get(email=DEMO_LEARNER))
    page = client.get(first.url).content.decode()
    assert module.quiz.title in page and first.final_assessment.title in page


def test_every_final_test_can_be_drawn_from_the_bank(demo):
    someone = make_learner()
    for course in CoursePage.objects.live():
        attempt = services.start_attempt(user=someone, assessment=course.final_assessment)
        assert attempt.items.count() == sum(rule.count for rule in course.final_assessment.blueprint_rules.all())

"""Courses and the assessment engine: components and the catalog's domain filter, module quizzes and the final
test on the outline with the learner's standing, completion that waits for the final test, the placement
recommender and the examiners' course grouping."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assessments import services as engine
from assessments.api import NOT_PASSED, PASSED, start_url
from assessments.hooks import assessment_groupings
from assessments.models import Attempt
from assessments.tests.factories import component, make_assessment, make_item, tt02
from courses import services
from courses.assessment_links import courses_of_assessments, recommend_courses
from courses.models import CoursePage, Enrolment, LessonProgress
from courses.selectors import catalog_courses, course_outline, courses_using_assessment
from courses.signals import course_completed
from courses.tests.factories import lessons_of, make_course
from lms.tests.factories import learner as make_learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    return tt02()


def quiz(framework, *, code="4.2", title="Kiểm tra", pass_mark=70, questions=2):
    items = [make_item(comp=component(framework, code), level=1) for _ in range(questions)]
    return make_assessment(items=items, title=title, pass_mark=pass_mark)


def take(user, assessment, *, right: bool) -> Attempt:
    """Start and submit an attempt, every answer right or every answer wrong, through the engine's services."""
    attempt = engine.start_attempt(user=user, assessment=assessment)
    data = {"shown": []}
    for row in attempt.items.select_related("version"):
        wanted = {option["key"] for option in row.version.body["options"] if (option["credit"] == 1) == right}
        position = next(i for i, key in enumerate(row.presentation["options"], start=1) if key in wanted)
        data["shown"].append(str(row.position))
        data[f"q{row.position}-choice"] = [str(position)]
    return engine.submit_attempt(attempt_id=attempt.pk, user=user, sequence=attempt.sequence, data=data)


def finish_lessons(enrolment, course):
    for lesson in lessons_of(course):
        LessonProgress.objects.create(
            enrolment=enrolment, lesson=lesson, completed_at="2026-01-01T00:00:00Z", reading_seconds=999
        )
    return services.evaluate_course_completion(enrolment=enrolment)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- components and the catalog ----------------------------------------------------------------------------


def test_a_course_keeps_its_components_domains_and_the_catalog_filters_on_them(catalog, framework):
    safety = make_course(catalog, components=[component(framework, "4.1"), component(framework, "2.1")])
    ai = make_course(catalog, components=[component(framework, "6.3")])
    bare = make_course(catalog)
    assert CoursePage.objects.get(pk=safety.pk).competence_domains == ["2", "4"]  # in the framework's order
    assert CoursePage.objects.get(pk=bare.pk).competence_domains == []
    assert list(catalog_courses(domain="4")) == [safety]
    assert list(catalog_courses(domain="2")) == [safety]
    assert list(catalog_courses(domain="6")) == [ai]
    assert list(catalog_courses(domain="5")) == []


def test_changing_the_components_in_a_new_revision_moves_the_course_between_domains(catalog, framework):
    course = make_course(catalog, components=[component(framework, "4.1")])
    page = CoursePage.objects.get(pk=course.pk)
    page.components = [component(framework, "5.2")]
    page.save_revision().publish()
    assert CoursePage.objects.get(pk=course.pk).competence_domains == ["5"]
    assert list(catalog_courses(domain="4")) == []
    assert list(catalog_courses(domain="5")) == [course]


def test_the_catalog_filtered_by_domain_costs_the_same_queries_as_before(catalog, framework, client):
    for code in ("4.1", "4.2", "5.1"):
        make_course(catalog, components=[component(framework, code)])
    client.get(catalog.url)
    with CaptureQueriesContext(connection) as everything:
        all_page = client.get(catalog.url)
    with CaptureQueriesContext(connection) as filtered:
        domain_page = client.get(catalog.url, {"domain": "4"})
    assert all_page.status_code == domain_page.status_code == 200
    assert "2 khóa học" in domain_page.content.decode() or "2 courses" in domain_page.content.decode()
    assert len(filtered) == len(everything)
    assert not any("component" in query["sql"].lower() for query in filtered.captured_queries)


def test_the_course_page_names_its_domains_and_components(catalog, framework, client):
    course = make_course(catalog, components=[component(framework, "4.2")])
    page = client.get(course.url).content.decode()
    assert "4.2" in page
    assert "An toàn" in page or "Safety" in page


# --- the outline ---------------------------------------------------------------------------------------------


def test_the_outline_shows_each_modules_quiz_and_the_final_test_with_the_learners_standing(
    catalog, framework, learner, django_capture_on_commit_callbacks
):
    first, second = quiz(framework, title="Kiểm tra phần 1"), quiz(framework, title="Kiểm tra phần 2")
    final = quiz(framework, title="Bài thi cuối")
    course = make_course(catalog, quizzes={1: first, 2: second}, final_assessment=final)
    services.enrol(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        take(learner, first, right=True)
    with django_capture_on_commit_callbacks(execute=True):
        take(learner, second, right=False)
    page = signed_in(learner).get(course.url).content.decode()
    outline = page.split('class="course-outline"')[1]
    for assessment in (first, second, final):
        assert f'href="{start_url(assessment)}"' in outline
        assert assessment.title in outline
    assert start_url(first) == f"/kiem-tra/{first.slug}/"
    assert "Bài kiểm tra cuối chương" in outline or "End-of-module quiz" in outline
    assert "Bài kiểm tra cuối khóa" in outline or "Final test of the course" in outline

    def badge(assessment):
        return outline.split(f'data-assessment="{assessment.pk}"')[1].split("</p>")[0]

    assert "Đạt" in badge(first) or "Passed" in badge(first)
    assert "Chưa đạt" in badge(second) or "Not passed yet" in badge(second)
    assert "Chưa làm" in badge(final) or "Not started" in badge(final)
    # a visitor sees the tests, not anyone's standing
    visitor = Client().get(course.url).content.decode().split('class="course-outline"')[1]
    assert first.title in visitor and f'data-assessment="{first.pk}"' in visitor
    assert "badge" not in visitor.split(f'data-assessment="{first.pk}"')[1].split("</p>")[0]


def test_the_lesson_page_shows_the_standing_and_still_costs_one_query(
    catalog, framework, learner, django_capture_on_commit_callbacks
):
    first = quiz(framework, title="Kiểm tra phần 1")
    course = make_course(catalog, modules=1, quizzes={1: first})
    services.enrol(user=learner, course=course)
    client = signed_in(learner)
    lesson = lessons_of(course)[0]
    before = client.get(lesson.url).content.decode()
    assert "Chưa làm" in before or "Not started" in before
    with django_capture_on_commit_callbacks(execute=True):
        take(learner, first, right=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(lesson.url)
    after = response.content.decode().split(f'data-assessment="{first.pk}"')[1].split("</p>")[0]
    assert "Đạt" in after or "Passed" in after
    assert len(captured) == 1, [query["sql"] for query in captured.captured_queries]


def test_a_test_taken_before_enrolling_counts_from_the_enrolment_on(catalog, framework, learner):
    first = quiz(framework)
    course = make_course(catalog, modules=1, quizzes={1: first})
    take(learner, first, right=True)
    enrolment = services.enrol(user=learner, course=course)
    assert Enrolment.objects.get(pk=enrolment.pk).assessment_results == {str(first.pk): PASSED}


def test_renaming_an_assessment_refreshes_the_cached_outline(catalog, framework):
    final = quiz(framework, title="Tên cũ")
    course = make_course(catalog, final_assessment=final)
    assert course_outline(course.pk).final.title == "Tên cũ"
    final.title = "Tên mới"
    final.save()
    assert course_outline(course.pk).final.title == "Tên mới"


# --- completion ----------------------------------------------------------------------------------------------


def test_the_course_is_not_complete_until_the_final_test_is_passed_and_completes_when_it_is_graded(
    catalog, framework, learner, django_capture_on_commit_callbacks
):
    final = quiz(framework, title="Bài thi cuối")
    course = make_course(catalog, modules=1, lessons_per_module=2, final_assessment=final)
    enrolment = services.enrol(user=learner, course=course)
    heard = []

    def listener(sender, enrolment, **kwargs):
        heard.append(enrolment.pk)

    course_completed.connect(listener)
    try:
        assert finish_lessons(enrolment, course) is False
        assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE
        with django_capture_on_commit_callbacks(execute=True):
            take(learner, final, right=False)
        assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE
        assert Enrolment.objects.get(pk=enrolment.pk).assessment_results == {str(final.pk): NOT_PASSED}
        with django_capture_on_commit_callbacks(execute=True):
            take(learner, final, right=True)
    finally:
        course_completed.disconnect(listener)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.completed_at
    assert enrolment.assessment_results == {str(final.pk): PASSED}
    assert heard == [enrolment.pk]


def test_passing_the_final_before_the_lessons_completes_the_course_with_the_last_lesson(
    catalog, framework, learner, django_capture_on_commit_callbacks
):
    final = quiz(framework)
    course = make_course(catalog, modules=1, lessons_per_module=1, final_assessment=final)
    enrolment = services.enrol(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        take(learner, final, right=True)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE  # the lesson is not done
    assert finish_lessons(enrolment, course) is True


def test_module_quizzes_count_only_when_the_course_requires_them(
    catalog, framework, learner, other_learner, django_capture_on_commit_callbacks
):
    first = quiz(framework)
    optional = make_course(catalog, modules=1, lessons_per_module=1, quizzes={1: first})
    required = make_course(catalog, modules=1, lessons_per_module=1, quizzes={1: first}, quizzes_required=True)
    assert finish_lessons(services.enrol(user=learner, course=optional), optional) is True
    enrolment = services.enrol(user=other_learner, course=required)
    assert finish_lessons(enrolment, required) is False
    with django_capture_on_commit_callbacks(execute=True):
        take(other_learner, first, right=True)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED


def test_a_graded_attempt_touches_only_the_learners_enrolments_in_courses_using_it(
    catalog, framework, learner, other_learner, django_capture_on_commit_callbacks
):
    final = quiz(framework)
    using = make_course(catalog, modules=1, lessons_per_module=1, final_assessment=final)
    other = make_course(catalog, modules=1, lessons_per_module=1)
    mine = services.enrol(user=learner, course=using)
    mine_elsewhere = services.enrol(user=learner, course=other)
    theirs = services.enrol(user=other_learner, course=using)
    with django_capture_on_commit_callbacks(execute=True):
        take(learner, final, right=True)
    assert Enrolment.objects.get(pk=mine.pk).assessment_results == {str(final.pk): PASSED}
    assert Enrolment.objects.get(pk=mine_elsewhere.pk).assessment_results == {}
    assert Enrolment.objects.get(pk=theirs.pk).assessment_results == {}


# --- placement recommendations and the examiners' grouping --------------------------------------------------


def test_placement_recommends_courses_of_a_placed_domain_at_or_just_above_the_level(catalog, framework, learner):
    safety_2 = make_course(catalog, title="An toàn bậc 2", level=2, components=[component(framework, "4.2")])
    safety_3 = make_course(catalog, title="An toàn bậc 3", level=3, components=[component(framework, "4.1")])
    make_course(catalog, title="An toàn bậc 5", level=5, components=[component(framework, "4.1")])
    make_course(catalog, title="An toàn bậc 1", level=1, components=[component(framework, "4.1")])
    make_course(catalog, title="Giải quyết vấn đề", level=2, components=[component(framework, "5.1")])
    found = recommend_courses(learner, {"4": 2}, framework.code)
    assert [entry["title"] for entry in found] == ["An toàn bậc 2", "An toàn bậc 3"]
    assert found[0]["url"] == safety_2.url and found[1]["url"] == safety_3.url
    assert "An toàn" in found[0]["reason"] and "2" in found[0]["reason"]
    # a course already finished is not recommended again
    Enrolment.objects.create(user=learner, course=safety_2, status=Enrolment.Status.COMPLETED)
    assert [entry["title"] for entry in recommend_courses(learner, {"4": 2}, framework.code)] == ["An toàn bậc 3"]
    assert recommend_courses(learner, {"4": 2}, "KHAC-2026") == []


def test_the_recommender_is_registered_with_the_engine(framework, catalog, learner):
    from assessments.placement import _recommenders

    assert recommend_courses in _recommenders


def test_the_examiners_queue_can_group_assessments_by_course(catalog, framework):
    first, final, loose = quiz(framework), quiz(framework), quiz(framework)
    course = make_course(catalog, modules=1, quizzes={1: first}, final_assessment=final)
    groups = courses_of_assessments()
    assert groups == {first.pk: (str(course.pk), course.title), final.pk: (str(course.pk), course.title)}
    assert loose.pk not in groups
    also = make_course(catalog, modules=1, quizzes={1: first})
    assert courses_using_assessment(first.pk) == {course.pk, also.pk}
    assert courses_using_assessment(final.pk) == {course.pk}
    assert courses_of_assessments()[first.pk] == (str(course.pk), course.title)  # the first course in the tree
    grouping = next(g for g in assessment_groupings() if g.function is courses_of_assessments)
    assert str(grouping.label) in {"Course", "Khóa học"}
    assert grouping.groups()[final.pk] == (str(course.pk), course.title)


def test_two_learners_results_never_mix(catalog, framework):
    final = quiz(framework)
    course = make_course(catalog, modules=1, final_assessment=final)
    one, two = make_learner(), make_learner()
    take(one, final, right=True)
    for user in (one, two):
        services.enrol(user=user, course=course)
    assert Enrolment.objects.get(user=one).assessment_results == {str(final.pk): PASSED}
    assert Enrolment.objects.get(user=two).assessment_results == {}

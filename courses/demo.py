"""The demo's course catalog: three courses for different groups (text in courses/demo_content.py), each with
its own H5P activities built by our content type, and the demo learner part-way through the first one."""

import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page

from lms.demo import DemoContext, demo_step

from . import demo_content as content
from .models import CatalogPage, CheckpointQuestion, CoursePage, Enrolment, LessonPage, ModulePage

CATALOG_SLUG = "khoa-hoc"
DEMO_LEARNER = "hocvien@demo.hocvuso.vn"


def _child(parent: Page, model, slug: str, build) -> tuple[Page, bool]:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _packages(context: DemoContext) -> dict:
    from media.api import build_quiz_package
    from media.services import store_h5p_package

    packages = {}
    for key, quiz in content.H5P_QUIZZES.items():
        data = build_quiz_package(title=quiz["title"], questions=quiz["questions"])
        package, _created = store_h5p_package(upload=ContentFile(data, name=f"{key}.h5p"), title=quiz["title"])
        packages[key] = package
    return packages


def _body(blocks: list[tuple], packages: dict) -> list[dict]:
    body = []
    for kind, value in blocks:
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"hocvuso-demo:{kind}:{value!s}"))
        if kind == "h5p":
            quiz = content.H5P_QUIZZES[value]
            value = {"package": packages[value].pk, "title": quiz["title"], "required": True}
        body.append({"type": kind, "value": value, "id": block_id})
    return body


@demo_step(order=40)
@transaction.atomic
def course_catalog(context: DemoContext) -> None:
    home = context.objects.get("home_page") or Page.objects.filter(depth=2).first()
    catalog, _created = _child(
        home,
        CatalogPage,
        CATALOG_SLUG,
        lambda: CatalogPage(
            title="Khóa học",
            intro="<p>Các khóa học ngắn, miễn phí, học trên điện thoại. Chọn khóa học hợp với bạn.</p>",
            show_in_menus=True,
        ),
    )
    packages = _packages(context)
    created_lessons = 0
    for spec in content.COURSES:
        course, _created = _child(
            catalog,
            CoursePage,
            spec["slug"],
            lambda spec=spec: CoursePage(
                title=spec["title"],
                summary=spec["summary"],
                outcomes="\n".join(spec["outcomes"]),
                audience=spec["audience"],
                level=spec["level"],
                format=spec["format"],
                estimated_minutes=spec["estimated_minutes"],
                prerequisites_text=spec.get("prerequisites_text", ""),
                enrolment_mode=spec["enrolment_mode"],
                sequential=spec["sequential"],
            ),
        )
        context.objects[f"course:{spec['slug']}"] = course
        for module_spec in spec["modules"]:
            module, _created = _child(
                course,
                ModulePage,
                module_spec["slug"],
                lambda module_spec=module_spec: ModulePage(title=module_spec["title"], summary=module_spec["summary"]),
            )
            for lesson_spec in module_spec["lessons"]:

                def build(lesson_spec=lesson_spec) -> LessonPage:
                    lesson = LessonPage(
                        title=lesson_spec["title"],
                        summary=lesson_spec["summary"],
                        body=_body(lesson_spec["body"], packages),
                        min_reading_seconds=lesson_spec["min_reading_seconds"],
                        checkpoint_draw_count=2,
                    )
                    lesson.checkpoint_questions = [
                        CheckpointQuestion(
                            question=item["question"],
                            options="\n".join(item["options"]),
                            correct_option=item["correct"] + 1,
                            explanation=item.get("explanation", ""),
                        )
                        for item in lesson_spec["checkpoint"]
                    ]
                    return lesson

                _lesson, created = _child(module, LessonPage, lesson_spec["slug"], build)
                created_lessons += created
    context.objects["catalog"] = catalog
    context.log(
        f"  courses: {len(content.COURSES)} courses, {created_lessons} new lessons, {len(packages)} H5P activities"
    )


@demo_step(order=41)
@transaction.atomic
def learner_part_way(context: DemoContext) -> None:
    """The demo learner has finished the first lesson of the first course and is on the second."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from .models import LessonProgress
    from .services import enrol, evaluate_course_completion

    learner = get_user_model().objects.filter(email=DEMO_LEARNER).first()
    course = CoursePage.objects.filter(slug=content.COURSES[0]["slug"]).first()
    if learner is None or course is None:
        return
    enrolment = enrol(user=learner, course=course)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    if len(lessons) < 2 or LessonProgress.objects.filter(enrolment=enrolment).exists():
        return
    first, second = lessons[0], lessons[1]
    done = LessonProgress.objects.create(
        enrolment=enrolment,
        lesson=first,
        reading_seconds=first.min_reading_seconds + 30,
        activities_done=[block.id for block in first.body if block.block_type == "h5p"],
        checkpoint_question_ids=list(first.checkpoint_questions.values_list("pk", flat=True)[:2]),
        checkpoint_passed_at=timezone.now(),
        completed_at=timezone.now(),
    )
    LessonProgress.objects.create(enrolment=enrolment, lesson=second, reading_seconds=20)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=second, last_seen_at=timezone.now())
    evaluate_course_completion(enrolment=enrolment)
    context.log(f"  demo learner {DEMO_LEARNER}: lesson “{done.lesson.title}” done, now on “{second.title}”")


def _best_module(modules: list[ModulePage], quiz_title: str) -> ModulePage | None:
    """The module a quiz is for: the one whose title shares most words with the quiz's, among those without one."""
    from lms.text import fold

    words = set(fold(quiz_title.partition(":")[2] or quiz_title).replace(",", " ").split())
    free = [module for module in modules if module.quiz_id is None]
    if not free:
        return None
    return max(
        free, key=lambda module: len(words & set(fold(module.title).replace(",", " ").replace(":", " ").split()))
    )


@demo_step(order=46)
@transaction.atomic
def course_tests(context: DemoContext) -> None:
    """After the assessment engine's step (order 45): each demo course gets its components, its modules' quizzes
    and its final test, found by the course's title. Published only when something changes."""
    from assessments.api import Component

    by_course = context.objects.get("assessments:by_course") or {}
    framework = context.objects.get("framework")
    changed = 0
    for course in CoursePage.objects.filter(title__in=list(by_course)).order_by("path"):
        tests = by_course[course.title]
        modules = list(ModulePage.objects.child_of(course).order_by("path"))
        wanted_quiz = {}
        for quiz in tests["quizzes"]:
            attached = next((module for module in modules if module.quiz_id == quiz.pk), None)
            module = attached or _best_module(modules, quiz.title)
            if module is not None:
                wanted_quiz[module.pk] = quiz
                module.quiz_id = quiz.pk  # so the next quiz goes to another module
        for module in modules:
            quiz = wanted_quiz.get(module.pk)
            live = ModulePage.objects.get(pk=module.pk)
            if quiz is not None and live.quiz_id != quiz.pk:
                live.quiz = quiz
                live.save_revision().publish()
                changed += 1
        components = []
        if framework is not None:
            found = {c.code: c for c in Component.objects.filter(framework=framework, code__in=tests["components"])}
            components = [found[code] for code in tests["components"] if code in found]
        final = tests["final"]
        same_components = {c.pk for c in course.components.all()} == {c.pk for c in components}
        if course.final_assessment_id != (final.pk if final else None) or not same_components:
            page = course.get_latest_revision_as_object()
            page.final_assessment = final
            page.components = components
            page.save_revision().publish()
            changed += 1
    context.log(f"  course tests: {len(by_course)} courses with quizzes and a final test, {changed} pages updated")

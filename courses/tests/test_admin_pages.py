"""Editors build courses in the Wagtail admin: the page forms open and save with the course's own fields."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CoursePage, LessonPage
from courses.tests.factories import h5p_package, lessons_of, make_course
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_course_form_opens_and_saves_its_audience_as_a_list(admin_client, catalog):
    url = f"/quan-tri/pages/add/hocvuso_courses/coursepage/{catalog.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Dùng Zalo an toàn",
            "slug": "dung-zalo-an-toan",
            "summary": "Cài đặt quyền riêng tư trên Zalo.",
            "outcomes": "Ẩn số điện thoại\nChặn người lạ",
            "level": "2",
            "format": "online",
            "estimated_minutes": "30",
            "prerequisites_text": "",
            "enrolment_mode": "open",
            "sequential": "on",
            "action-publish": "publish",
        }
    )
    data["audience"] = ["citizen", "enterprise_worker"]  # a multiple choice: one key, many values
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course = CoursePage.objects.get(slug="dung-zalo-an-toan")
    assert course.audience == ["citizen", "enterprise_worker"]
    assert course.search_text.startswith("dung zalo an toan")


def test_lesson_form_opens_with_every_block_and_saves_checkpoint_questions(admin_client, catalog):
    course = make_course(catalog, modules=1, lessons_per_module=1)
    module = lessons_of(course)[0].get_parent()
    url = f"/quan-tri/pages/add/hocvuso_courses/lessonpage/{module.pk}/"
    page = admin_client.get(url).content.decode()
    for block in ("video", "audio", "h5p", "checklist", "callout", "document"):
        assert f"&quot;{block}&quot;" in page or f'"{block}"' in page
    package = h5p_package("Bài tập Zalo")
    data = nested_form_data(
        {
            "title": "Ẩn số điện thoại",
            "slug": "an-so-dien-thoai",
            "summary": "",
            "body": streamfield(
                [
                    ("text", rich_text("<p>Vào Cài đặt, chọn Quyền riêng tư.</p>")),
                    ("h5p", {"package": package.pk, "title": "Bài tập Zalo", "required": "on"}),
                ]
            ),
            "required": "on",
            "min_reading_seconds": "60",
            "checkpoint_draw_count": "1",
            "checkpoint_questions": inline_formset(
                [{"question": "Ai thấy số của bạn?", "options": "Mọi người\nBạn bè", "correct_option": "2"}]
            ),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    lesson = LessonPage.objects.get(slug="an-so-dien-thoai")
    assert lesson.checkpoint_questions.get().option_list == ["Mọi người", "Bạn bè"]
    assert lesson.activities.get().package == package


def test_a_checkpoint_question_with_a_wrong_answer_number_is_explained(admin_client, catalog):
    course = make_course(catalog, modules=1, lessons_per_module=1)
    module = lessons_of(course)[0].get_parent()
    url = f"/quan-tri/pages/add/hocvuso_courses/lessonpage/{module.pk}/"
    data = nested_form_data(
        {
            "title": "Bài lỗi",
            "slug": "bai-loi",
            "body": streamfield([("text", rich_text("<p>Nội dung.</p>"))]),
            "min_reading_seconds": "60",
            "checkpoint_draw_count": "1",
            "checkpoint_questions": inline_formset(
                [{"question": "Câu hỏi?", "options": "Một\nHai", "correct_option": "5"}]
            ),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "từ 1 đến 2" in response.content.decode()
    assert not LessonPage.objects.filter(slug="bai-loi").exists()

"""A learner on a phone finds a course in the catalog, enrols, opens the first lesson, does its H5P activity,
sees the lesson counted as done (from the server's own evidence: time in view and the activity's completion),
and the next lesson opens; "My learning" shows the progress.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEARNER = "hocvien@demo.hocvuso.vn"
QUIZ = [
    {
        "question": "Ngân hàng gọi điện xin mã OTP. Bạn làm gì?",
        "answers": ["Đọc mã cho họ", "Không đọc, gác máy, gọi lại tổng đài in trên thẻ"],
        "correct": 1,
        "feedback": "Ngân hàng không bao giờ hỏi mã OTP.",
    }
]


@pytest.fixture
def course(portal, settings):
    from django.core.files.base import ContentFile

    from courses.tests.factories import make_catalog, make_course
    from media.api import build_quiz_package
    from media.services import store_h5p_package

    settings.HOCVUSO_LESSON_HEARTBEAT_SECONDS = 1  # the page reports every second instead of every 15
    package, _created = store_h5p_package(
        upload=ContentFile(build_quiz_package(title="Giữ kín mã OTP", questions=QUIZ), name="otp.h5p")
    )
    catalog = make_catalog(portal.objects["home_page"])
    return make_course(
        catalog,
        title="Giữ an toàn tài khoản ngân hàng",
        modules=1,
        lessons_per_module=2,
        h5p=package,
        min_reading_seconds=3,
    )


def _sign_in(page: Page, live_url) -> None:
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/tai-khoan/dang-nhap/"))
    page.locator("#id_username").fill(LEARNER)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def test_learner_enrols_does_the_activity_and_the_next_lesson_opens(page: Page, live_url, course):
    from courses.models import LessonProgress
    from courses.tests.factories import lessons_of

    first, second = lessons_of(course)
    _sign_in(page, live_url)

    # the home page leads to the catalog; a search without diacritics finds the course
    page.goto(live_url("/"))
    page.get_by_role("link", name=re.compile("Bắt đầu học|Start learning")).first.click()
    page.get_by_role("searchbox", name="Tìm khóa học").fill("tai khoan ngan hang")
    page.get_by_role("button", name="Xem khóa học").click()
    expect(page.get_by_role("status").first).to_contain_text("1 khóa học")
    page.get_by_role("link", name="Giữ an toàn tài khoản ngân hàng").click()

    page.get_by_role("button", name="Đăng ký khóa học").click()
    expect(page).to_have_url(live_url(first.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(first.title)
    expect(page.locator("[data-next-locked]")).to_be_visible()
    expect(page.locator("[data-next-link]")).to_be_hidden()

    # the activity loads only when started, in the sandboxed player frame
    expect(page.locator("iframe")).to_have_count(0)
    page.get_by_role("button", name="Bắt đầu hoạt động").click()
    player = page.frame_locator("iframe[data-h5p-frame]")
    question = player.locator("fieldset.h5p-hvsq-question").first
    question.get_by_role("radio", name=QUIZ[0]["answers"][1]).check()
    question.locator(".h5p-hvsq-check").click()
    expect(question.locator(".h5p-hvsq-feedback")).to_contain_text(QUIZ[0]["feedback"])

    # the server counts the lesson done: study time from heartbeats, the activity from its xAPI statement
    expect(page.locator("[data-status-done]")).to_be_visible(timeout=15_000)
    expect(page.locator('[data-need^="activity:"]')).to_have_class("ok")
    row = LessonProgress.objects.get(lesson=first)
    assert row.completed_at is not None and row.reading_seconds >= first.min_reading_seconds
    assert len(row.activities_done) == 1

    next_link = page.locator("[data-next-link]")
    expect(next_link).to_be_visible()
    # by keyboard: the activity's frame may still be resizing under a pointer
    next_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_url(second.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(second.title)
    outline = page.get_by_role("navigation", name="Các bài của khóa học")
    expect(outline.get_by_role("listitem").first).to_contain_text("đã xong")

    page.get_by_role("link", name="Khóa học của tôi").click()
    expect(page.locator(".progress").first).to_contain_text("Đã xong 1/2 bài bắt buộc (50%)")
    expect(page.get_by_role("link", name=f"Học tiếp: {second.title}")).to_be_visible()


def test_a_locked_lesson_opened_directly_says_what_to_do(page: Page, live_url, course):
    from courses.services import enrol
    from courses.tests.factories import lessons_of
    from lms.models import User

    first, second = lessons_of(course)
    enrol(user=User.objects.get(email=LEARNER), course=course)
    _sign_in(page, live_url)
    response = page.goto(live_url(second.url))
    assert response.status == 403
    expect(page.get_by_role("status")).to_contain_text("chưa mở")
    page.get_by_role("link", name=f"Đến bài “{first.title}”").click()
    expect(page).to_have_url(live_url(first.url))

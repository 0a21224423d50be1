"""A learner on a phone takes a quiz with the keyboard only (Tab, Space, arrow keys, Enter; no pointer): signs in,
opens the test, starts it, answers every question (autosave says when it saved), reviews, hands in, and reads the
result with the feedback. At 320 px wide neither the attempt nor the result scrolls sideways.
"""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEARNER = "hocvien@demo.hocvuso.vn"


@pytest.fixture
def quiz(portal):
    from assessments.tests.factories import make_assessment, make_item

    otp = make_item(
        stem="<p>Ai đó gọi điện xin mã OTP. Bạn làm gì?</p>",
        body={
            "options": [
                {
                    "key": "a",
                    "text": "Không đọc mã, gác máy",
                    "credit": 1,
                    "feedback": "Đúng: không ai được biết mã OTP.",
                },
                {"key": "b", "text": "Đọc mã cho họ", "credit": 0, "feedback": "Sai: kẻ gian dùng mã để lấy tiền."},
                {"key": "c", "text": "Gửi mã qua Zalo", "credit": 0, "feedback": "Sai: đừng gửi mã cho ai."},
            ],
            "shuffle": True,
        },
    )
    password = make_item(
        kind="true_false",
        stem="<p>Mật khẩu mạnh có cả chữ, số và ký hiệu.</p>",
        body={"correct": True, "feedback_true": "Đúng vậy.", "feedback_false": "Chưa đúng."},
    )
    safe = make_item(
        kind="multiple_response",
        stem="<p>Việc nào giúp tài khoản an toàn?</p>",
        body={
            "options": [
                {"key": "a", "text": "Bật xác thực hai bước", "correct": True, "feedback": ""},
                {"key": "b", "text": "Cập nhật ứng dụng", "correct": True, "feedback": ""},
                {"key": "c", "text": "Dùng chung mật khẩu", "correct": False, "feedback": ""},
            ],
            "shuffle": True,
            "scoring": "partial",
        },
    )
    hotline = make_item(
        kind="short_answer",
        stem="<p>Số điện thoại khẩn cấp của công an là gì?</p>",
        body={"answers": [{"text": "113", "credit": 1, "feedback": "Đúng: gọi 113."}]},
    )
    return make_assessment(
        items=[otp, password, safe, hotline],
        title="Kiểm tra an toàn tài khoản",
        time_limit_minutes=30,
        feedback_policy="after_submit",
    )


def _sign_in(page: Page, live_url) -> None:
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/tai-khoan/dang-nhap/"))
    page.locator("#id_username").focus()  # the first field; everything after this is typed
    page.keyboard.type(LEARNER)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def _is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def _tab_to(page: Page, locator: Locator, *, limit: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _is_focused(locator):
            return
    raise AssertionError(f"Tab never reached {locator}")


def _choose_radio(page: Page, group: str, index: int) -> None:
    """Tab into a radio group (the focus lands on its first radio), then the arrow keys choose."""
    radios = page.locator(f'input[type="radio"][name="{group}"]')
    _tab_to(page, radios.first)
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(index)).to_be_checked()


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")


def test_a_learner_takes_a_quiz_with_the_keyboard_and_reads_the_feedback(page: Page, live_url, quiz):
    from assessments.models import Attempt, AttemptStatus

    _sign_in(page, live_url)
    page.goto(live_url(f"/kiem-tra/{quiz.slug}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiểm tra an toàn tài khoản")
    start = page.get_by_role("button", name=re.compile("Bắt đầu|Start the test"))
    _tab_to(page, start)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    attempt = Attempt.objects.get(assessment=quiz)
    rows = {row.item.kind: row for row in attempt.items.select_related("item", "version")}
    expect(page.get_by_text("Ai đó gọi điện xin mã OTP. Bạn làm gì?")).to_be_visible()
    expect(page.locator("[data-countdown]")).to_be_visible()  # the script shows the time left

    # one right answer of three, in the order this attempt shows them
    single = rows["single_choice"]
    _choose_radio(page, f"q{single.position}-choice", single.presentation["options"].index("a"))
    # "True" comes first
    _choose_radio(page, f"q{rows['true_false'].position}-value", 0)
    # tick the two right options (Space on each checkbox)
    several = rows["multiple_response"]
    for key in ("a", "b"):
        box = page.locator(f"#q{several.position}-choices-{several.presentation['options'].index(key) + 1}")
        _tab_to(page, box)
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    text = page.locator(f"#q{rows['short_answer'].position}-text")
    _tab_to(page, text)
    page.keyboard.type("113")
    expect(page.locator("[data-save-status]")).to_contain_text(
        re.compile(r"(Đã lưu|Saved) .*\d\d:\d\d"), timeout=15_000
    )

    page.set_viewport_size({"width": 320, "height": 640})
    _no_sideways_scroll(page)

    review = page.get_by_role("button", name=re.compile("Xem lại và nộp bài|Review and hand in"))
    _tab_to(page, review)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Xem lại và nộp bài|Review and hand in"))
    expect(page.get_by_text(re.compile("trả lời tất cả|answered every question"))).to_be_visible()
    hand_in = page.get_by_role("button", name=re.compile("Nộp bài ngay|Hand in now"))
    _tab_to(page, hand_in)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.percent == 100
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kiểm tra an toàn tài khoản")
    expect(page.locator(".quiz-score")).to_contain_text("100%")
    expect(page.locator(".quiz-passed")).to_be_visible()
    expect(page.get_by_text("Đúng: không ai được biết mã OTP.")).to_be_visible()
    expect(page.get_by_text("Đúng: gọi 113.")).to_be_visible()
    _no_sideways_scroll(page)

"""An editor tries out an H5P quiz in the Wagtail admin: our own content type (H5P.HocVuSoQuiz) played by
h5p-standalone in the sandboxed player frame, answered with the keyboard, and the xAPI statements the frame
posts arrive in the host page with the right verbs and scores.

The quiz's interface text comes from the project's catalogue, so the expected words are read from it rather
than written here; locators use roles and the content type's own class names.
"""

import json

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR_EMAIL = "bientap@demo.hocvuso.vn"
QUESTIONS = [
    {
        "question": "Người lạ gọi điện xưng là công an và xin mã OTP. Bạn làm gì?",
        "answers": ["Đọc mã cho họ", "Không đọc mã, gác máy và báo cho người thân"],
        "correct": 1,
        "feedback": "Không ai có quyền hỏi mã OTP của bạn.",
    },
    {
        "question": "Mật khẩu nào khó đoán hơn?",
        "answers": ["12345678", "Hoa-sen-no-tren-ho-2026"],
        "correct": 1,
    },
    {
        "question": "Trước khi bấm vào đường link trong tin nhắn lạ, bạn nên làm gì?",
        "answers": ["Kiểm tra người gửi và địa chỉ trang", "Bấm ngay cho nhanh", "Chuyển cho mọi người"],
        "correct": 0,
    },
]
VERBS = "http://adlnet.gov/expapi/verbs/"


def _interface_text(key: str) -> str:
    from media.h5p.authoring import INTERFACE_TEXT

    with translation.override("vi"):
        return str(INTERFACE_TEXT[key])


@pytest.fixture
def quiz(portal):
    from django.contrib.auth.models import Group, Permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.roles import Role
    from media.api import build_quiz_package
    from media.services import store_h5p_package

    # what migration hocvuso_media 0002 grants editors (the live server's flush dropped it)
    Group.objects.get(name=Role.EDITOR).permissions.add(
        *Permission.objects.filter(
            content_type__app_label="hocvuso_media", codename__in=["add_h5ppackage", "change_h5ppackage"]
        )
    )
    data = build_quiz_package(title="Nhận biết lừa đảo qua điện thoại", questions=QUESTIONS)
    package, _created = store_h5p_package(upload=SimpleUploadedFile("lua-dao.h5p", data))
    return package


def _sign_in_to_admin(page: Page, live_url, email: str) -> None:
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/quan-tri/login/"))
    page.locator('input[name="username"]').fill(email)
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator('input[name="password"]').press("Enter")
    assert page.url == live_url("/quan-tri/"), f"{email} was not let into the admin: {page.url}"


def _answer_with_keyboard(question, *, arrow_downs: int) -> None:
    """Focus the question's radio group, choose with the keyboard, then Tab to "Check" and press Enter."""
    question.get_by_role("radio").first.focus()
    question.page.keyboard.press("Space")  # a focused radio with nothing chosen yet is chosen by Space
    for _step in range(arrow_downs):
        question.page.keyboard.press("ArrowDown")
    question.page.keyboard.press("Tab")
    expect(question.locator(".h5p-hvsq-check")).to_be_focused()
    question.page.keyboard.press("Enter")


def test_editor_tries_out_a_quiz_and_the_host_page_receives_its_xapi(new_page, live_url, quiz):
    editor = new_page()
    console_errors = []
    editor.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    _sign_in_to_admin(editor, live_url, EDITOR_EMAIL)

    # from the list of activities to the edit page, whose header offers the try-out
    editor.goto(live_url(f"/quan-tri/h5p/edit/{quiz.pk}/"))
    editor.locator(f'a[href="/quan-tri/h5p/preview/{quiz.pk}/"]').first.click()
    expect(editor).to_have_url(live_url(f"/quan-tri/h5p/preview/{quiz.pk}/"))
    editor.evaluate(
        "window.statements = [];"
        "document.addEventListener('hocvuso:h5p-xapi', (event) => window.statements.push(event.detail.statement));"
    )

    frame = editor.locator("iframe[data-h5p-frame]")
    expect(frame).to_have_attribute("sandbox", "allow-scripts")
    player = editor.frame_locator("iframe[data-h5p-frame]")
    questions = player.locator("fieldset.h5p-hvsq-question")
    expect(questions).to_have_count(3)
    expect(player.locator("#h5p-player-failed")).to_be_hidden()
    # the sandbox holds: the player runs in an opaque origin, away from the admin's cookies and storage
    assert player.locator("body").evaluate("() => window.origin") == "null"
    expect(questions.nth(0).locator("legend")).to_contain_text(QUESTIONS[0]["question"])
    expect(questions.nth(0).locator(".h5p-hvsq-check")).to_have_text(_interface_text("check"))

    # 1: right (the second answer), with the explanation read out
    _answer_with_keyboard(questions.nth(0), arrow_downs=1)
    feedback = questions.nth(0).locator(".h5p-hvsq-feedback")
    expect(feedback).to_have_attribute("role", "status")
    expect(feedback).to_contain_text(_interface_text("correct"))
    expect(feedback).to_contain_text(QUESTIONS[0]["feedback"])
    listed_answer = editor.locator('#h5p-preview-statements li[data-verb="answered"]')
    expect(listed_answer).to_have_count(1)
    expect(listed_answer).to_have_attribute("data-score", "1")
    expect(listed_answer).to_have_attribute("data-success", "true")

    # 2: wrong (the first answer); the right one is named
    _answer_with_keyboard(questions.nth(1), arrow_downs=0)
    expect(questions.nth(1).locator(".h5p-hvsq-feedback")).to_contain_text(QUESTIONS[1]["answers"][1])
    expect(questions.nth(1).locator(".h5p-hvsq-wrong .h5p-hvsq-mark")).to_have_text(_interface_text("yourAnswerMark"))

    # 3: right (the first answer) -> the quiz is completed: 2 of 3, under the 80 % pass mark
    _answer_with_keyboard(questions.nth(2), arrow_downs=0)
    expect(player.locator(".h5p-hvsq-result")).to_contain_text("2")
    completed = editor.locator('#h5p-preview-statements li[data-verb="completed"]')
    expect(completed).to_have_count(1)
    expect(completed).to_have_attribute("data-score", "2")
    expect(completed).to_have_attribute("data-max", "3")
    expect(completed).to_have_attribute("data-success", "false")
    expect(completed).to_contain_text("2/3")

    statements = editor.evaluate("window.statements")
    by_verb = {}
    for statement in statements:
        by_verb.setdefault(statement["verb"]["id"].removeprefix(VERBS), []).append(statement)
    assert [s["result"]["score"]["raw"] for s in by_verb["answered"]] == [1, 0, 1], json.dumps(statements)[:2000]
    object_id = live_url(f"/hoc-lieu/h5p/{quiz.sha256}/")
    answered = by_verb["answered"][0]
    assert answered["object"]["id"] == f"{object_id}?subContentId=q1"
    assert answered["object"]["definition"]["interactionType"] == "choice"
    assert answered["result"] == answered["result"] | {"completion": True, "success": True, "response": "1"}
    assert answered["context"]["contextActivities"]["parent"][0]["id"] == object_id
    (final,) = by_verb["completed"]
    assert final["object"]["id"] == object_id
    assert final["context"]["contextActivities"]["category"][0]["id"].endswith("/H5P.HocVuSoQuiz-1.0")
    assert final["result"]["score"] == {"min": 0, "max": 3, "raw": 2, "scaled": 0.6667}
    assert final["result"]["completion"] is True and final["result"]["success"] is False
    assert "attempted" in by_verb, "the player missed the statement sent while the quiz was being shown"

    # the frame took the content's height: nothing is cut off, no scrollbar inside it
    frame_height = frame.evaluate("(element) => element.getBoundingClientRect().height")
    content_height = player.locator("#h5p-player").evaluate("(element) => element.getBoundingClientRect().height")
    assert abs(frame_height - content_height) <= 2, (frame_height, content_height)

    # "Start again" clears the quiz and puts the keyboard back on the first answer
    # by keyboard: a pointer click can land beside the button while the frame is still taking its new height
    player.locator(".h5p-hvsq-retry").focus()
    editor.keyboard.press("Enter")
    expect(questions.nth(0).get_by_role("radio").first).to_be_focused()
    expect(questions.nth(0).locator(".h5p-hvsq-feedback")).to_have_text("")
    expect(player.locator("#h5p-player-failed")).to_be_hidden()
    # the player's own errors and any CSP refusal would show up here (the admin's avatar may not load offline)
    unexpected = [error for error in console_errors if "ERR_NAME_NOT_RESOLVED" not in error]
    assert not unexpected, unexpected


def test_the_quiz_fits_a_320_pixel_screen(page: Page, live_url, quiz):
    """The player page on its own (as a phone opens it, at the narrowest width WCAG asks for): no sideways
    scrolling, large targets."""
    from django.contrib.auth import get_user_model

    from media.api import player_url

    editor = get_user_model().objects.get(email=EDITOR_EMAIL)
    page.set_viewport_size({"width": 320, "height": 640})
    response = page.goto(live_url(player_url(user=editor, package=quiz)))
    assert response is not None and response.status == 200
    expect(page.locator("fieldset.h5p-hvsq-question")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for label in page.locator(".h5p-hvsq-answer").all():
        box = label.bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 320
    check = page.locator(".h5p-hvsq-check").first.bounding_box()
    assert check is not None and check["height"] >= 44

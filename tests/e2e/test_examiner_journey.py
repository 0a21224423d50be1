"""The examiner's journey: a learner's essay waits in the queue; the examiner signs in to the Wagtail admin,
claims it, picks a level per rubric criterion (one of them by keyboard alone), writes a comment and submits;
then the learner signs in on their phone and reads the mark and the comment on the result page.

The admin is in Vietnamese with gaps, so locators use field names, form actions and URLs, not labels.
"""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMINER_EMAIL = "giamkhao@demo.hocvuso.vn"
LEARNER_EMAIL = "hocvien@demo.hocvuso.vn"
QUESTION = "Kể một lần bị lừa qua mạng"
ANSWER = "Có người gọi tự xưng công an, bảo tôi cài ứng dụng lạ. Tôi tắt máy và gọi cho con trai."
COMMENT = "Bác làm rất đúng: tắt máy rồi hỏi người thân. Lần sau bác báo thêm cho công an phường nhé."


@pytest.fixture
def essay(portal):
    """An essay assessment with a two-criterion rubric, and the demo learner's answer waiting for an examiner."""
    from assessments import services
    from assessments.models import AttemptItem
    from assessments.tests.factories import make_assessment, make_item, make_rubric

    rubric = make_rubric(title="Thang điểm kể chuyện", criteria=2, levels=(0, 1, 2))
    item = make_item(
        kind="essay",
        title=QUESTION,
        body={"min_words": 0, "max_words": None, "response_template": ""},
        stem="<p>Hãy kể một lần bạn (hoặc người quen) suýt bị lừa qua điện thoại hay mạng xã hội.</p>",
        rubric=rubric,
    )
    assessment = make_assessment(items=[item], title="Bài viết: tỉnh táo trước lừa đảo")
    learner = portal.objects[f"user:{LEARNER_EMAIL}"]
    attempt = services.start_attempt(user=learner, assessment=assessment)
    services.submit_attempt(
        attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data={"shown": ["1"], "q1-text": ANSWER}
    )
    return AttemptItem.objects.get(attempt=attempt), rubric


def _sign_in_to_admin(page: Page, live_url, email: str) -> None:
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/quan-tri/login/"))
    page.locator('input[name="username"]').fill(email)
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator('input[name="password"]').press("Enter")
    assert page.url == live_url("/quan-tri/"), f"{email} was not let into the admin: {page.url}"


def test_examiner_grades_an_essay_with_the_rubric_and_the_learner_reads_the_comment(
    page: Page, new_page, live_url, essay
):
    from assessments.models import Attempt, AttemptItem
    from lms.demo_people import DEMO_PASSWORD

    answer, rubric = essay
    criteria = list(rubric.criteria.order_by("sort_order"))
    queue_url, grade_url = "/quan-tri/cham-bai/", f"/quan-tri/cham-bai/{answer.pk}/"

    examiner = new_page()
    _sign_in_to_admin(examiner, live_url, EXAMINER_EMAIL)
    # the admin's menu leads to the queue
    expect(examiner.locator(f'a[href="{queue_url}"]').first).to_be_attached()
    examiner.goto(live_url(queue_url))
    row = examiner.locator("tr", has_text=QUESTION)
    expect(row).to_contain_text("Hoàng Thị Mai")
    with examiner.expect_navigation():
        row.locator(f'form[action="{grade_url}nhan/"] button[type="submit"]').click()
    assert examiner.url == live_url(grade_url)
    expect(examiner.locator(".hocvuso-answer")).to_have_text(ANSWER)

    # criterion 1 by pointer: the top level; criterion 2 by keyboard only: Tab to the group, arrows to the middle level
    first = criteria[0].levels.get(points=2)
    examiner.locator(f'input[name="criterion-{criteria[0].pk}"][value="{first.pk}"]').check()
    lowest = criteria[1].levels.get(points=0)
    middle = criteria[1].levels.get(points=1)
    examiner.locator(f'input[name="criterion-{criteria[0].pk}"][value="{first.pk}"]').focus()
    examiner.keyboard.press("Tab")
    expect(examiner.locator(f'input[name="criterion-{criteria[1].pk}"][value="{lowest.pk}"]')).to_be_focused()
    examiner.keyboard.press("ArrowRight")
    expect(examiner.locator(f'input[name="criterion-{criteria[1].pk}"][value="{middle.pk}"]')).to_be_checked()

    examiner.locator('textarea[name="comment"]').fill(COMMENT)
    with examiner.expect_navigation():
        examiner.locator('form:has(textarea[name="comment"]) button[type="submit"]').click()
    assert examiner.url == live_url(queue_url)
    expect(examiner.locator(".messages")).to_contain_text("75")
    expect(examiner.locator("tr", has_text=QUESTION)).to_have_count(0)

    answer = AttemptItem.objects.get(pk=answer.pk)
    assert str(answer.credit) == "0.7500" and answer.feedback == COMMENT
    attempt = Attempt.objects.get(pk=answer.attempt_id)
    assert attempt.status == "graded"

    # the learner, on their phone, reads the mark and the examiner's comment
    page.goto(live_url("/tai-khoan/dang-nhap/"))
    page.locator("#id_username").fill(LEARNER_EMAIL)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    response = page.goto(live_url(f"/kiem-tra/ket-qua/{attempt.pk}/"))
    assert response is not None and response.status == 200
    expect(page.locator(".quiz-score")).to_contain_text("75")
    expect(page.get_by_text(COMMENT).first).to_be_visible()

"""The learner's pages: introduction, attempt (no-JS form and the autosave endpoint), review-and-submit, result,
uploads, the competence profile. Every refusal shows the engine's Vietnamese reason with a fitting status and
changes nothing; the answer key never reaches the browser before the attempt closes; query counts are pinned and
do not grow with the number of questions."""

import datetime
import hashlib
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.errors import AttemptError
from assessments.models import Attempt, AttemptItem, AttemptStatus, ResponseFile
from assessments.tests.factories import add_blueprint_rule, component, make_assessment, make_item, small_framework
from lms.roles import Role
from lms.tests.factories import learner as make_learner
from lms.tests.factories import staff

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


class Clock:
    """The server's clock, moved by the test (as courses/tests/conftest.py does)."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def learner():
    return make_learner()


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def secret_body(tag) -> dict:
    """A single-choice body whose keys and feedback are easy to find in a page if they ever leaked."""
    return {
        "options": [
            {"key": f"khoa{tag}dung", "text": f"Đáp án đúng {tag}", "credit": 1, "feedback": f"PHANHOI-DUNG-{tag}"},
            {"key": f"khoa{tag}sai", "text": f"Đáp án sai {tag}", "credit": 0, "feedback": f"PHANHOI-SAI-{tag}"},
            {"key": f"khoa{tag}mot", "text": f"Nửa đúng {tag}", "credit": 0.5, "feedback": f"PHANHOI-NUA-{tag}"},
        ],
        "shuffle": True,
    }


def quiz(count=3, **fields):
    items = [make_item(body=secret_body(n), stem=f"<p>Câu hỏi số {n}?</p>") for n in range(count)]
    return make_assessment(items=items, **fields)


def start(user, assessment) -> Attempt:
    return services.start_attempt(user=user, assessment=assessment)


def rows_of(attempt):
    return list(attempt.items.select_related("version", "item").order_by("position"))


def choice(row, credit=1) -> str:
    keys = row.presentation["options"]
    key = next(o["key"] for o in row.version.body["options"] if Decimal(str(o["credit"])) == Decimal(str(credit)))
    return str(keys.index(key) + 1)


def form(attempt, rows, *, credit=1, **extra) -> dict:
    data = {"sequence": str(attempt.sequence), "shown": [str(row.position) for row in rows]}
    for row in rows:
        data[f"q{row.position}-choice"] = choice(row, credit)
    data.update(extra)
    return data


def attempt_url(attempt):
    return reverse("assessments:attempt", args=[attempt.pk])


def autosave_url(attempt):
    return reverse("assessments:autosave", args=[attempt.pk])


def submit_url(attempt):
    return reverse("assessments:submit", args=[attempt.pk])


def result_url(attempt):
    return reverse("assessments:result", args=[attempt.pk])


def message(code: str) -> str:
    return str(AttemptError(code).message)


def snapshot(attempt):
    """What a refusal must leave as it was."""
    attempt.refresh_from_db()
    return (
        attempt.status,
        attempt.sequence,
        attempt.submitted_at,
        [(row.response, row.answered_at) for row in attempt.items.order_by("position")],
    )


# --- introduction and start -----------------------------------------------------------------------------------


def test_every_page_asks_a_visitor_to_sign_in(client, learner):
    assessment = quiz()
    attempt = start(learner, assessment)
    for url in (
        reverse("assessments:intro", args=[assessment.slug]),
        attempt_url(attempt),
        result_url(attempt),
        reverse("assessments:competence"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("lms:sign_in") in response["Location"]
    response = client.post(autosave_url(attempt), {"sequence": "0"})
    assert response.status_code == 401
    assert json.loads(response.content)["ok"] is False


def test_the_introduction_tells_the_rules_and_starts_with_a_post(learner):
    assessment = quiz(
        count=4,
        title="Kiểm tra an toàn mạng",
        description="Đọc kỹ từng câu.",
        time_limit_minutes=15,
        attempts_allowed=2,
    )
    client = signed_in(learner)
    page = client.get(reverse("assessments:intro", args=[assessment.slug])).content.decode()
    assert "Kiểm tra an toàn mạng" in page and "Đọc kỹ từng câu." in page
    facts = re.sub(r"\s+", " ", re.search(r'<dl class="facts quiz-facts">(.*?)</dl>', page, re.S).group(1))
    assert "<dd>4</dd>" in facts and "15" in facts and "<dd>2</dd>" in facts and "70" in facts
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page

    response = client.post(reverse("assessments:start", args=[assessment.slug]))
    attempt = Attempt.objects.get(user=learner, assessment=assessment)
    assert response.status_code == 302 and response["Location"] == attempt_url(attempt)
    # the same button continues the open attempt
    client.post(reverse("assessments:start", args=[assessment.slug]))
    assert Attempt.objects.filter(user=learner, assessment=assessment).count() == 1
    page = client.get(reverse("assessments:intro", args=[assessment.slug])).content.decode()
    assert "<dd>1</dd>" in re.sub(r"\s+", " ", page)  # one attempt left


def test_the_introduction_lists_earlier_attempts_with_their_results(learner):
    assessment = quiz(count=2)
    attempt = start(learner, assessment)
    rows = rows_of(attempt)
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=form(attempt, rows))
    page = signed_in(learner).get(reverse("assessments:intro", args=[assessment.slug])).content.decode()
    assert "100%" in page and result_url(attempt) in page


@pytest.mark.parametrize("case", ["no_attempts_left", "not_open", "bank_too_small"])
def test_a_refused_start_shows_the_reason_and_starts_nothing(learner, clock, case):
    if case == "no_attempts_left":
        assessment = quiz(count=1, attempts_allowed=1)
        attempt = start(learner, assessment)
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data={})
    elif case == "not_open":
        assessment = quiz(count=1, closes_at=clock.now - datetime.timedelta(minutes=1))
    else:
        framework = small_framework()
        assessment = make_assessment(kind="blueprint", framework=framework)
        add_blueprint_rule(assessment, component(framework, "1.1"), count=3)
    before = Attempt.objects.count()
    response = signed_in(learner).post(reverse("assessments:start", args=[assessment.slug]))
    assert response.status_code == 409
    assert message(case) in response.content.decode()
    assert Attempt.objects.count() == before


def test_an_unpublished_test_is_not_found(learner):
    assessment = quiz(published=False)
    client = signed_in(learner)
    assert client.get(reverse("assessments:intro", args=[assessment.slug])).status_code == 404
    assert client.post(reverse("assessments:start", args=[assessment.slug])).status_code == 404


# --- the attempt page -------------------------------------------------------------------------------------------


def test_the_attempt_page_renders_every_question_with_its_hidden_fields(learner):
    assessment = quiz(count=3, time_limit_minutes=20)
    attempt = start(learner, assessment)
    page = signed_in(learner).get(attempt_url(attempt)).content.decode()
    for n in range(3):
        assert f"Câu hỏi số {n}?" in page
    assert page.count('name="shown"') == 3
    for position in (1, 2, 3):
        assert f'name="shown" value="{position}"' in page
        assert f'name="q{position}-choice"' in page
    assert f'name="sequence" value="{attempt.sequence}"' in page
    # the deadline in words for a page without JavaScript, and the autosave address for the script
    local = timezone.localtime(attempt.deadline)
    assert local.strftime("%H:%M") in page
    assert autosave_url(attempt) in page
    assert 'aria-live="polite"' in page


def test_the_answer_key_never_reaches_the_browser_before_the_attempt_closes(learner):
    kinds = [
        make_item(body=secret_body("a")),
        make_item(
            kind="multiple_response",
            body={
                "options": [
                    {"key": "mrkhoadung", "text": "Chọn A", "correct": True, "feedback": "MRPHANHOIA"},
                    {"key": "mrkhoasai", "text": "Chọn B", "correct": False, "feedback": "MRPHANHOIB"},
                ],
                "shuffle": True,
                "scoring": "partial",
            },
        ),
        make_item(kind="true_false", body={"correct": True, "feedback_true": "TFDUNG", "feedback_false": "TFSAI"}),
        make_item(
            kind="short_answer",
            body={"answers": [{"text": "Hà Nội bí mật", "credit": 1, "feedback": "SAPHANHOI"}]},
        ),
        make_item(
            kind="numeric", body={"answers": [{"value": 1234.5, "tolerance": 0, "credit": 1, "feedback": "NUMPH"}]}
        ),
        make_item(
            kind="matching",
            body={
                "pairs": [
                    {"key": "mkhoa1", "prompt": "Zalo", "answer": "Nhắn tin"},
                    {"key": "mkhoa2", "prompt": "VNeID", "answer": "Định danh"},
                ],
                "extra_answers": [{"key": "mkhoathua", "text": "Nấu ăn"}],
            },
        ),
        make_item(
            kind="ordering", body={"items": [{"key": "okhoa1", "text": "Mở"}, {"key": "okhoa2", "text": "Đóng"}]}
        ),
    ]
    for item in kinds:
        version = item.current_version
        version.general_feedback = f"CHUNG-{item.pk}"
        version.save()
    assessment = make_assessment(items=kinds)
    attempt = start(learner, assessment)
    page = signed_in(learner).get(attempt_url(attempt)).content.decode()
    secrets = ["credit", '"correct"', "feedback", "PHANHOI", "MRPHANHOI", "TFDUNG", "TFSAI", "SAPHANHOI", "NUMPH"]
    secrets += ["Hà Nội bí mật", "1234", "CHUNG-"]
    for item in kinds:
        body = item.current_version.body
        for part in ("options", "pairs", "items", "extra_answers"):
            secrets += [entry["key"] for entry in body.get(part, [])]
    leaked = [secret for secret in secrets if secret in page]
    assert not leaked, leaked
    # the options are there, by position only
    assert "Đáp án đúng a" in page and "Chọn A" in page and "Nhắn tin" in page


def test_a_no_js_save_stores_the_answers_and_moves_the_sequence(learner):
    attempt = start(learner, quiz(count=2))
    rows = rows_of(attempt)
    response = signed_in(learner).post(attempt_url(attempt), form(attempt, rows, action="save"), follow=True)
    assert response.redirect_chain[0][0] == attempt_url(attempt)
    attempt.refresh_from_db()
    assert attempt.sequence == 1
    assert all(row.response["choice"].endswith("dung") for row in rows_of(attempt))
    assert 'name="sequence" value="1"' in response.content.decode()


def test_autosave_answers_json_with_the_new_sequence(learner):
    attempt = start(learner, quiz(count=2))
    rows = rows_of(attempt)
    response = signed_in(learner).post(autosave_url(attempt), form(attempt, rows[:1]))
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["ok"] is True and body["sequence"] == 1
    assert datetime.datetime.fromisoformat(body["saved_at"])
    assert rows_of(attempt)[0].response is not None and rows_of(attempt)[1].response is None


@pytest.mark.parametrize(
    ("case", "status"),
    [("stale", 409), ("unknown_item", 400), ("bad_answer", 400), ("not_yours", 403), ("closed", 409)],
)
@pytest.mark.parametrize("endpoint", ["page", "json"])
def test_every_refusal_shows_the_reason_and_changes_nothing(learner, case, status, endpoint):
    attempt = start(learner, quiz(count=2))
    rows = rows_of(attempt)
    user = learner
    data = form(attempt, rows)
    if case == "stale":
        data["sequence"] = "7"
    elif case == "unknown_item":
        data["q9-choice"] = "1"
    elif case == "bad_answer":
        data["q1-choice"] = "5"  # an option the question does not have
    elif case == "not_yours":
        user = make_learner()
    elif case == "closed":
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data={})
        data["sequence"] = str(Attempt.objects.get(pk=attempt.pk).sequence)
    before = snapshot(attempt)
    url = attempt_url(attempt) if endpoint == "page" else autosave_url(attempt)
    response = signed_in(user).post(url, data)
    assert response.status_code == status
    if endpoint == "json":
        body = json.loads(response.content)
        assert body["ok"] is False and body["code"] == case
        if case != "bad_answer":
            assert body["message"] == message(case)
        assert body["message"]
    elif case != "bad_answer":
        assert message(case) in response.content.decode()
    assert snapshot(attempt) == before


def test_another_learners_attempt_shows_nothing(learner):
    attempt = start(learner, quiz(count=1))
    services.save_answers(attempt_id=attempt.pk, user=learner, sequence=0, data=form(attempt, rows_of(attempt)))
    other = signed_in(make_learner())
    for url in (attempt_url(attempt), submit_url(attempt)):
        assert other.get(url).status_code == 404
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=1, data={})
    response = other.get(result_url(attempt))
    assert response.status_code == 404
    assert "Câu hỏi số 0" not in response.content.decode()


def test_forms_need_the_csrf_token(learner):
    attempt = start(learner, quiz(count=1))
    client = signed_in(learner, enforce_csrf_checks=True)
    before = snapshot(attempt)
    data = form(attempt, rows_of(attempt))
    assert client.post(autosave_url(attempt), data).status_code == 403
    assert client.post(attempt_url(attempt), data).status_code == 403
    assert client.post(submit_url(attempt), data).status_code == 403
    assert snapshot(attempt) == before


def test_autosave_refuses_a_body_too_large(learner):
    attempt = start(learner, quiz(count=1))
    before = snapshot(attempt)
    data = form(attempt, rows_of(attempt), padding="x" * (1024 * 1024 + 1))
    response = signed_in(learner).post(autosave_url(attempt), data)
    assert response.status_code == 413
    assert snapshot(attempt) == before


def test_one_question_per_screen_with_previous_next_and_a_navigator(learner):
    attempt = start(learner, quiz(count=3, layout="one_per_page"))
    rows = rows_of(attempt)
    client = signed_in(learner)
    page = client.get(attempt_url(attempt)).content.decode()
    assert page.count('name="shown"') == 1 and 'name="q1-choice"' in page and 'name="q2-choice"' not in page
    assert 'value="goto-3"' in page and page.count("chưa trả lời") + page.count("not answered") == 3

    response = client.post(attempt_url(attempt), form(attempt, rows[:1], action="next", current="1"))
    assert response["Location"] == attempt_url(attempt) + "?cau=2"
    page = client.get(response["Location"]).content.decode()
    assert 'name="q2-choice"' in page and 'aria-current="step"' in page
    navigator = re.sub(r"\s+", " ", page[page.index("quiz-navigator") :])
    assert re.search(r"(Câu|Question) 1: (đã trả lời|answered)", navigator)

    attempt.refresh_from_db()
    response = client.post(attempt_url(attempt), form(attempt, rows[1:2], action="previous", current="2"))
    assert response["Location"] == attempt_url(attempt) + "?cau=1"
    attempt.refresh_from_db()
    response = client.post(attempt_url(attempt), form(attempt, rows[:1], action="goto-3", current="1"))
    assert response["Location"] == attempt_url(attempt) + "?cau=3"


def test_review_lists_unanswered_questions_then_submit_shows_the_result(learner):
    attempt = start(learner, quiz(count=3, feedback_policy="after_submit"))
    rows = rows_of(attempt)
    client = signed_in(learner)
    response = client.post(attempt_url(attempt), form(attempt, rows[:2], action="review"))
    assert response["Location"] == submit_url(attempt)
    page = re.sub(r"\s+", " ", client.get(submit_url(attempt)).content.decode())
    assert re.search(r"(Câu|Question) 3</a>: <strong class=\"is-unanswered\">", page)
    assert not re.search(r"(Câu|Question) 1</a>: <strong", page)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS  # nothing handed in before the second button

    response = client.post(submit_url(attempt), {"sequence": str(attempt.sequence)})
    assert response["Location"] == result_url(attempt)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.closed_by == Attempt.ClosedBy.LEARNER
    page = client.get(result_url(attempt)).content.decode()
    assert "66.67%" in page or "66,67%" in page
    assert "PHANHOI-DUNG-0" in page  # the chosen option's feedback, now that the attempt is closed
    assert "Câu hỏi số 2?" in page


def test_a_submit_sent_twice_with_the_same_sequence_closes_once(learner):
    attempt = start(learner, quiz(count=1))
    client = signed_in(learner)
    data = form(attempt, rows_of(attempt))
    assert client.post(submit_url(attempt), data).status_code == 302
    first = snapshot(attempt)
    response = client.post(submit_url(attempt), data)
    assert response.status_code == 409
    assert message("closed") in response.content.decode()
    assert snapshot(attempt) == first
    assert result_url(attempt) in response.content.decode()


def test_an_answer_after_the_deadline_is_refused_and_the_attempt_closes_with_what_was_saved(learner, clock):
    attempt = start(learner, quiz(count=2, time_limit_minutes=10))
    rows = rows_of(attempt)
    client = signed_in(learner)
    client.post(autosave_url(attempt), form(attempt, rows[:1]))
    clock.advance(minutes=10, seconds=30)
    attempt.refresh_from_db()
    response = client.post(submit_url(attempt), form(attempt, rows[1:]))
    assert response.status_code == 409
    assert message("late") in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.closed_by == Attempt.ClosedBy.DEADLINE
    assert attempt.score == Decimal("1")
    assert rows_of(attempt)[1].response is None


def test_opening_an_attempt_past_its_deadline_hands_it_in_and_shows_the_result(learner, clock):
    attempt = start(learner, quiz(count=1, time_limit_minutes=5))
    clock.advance(minutes=6)
    response = signed_in(learner).get(attempt_url(attempt))
    assert response["Location"] == result_url(attempt)
    attempt.refresh_from_db()
    assert attempt.closed_by == Attempt.ClosedBy.DEADLINE


# --- feedback policies and examiners ------------------------------------------------------------------------------


def closed_attempt(learner, **fields):
    attempt = start(learner, quiz(count=2, **fields))
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=form(attempt, rows_of(attempt)))
    return attempt


def test_never_shows_the_score_only(learner):
    attempt = closed_attempt(learner, feedback_policy="never")
    page = signed_in(learner).get(result_url(attempt)).content.decode()
    assert "100%" in page
    assert "PHANHOI" not in page and "Câu hỏi số 0?" not in page


def test_after_close_waits_for_the_closing_time(learner, clock):
    attempt = closed_attempt(learner, feedback_policy="after_close", closes_at=clock.now + datetime.timedelta(days=1))
    client = signed_in(learner)
    assert "PHANHOI" not in client.get(result_url(attempt)).content.decode()
    clock.advance(days=1, minutes=1)
    assert "PHANHOI-DUNG" in client.get(result_url(attempt)).content.decode()


def test_an_open_answer_waits_for_an_examiner_then_shows_the_comment(learner):
    essay = make_item(kind="essay", body={"min_words": 0, "max_words": None, "response_template": ""})
    assessment = make_assessment(items=[make_item(body=secret_body("x")), essay])
    attempt = start(learner, assessment)
    rows = rows_of(attempt)
    data = form(attempt, rows[:1])
    data["shown"].append("2")
    data["q2-text"] = "Tôi không bao giờ cho ai mã OTP."
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=data)
    client = signed_in(learner)
    page = client.get(result_url(attempt)).content.decode()
    assert "giám khảo" in page.lower() or "examiner" in page.lower()
    assert "1 / 2" in page or re.search(r"1\D+2", page)

    examiner = staff(Role.EXAMINER)
    row = AttemptItem.objects.get(attempt=attempt, position=2)
    assert services.claim(attempt_item_id=row.pk, examiner=examiner)
    services.grade_response(
        attempt_item_id=row.pk, examiner=examiner, credit=Decimal("1"), comment="Rất tốt, BÌNH-LUẬN"
    )
    page = client.get(result_url(attempt)).content.decode()
    assert "BÌNH-LUẬN" in page
    assert "100%" in page


# --- uploads ------------------------------------------------------------------------------------------------------


@pytest.fixture
def upload_attempt(learner):
    task = make_item(
        kind="practical",
        body={"mode": "upload", "instructions": "Chụp màn hình", "allowed_types": ["image/png", "application/pdf"]},
    )
    attempt = start(learner, make_assessment(items=[task]))
    return attempt


def post_file(client, attempt, content, name="anh.png", **extra):
    attempt.refresh_from_db()
    data = {"sequence": str(attempt.sequence), "shown": ["1"], "q1-text": "Ảnh của tôi", "action": "save"}
    data["q1-file"] = SimpleUploadedFile(name, content, content_type="image/png")
    data.update(extra)
    return client.post(attempt_url(attempt), data)


def test_an_upload_is_checked_stored_privately_and_served_to_its_owner_and_examiners(learner, upload_attempt):
    client = signed_in(learner)
    response = post_file(client, upload_attempt, PNG)
    assert response.status_code == 302
    stored = ResponseFile.objects.get()
    assert stored.content_type == "image/png" and stored.size == len(PNG) and stored.original_name == "anh.png"
    assert stored.sha256 == hashlib.sha256(PNG).hexdigest()
    assert not stored.file.name.endswith("anh.png")  # a random name in the private storage
    row = AttemptItem.objects.get(attempt=upload_attempt)
    assert row.response["file"]["storage_name"] == stored.file.name and row.response["text"] == "Ảnh của tôi"

    url = reverse("assessments:response_file", args=[stored.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    assert signed_in(make_learner()).get(url).status_code == 404
    assert signed_in(staff(Role.EXAMINER)).get(url).status_code == 200

    # saving again without a new file keeps the file
    upload_attempt.refresh_from_db()
    client.post(
        attempt_url(upload_attempt),
        {"sequence": str(upload_attempt.sequence), "shown": ["1"], "q1-text": "Sửa ghi chú", "action": "save"},
    )
    row.refresh_from_db()
    assert row.response["file"]["sha256"] == stored.sha256 and row.response["text"] == "Sửa ghi chú"


def test_uploads_go_through_the_web_server_when_it_serves_private_files(learner, upload_attempt, settings):
    settings.HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    post_file(signed_in(learner), upload_attempt, PDF, name="bai.pdf")
    stored = ResponseFile.objects.get()
    response = signed_in(learner).get(reverse("assessments:response_file", args=[stored.pk]))
    assert response["X-Accel-Redirect"] == "/_private/" + stored.file.name
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "content",
    [b"GIF89a" + b"\x00" * 20, b"<html><script>alert(1)</script>", b"\x89PNG\r\n\x1a\n" + b"\x00" * (6 * 1024 * 1024)],
    ids=["not-allowed-type", "html-named-png", "too-large"],
)
def test_a_refused_upload_stores_nothing(learner, upload_attempt, content, settings):
    before = snapshot(upload_attempt)
    response = post_file(signed_in(learner), upload_attempt, content)
    assert response.status_code == 400
    assert ResponseFile.objects.count() == 0
    assert snapshot(upload_attempt) == before


def test_a_file_description_sent_by_the_browser_is_ignored(learner, upload_attempt):
    forged = {
        "name": "x.png",
        "size": 10,
        "content_type": "image/png",
        "sha256": "0" * 64,
        "storage_name": "assessments/responses/someone-else.png",
    }
    upload_attempt.refresh_from_db()
    data = {
        "sequence": str(upload_attempt.sequence),
        "shown": ["1"],
        "q1-text": "",
        "q1-file_meta": json.dumps(forged),
        "action": "save",
    }
    signed_in(learner).post(attempt_url(upload_attempt), data)
    row = AttemptItem.objects.get(attempt=upload_attempt)
    assert row.response == {"text": "", "file": None}


def test_an_upload_for_someone_elses_attempt_is_refused(learner, upload_attempt):
    response = post_file(signed_in(make_learner()), upload_attempt, PNG)
    assert response.status_code == 403
    assert ResponseFile.objects.count() == 0


# --- placement ----------------------------------------------------------------------------------------------------


@pytest.fixture
def placement_test():
    framework = small_framework()
    for code in ("1.1", "2.1"):
        for difficulty in (1, 2, 3, 4, 5, 1, 2, 3):
            make_item(
                body=secret_body(f"{code.replace('.', '-')}-{difficulty}"),
                comp=component(framework, code),
                level=difficulty,
            )
    return make_assessment(
        kind="placement", framework=framework, pass_mark=0, placement_max_items=3, placement_min_items=2
    )


def test_placement_asks_one_question_at_a_time_then_shows_levels_and_where_to_start(learner, placement_test):
    from assessments import placement

    client = signed_in(learner)
    response = client.post(reverse("assessments:start", args=[placement_test.slug]))
    attempt = Attempt.objects.get(user=learner)
    for number in range(1, 20):
        page = client.get(attempt_url(attempt))
        if page.status_code == 302:
            break
        text = page.content.decode()
        assert text.count('name="shown"') == 1
        assert re.search(rf"(Câu|Question) {number}\b", text)
        assert "data-autosave-url" not in text  # saving an answer moves the adaptive test on: no autosave
        row = placement.current_item(attempt)
        row = AttemptItem.objects.select_related("version").get(pk=row.pk)
        attempt.refresh_from_db()
        response = client.post(attempt_url(attempt), form(attempt, [row], action="next"))
        assert response.status_code == 302
    assert page["Location"] == result_url(attempt)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED
    page = client.get(result_url(attempt)).content.decode()
    assert "Miền 1" in page and "Miền 2" in page and re.search(r"Bậc \d", page)
    assert 'href="/khoa-hoc/"' in page


def test_placement_recommendations_are_listed(learner, placement_test, monkeypatch):
    from assessments import placement

    monkeypatch.setattr(
        placement,
        "_recommenders",
        [lambda user, levels, code: [{"title": "Dùng Zalo an toàn", "url": "/khoa-hoc/zalo/", "reason": "Bậc 1"}]],
    )
    attempt = start(learner, placement_test)
    services.close_attempt(attempt, closed_by=Attempt.ClosedBy.LEARNER)
    page = signed_in(learner).get(result_url(attempt)).content.decode()
    assert 'href="/khoa-hoc/zalo/"' in page and "Dùng Zalo an toàn" in page


# --- the competence profile ---------------------------------------------------------------------------------------


def test_the_competence_page_shows_levels_evidence_history_and_is_in_the_account_menu(learner):
    framework = small_framework()
    comp = component(framework, "1.1")
    items = [make_item(body=secret_body(n), comp=comp, level=2) for n in range(2)]
    assessment = make_assessment(items=items, title="Bài kiểm tra Zalo", framework=framework)
    attempt = start(learner, assessment)
    services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=0, data=form(attempt, rows_of(attempt)))
    page = signed_in(learner).get(reverse("assessments:competence")).content.decode()
    text = re.sub(r"\s+", " ", page)
    assert "Năng lực 1.1" in text and "Bậc 2" in text
    assert "Bài kiểm tra Zalo" in text  # the evidence names its test
    assert re.search(r"0\D+2", text)  # the change from level 0 to 2
    assert "Năng lực 1.2" in text  # a component with no result yet is listed too
    assert reverse("assessments:competence") in page  # the account menu links here


# --- query counts -------------------------------------------------------------------------------------------------


# Attempt page: the attempt, its questions with their versions (one query), their uploads. Autosave: the practical
# tasks' stored files, then the engine (lock, questions, one bulk update, the sequence, within a savepoint).
# Submit: the stored files, the lock, the questions, the closing (status, scores in one update, evidence in one
# insert, the levels reached: read, upsert, history), the totals; then after the commit the courses' listener
# (which course uses this test), the certificates' listener (which achievements the levels reached earn, one query
# for all components) and the confirmation rules (the learner, the rules). Savepoints count here as the test runs
# inside a transaction. None of them grows with the questions.
PAGE_QUERIES, AUTOSAVE_QUERIES, SUBMIT_QUERIES = 3, 8, 20


@pytest.mark.parametrize("size", [5, 20])
@pytest.mark.parametrize("layout", ["all_on_one", "one_per_page"])
def test_query_counts_are_pinned_and_do_not_grow_with_the_questions(
    learner, layout, size, django_assert_num_queries, django_capture_on_commit_callbacks
):
    framework = small_framework()
    # two components, so both sizes reach a level on each: the levels' upsert and history are counted too
    components = list(framework.components.all()[:2])
    items = [make_item(body=secret_body(n), comp=components[n % 2], level=1) for n in range(size)]
    attempt = start(learner, make_assessment(items=items, layout=layout))
    rows = rows_of(attempt)
    client = signed_in(learner)
    client.get(attempt_url(attempt))  # the session and the account are warm, as on a real page
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(attempt_url(attempt)).status_code == 200
    with django_assert_num_queries(AUTOSAVE_QUERIES):
        assert client.post(autosave_url(attempt), form(attempt, rows)).status_code == 200
    attempt.refresh_from_db()
    # what runs after the commit counts too: the confirmation rules, the listeners of attempt_graded
    with django_assert_num_queries(SUBMIT_QUERIES), django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit_url(attempt), form(attempt, rows)).status_code == 302
    assert AttemptItem.objects.filter(attempt=attempt, credit=1).count() == size

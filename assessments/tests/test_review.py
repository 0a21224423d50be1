"""The examiners' screens in the Wagtail admin: who gets in, claiming (a lease two examiners cannot both hold),
grading with a rubric or a percentage, second marking, the record of decisions, item statistics, and confirming,
observing and revoking universal digital skills."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone, translation

from assessments import services
from assessments.models import (
    Attempt,
    AttemptItem,
    AttemptStatus,
    Confirmation,
    Evidence,
    Grade,
    ReviewEvent,
)
from assessments.tests.factories import make_assessment, make_item, make_rubric, single_choice_body, small_framework
from lms.roles import Role
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory, staff

pytestmark = pytest.mark.django_db

ADMIN = "/quan-tri/"
QUEUE = f"{ADMIN}cham-bai/"
HISTORY = f"{QUEUE}lich-su/"
STATS = f"{ADMIN}thong-ke-cau-hoi/"
CONFIRMATIONS = f"{ADMIN}xac-nhan-ky-nang/"
CONFIRM = f"{CONFIRMATIONS}xac-nhan/"
OBSERVE = f"{CONFIRMATIONS}quan-sat/"
ESSAY = {"min_words": 0, "max_words": None, "response_template": ""}


# --- helpers (test_queue imports them) -----------------------------------------------------------------------------


def vi(text: str) -> str:
    with translation.override("vi"):
        return translation.gettext(text)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def refused(response) -> bool:
    """The admin says no with a 403, by sending the person to the admin's home page, or to its sign-in page."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        response["Location"] == ADMIN or response["Location"].startswith(f"{ADMIN}login/")
    )


def examiner(name: str = "Giám khảo Lan", **kwargs):
    return LearnerProfileFactory(full_name=name, user=staff(Role.EXAMINER), **kwargs).user


def person(name: str, group=None):
    kwargs = {"residential_group": group} if group else {}
    return LearnerProfileFactory(full_name=name, **kwargs).user


def essay_assessment(*, rubric=None, title="Bài viết về an toàn mạng", **fields):
    item = make_item(kind="essay", body=ESSAY, stem="<p>Kể một lần bạn nhận tin nhắn lừa đảo.</p>", rubric=rubric)
    return make_assessment(items=[item], title=title, **fields)


def waiting_answer(assessment, learner, text: str = "Tôi không bấm vào đường link lạ.") -> AttemptItem:
    attempt = services.start_attempt(user=learner, assessment=assessment)
    services.submit_attempt(
        attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data={"shown": ["1"], "q1-text": text}
    )
    return AttemptItem.objects.get(attempt=attempt)


def messages_of(response) -> list[str]:
    # Wagtail's messages carry their buttons' markup after the text
    return [str(message).strip() for message in response.context["messages"]] if response.context else []


def follow(client, url, data=None):
    response = client.post(url, data or {}, follow=True)
    assert response.status_code == 200
    return response, messages_of(response)


class Clock:
    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, minutes: float) -> None:
        self.now += datetime.timedelta(minutes=minutes)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def rubric():
    return make_rubric(criteria=2, levels=(0, 1, 2))


def rubric_data(rubric, picks, comment="", note=""):
    """Form data choosing, per criterion in order, the level with these points."""
    data = {"comment": comment, "note": note}
    for criterion, points in zip(rubric.criteria.order_by("sort_order"), picks, strict=True):
        data[f"criterion-{criterion.pk}"] = str(criterion.levels.get(points=points).pk)
    return data


# --- who gets in ----------------------------------------------------------------------------------------------------


def test_learners_and_editors_do_not_reach_the_examiners_screens(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    confirmation = Confirmation.objects.create(
        user=answer.attempt.user, target_group="citizen", method=Confirmation.Method.AUTOMATIC
    )
    learner = signed_in(person("Lê Văn Tám"))
    editor = signed_in(staff(Role.EDITOR))
    graders_only = [QUEUE, f"{QUEUE}{answer.pk}/", HISTORY]
    confirmers_only = [CONFIRMATIONS, CONFIRM, OBSERVE, f"{CONFIRMATIONS}{confirmation.pk}/thu-hoi/"]
    for url in [*graders_only, *confirmers_only, STATS, f"{STATS}{answer.attempt.assessment_id}/"]:
        assert refused(learner.get(url)), url
    for url in graders_only + confirmers_only:
        assert refused(editor.get(url)), url
    for url in (f"{QUEUE}{answer.pk}/nhan/", f"{QUEUE}{answer.pk}/tra-lai/", f"{QUEUE}{answer.pk}/"):
        assert refused(editor.post(url, {"comment": "x"})), url
    answer.refresh_from_db()
    assert answer.claimed_by_id is None and not Grade.objects.exists()
    # editors keep the bank, so they may read item statistics; an examiner reaches everything
    assert editor.get(STATS).status_code == 200
    grader = signed_in(examiner())
    for url in [*graders_only, *confirmers_only, STATS]:
        assert grader.get(url).status_code == 200, url


def test_the_menu_shows_each_screen_only_to_those_who_may_use_it():
    home = signed_in(examiner()).get(ADMIN).content.decode()
    assert QUEUE in home and STATS in home and CONFIRMATIONS in home
    editor_home = signed_in(staff(Role.EDITOR)).get(ADMIN).content.decode()
    assert QUEUE not in editor_home and CONFIRMATIONS not in editor_home and STATS in editor_home
    ward_admin_home = signed_in(staff(Role.WARD_ADMIN)).get(ADMIN).content.decode()
    assert CONFIRMATIONS in ward_admin_home and QUEUE not in ward_admin_home


# --- claiming ---------------------------------------------------------------------------------------------------------


def test_two_examiners_never_hold_the_same_answer_and_the_lease_runs_out(clock, rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    lan, minh = examiner("Giám khảo Lan"), examiner("Giám khảo Minh")
    first, second = signed_in(lan), signed_in(minh)

    response = first.post(f"{QUEUE}{answer.pk}/nhan/")
    assert response.status_code == 302 and response["Location"] == f"{QUEUE}{answer.pk}/"
    until = timezone.localtime(clock.now + services.LEASE).strftime("%H:%M")

    response, said = follow(second, f"{QUEUE}{answer.pk}/nhan/")
    answer.refresh_from_db()
    assert answer.claimed_by == lan
    assert any("Giám khảo Lan" in message and until in message for message in said)
    listing = second.get(QUEUE).content.decode()
    assert "Giám khảo Lan" in listing and until in listing
    assert f'action="{QUEUE}{answer.pk}/nhan/"' not in listing  # no claim button on a held answer

    # grading without holding the answer is refused and changes nothing
    response = second.post(f"{QUEUE}{answer.pk}/", rubric_data(rubric, [2, 2]))
    assert str(services.AttemptError("not_claimed").message) in messages_of(response)
    assert not Grade.objects.exists()
    assert not ReviewEvent.objects.filter(action=ReviewEvent.Action.GRADED).exists()

    clock.advance(services.LEASE.total_seconds() / 60 + 1)
    assert f'action="{QUEUE}{answer.pk}/nhan/"' in second.get(QUEUE).content.decode()
    response = second.post(f"{QUEUE}{answer.pk}/nhan/")
    assert response["Location"] == f"{QUEUE}{answer.pk}/"
    answer.refresh_from_db()
    assert answer.claimed_by == minh
    # the first examiner's lease is gone: their grade is refused
    response = first.post(f"{QUEUE}{answer.pk}/", rubric_data(rubric, [2, 2]))
    assert str(services.AttemptError("not_claimed").message) in messages_of(response)
    assert not Grade.objects.exists()


def test_releasing_gives_the_answer_back_to_the_queue(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    lan = examiner()
    client = signed_in(lan)
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    page = client.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert f'action="{QUEUE}{answer.pk}/tra-lai/"' in page
    follow(client, f"{QUEUE}{answer.pk}/tra-lai/")
    answer.refresh_from_db()
    assert answer.claimed_by_id is None
    actions = list(
        ReviewEvent.objects.filter(attempt_item=answer).order_by("at", "pk").values_list("action", flat=True)
    )
    assert actions == [ReviewEvent.Action.CLAIMED, ReviewEvent.Action.RELEASED]


def test_a_claim_on_an_answer_already_graded_is_refused(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    lan = examiner()
    client = signed_in(lan)
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    client.post(f"{QUEUE}{answer.pk}/", rubric_data(rubric, [1, 1]))
    _, said = follow(client, f"{QUEUE}{answer.pk}/nhan/")
    assert str(services.AttemptError("not_reviewable").message) in said


# --- grading ----------------------------------------------------------------------------------------------------------


def test_the_grading_page_shows_the_question_the_answer_and_the_rubric_as_radio_groups(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"), text="Tôi gọi lại cho con.")
    client = signed_in(examiner())
    before = client.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert "Kể một lần bạn nhận tin nhắn lừa đảo." in before and "Tôi gọi lại cho con." in before
    assert 'type="radio"' not in before  # no form before the claim
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    page = client.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert page.count("<fieldset") == 2 and page.count("<legend>") == 2
    assert "<legend>Tiêu chí 1</legend>" in page and "<legend>Tiêu chí 2</legend>" in page
    radios = re.findall(r'<input type="radio" name="criterion-(\d+)" value="(\d+)"[^>]*id="([^"]+)"', page)
    assert len(radios) == 6
    for _criterion, _level, radio_id in radios:
        assert f'for="{radio_id}"' in page  # every level is a labelled control
    assert "Mức 2" in page
    assert 'name="comment"' in page and 'name="note"' in page


def test_rubric_levels_chosen_in_the_form_make_the_mark_and_the_comment_reaches_the_learner(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    client = signed_in(examiner())
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    response, said = follow(
        client,
        f"{QUEUE}{answer.pk}/",
        rubric_data(rubric, [2, 1], comment="Bạn làm đúng: không bấm link.", note="Chữ hơi ít."),
    )
    answer.refresh_from_db()
    assert answer.credit == Decimal("0.75") and answer.reviewed_at is not None
    assert answer.feedback == "Bạn làm đúng: không bấm link."
    attempt = Attempt.objects.get(pk=answer.attempt_id)
    assert attempt.status == AttemptStatus.GRADED and attempt.percent == Decimal("75.00")
    grade = Grade.objects.get(attempt_item=answer)
    assert grade.note_for_staff == "Chữ hơi ít." and len(grade.rubric_choices) == 2
    assert response.request["PATH_INFO"] == QUEUE and any("75" in message for message in said)
    assert answer.pk not in [row.pk for row in response.context["object_list"]]  # it left the queue
    # the answer's page keeps its grade, levels, comment and decisions
    page = client.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert "Bạn làm đúng: không bấm link." in page and "Chữ hơi ít." in page and "Mức 2" in page


def test_a_rubric_with_a_criterion_left_out_is_refused_and_nothing_changes(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric), person("Trần Thị Hoa"))
    client = signed_in(examiner())
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    data = rubric_data(rubric, [2, 1])
    data.pop(next(key for key in data if key.startswith("criterion-")))
    response = client.post(f"{QUEUE}{answer.pk}/", data)
    assert response.status_code == 200 and 'class="hocvuso-error"' in response.content.decode()
    # a level of another criterion is refused by the engine
    data = rubric_data(rubric, [2, 1])
    keys = [key for key in data if key.startswith("criterion-")]
    data[keys[0]] = data[keys[1]]
    response = client.post(f"{QUEUE}{answer.pk}/", data)
    assert response.status_code == 200
    assert not Grade.objects.exists()
    answer.refresh_from_db()
    assert answer.reviewed_at is None and answer.claimed_by_id is not None


def test_without_a_rubric_the_examiner_gives_a_percentage():
    answer = waiting_answer(essay_assessment(), person("Trần Thị Hoa"))
    client = signed_in(examiner())
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    assert 'name="credit"' in client.get(f"{QUEUE}{answer.pk}/").content.decode()
    response = client.post(f"{QUEUE}{answer.pk}/", {"credit": "140", "comment": ""})
    assert response.status_code == 200 and not Grade.objects.exists()
    follow(client, f"{QUEUE}{answer.pk}/", {"credit": "80", "comment": "Tốt."})
    answer.refresh_from_db()
    assert answer.credit == Decimal("0.8") and answer.feedback == "Tốt."


# --- second marking -----------------------------------------------------------------------------------------------


def answer_examiner(answer):
    return Grade.objects.filter(attempt_item=answer).earliest("created_at").examiner


def _grade(client, answer, rubric, picks, comment=""):
    client.post(f"{QUEUE}{answer.pk}/nhan/")
    return follow(client, f"{QUEUE}{answer.pk}/", rubric_data(rubric, picks, comment=comment))


def test_second_marking_needs_another_examiner_and_two_close_marks_are_averaged():
    fine = make_rubric(criteria=2, levels=(0, 1, 2, 3, 4, 5))
    answer = waiting_answer(essay_assessment(rubric=fine, second_marking=True), person("Trần Thị Hoa"))
    lan, minh = signed_in(examiner("Giám khảo Lan")), signed_in(examiner("Giám khảo Minh"))
    _, said = _grade(lan, answer, fine, [5, 5], comment="Rất tốt.")
    assert vi("Saved. The answer now waits for a second examiner.") in said
    answer.refresh_from_db()
    assert answer.reviewed_at is None and answer.credit is None
    assert vi("needs second marking") in minh.get(QUEUE).content.decode()
    assert [row.pk for row in minh.get(f"{QUEUE}?stage=second").context["object_list"]] == [answer.pk]
    assert not minh.get(f"{QUEUE}?stage=first").context["object_list"]
    # blind: the second examiner does not see the first mark
    page = minh.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert "Rất tốt." not in page and vi("The first marking is hidden until you give yours.") in page

    # the first examiner is offered no claim, and a claim or a grade anyway is refused with the engine's reason
    assert f'action="{QUEUE}{answer.pk}/nhan/"' not in lan.get(QUEUE).content.decode()
    _, said = follow(lan, f"{QUEUE}{answer.pk}/nhan/")
    assert str(services.AttemptError("same_examiner").message) in said
    with pytest.raises(services.AttemptError):
        services.claim(attempt_item_id=answer.pk, examiner=answer_examiner(answer))
    # a hold left from before (e.g. the lease of the first marking) does not let the first marker grade again
    AttemptItem.objects.filter(pk=answer.pk).update(
        claimed_by=answer_examiner(answer), claim_expires_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    _, said = follow(lan, f"{QUEUE}{answer.pk}/", rubric_data(fine, [5, 4]))
    assert str(services.AttemptError("same_examiner").message) in said
    assert Grade.objects.filter(attempt_item=answer).count() == 1
    answer.refresh_from_db()
    assert answer.claimed_by_id is None  # released, so the second examiner can take it

    _, said = _grade(minh, answer, fine, [5, 4], comment="Khá.")  # 1.0 and 0.9: within the tolerance
    answer.refresh_from_db()
    markings = list(
        Grade.objects.filter(attempt_item=answer).order_by("created_at", "pk").values_list("marking", flat=True)
    )
    assert markings == [Grade.Marking.FIRST, Grade.Marking.SECOND]
    assert answer.credit == Decimal("0.95") and answer.reviewed_at is not None
    assert answer.feedback == "Rất tốt.\n\nKhá."
    assert Attempt.objects.get(pk=answer.attempt_id).status == AttemptStatus.GRADED


def test_far_apart_marks_wait_for_an_agreed_mark(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric, second_marking=True), person("Trần Thị Hoa"))
    lan, minh, hai = (signed_in(examiner(name)) for name in ("Giám khảo Lan", "Giám khảo Minh", "Giám khảo Hải"))
    _grade(lan, answer, rubric, [2, 2])
    _, said = _grade(minh, answer, rubric, [0, 0])
    assert vi("Saved. The two marks are far apart: the answer now needs an agreed mark.") in said
    answer.refresh_from_db()
    assert answer.reviewed_at is None
    assert vi("needs an agreed mark") in hai.get(QUEUE).content.decode()
    # the agreed mark sees both markings, and is final
    hai.post(f"{QUEUE}{answer.pk}/nhan/")
    page = hai.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert page.count("<td>100 %</td>") == 1 and page.count("<td>0 %</td>") == 1
    _grade(hai, answer, rubric, [1, 1])
    answer.refresh_from_db()
    assert answer.credit == Decimal("0.5") and answer.reviewed_at is not None
    markings = list(Grade.objects.filter(attempt_item=answer).values_list("marking", flat=True))
    assert sorted(markings) == sorted([Grade.Marking.FIRST, Grade.Marking.SECOND, Grade.Marking.FINAL])


# --- the record of decisions ------------------------------------------------------------------------------------------


def test_every_decision_is_recorded_and_the_record_filters(rubric):
    answer = waiting_answer(essay_assessment(rubric=rubric, second_marking=True), person("Trần Thị Hoa"))
    lan_user, minh_user = examiner("Giám khảo Lan"), examiner("Giám khảo Minh")
    lan, minh = signed_in(lan_user), signed_in(minh_user)
    _grade(lan, answer, rubric, [2, 2])
    _grade(minh, answer, rubric, [2, 1])
    events = list(ReviewEvent.objects.filter(attempt_item=answer).order_by("at", "pk"))
    assert [(e.action, e.actor) for e in events] == [
        (ReviewEvent.Action.CLAIMED, lan_user),
        (ReviewEvent.Action.GRADED, lan_user),
        (ReviewEvent.Action.CLAIMED, minh_user),
        (ReviewEvent.Action.GRADED, minh_user),
    ]
    assert events[1].detail["marking"] == "first" and events[3].detail["marking"] == "second"

    def listed(query=""):
        response = lan.get(f"{HISTORY}{query}")
        assert response.status_code == 200
        return [event.pk for event in response.context["object_list"]]

    assert listed() == [e.pk for e in reversed(events)]
    assert listed("?action=graded") == [events[3].pk, events[1].pk]
    assert listed(f"?actor={minh_user.pk}") == [events[3].pk, events[2].pk]
    earlier = timezone.now() - datetime.timedelta(days=3)
    ReviewEvent.objects.filter(pk__in=[events[0].pk, events[1].pk]).update(at=earlier)
    day = timezone.localdate().isoformat()
    assert listed(f"?at_from={day}&at_to={day}") == [events[3].pk, events[2].pk]
    assert listed(f"?at_to={timezone.localtime(earlier).date().isoformat()}") == [events[1].pk, events[0].pk]
    page = lan.get(HISTORY).content.decode()
    assert "Giám khảo Minh" in page and f'href="{QUEUE}{answer.pk}/"' in page
    # the answer's page lists its decisions too
    answer_page = lan.get(f"{QUEUE}{answer.pk}/").content.decode()
    assert answer_page.count(vi("graded an answer")) == 2 and answer_page.count(vi("claimed an answer")) == 2


# --- item statistics ----------------------------------------------------------------------------------------------


def test_the_statistics_page_shows_alpha_a_table_and_a_chart():
    items = [
        make_item(title=f"Câu {n}", body=single_choice_body(wrong=("Sai một", "Sai hai", "Sai ba"))) for n in (1, 2, 3)
    ]
    assessment = make_assessment(items=items, title="Kiểm tra an toàn")
    # six learners, a Guttman pattern: learner k answers the first k questions right
    for k in range(6):
        learner = person(f"Học viên {k}")
        attempt = services.start_attempt(user=learner, assessment=assessment)
        data = {"shown": ["1", "2", "3"]}
        for row in attempt.items.select_related("item"):
            order = row.presentation["options"]
            wanted = "a" if int(row.item.title[-1]) <= k else "b"
            data[f"q{row.position}-choice"] = str(order.index(wanted) + 1)
        services.submit_attempt(attempt_id=attempt.pk, user=learner, sequence=attempt.sequence, data=data)
    assert Attempt.objects.filter(assessment=assessment, status=AttemptStatus.GRADED).count() == 6
    client = signed_in(examiner())
    listing = client.get(STATS).content.decode()
    assert f'href="{STATS}{assessment.pk}/"' in listing
    response = client.get(f"{STATS}{assessment.pk}/")
    page = response.content.decode()
    report = response.context["report"]
    assert report.attempts == 6 and report.alpha is not None
    assert re.search(r'id="stats-alpha">\s*0[,.]\d\d', page)
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page
    assert page.count('<th scope="row">Câu ') == 3
    facilities = [entry.stats.facility for entry in report.items]
    assert facilities == pytest.approx([5 / 6, 4 / 6, 3 / 6])
    # 6 responses is too few to judge: every item says so, and the option nobody chose is counted as 0
    assert all(entry.reasons for entry in report.items)
    assert "Sai ba: 0" in page and "Sai hai: 0" in page


def test_statistics_of_an_assessment_nobody_finished():
    assessment = make_assessment(items=[make_item()], title="Chưa ai làm")
    page = signed_in(examiner()).get(f"{STATS}{assessment.pk}/").content.decode()
    assert vi("No graded attempt yet: statistics appear when learners have finished this assessment.") in page


# --- confirmations ----------------------------------------------------------------------------------------------------


def test_an_examiner_finds_a_learner_and_confirms_them_from_an_observed_task():
    hoa = person("Trần Thị Hoa")
    person("Trần Văn Hòa Bình")
    client = signed_in(examiner())
    assert client.get(CONFIRM).status_code == 200
    page = client.get(f"{CONFIRM}?q=tran thi hoa").content.decode()
    assert "Trần Thị Hoa" in page and "Trần Văn Hòa Bình" not in page
    assert f'value="{hoa.pk}"' in page
    _, said = follow(client, CONFIRM, {"learner": hoa.pk, "observed_task": ""})
    assert not Confirmation.objects.exists()
    _, said = follow(client, CONFIRM, {"learner": hoa.pk, "observed_task": "Tự cài VNeID tại lớp tối thứ Năm."})
    confirmation = Confirmation.objects.get(user=hoa)
    assert confirmation.method == Confirmation.Method.EXAMINER and confirmation.revoked_at is None
    assert confirmation.observed_task == "Tự cài VNeID tại lớp tối thứ Năm."
    assert ReviewEvent.objects.filter(action=ReviewEvent.Action.CONFIRMED, confirmation=confirmation).exists()
    # confirming twice is refused with the engine's reason
    _, said = follow(client, CONFIRM, {"learner": hoa.pk, "observed_task": "Lần nữa."})
    assert vi("This learner is already confirmed for their group.") in said
    assert Confirmation.objects.filter(user=hoa).count() == 1


def test_a_learner_id_outside_the_search_is_refused_for_a_ward_administrator():
    group = ResidentialGroupFactory()
    ward_admin = LearnerProfileFactory(residential_group=group, user=staff(Role.WARD_ADMIN)).user
    neighbour, stranger = person("Người cùng phường", group), person("Người phường khác")
    mine = Confirmation.objects.create(user=neighbour, target_group="citizen", method="automatic")
    other = Confirmation.objects.create(user=stranger, target_group="citizen", method="automatic")
    client = signed_in(ward_admin)
    listed = [c.pk for c in client.get(CONFIRMATIONS).context["object_list"]]
    assert listed == [mine.pk]
    assert client.get(f"{CONFIRMATIONS}{other.pk}/thu-hoi/").status_code == 404
    # the engine lets only examiners confirm: a ward administrator is sent back with the reason
    response, said = follow(client, CONFIRM, {"learner": neighbour.pk, "observed_task": "x"})
    assert str(services.AttemptError("not_allowed").message) in said
    # … but they may revoke in their ward, with a reason
    response = client.post(f"{CONFIRMATIONS}{mine.pk}/thu-hoi/", {"reason": ""})
    assert response.status_code == 200
    mine.refresh_from_db()
    assert mine.revoked_at is None
    follow(client, f"{CONFIRMATIONS}{mine.pk}/thu-hoi/", {"reason": "Nhập nhầm người."})
    mine.refresh_from_db()
    assert mine.revoked_at is not None and mine.revoke_reason == "Nhập nhầm người." and mine.revoked_by == ward_admin
    event = ReviewEvent.objects.get(action=ReviewEvent.Action.REVOKED)
    assert event.confirmation == mine and event.detail["reason"] == "Nhập nhầm người."


def test_the_confirmations_list_filters_by_status_group_and_ward():
    group = ResidentialGroupFactory()
    here = person("Người phường này", group)
    there = person("Người phường kia")
    pupil = LearnerProfileFactory(full_name="Học sinh", target_group="pupil_student").user
    active = Confirmation.objects.create(user=here, target_group="citizen", method="automatic")
    revoked = Confirmation.objects.create(
        user=there,
        target_group="citizen",
        method="automatic",
        revoked_at=timezone.now(),
        revoke_reason="Sai.",
        revoked_by=UserFactory(is_superuser=True),
    )
    student = Confirmation.objects.create(user=pupil, target_group="pupil_student", method="automatic")
    client = signed_in(examiner())

    def listed(query):
        return {c.pk for c in client.get(f"{CONFIRMATIONS}{query}").context["object_list"]}

    assert listed("") == {active.pk, revoked.pk, student.pk}
    assert listed("?status=active") == {active.pk, student.pk}
    assert listed("?status=revoked") == {revoked.pk}
    assert listed("?target_group=pupil_student") == {student.pk}
    assert listed(f"?ward={group.ward_id}") == {active.pk}
    page = client.get(CONFIRMATIONS).content.decode()
    assert f'href="{CONFIRMATIONS}{active.pk}/thu-hoi/"' in page
    assert f'href="{CONFIRMATIONS}{revoked.pk}/thu-hoi/"' not in page


def test_an_examiner_records_an_observed_task_as_evidence():
    framework = small_framework()
    component = framework.components.get(code="1.1")
    hoa = person("Trần Thị Hoa")
    lan = examiner()
    client = signed_in(lan)
    page = client.get(f"{OBSERVE}?q=Hoa").content.decode()
    assert f'value="{component.pk}"' in page
    follow(
        client,
        OBSERVE,
        {"learner": hoa.pk, "component": component.pk, "level": 2, "passed": "yes", "note": "Tự gửi ảnh qua Zalo."},
    )
    evidence = Evidence.objects.get(user=hoa)
    assert evidence.source == Evidence.Source.OBSERVATION and evidence.credit == 1 and evidence.level == 2
    assert evidence.recorded_by == lan and evidence.note == "Tự gửi ảnh qua Zalo."
    assert ReviewEvent.objects.filter(action=ReviewEvent.Action.OBSERVED, actor=lan).exists()


def test_an_examiners_search_never_lists_everyone():
    for n in range(3):
        person(f"Nguyễn Văn {n}")
    client = signed_in(examiner())
    assert not client.get(CONFIRM).context["matches"]
    assert not client.get(f"{CONFIRM}?q=n").context["matches"]  # one letter is not a search
    assert len(client.get(f"{CONFIRM}?q=nguyen van").context["matches"]) == 3


# --- query counts -----------------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_record_and_the_confirmations_make_the_same_queries_for_5_or_50_rows(rubric):
    lan = examiner()
    client = signed_in(lan)
    assessment = essay_assessment(rubric=rubric)

    def add(count):
        for _ in range(count):
            learner = LearnerProfileFactory().user  # each in a ward of their own
            row = waiting_answer(assessment, learner)
            services.claim(attempt_item_id=row.pk, examiner=lan)
            services.confirm_by_examiner(examiner=lan, user=learner, observed_task="Tự đặt lịch khám qua ứng dụng.")

    add(5)
    client.get(HISTORY), client.get(CONFIRMATIONS)
    history_5, confirmations_5 = _queries(client, HISTORY), _queries(client, CONFIRMATIONS)
    add(45)
    assert _queries(client, HISTORY) == history_5
    assert _queries(client, CONFIRMATIONS) == confirmations_5
    assert (history_5, confirmations_5) == (9, 10)


def test_the_grading_page_makes_the_same_queries_however_many_decisions_it_lists():
    fine = make_rubric(criteria=3, levels=(0, 1, 2, 3))
    answer = waiting_answer(essay_assessment(rubric=fine, second_marking=True), person("Trần Thị Hoa"))
    lan, minh = examiner("Giám khảo Lan"), examiner("Giám khảo Minh")
    client = signed_in(lan)
    services.claim(attempt_item_id=answer.pk, examiner=lan)
    client.get(f"{QUEUE}{answer.pk}/")
    few = _queries(client, f"{QUEUE}{answer.pk}/")
    for _ in range(10):
        services.release(attempt_item_id=answer.pk, examiner=lan)
        services.claim(attempt_item_id=answer.pk, examiner=lan)
    choices = {str(c.pk): str(c.levels.last().pk) for c in fine.criteria.all()}
    services.grade_response(attempt_item_id=answer.pk, examiner=lan, rubric_choices=choices)
    services.claim(attempt_item_id=answer.pk, examiner=minh)
    services.grade_response(attempt_item_id=answer.pk, examiner=minh, rubric_choices=choices)
    assert _queries(client, f"{QUEUE}{answer.pk}/") == few, few

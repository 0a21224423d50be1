"""Import and export in the admin: a preview with every problem by line, nothing imported from a file with errors
unless the editor ticks to skip them, all or nothing, and a Moodle XML download that reads back."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from assessments.interchange import parse_gift, parse_moodle_xml
from assessments.models import Item
from assessments.tests.factories import category, make_item
from lms.roles import Role
from lms.tests.factories import staff

pytestmark = pytest.mark.django_db

GIFT = """// câu hỏi thử
::Thủ đô:: Thủ đô Việt Nam là? {=Hà Nội ~Huế ~Đà Nẵng}

::Hỏng:: Câu này thiếu dấu đóng {=A ~B

::Trời:: Trời xanh. {T}
"""
GOOD_GIFT = "::Một:: Một cộng một? {#2}\n\n::Hai:: Trời xanh. {T}\n"
UPLOAD = reverse("hocvuso_item_import:upload")


@pytest.fixture
def client():
    client = Client()
    client.force_login(staff(Role.EDITOR))
    return client


def upload(client, text: str | bytes, cat, name="cau-hoi.gift"):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, raw), "category": cat.pk})


def token_of(response) -> str:
    return response.context["confirm"]["token"].value()


def test_preview_lists_ready_questions_and_every_problem_by_line(client):
    cat = category()
    response = upload(client, GIFT, cat)
    assert response.status_code == 200
    html = response.content.decode()
    _drafts, problems = parse_gift(GIFT)
    assert [p.line for p in problems] == [4]
    assert "<td>4</td>" in html and escape(problems[0].message) in html
    assert len(response.context["ready"]) == 2
    assert not Item.objects.exists()  # a preview imports nothing


def test_a_file_with_errors_imports_nothing_unless_skipped(client):
    cat = category()
    token = token_of(upload(client, GIFT, cat))
    refused = client.post(UPLOAD, {"token": token, "category": cat.pk})
    assert refused.status_code == 400
    assert not Item.objects.exists()
    done = client.post(UPLOAD, {"token": token, "category": cat.pk, "skip_problems": "on"})
    assert done.status_code == 302
    assert sorted(Item.objects.filter(category=cat).values_list("title", flat=True)) == ["Thủ đô", "Trời"]
    assert all(item.current_version.number == 1 for item in Item.objects.all())


def test_a_clean_file_with_a_bom_imports_whole(client):
    cat = category()
    token = token_of(upload(client, "\ufeff" + GOOD_GIFT, cat, name="sach.txt"))
    assert client.post(UPLOAD, {"token": token, "category": cat.pk}).status_code == 302
    assert Item.objects.count() == 2


def test_a_draft_the_kind_refuses_becomes_a_problem_at_its_line(client, monkeypatch):
    from assessments.interchange import ItemDraft
    from assessments.staff import editing_views

    cat = category()
    bad = ItemDraft(
        kind="single_choice", title="x", stem="<p>x</p>", body={"options": [{"text": "một", "credit": 1}]}, line=12
    )
    monkeypatch.setattr(editing_views, "parse_gift", lambda text: ([bad], []))
    response = upload(client, "bất kỳ", cat)
    assert "<td>12</td>" in response.content.decode()
    assert response.context["ready"] == []


def test_wrong_type_and_too_large_files_are_refused(client):
    cat = category()
    assert upload(client, "x", cat, name="cau-hoi.docx").status_code == 400
    assert upload(client, b"a" * (2 * 1024 * 1024 + 1), cat).status_code == 400
    assert upload(client, "x".encode("utf-16"), cat).status_code == 400


def test_a_stale_token_imports_nothing(client):
    cat = category()
    upload(client, GOOD_GIFT, cat)
    response = client.post(UPLOAD, {"token": "0" * 32, "category": cat.pk})
    assert response.status_code == 302 and not Item.objects.exists()


def test_moodle_xml_export_downloads_and_reads_back(client):
    cat = category("An toàn số")
    make_item(cat=cat, title="Mã OTP")
    make_item(cat=cat, kind="true_false", body={"correct": False}, title="Tin giả")
    response = client.get(reverse("hocvuso_item_import:export"), {"category": cat.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "attachment" in response["Content-Disposition"]
    drafts, problems = parse_moodle_xml(response.content)
    assert problems == []
    assert sorted(d.title for d in drafts) == ["Mã OTP", "Tin giả"]
    # and back in through the import screen
    other = category("Nhập lại")
    imported = client.post(UPLOAD, {"file": SimpleUploadedFile("bank.xml", response.content), "category": other.pk})
    assert len(imported.context["ready"]) == 2 and imported.context["problems"] == []


def test_export_chosen_questions(client):
    one, _two = make_item(title="Một"), make_item(title="Hai")
    response = client.get(reverse("hocvuso_item_import:export"), {"item": [one.pk]})
    drafts, _problems = parse_moodle_xml(response.content)
    assert [d.title for d in drafts] == ["Một"]


def test_examiners_cannot_import():
    examiner = Client()
    examiner.force_login(staff(Role.EXAMINER))
    assert examiner.get(UPLOAD).status_code in (302, 403)

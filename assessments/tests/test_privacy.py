"""The learner's tests, answers, uploads, evidence, levels and confirmations are in their personal-data download,
nobody else's are, no answer key is; erasing the account removes their uploaded files from the storage."""

import json

import pytest
from django.core.files.base import ContentFile

from assessments import services
from assessments.models import AttemptItem, Confirmation, ResponseFile
from assessments.tests.factories import component, make_assessment, make_item, small_framework
from lms.privacy import erase_account, export_personal_data
from lms.tests.factories import learner as make_learner

pytestmark = pytest.mark.django_db


def take(user, assessment):
    attempt = services.start_attempt(user=user, assessment=assessment)
    data = {"shown": []}
    for row in attempt.items.select_related("version", "item"):
        data["shown"].append(str(row.position))
        if row.item.kind == "single_choice":
            data[f"q{row.position}-choice"] = str(row.presentation["options"].index("a") + 1)
        else:
            data[f"q{row.position}-text"] = "Ghi chú của tôi"
    return services.submit_attempt(attempt_id=attempt.pk, user=user, sequence=0, data=data)


@pytest.fixture
def taken(django_capture_on_commit_callbacks):
    framework = small_framework()
    comp = component(framework, "2.1")
    items = [make_item(comp=comp, level=1) for _ in range(2)]
    task = make_item(kind="practical", body={"mode": "upload"})
    assessment = make_assessment(items=[*items, task], title="Kiểm tra riêng tư", framework=framework)
    learner = make_learner()
    with django_capture_on_commit_callbacks(execute=True):
        attempt = take(learner, assessment)
    row = AttemptItem.objects.get(attempt=attempt, item=task)
    upload = ResponseFile(attempt_item=row, original_name="ảnh.png", content_type="image/png", size=3, sha256="1" * 64)
    upload.file.save("x.png", ContentFile(b"abc"), save=True)
    Confirmation.objects.create(user=learner, target_group="citizen", method="examiner", observed_task="Gửi email")
    take(make_learner(), assessment)  # someone else's
    return learner, attempt, upload


def test_the_download_holds_the_learners_assessment_records(taken):
    learner, attempt, upload = taken
    section = export_personal_data(user=learner)["sections"]["assessments"]
    [exported] = section["attempts"]
    assert exported["assessment"] == "Kiểm tra riêng tư" and exported["status"] == "awaiting_grading"
    assert len(section["answers"]) == 3 and {a["attempt"] for a in section["answers"]} == {attempt.pk}
    practical = next(a for a in section["answers"] if a["kind"] == "practical")
    assert practical["response"]["text"] == "Ghi chú của tôi"
    assert practical["files"] == [
        {
            "name": "ảnh.png",
            "content_type": "image/png",
            "size": 3,
            "sha256": "1" * 64,
            "uploaded_at": upload.uploaded_at.isoformat(),
        }
    ]
    assert len(section["evidence"]) == 2 and section["evidence"][0]["component"] == "2.1"
    assert section["competence_levels"] == [
        {"component": "2.1", "level": 1, "updated_at": section["competence_levels"][0]["updated_at"]}
    ]
    assert [(c["from_level"], c["to_level"]) for c in section["competence_changes"]] == [(0, 1)]
    assert section["confirmations"][0]["observed_task"] == "Gửi email"
    text = json.dumps(section, ensure_ascii=False)
    assert '"credit": 1,' not in text and "Chưa đúng" not in text  # the questions' keys and feedback are not theirs


def test_erasing_the_account_removes_the_uploaded_files(taken, django_capture_on_commit_callbacks):
    learner, _attempt, upload = taken
    storage, name = upload.file.storage, upload.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(user=learner)
    assert not storage.exists(name)
    assert not ResponseFile.objects.filter(pk=upload.pk).exists()

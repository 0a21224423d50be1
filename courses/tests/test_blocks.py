import pytest
from django.core.files.base import ContentFile
from filer.models import File
from wagtail.blocks import StructBlockValidationError

from courses.blocks import DocumentBlock, LessonAudioBlock, LessonVideoBlock

pytestmark = pytest.mark.django_db


def filer_file(name: str) -> File:
    return File.objects.create(original_filename=name, file=ContentFile(b"0" * 16, name=name))


def test_video_needs_a_video_file_and_webvtt_captions():
    block = LessonVideoBlock()
    good = block.to_python(
        {
            "video": filer_file("cai-vneid.mp4").pk,
            "captions": filer_file("cai-vneid.vtt").pk,
            "title": "Cài VNeID",
            "required": True,
        }
    )
    assert block.clean(good)["title"] == "Cài VNeID"
    bad = block.to_python(
        {
            "video": filer_file("cai-vneid.exe").pk,
            "captions": filer_file("phu-de.srt").pk,
            "title": "Cài VNeID",
            "required": True,
        }
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(bad)
    assert set(refused.value.block_errors) == {"video", "captions"}


def test_audio_and_documents_are_checked_by_type():
    with pytest.raises(StructBlockValidationError):
        LessonAudioBlock().clean(LessonAudioBlock().to_python({"audio": filer_file("bai-doc.pdf").pk, "title": "Nghe"}))
    document = DocumentBlock()
    assert document.clean(document.to_python({"document": filer_file("huong-dan.pdf").pk, "label": "Tải"}))
    with pytest.raises(StructBlockValidationError):
        document.clean(document.to_python({"document": filer_file("virus.js").pk, "label": "Tải"}))

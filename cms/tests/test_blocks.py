import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images.blocks import ImageBlock

from cms.blocks import BodyBlock, CallToActionBlock, VideoBlock
from cms.tests.factories import image

pytestmark = pytest.mark.django_db


def test_an_embed_whose_provider_cannot_be_reached_becomes_a_plain_link():
    # this machine has no internet: exactly the offline case
    stream = BodyBlock().to_python([{"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}])
    with translation.override("vi"):
        html = stream.render_as_block()
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Mở nội dung trên trang của nhà cung cấp</a>' in html
    assert "<iframe" not in html


def test_an_image_without_alternative_text_is_refused():
    block = ImageBlock()
    value = block.to_python({"image": image().pk, "decorative": False, "alt_text": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    described = block.to_python({"image": value.pk, "decorative": False, "alt_text": "Bà Hoa đang học"})
    assert block.clean(described).contextual_alt_text == "Bà Hoa đang học"


def _document(name):
    return get_document_model().objects.create(title=name, file=ContentFile(b"data", name=name))


def test_a_video_needs_a_webvtt_captions_file():
    block = VideoBlock()
    video, captions, wrong = _document("lop-hoc.mp4"), _document("lop-hoc.vtt"), _document("lop-hoc.srt")
    good = block.to_python({"video": video.pk, "captions": captions.pk, "title": "Lớp học"})
    block.clean(good)
    with translation.override("vi"), pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"video": video.pk, "captions": wrong.pk, "title": "Lớp học"}))
    assert "Hãy chọn tệp phụ đề WebVTT (.vtt)." in str(caught.value.block_errors["captions"])


def test_a_call_to_action_points_at_a_page_or_an_address(column):
    block = CallToActionBlock()
    block.clean(block.to_python({"text": "Đăng ký học", "page": column["section"].pk, "url": ""}))
    for value in (
        {"text": "Đăng ký", "page": None, "url": ""},
        {"text": "Đăng ký", "page": column["section"].pk, "url": "https://example.vn"},
    ):
        with pytest.raises((StructBlockValidationError, ValidationError)):
            block.clean(block.to_python(value))

"""Pictures in options: a Wagtail image with a text alternative, shown as a small rendition in the question."""

import io
import random

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from PIL import Image as PILImage
from wagtail.images import get_image_model

from assessments.item_types import ITEM_TYPES

pytestmark = pytest.mark.django_db


def image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), (20, 90, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(title="Màn hình VNeID", file=ImageFile(buffer, name="vneid.png"))


def body(**first_option):
    return {
        "options": [
            {"key": "a", "text": "Ảnh thật", "credit": 1, **first_option},
            {"key": "b", "text": "Ảnh giả", "credit": 0},
        ]
    }


@pytest.mark.parametrize("kind", ["single_choice", "multiple_response"])
def test_an_option_picture_needs_words_for_people_who_cannot_see_it(kind):
    picture = image()
    data = body(image=picture.pk)
    if kind == "multiple_response":
        data["options"][0]["correct"] = True
        data["options"][0].pop("credit")
        data["options"][1].pop("credit")
    with pytest.raises(ValidationError):
        ITEM_TYPES[kind].clean_body(data)
    data["options"][0]["image_alt"] = "Ảnh chụp màn hình ứng dụng VNeID"
    cleaned = ITEM_TYPES[kind].clean_body(data)
    assert cleaned["options"][0]["image"] == picture.pk
    item_type = ITEM_TYPES[kind]
    presentation = item_type.present(cleaned, random.Random(1))
    public = item_type.public(cleaned, presentation)
    shown = next(option for option in public["options"] if option["text"] == "Ảnh thật")
    assert shown["image"] == picture.pk
    html = render_to_string(item_type.template, {"item": public, "prefix": "q1-", "response": None})
    assert '<img class="question-image"' in html and 'alt="Ảnh chụp màn hình ứng dụng VNeID"' in html
    assert ".webp" in html


def test_a_picture_that_is_not_an_image_id_is_refused():
    with pytest.raises(ValidationError):
        ITEM_TYPES["single_choice"].clean_body(body(image="http://evil.example/x.png", image_alt="x"))

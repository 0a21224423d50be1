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


def test_the_editor_attaches_a_picture_to_an_option(client):
    from django.urls import reverse

    from assessments.models import Item
    from assessments.tests.factories import category
    from assessments.tests.test_editing import item_post
    from lms.roles import Role
    from lms.tests.factories import staff

    editor = staff(Role.EDITOR)
    client.force_login(editor)
    picture = image()
    options = [
        {"text": "Ảnh thật", "credit": "1", "image": str(picture.pk), "image_alt": "Ảnh màn hình VNeID thật"},
        {"text": "Ảnh giả", "credit": "0"},
    ]
    add = reverse("hocvuso_items:add_kind", args=["single_choice"])
    page = client.get(add)
    assert b"chooser" in page.content.lower()  # Wagtail's image chooser, not a bare id box
    response = client.post(add, item_post(category(), settings={"shuffle": "on"}, lists={"options": options}))
    assert response.status_code == 302, response.content.decode()[:2000]
    option = Item.objects.get().current_version.body["options"][0]
    assert (option["image"], option["image_alt"]) == (picture.pk, "Ảnh màn hình VNeID thật")
    options[0]["image_alt"] = ""
    refused = client.post(add, item_post(category(), title="Lần hai", lists={"options": options}))
    assert refused.status_code == 400 and Item.objects.count() == 1  # the form again, with the reason


def test_a_question_with_a_sound_plays_it_on_the_attempt_page_in_the_same_queries(client, django_assert_num_queries):
    from django.core.files.base import ContentFile
    from django.urls import reverse
    from filer.models import File

    from assessments import services
    from assessments.tests.factories import make_assessment, make_item
    from lms.tests.factories import learner

    sound = File.objects.create(
        file=ContentFile(b"ID3" + b"\0" * 64, name="cau-hoi.mp3"), original_filename="cau-hoi.mp3"
    )
    items = [make_item() for _ in range(3)]
    for item in items:
        item.current_version.stem_audio = sound
        item.current_version.save()
    person = learner()
    attempt = services.start_attempt(user=person, assessment=make_assessment(items=items))
    client.force_login(person)
    url = reverse("assessments:attempt", args=[attempt.pk])
    client.get(url)
    with django_assert_num_queries(3):
        page = client.get(url)
    assert page.content.decode().count("<audio controls") == 3

"""The Wagtail admin's "Try out" page of an H5P activity."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from media.api import build_quiz_package
from media.services import store_h5p_package
from media.tokens import user_id_from_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    data = build_quiz_package(
        title="Nhận biết lừa đảo",
        questions=[{"question": "Người lạ xin mã OTP. Bạn làm gì?", "answers": ["Đọc mã", "Không đọc"], "correct": 1}],
    )
    return store_h5p_package(upload=SimpleUploadedFile("quiz.h5p", data))[0]


def preview_url(package) -> str:
    return f"/quan-tri/h5p/preview/{package.pk}/"


def test_staff_who_may_change_packages_try_one_out(client, quiz):
    from lms.roles import Role
    from lms.tests.factories import staff

    editor = staff(Role.EDITOR)
    client.force_login(editor)
    # offered on the edit page and in the list
    assert f'href="{preview_url(quiz)}"' in client.get(f"/quan-tri/h5p/edit/{quiz.pk}/").text
    assert f'href="{preview_url(quiz)}"' in client.get("/quan-tri/h5p/").text

    response = client.get(preview_url(quiz))
    assert response.status_code == 200
    iframe = re.search(r"<iframe [^>]*data-h5p-frame[^>]*>", response.text)[0]
    assert 'sandbox="allow-scripts"' in iframe
    assert 'title="' in iframe
    src = re.search(r'src="([^"]+)"', iframe)[1]
    sha256, token = re.fullmatch(r"/hoc-lieu/h5p/([0-9a-f]{64})/choi/([^/]+)/", src).groups()
    assert sha256 == quiz.sha256
    assert user_id_from_token(token, sha256=sha256) == editor.pk  # minted for the editor
    assert Client().get(src).status_code == 200  # and it plays in a frame that carries no cookie
    # where the frame's statements are listed, with the script that lists them
    assert 'id="h5p-preview-statements"' in response.text
    assert "/static/media/h5p_preview.js" in response.text


def test_nobody_else_gets_the_try_out(client, quiz):
    from lms.roles import Role
    from lms.tests.factories import learner, staff

    anonymous = client.get(preview_url(quiz))
    assert anonymous.status_code == 302 and "/quan-tri/login/" in anonymous["Location"]

    client.force_login(learner())  # learners never reach the admin
    refused = client.get(preview_url(quiz))
    assert refused.status_code == 302 and refused["Location"].startswith("/quan-tri/login/")

    client.force_login(staff(Role.EXAMINER))  # in the admin, but may not change packages: Wagtail's "no permission"
    refused = client.get(preview_url(quiz))
    assert refused.status_code == 302 and refused["Location"] == "/quan-tri/"

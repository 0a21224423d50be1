import json

import pytest
from django.urls import reverse

from lms.models import ConsentRecord, LearnerProfile, PersonalDataEvent, User
from lms.privacy import pseudonym
from lms.tests.factories import PASSWORD, LearnerProfileFactory

pytestmark = pytest.mark.django_db
URL = reverse("lms:my_data")


def test_my_data_needs_sign_in(client):
    assert client.get(URL)["Location"].startswith(reverse("lms:sign_in"))


def test_download_holds_my_data_only_and_is_audited(client):
    mine = LearnerProfileFactory(full_name="Hoàng Thị Mai", accessibility_needs=["hearing"])
    LearnerProfileFactory(full_name="Người Khác")
    client.force_login(mine.user)
    response = client.post(URL, {"action": "download"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="du-lieu-cua-toi.json"'
    data = json.loads(response.content)
    assert data["sections"]["profile"]["full_name"] == "Hoàng Thị Mai"
    assert data["sections"]["profile"]["accessibility_needs"] == ["hearing"]
    assert data["sections"]["account"]["email"] == mine.user.email
    assert "Người Khác" not in response.content.decode()
    event = PersonalDataEvent.objects.get()
    assert (event.kind, event.subject, event.actor) == ("export", pseudonym(mine.user.pk), mine.user)


def test_erasure_needs_the_password_and_a_tick(client):
    profile = LearnerProfileFactory()
    client.force_login(profile.user)
    response = client.post(URL, {"action": "erase", "password": "sai-roi-2026", "confirm": "on"})
    assert response.status_code == 400
    assert "Mật khẩu chưa đúng." in response.content.decode()
    response = client.post(URL, {"action": "erase", "password": PASSWORD})
    assert response.status_code == 400
    assert User.objects.filter(pk=profile.user.pk).exists()
    assert not PersonalDataEvent.objects.exists()


def test_erasure_deletes_the_account_and_leaves_only_a_pseudonymous_record(client, home_page):
    profile = LearnerProfileFactory(full_name="Hoàng Thị Mai")
    other = LearnerProfileFactory()
    user_id = profile.user.pk
    client.force_login(profile.user)
    response = client.post(URL, {"action": "erase", "password": PASSWORD, "confirm": "on"}, follow=True)
    assert "Đã xóa tài khoản và toàn bộ dữ liệu của bạn." in response.content.decode()
    assert not User.objects.filter(pk=user_id).exists()
    assert not LearnerProfile.objects.filter(full_name="Hoàng Thị Mai").exists()
    assert not ConsentRecord.objects.filter(user_id=user_id).exists()
    assert "_auth_user_id" not in client.session
    event = PersonalDataEvent.objects.get()
    assert (event.kind, event.subject, event.actor) == ("erasure", pseudonym(user_id), None)
    assert "Mai" not in str(event)
    assert LearnerProfile.objects.filter(pk=other.pk).exists()

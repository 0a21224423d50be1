import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from lms.models import ConsentPurpose, ConsentRecord, LearnerProfile, TargetGroup, User
from lms.roles import Role
from lms.tests.factories import ResidentialGroupFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("lms:sign_up")


@pytest.fixture
def residential_group():
    return ResidentialGroupFactory(ward__name="Phường Ba Đình", name="Tổ dân phố số 3")


def form_data(group, **overrides):
    data = {
        "full_name": "  Hoàng   Thị Mai ",
        "identifier": "0912 345 678",
        "date_of_birth": "1958-03-08",
        "target_group": TargetGroup.CITIZEN,
        "ward": group.ward_id,
        "residential_group": group.pk,
        "organisation": "",
        "accessibility_needs": [],
        "password1": "hoa-sen-trong-dam-2026",
        "password2": "hoa-sen-trong-dam-2026",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_sign_up_page_is_vietnamese(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi"' in html
    assert "<h1>Tạo tài khoản</h1>" in html
    assert "Email hoặc số điện thoại di động" in html
    assert "Tổ dân phố" in html


def test_sign_up_with_phone_creates_learner_profile_role_and_consent(client, residential_group):
    response = client.post(URL, form_data(residential_group))
    assert response.status_code == 302
    user = User.objects.get(phone="0912345678")
    assert user.email == ""
    assert user.check_password("hoa-sen-trong-dam-2026")
    assert list(user.groups.values_list("name", flat=True)) == [Role.LEARNER]
    profile = user.learner_profile
    assert profile.full_name == "Hoàng Thị Mai"
    assert profile.date_of_birth == datetime.date(1958, 3, 8)
    assert profile.ward == residential_group.ward
    assert profile.residential_group == residential_group
    consent = ConsentRecord.objects.get(user=user)
    assert consent.purpose == ConsentPurpose.ACCOUNT
    # signed in straight away, with a welcome in Vietnamese
    page = client.get("/tai-khoan/ho-so/")
    assert page.status_code == 200
    assert "Hoàng Thị Mai" in page.content.decode()


def test_accessibility_needs_are_kept_with_their_own_consent(client, residential_group):
    client.post(URL, form_data(residential_group, identifier="mai@example.vn", accessibility_needs=["hearing"]))
    user = User.objects.get(email="mai@example.vn")
    assert user.learner_profile.accessibility_needs == ["hearing"]
    assert set(user.consents.values_list("purpose", flat=True)) == {"account", "accessibility"}


def test_residential_group_alone_fills_in_its_ward(client, residential_group):
    client.post(URL, form_data(residential_group, ward=""))
    assert User.objects.get(phone="0912345678").learner_profile.ward == residential_group.ward


def _errors(response):
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"identifier": "0123"}, "identifier", "Số điện thoại chưa đúng"),
        ({"identifier": "mai@@example"}, "identifier", "Địa chỉ email chưa đúng"),
        ({"identifier": ""}, "identifier", "Trường này là bắt buộc."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", "Mật khẩu này"),
        ({"password1": "abc", "password2": "abc"}, "password1", "Mật khẩu này quá ngắn"),
        ({"password2": "khac-han-2026"}, "password2", "Hai mật khẩu không giống nhau."),
        ({"consent": None}, "consent", "Hãy đánh dấu ô này để tạo tài khoản."),
        ({"full_name": " "}, "full_name", "Trường này là bắt buộc."),
    ],
)
def test_bad_input_gets_a_vietnamese_message_beside_the_field_and_creates_nothing(
    client, residential_group, overrides, field, message
):
    response = client.post(URL, form_data(residential_group, **overrides))
    assert response.status_code == 400
    assert any(message in error for error in _errors(response)[field]), _errors(response)
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html or field == "consent" or field == "full_name"
    assert User.objects.count() == 0
    assert LearnerProfile.objects.count() == 0


def test_birth_date_in_the_future_is_refused(client, residential_group):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(URL, form_data(residential_group, date_of_birth=tomorrow.isoformat()))
    assert response.status_code == 400
    assert _errors(response)["date_of_birth"] == ["Ngày sinh không thể ở tương lai."]
    assert not User.objects.exists()


def test_vietnamese_date_format_is_accepted(client, residential_group):
    response = client.post(URL, form_data(residential_group, date_of_birth="08/03/1958"))
    assert response.status_code == 302
    assert User.objects.get().learner_profile.date_of_birth == datetime.date(1958, 3, 8)


def test_residential_group_of_another_ward_is_refused(client, residential_group):
    elsewhere = ResidentialGroupFactory()
    response = client.post(URL, form_data(residential_group, residential_group=elsewhere.pk))
    assert _errors(response)["residential_group"] == ["Tổ dân phố này không thuộc phường đã chọn."]
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("existing", "identifier", "message"),
    [
        ({"phone": "0912345678", "email": ""}, "+84 912 345 678", "Đã có tài khoản dùng số điện thoại này."),
        ({"email": "Mai@Example.vn"}, "mai@example.VN", "Đã có tài khoản dùng email này."),
    ],
)
def test_duplicate_account_is_refused(client, residential_group, existing, identifier, message):
    UserFactory(**existing)
    response = client.post(URL, form_data(residential_group, identifier=identifier))
    assert response.status_code == 400
    assert message in _errors(response)["identifier"][0]
    assert User.objects.count() == 1


def test_database_refuses_a_duplicate_even_past_the_form(residential_group):
    from django.db import IntegrityError, transaction

    UserFactory(email="mai@example.vn")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="MAI@example.vn")
    UserFactory(phone="0912345678", email="")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(phone="0912345678")


def test_many_accounts_without_email_or_phone_do_not_collide():
    User.objects.create(email="", phone="")
    User.objects.create(email="", phone="")
    assert User.objects.count() == 2


def test_signed_in_people_are_sent_to_their_profile(client):
    client.force_login(UserFactory())
    assert client.get(URL)["Location"] == reverse("lms:profile")


def test_learner_group_comes_from_the_data_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}

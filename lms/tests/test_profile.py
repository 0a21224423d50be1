import pytest
from django.urls import reverse

from lms.models import ConsentRecord
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("lms:profile")


def test_profile_needs_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("lms:sign_in"))


def _post(client, profile, **changes):
    data = {
        "full_name": profile.full_name,
        "date_of_birth": profile.date_of_birth.isoformat(),
        "target_group": profile.target_group,
        "ward": profile.ward_id,
        "residential_group": profile.residential_group_id,
        "organisation": "",
        "accessibility_notes": "",
        "preferred_text_size": "normal",
    }
    data.update(changes)
    return client.post(URL, {key: value for key, value in data.items() if value is not None})


def test_learner_edits_only_their_own_profile(client):
    mine, other = LearnerProfileFactory(), LearnerProfileFactory(full_name="Người Khác")
    client.force_login(mine.user)
    page = client.get(URL).content.decode()
    assert mine.full_name in page
    assert "Người Khác" not in page
    response = _post(client, mine, full_name="Hoàng Thị Mai", preferred_text_size="large")
    assert response.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.full_name, mine.preferred_text_size) == ("Hoàng Thị Mai", "large")
    assert other.full_name == "Người Khác"
    assert response.cookies["hocvuso_text_size"].value == "large"


def test_profile_refuses_a_group_of_another_ward_and_keeps_the_old_value(client):
    profile = LearnerProfileFactory()
    client.force_login(profile.user)
    elsewhere = ResidentialGroupFactory()
    response = _post(client, profile, residential_group=elsewhere.pk)
    assert response.status_code == 400
    assert "Tổ dân phố này không thuộc phường đã chọn." in response.content.decode()
    profile.refresh_from_db()
    assert profile.residential_group_id != elsewhere.pk


def test_giving_then_clearing_accessibility_needs_gives_then_withdraws_consent(client):
    profile = LearnerProfileFactory()
    client.force_login(profile.user)
    _post(client, profile, accessibility_needs=["reading"])
    assert ConsentRecord.objects.get(user=profile.user, purpose="accessibility").withdrawn_at is None
    _post(client, profile)
    profile.refresh_from_db()
    assert profile.accessibility_needs == []
    assert ConsentRecord.objects.get(user=profile.user, purpose="accessibility").withdrawn_at is not None


def test_staff_without_a_learner_profile_get_a_plain_404(client):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 404
    assert "không có hồ sơ người học" in response.content.decode()

"""Staff screens in the Wagtail admin: achievements, the register with its filters and search, revoking with a
reason and re-issuing through the services, and who may do what."""

import pytest

from certificates import services
from certificates.models import Achievement, IssuedCredential
from certificates.tests import factories
from certificates.tests.factories import examiner, learner
from certificates.tests.test_export import issue_many, learner_in, ward_admin_of
from lms.roles import Role
from lms.tests.factories import UserFactory, WardFactory

issuer_keys = factories.issuer_keys  # the fixture, used by name

pytestmark = pytest.mark.django_db

INDEX = "/quan-tri/chung-nhan/"


def detail(credential):
    return f"/quan-tri/chung-nhan/{credential.pk}/"


def test_the_register_lists_filters_and_searches_without_diacritics(client, issuer_keys):
    ward, other = WardFactory(name="Phường Ba Đình"), WardFactory(name="Phường Hoàn Kiếm")
    hoa, binh = learner_in(ward, "Nguyễn Thị Hoà"), learner_in(other, "Trần Văn Bình")
    first, second = issue_many([hoa, binh], name="Thành tích một")
    client.force_login(examiner())
    page = client.get(INDEX).content.decode()
    assert first.serial in page and second.serial in page
    page = client.get(INDEX, {"q": "tran van binh"}).content.decode()
    assert second.serial in page and first.serial not in page
    page = client.get(INDEX, {"q": first.serial}).content.decode()
    assert first.serial in page and second.serial not in page
    page = client.get(INDEX, {"ward": str(ward.pk)}).content.decode()
    assert first.serial in page and second.serial not in page
    services.revoke(second, by=examiner(), reason="Sai")
    page = client.get(INDEX, {"status": "revoked"}).content.decode()
    assert second.serial in page and first.serial not in page
    page = client.get(INDEX, {"achievement": str(first.achievement_id)}).content.decode()
    assert first.serial in page


def test_a_ward_administrator_sees_only_their_wards_certificates(client, issuer_keys):
    mine, other = WardFactory(), WardFactory()
    own, foreign = issue_many([learner_in(mine, "Hoàng Thị Mai"), learner_in(other, "Đỗ Văn Hùng")])
    client.force_login(ward_admin_of(mine))
    page = client.get(INDEX).content.decode()
    assert own.serial in page and foreign.serial not in page
    assert client.get(detail(foreign)).status_code == 404
    response = client.post(f"{detail(foreign)}thu-hoi/", {"revoke-reason": "Thử"})
    assert response.status_code == 404
    assert not IssuedCredential.objects.get(pk=foreign.pk).revoked


def test_revoke_needs_a_reason_and_goes_through_the_services(client, issuer_keys):
    [credential] = issue_many([learner()])
    staff = examiner()
    client.force_login(staff)
    response = client.post(f"{detail(credential)}thu-hoi/", {"revoke-reason": "   "})
    assert response.status_code == 400
    assert not IssuedCredential.objects.get(pk=credential.pk).revoked
    response = client.post(f"{detail(credential)}thu-hoi/", {"revoke-reason": "Cấp nhầm người"})
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.revoked and credential.revoke_reason == "Cấp nhầm người" and credential.revoked_by == staff
    assert credential.events.filter(kind="revoked", actor=staff).exists()
    assert "Cấp nhầm người" in client.get(detail(credential)).content.decode()


def test_reissue_links_a_new_serial_to_the_old_one(client, issuer_keys):
    [old] = issue_many([learner()])
    client.force_login(examiner())
    response = client.post(f"{detail(old)}cap-lai/", {"reissue-reason": "Sửa tên theo CCCD"})
    new = IssuedCredential.objects.get(replaces=old)
    assert response.status_code == 302 and response["Location"] == detail(new)
    old.refresh_from_db()
    assert old.revoked and new.signed and new.serial != old.serial
    assert old.serial in client.get(detail(new)).content.decode()


def test_people_without_the_permission_get_nothing(client, issuer_keys):
    [credential] = issue_many([learner()])
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(f"{detail(credential)}thu-hoi/", {"revoke-reason": "x"}).status_code in (302, 403)
    assert not IssuedCredential.objects.get(pk=credential.pk).revoked
    client.force_login(learner())
    assert client.get(INDEX).status_code == 302  # no admin access at all


def test_staff_download_the_pdf(client, issuer_keys):
    [credential] = issue_many([learner()])
    client.force_login(examiner())
    response = client.get(f"{detail(credential)}pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_an_achievement_is_created_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/quan-tri/chung-nhan/thanh-tich/new/").status_code == 200
    response = client.post(
        "/quan-tri/chung-nhan/thanh-tich/new/",
        {
            "kind": "digital_skills",
            "target_group": "citizen",
            "name": "Phổ cập kỹ năng số — người dân",
            "wording": "đã đạt chuẩn phổ cập kỹ năng số",
            "criteria": "Được giám khảo xác nhận.",
            "issuer_name": "Ủy ban nhân dân phường Ba Đình",
            "issuer_place": "Hà Nội",
            "signer_name": "Nguyễn Văn An",
            "signer_title": "CHỦ TỊCH",
            "validity_months": "60",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Achievement.objects.get(name="Phổ cập kỹ năng số — người dân")
    assert made.validity_months == 60 and made.signer_name == "Nguyễn Văn An"
    edit = client.get(f"/quan-tri/chung-nhan/thanh-tich/edit/{made.pk}/").content.decode()
    assert 'name="seal"' in edit  # the image chooser


@pytest.mark.parametrize("count", [1, 10])
def test_the_register_in_constant_queries(client, issuer_keys, django_assert_num_queries, count):
    ward = WardFactory()
    issue_many([learner_in(ward, f"Người {number}") for number in range(count)])
    client.force_login(ward_admin_of(ward))
    client.get(INDEX)
    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get(INDEX)
    assert response.status_code == 200


# the same for 1 and 10 certificates: the admin frame (account, roles, menus, permissions), the filters' choices,
# the count and the page of certificates with their achievements, holders and wards
REGISTER_QUERIES = 14

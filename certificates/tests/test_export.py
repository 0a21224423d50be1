"""The XLSX register: what it holds, formulas kept out, a ward administrator's own ward only, constant queries."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from certificates import export, services
from certificates.models import Achievement
from certificates.staff.selectors import visible_credentials
from certificates.tests import factories
from certificates.tests.factories import achievement, examiner, learner
from lms.roles import Role
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory, WardFactory

issuer_keys = factories.issuer_keys  # the fixture, used by name

pytestmark = pytest.mark.django_db

EXPORT_URL = "/quan-tri/chung-nhan/xuat-xlsx/"


def ward_admin_of(ward):
    user = UserFactory(roles=[Role.WARD_ADMIN])
    LearnerProfileFactory(user=user, residential_group=ResidentialGroupFactory(ward=ward), full_name="Lê Thị Lan")
    return user


def learner_in(ward, name):
    return learner(full_name=name, residential_group=ResidentialGroupFactory(ward=ward))


def issue_many(users, **fields):
    made = achievement(**fields)
    credentials = [services.issue(user.pk, made.pk) for user in users]
    Achievement.objects.filter(pk=made.pk).update(active=False)  # the next achievement may take the group
    return credentials


def rows_of(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_register_has_a_row_per_certificate(issuer_keys):
    ward = WardFactory(name="Phường Ba Đình")
    mai = learner_in(ward, "Hoàng Thị Mai")
    [credential] = issue_many([mai], name="Phổ cập kỹ năng số — người dân")
    services.revoke(credential, by=examiner(), reason="Cấp nhầm")
    buffer = io.BytesIO()
    with translation.override("en"):
        assert export.write_register(visible_credentials(examiner()), buffer) == 1
    header, row = rows_of(buffer.getvalue())
    assert header[0] == "Serial number" and len(header) == 12
    assert row[0] == credential.serial
    assert row[1] == "Hoàng Thị Mai"
    assert row[2].date() == credential.holder_birth_date
    assert row[3] == "Phường Ba Đình"
    assert row[4] == "Phổ cập kỹ năng số — người dân"
    assert row[7] == "revoked"
    assert row[9] == "Cấp nhầm"


def test_text_starting_with_equals_is_not_a_formula(issuer_keys):
    issue_many([learner(full_name='=HYPERLINK("http://evil.example","x")')])
    buffer = io.BytesIO()
    export.write_register(visible_credentials(examiner()), buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].value.startswith("=HYPERLINK")


def test_a_ward_administrator_exports_only_their_wards_learners(client, issuer_keys):
    mine, other = WardFactory(name="Phường Ba Đình"), WardFactory(name="Phường Hoàn Kiếm")
    ours = learner_in(mine, "Hoàng Thị Mai")
    theirs = learner_in(other, "Đỗ Văn Hùng")
    own_credential, _other = issue_many([ours, theirs])
    client.force_login(ward_admin_of(mine))
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == export.CONTENT_TYPE
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    serials = [row[0] for row in rows_of(b"".join(response.streaming_content))[1:]]
    assert serials == [own_credential.serial]


def test_the_export_follows_the_lists_filters_and_search(client, issuer_keys):
    ward = WardFactory()
    hoa, binh = learner_in(ward, "Nguyễn Thị Hoà"), learner_in(ward, "Trần Văn Bình")
    issue_many([hoa, binh])
    client.force_login(examiner())
    response = client.get(EXPORT_URL, {"q": "nguyen thi hoa"})
    names = [row[1] for row in rows_of(b"".join(response.streaming_content))[1:]]
    assert names == ["Nguyễn Thị Hoà"]


def test_a_learner_or_an_editor_cannot_export(client, issuer_keys):
    issue_many([learner()])
    client.force_login(UserFactory(roles=[Role.EDITOR]))
    response = client.get(EXPORT_URL)
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != export.CONTENT_TYPE


@pytest.mark.parametrize("count", [1, 10])
def test_export_queries_do_not_grow(client, issuer_keys, django_assert_num_queries, count):
    ward = WardFactory()
    issue_many([learner_in(ward, f"Người {number}") for number in range(count)])
    admin = ward_admin_of(ward)
    client.force_login(admin)
    client.get(EXPORT_URL)
    with django_assert_num_queries(EXPORT_QUERIES):
        response = client.get(EXPORT_URL)
    assert len(rows_of(b"".join(response.streaming_content))) == count + 1


# the session's account, its roles and permissions (the admin's check and ours), the ward administrator's
# profile, the register in one query: the same for 1 and 10 certificates
EXPORT_QUERIES = 7

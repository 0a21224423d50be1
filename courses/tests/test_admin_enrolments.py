"""Enrolments in the Wagtail admin: only ward administrators (their own ward) and superusers, approval by POST,
the upload from end to end, and a list whose query count does not grow with its rows."""

import importlib
import io

import openpyxl
import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from courses.bulk_enrolment import _not_utf8
from courses.models import Enrolment
from courses.tests.factories import make_course
from lms.roles import Role
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory, learner, staff

pytestmark = pytest.mark.django_db

ADMIN = "/quan-tri/"
LIST = f"{ADMIN}ghi-danh/"
UPLOAD = f"{ADMIN}ghi-danh-tu-tep/"


def vi(text: str) -> str:
    """What the admin shows for an English source string (Vietnamese is the admin's language)."""
    with translation.override("vi"):
        return translation.gettext(text)


def refused(response) -> bool:
    """The Wagtail admin answers "no" with a 403 or by sending the person back to the admin's home page."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == ADMIN)


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def ward(db):
    group = ResidentialGroupFactory()
    admin = LearnerProfileFactory(residential_group=group, user=staff(Role.WARD_ADMIN)).user
    return group, admin


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Dùng Zalo an toàn", modules=1, lessons_per_module=1, enrolment_mode="approval")


def neighbour(group, name, **account):
    return LearnerProfileFactory(
        full_name=name, residential_group=group, **{f"user__{key}": value for key, value in account.items()}
    ).user


# --- who gets in ------------------------------------------------------------------------------------------------


def test_the_ward_administrators_group_holds_the_permission_and_the_migration_reverses():
    migration = importlib.import_module("courses.migrations.0002_enrolment_permission")
    ward_admins = Group.objects.get(name=Role.WARD_ADMIN)
    assert ward_admins.permissions.filter(codename="manage_enrolments").exists()
    for role in (Role.EDITOR, Role.EXAMINER, Role.LEARNER, Role.MENTOR):
        assert not Group.objects.get(name=role).permissions.filter(codename="manage_enrolments").exists()
    migration.revoke(django_apps, None)
    assert not ward_admins.permissions.filter(codename="manage_enrolments").exists()
    assert Permission.objects.filter(codename="manage_enrolments").exists()
    migration.grant(django_apps, None)
    assert ward_admins.permissions.filter(codename="manage_enrolments").exists()


def test_the_menu_shows_enrolments_to_ward_administrators_only(ward):
    _group, admin = ward
    menu = signed_in(admin).get(ADMIN).content.decode()
    assert f'"{UPLOAD}"' in menu and f'"{LIST}"' in menu
    editor_menu = signed_in(staff(Role.EDITOR)).get(ADMIN).content.decode()
    assert UPLOAD not in editor_menu and LIST not in editor_menu


@pytest.mark.parametrize("role", [Role.EDITOR, Role.EXAMINER])
def test_other_staff_are_refused_every_screen(role, ward, course):
    group, _admin = ward
    pending = Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course, status="pending")
    client = signed_in(staff(role))
    for url in (LIST, f"{LIST}ket-qua/", UPLOAD, f"{UPLOAD}mau.csv"):
        assert refused(client.get(url)), url
    assert refused(client.post(UPLOAD, {"course": course.pk}))
    assert refused(client.post(f"{LIST}{pending.pk}/duyet/"))
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.PENDING


def test_a_learner_never_reaches_the_screens(ward, course):
    client = signed_in(learner())
    for url in (LIST, UPLOAD):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert response.get("Location") != url
    anonymous = Client().get(LIST)
    assert anonymous.status_code == 302
    assert "/quan-tri/login/" in anonymous["Location"]


# --- the list -------------------------------------------------------------------------------------------------------


def test_a_ward_administrator_sees_only_their_own_wards_enrolments(ward, course):
    group, admin = ward
    Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course)
    Enrolment.objects.create(user=LearnerProfileFactory(full_name="Lý Văn Xa").user, course=course)
    listing = signed_in(admin).get(LIST)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Đỗ Thị Hường" in html
    assert "Lý Văn Xa" not in html
    assert "Lý Văn Xa" in signed_in(UserFactory(is_superuser=True, is_staff=True)).get(LIST).content.decode()


def test_a_ward_administrator_without_a_ward_sees_no_enrolment(ward, course):
    group, _admin = ward
    Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course)
    assert "Đỗ Thị Hường" not in signed_in(staff(Role.WARD_ADMIN)).get(LIST).content.decode()


def test_the_list_filters_by_course_and_status_and_finds_names_typed_without_diacritics(ward, course, catalog):
    group, admin = ward
    other_course = make_course(catalog, title="Dịch vụ công trực tuyến", modules=1, lessons_per_module=1)
    Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course, status="pending")
    Enrolment.objects.create(user=neighbour(group, "Nguyễn Văn Nam"), course=course, status="active")
    Enrolment.objects.create(user=neighbour(group, "Trần Thị Bình"), course=other_course, status="pending")
    client = signed_in(admin)

    def names(url):
        html = client.get(url).content.decode()
        return {name for name in ("Đỗ Thị Hường", "Nguyễn Văn Nam", "Trần Thị Bình") if name in html}

    assert names(LIST) == {"Đỗ Thị Hường", "Nguyễn Văn Nam", "Trần Thị Bình"}
    assert names(f"{LIST}?course={course.pk}") == {"Đỗ Thị Hường", "Nguyễn Văn Nam"}
    assert names(f"{LIST}?status=pending") == {"Đỗ Thị Hường", "Trần Thị Bình"}
    assert names(f"{LIST}?course={course.pk}&status=pending") == {"Đỗ Thị Hường"}
    assert names(f"{LIST}ket-qua/?q=do+thi+huong") == {"Đỗ Thị Hường"}
    assert names(f"{LIST}ket-qua/?q=THỊ") == {"Đỗ Thị Hường", "Trần Thị Bình"}


def test_the_list_is_paginated(ward, course):
    group, admin = ward
    for number in range(25):
        Enrolment.objects.create(user=neighbour(group, f"Học viên số {number:02d}"), course=course)
    client = signed_in(admin)
    first, second = client.get(LIST).content.decode(), client.get(f"{LIST}?p=2").content.decode()
    on_first = {number for number in range(25) if f"Học viên số {number:02d}" in first}
    on_second = {number for number in range(25) if f"Học viên số {number:02d}" in second}
    assert len(on_first) == 20 and len(on_second) == 5
    assert not on_first & on_second


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    return len(queries)


def test_the_lists_query_count_does_not_grow_with_its_rows(ward, course):
    group, admin = ward
    client = signed_in(admin)

    def add(count, start):
        for number in range(start, start + count):
            status = "pending" if number % 2 else "active"
            Enrolment.objects.create(user=neighbour(group, f"Người {number}"), course=course, status=status)

    add(5, 0)
    client.get(LIST)  # warm the caches a first request fills
    with_5 = _list_queries(client)
    add(45, 5)
    with_50 = _list_queries(client)
    assert with_5 == with_50
    assert with_5 <= 20


# --- approving ------------------------------------------------------------------------------------------------------


def test_approving_a_pending_enrolment_opens_the_course(ward, course):
    group, admin = ward
    pending = Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course, status="pending")
    client = signed_in(admin)
    listing = client.get(f"{LIST}?status=pending").content.decode()
    assert f'action="{LIST}{pending.pk}/duyet/"' in listing
    response = client.post(f"{LIST}{pending.pk}/duyet/", {"next": f"{LIST}?status=pending"})
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status=pending"
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.ACTIVE
    assert pending.enrolled_by == admin
    assert f'action="{LIST}{pending.pk}/duyet/"' not in client.get(LIST).content.decode()


def test_approving_is_post_only_with_the_csrf_token(ward, course):
    group, admin = ward
    pending = Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course, status="pending")
    url = f"{LIST}{pending.pk}/duyet/"
    assert signed_in(admin).get(url).status_code == 405
    assert signed_in(admin, enforce_csrf_checks=True).post(url).status_code == 403
    pending.refresh_from_db()
    assert pending.status == Enrolment.Status.PENDING


def test_a_ward_administrator_cannot_approve_another_wards_enrolment(ward, course):
    _group, admin = ward
    stranger = Enrolment.objects.create(user=LearnerProfileFactory().user, course=course, status="pending")
    assert signed_in(admin).post(f"{LIST}{stranger.pk}/duyet/").status_code == 404
    stranger.refresh_from_db()
    assert stranger.status == Enrolment.Status.PENDING


def test_approving_an_enrolment_that_is_not_pending_changes_nothing(ward, course):
    group, admin = ward
    withdrawn = Enrolment.objects.create(user=neighbour(group, "Đỗ Thị Hường"), course=course, status="withdrawn")
    assert signed_in(admin).post(f"{LIST}{withdrawn.pk}/duyet/").status_code == 302
    withdrawn.refresh_from_db()
    assert withdrawn.status == Enrolment.Status.WITHDRAWN


# --- uploading ------------------------------------------------------------------------------------------------------


def test_uploading_a_list_through_the_admin_enrols_it(ward, course, catalog):
    group, admin = ward
    huong = neighbour(group, "Đỗ Thị Hường", email="huong@example.vn")
    nam = neighbour(group, "Nguyễn Văn Nam", email="", phone="0912345678")
    draft = make_course(catalog, title="Khóa học chưa xuất bản", modules=1, lessons_per_module=1)
    draft.unpublish()
    client = signed_in(admin)
    form = client.get(UPLOAD).content.decode()
    assert 'enctype="multipart/form-data"' in form
    assert "Dùng Zalo an toàn" in form
    assert "Khóa học chưa xuất bản" not in form
    upload = SimpleUploadedFile(
        "danh-sach.csv", "Email hoặc số điện thoại;Họ và tên\nhuong@example.vn;Đỗ Thị Hường\n912345678;\n".encode()
    )
    response = client.post(UPLOAD, {"course": course.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="bulk-enrolment-report"' in html
    assert f"{LIST}?course={course.pk}" in html
    assert set(Enrolment.objects.filter(course=course, status="active").values_list("user_id", flat=True)) == {
        huong.pk,
        nam.pk,
    }
    refused = client.post(
        UPLOAD, {"course": draft.pk, "file": SimpleUploadedFile("a.csv", b"Email\nhuong@example.vn\n")}
    )
    assert refused.status_code == 200
    assert not Enrolment.objects.filter(course=draft).exists()


def test_uploading_a_list_with_wrong_rows_shows_them_and_enrols_nobody(ward, course):
    group, admin = ward
    neighbour(group, "Đỗ Thị Hường", email="huong@example.vn")
    LearnerProfileFactory(full_name="Lý Văn Xa", user__email="xa@example.vn")
    workbook = openpyxl.Workbook()
    for row in [("Email hoặc số điện thoại", "Họ và tên"), ("huong@example.vn", "Đỗ Thị Hường"), ("xa@example.vn",)]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = signed_in(admin).post(
        UPLOAD, {"course": course.pk, "file": SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="row">3</th>' in html
    assert '<th scope="row">2</th>' not in html
    assert "xa@example.vn" in html
    assert vi("This account is not one of the learners you manage.") in html
    assert not Enrolment.objects.exists()


def test_uploading_a_file_that_is_not_utf8_says_so_on_the_form(ward, course):
    _group, admin = ward
    upload = SimpleUploadedFile("danh-sach.csv", "Email;Tên\nhuong@example.vn;Bé\n".encode("cp1252"))
    response = signed_in(admin).post(UPLOAD, {"course": course.pk, "file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="bulk-enrolment-report"' not in html
    with translation.override("vi"):
        assert str(_not_utf8()) in html
    assert 'aria-invalid="true"' in html
    assert not Enrolment.objects.exists()


def test_the_templates_download_with_the_header_row(ward):
    _group, admin = ward
    client = signed_in(admin)
    csv = client.get(f"{UPLOAD}mau.csv")
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    assert "attachment" in csv["Content-Disposition"]
    assert csv.content.decode("utf-8-sig").strip() == "Email hoặc số điện thoại,Họ và tên"
    xlsx = client.get(f"{UPLOAD}mau.xlsx")
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True).worksheets[0]
    assert next(sheet.iter_rows(values_only=True)) == ("Email hoặc số điện thoại", "Họ và tên")
    assert client.get(f"{UPLOAD}mau.exe").status_code == 404

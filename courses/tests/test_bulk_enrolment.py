"""Bulk enrolment from a ward's list: CSV and .xlsx read as the spreadsheet shows them, every wrong row reported
with its row number, and all or nothing."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses import services
from courses.bulk_enrolment import MAX_BYTES, MAX_ROWS, EnrolmentFileError, read_rows, template_csv, template_xlsx
from courses.models import Enrolment
from courses.services import LearningError, bulk_enrol
from courses.tests.factories import make_course
from lms.roles import Role
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


def csv_file(text: str, *, encoding: str = "utf-8", name: str = "danh-sach.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, *, name: str = "danh-sach.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


class Ward:
    """A ward with its administrator and a few learners, and a learner of another ward."""

    def __init__(self):
        self.group = ResidentialGroupFactory()
        self.admin = LearnerProfileFactory(residential_group=self.group, user=staff(Role.WARD_ADMIN)).user
        self.huong = self.learner("Đỗ Thị Hường", email="huong@example.vn")
        self.nam = self.learner("Nguyễn Văn Nam", phone="0912345678", email="")
        self.binh = self.learner("Trần Thị Bình", phone="0387654321", email="binh@example.vn")
        self.stranger = LearnerProfileFactory(full_name="Lý Văn Xa", user__email="xa@example.vn").user

    def learner(self, name, **account):
        account = {"user__email": "", **{f"user__{key}": value for key, value in account.items()}}
        return LearnerProfileFactory(full_name=name, residential_group=self.group, **account).user


@pytest.fixture
def ward(db):
    return Ward()


@pytest.fixture
def course(catalog):
    return make_course(catalog, modules=1, lessons_per_module=1, enrolment_mode="ward_admin")


def studying(course):
    return set(
        Enrolment.objects.filter(
            course=course, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        ).values_list("user_id", flat=True)
    )


def codes(report) -> dict[int, str]:
    return {error.row: error.code for error in report.errors}


# --- happy paths ---------------------------------------------------------------------------------------------


def test_csv_with_semicolons_and_bom_enrols_learners_by_email_or_phone_in_any_spelling(ward, course):
    text = (
        "\ufeffEmail hoặc số điện thoại;Họ và tên\n"
        "HUONG@Example.VN;do thi huong\n"  # case of the email and diacritics of the name do not matter
        "+84 912 345 678;Nguyễn Văn Nam\n"
        "0387.654.321;\n"  # no name: nothing to cross-check
    )
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file(text))
    assert report.ok, report.errors
    assert (report.learners, report.enrolled, report.already_enrolled) == (3, 3, 0)
    assert studying(course) == {ward.huong.pk, ward.nam.pk, ward.binh.pk}
    enrolment = Enrolment.objects.get(user=ward.nam, course=course)
    assert enrolment.source == Enrolment.Source.BULK
    assert enrolment.enrolled_by == ward.admin


def test_comma_csv_without_bom_and_english_headings(ward, course):
    text = 'Full name,Email or phone\r\n"Nguyễn Văn Nam",0912345678\r\nĐỗ Thị Hường,huong@example.vn\r\n'
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file(text))
    assert report.ok, report.errors
    assert studying(course) == {ward.huong.pk, ward.nam.pk}


def test_xlsx_reads_the_first_sheet_with_phones_typed_as_numbers(ward, course):
    report = bulk_enrol(
        by=ward.admin,
        course=course,
        file=xlsx_file(
            [
                ("EMAIL HOẶC SỐ ĐIỆN THOẠI", "HỌ VÀ TÊN"),
                (912345678, "Nguyễn Văn Nam"),  # the spreadsheet dropped the leading 0
                (84387654321.0, None),  # a float, with the country code
                ("huong@example.vn", "Đỗ Thị Hường"),
            ]
        ),
    )
    assert report.ok, report.errors
    assert report.enrolled == 3
    assert studying(course) == {ward.huong.pk, ward.nam.pk, ward.binh.pk}


def test_learners_already_studying_are_counted_and_left_alone(ward, course):
    Enrolment.objects.create(user=ward.huong, course=course, status=Enrolment.Status.ACTIVE)
    Enrolment.objects.create(user=ward.binh, course=course, status=Enrolment.Status.COMPLETED)
    text = "Email hoặc số điện thoại\nhuong@example.vn\n0912345678\nbinh@example.vn\n"
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file(text))
    assert report.ok
    assert (report.enrolled, report.already_enrolled) == (1, 2)
    kept = Enrolment.objects.get(user=ward.huong, course=course)
    assert (kept.source, kept.enrolled_by) == (Enrolment.Source.SELF, None)
    assert Enrolment.objects.get(user=ward.binh, course=course).status == Enrolment.Status.COMPLETED


def test_a_learner_who_left_or_waits_for_approval_becomes_active(ward, catalog):
    course = make_course(catalog, modules=1, lessons_per_module=1, enrolment_mode="approval")
    services.enrol(user=ward.huong, course=course)
    services.unenrol(user=ward.huong, course=course)
    services.enrol(user=ward.nam, course=course)
    assert Enrolment.objects.get(user=ward.huong).status == Enrolment.Status.WITHDRAWN
    assert Enrolment.objects.get(user=ward.nam).status == Enrolment.Status.PENDING
    text = "Email hoặc số điện thoại\nhuong@example.vn\n0912345678\n"
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file(text))
    assert (report.enrolled, report.already_enrolled) == (2, 0)
    assert studying(course) == {ward.huong.pk, ward.nam.pk}
    assert Enrolment.objects.count() == 2


def test_a_superuser_enrols_learners_of_any_ward(ward, course):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    report = bulk_enrol(by=superuser, course=course, file=csv_file("Email\nxa@example.vn\nhuong@example.vn\n"))
    assert report.ok
    assert studying(course) == {ward.stranger.pk, ward.huong.pk}


# --- wrong rows: all reported, nobody enrolled ---------------------------------------------------------------


def test_every_wrong_row_is_reported_with_its_row_number_and_nobody_is_enrolled(ward, course):
    text = (
        "Email hoặc số điện thoại;Họ và tên\n"  # row 1
        "huong@example.vn;Đỗ Thị Hường\n"  # 2: fine
        "nobody@example.vn;\n"  # 3: no such account
        "xa@example.vn;Lý Văn Xa\n"  # 4: a learner of another ward
        "0912345678;Nguyễn Văn Nở\n"  # 5: not the account's name
        "HUONG@example.vn;\n"  # 6: the learner of row 2 again
        "12345;\n"  # 7: not a phone number
        "binh@;\n"  # 8: not an email
        ";;\n"  # 9: blank, skipped
        ";Trần Thị Bình\n"  # 10: a name without an email or phone
        "0387654321;tran thi binh\n"  # 11: fine
    )
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file(text))
    assert not report.ok
    assert codes(report) == {
        3: "unknown_account",
        4: "not_managed",
        5: "name_mismatch",
        6: "duplicate",
        7: "invalid_phone",
        8: "invalid_email",
        10: "missing_identifier",
    }
    assert report.enrolled == 0
    assert not Enrolment.objects.exists()
    messages = {error.row: error.message for error in report.errors}
    assert all(messages.values())
    assert "2" in messages[6]  # points at the first occurrence
    assert "Nguyễn Văn Nam" in messages[5]  # shows the account's name to compare with
    assert "12345" in messages[7]


def test_a_learner_of_another_ward_listed_by_phone_is_refused(ward, course):
    LearnerProfileFactory(full_name="Phạm Văn Khác", user__phone="0977000111")
    report = bulk_enrol(by=ward.admin, course=course, file=csv_file("Email hoặc số điện thoại\n0977 000 111\n"))
    assert codes(report) == {2: "not_managed"}


def test_a_staff_member_without_a_ward_manages_nobody(ward, course):
    report = bulk_enrol(by=staff(Role.WARD_ADMIN), course=course, file=csv_file("Email\nhuong@example.vn\n"))
    assert codes(report) == {2: "not_managed"}
    assert not Enrolment.objects.exists()


def test_xlsx_row_numbers_are_the_sheets_even_under_a_title_and_blank_rows(ward, course):
    report = bulk_enrol(
        by=ward.admin,
        course=course,
        file=xlsx_file(
            [
                ("Danh sách học viên tổ 1",),  # row 1: a title
                (),  # row 2
                ("Email hoặc số điện thoại", "Họ và tên"),  # row 3: the headings
                ("huong@example.vn", "Đỗ Thị Hường"),  # 4
                (),  # 5
                (912000000, None),  # 6: no such account
            ]
        ),
    )
    assert codes(report) == {6: "unknown_account"}
    assert not Enrolment.objects.exists()


def test_a_refusal_while_enrolling_undoes_the_whole_list(ward, course):
    # a ward administrator listing themselves enrols themselves, and this course only takes the ward's enrolments
    admin_email = ward.admin.email
    report = bulk_enrol(
        by=ward.admin, course=course, file=csv_file(f"Email hoặc số điện thoại\nhuong@example.vn\n{admin_email}\n")
    )
    assert codes(report) == {3: "refused"}
    assert report.enrolled == 0
    assert not Enrolment.objects.exists()


def test_an_unpublished_course_is_refused(ward, course):
    course.unpublish()
    with pytest.raises(LearningError):
        bulk_enrol(by=ward.admin, course=course, file=csv_file("Email\nhuong@example.vn\n"))
    assert not Enrolment.objects.exists()


# --- files that are not a list ----------------------------------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        # Vietnamese Windows: the tone marks are combining characters after the letter
        pytest.param(
            "Email;Ho\u0323 và tên\nhuong@example.vn;Đô\u0303 Thi\u0323 Hươ\u0300ng\n".encode("cp1258"),
            "not_utf8",
            id="windows-1258",
        ),
        pytest.param("Email;Tên\nhuong@example.vn;Bé\n".encode("cp1252"), "not_utf8", id="windows-1252"),
        pytest.param("Email\nhuong@example.vn\n".encode("utf-16"), "not_utf8", id="utf-16"),
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\xef\xbb\xbf\r\n;;\r\n", "empty", id="blank-rows-only"),
        pytest.param("Email hoặc số điện thoại;Họ và tên\n".encode(), "no_rows", id="header-only"),
        pytest.param("Họ và tên;Ngày sinh\nĐỗ Thị Hường;1970\n".encode(), "no_identifier_column", id="no-column"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not_spreadsheet", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_spreadsheet", id="png"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "not_spreadsheet", id="old-xls"),
        pytest.param(_docx(), "not_spreadsheet", id="docx"),
        pytest.param(b"PK\x03\x04 broken zip", "not_spreadsheet", id="broken-zip"),
        pytest.param(b"Email\n\x00\x01\x02\x03", "not_spreadsheet", id="binary"),
    ],
)
def test_a_file_that_is_not_a_list_gets_one_clear_message(ward, course, content, code):
    with pytest.raises(EnrolmentFileError) as refused:
        bulk_enrol(by=ward.admin, course=course, file=SimpleUploadedFile("danh-sach.csv", content))
    assert refused.value.code == code
    assert str(refused.value)
    assert not Enrolment.objects.exists()


def test_a_file_over_5_mb_is_refused_before_it_is_read(ward, course):
    big = b"Email\n" + b"huong@example.vn\n" * (MAX_BYTES // 17 + 1)
    assert len(big) > MAX_BYTES
    with pytest.raises(EnrolmentFileError) as refused:
        bulk_enrol(by=ward.admin, course=course, file=SimpleUploadedFile("lon.csv", big))
    assert refused.value.code == "too_large"


def test_more_than_5000_learners_is_refused(ward, course):
    rows = "".join(f"09{number:08d}\n" for number in range(MAX_ROWS + 1))
    with pytest.raises(EnrolmentFileError) as refused:
        read_rows(csv_file("Email hoặc số điện thoại\n" + rows))
    assert refused.value.code == "too_many_rows"
    assert len(read_rows(csv_file("Email hoặc số điện thoại\n" + rows.split("\n", 1)[1]))) == MAX_ROWS


def test_an_xlsx_that_unpacks_to_too_much_is_refused(ward, course):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (101 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_BYTES
    with pytest.raises(EnrolmentFileError) as refused:
        read_rows(SimpleUploadedFile("bom.xlsx", buffer.getvalue()))
    assert refused.value.code == "too_large"


# --- the templates ----------------------------------------------------------------------------------------------


def test_the_templates_are_read_back_as_the_right_columns():
    assert template_csv().startswith(b"\xef\xbb\xbf")
    for template in (template_csv(), template_xlsx()):
        with pytest.raises(EnrolmentFileError) as refused:  # the headings, and nobody under them yet
            read_rows(SimpleUploadedFile("mau", template))
        assert refused.value.code == "no_rows"
    sheet = openpyxl.load_workbook(io.BytesIO(template_xlsx()), read_only=True).worksheets[0]
    assert next(sheet.iter_rows(values_only=True)) == ("Email hoặc số điện thoại", "Họ và tên")

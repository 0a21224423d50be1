import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from filer.models import File as FilerFile
from filer.models import Folder
from wagtail.contrib.forms.models import FormSubmission

from cms.documents import MAX_DOCUMENT_BYTES, validate_library_upload
from cms.models import DocumentLibraryPage, FeedbackFormField, FeedbackFormPage, LibraryDocument
from cms.tests.factories import publish
from lms.roles import Role
from lms.tests.factories import staff

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def office(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [("ke-hoach.pdf", PDF), ("bao-cao.docx", office("word/document.xml")), ("so-lieu.xlsx", office("xl/workbook.xml"))],
)
def test_real_pdf_docx_and_xlsx_are_accepted(name, content):
    assert validate_library_upload(SimpleUploadedFile(name, content)) == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ", "Chỉ đăng được tệp PDF, Word (.docx) và Excel (.xlsx)."),
        ("gia.pdf", b"<html>not a pdf</html>", "Tệp này không phải là tệp PDF thật."),
        ("gia.docx", b"PK\x03\x04 broken", "Tệp này bị hỏng hoặc không phải là văn bản Office thật."),
        ("nham.docx", office("xl/workbook.xml"), "Tệp này bị hỏng hoặc không phải là văn bản Office thật."),
    ],
)
def test_wrong_or_disguised_files_are_refused_with_a_plain_message(name, content, message):
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        validate_library_upload(SimpleUploadedFile(name, content))
        assert caught.value.messages == [message]


def test_oversized_file_is_refused():
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        validate_library_upload(SimpleUploadedFile("lon.pdf", PDF + b"0" * MAX_DOCUMENT_BYTES))
        assert "giới hạn là 20,0\xa0MB" in caught.value.messages[0]


def _add_url():
    return "/quan-tri/snippets/hocvuso_cms/librarydocument/add/"


def test_editor_uploads_a_document_into_a_filer_folder_from_the_wagtail_admin(client):
    folder = Folder.objects.create(name="Văn bản chỉ đạo")
    client.force_login(staff(Role.EDITOR))
    response = client.post(
        _add_url(),
        {
            "title": "Kế hoạch triển khai phong trào Bình dân học vụ số",
            "number": "125/KH-UBND",
            "issued_on": "2026-03-15",
            "issuer": "UBND phường Ba Đình",
            "summary": "",
            "folder": folder.pk,
            "upload": SimpleUploadedFile("ke-hoach.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = LibraryDocument.objects.get()
    assert document.file.folder == folder
    assert document.file.original_filename == "ke-hoach.pdf"


def test_a_disguised_upload_is_refused_in_the_admin_and_nothing_is_stored(client):
    folder = Folder.objects.create(name="Văn bản")
    client.force_login(staff(Role.EDITOR))
    response = client.post(
        _add_url(),
        {
            "title": "Tệp lạ",
            "issued_on": "2026-03-15",
            "issuer": "Không rõ",
            "folder": folder.pk,
            "upload": SimpleUploadedFile("ke-hoach.pdf", b"<script>alert(1)</script>"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tệp này không phải là tệp PDF thật." in html, html[html.find("error") :][:1500]
    assert not LibraryDocument.objects.exists()
    assert not FilerFile.objects.exists()


def _document(folder, title, *, number="", issued_on=datetime.date(2026, 3, 1)):
    stored = FilerFile.objects.create(
        file=SimpleUploadedFile("van-ban.pdf", PDF), original_filename="van-ban.pdf", folder=folder, is_public=True
    )
    return LibraryDocument.objects.create(
        title=title, number=number, issued_on=issued_on, issuer="UBND phường Ba Đình", file=stored
    )


def test_library_page_lists_its_folder_newest_first_and_searches_without_diacritics(client, column):
    folder, other = Folder.objects.create(name="Kế hoạch"), Folder.objects.create(name="Khác")
    _document(folder, "Kế hoạch học vụ số năm 2026", number="125/KH-UBND", issued_on=datetime.date(2026, 3, 1))
    _document(folder, "Quyết định thành lập tổ công nghệ số", issued_on=datetime.date(2025, 9, 1))
    _document(other, "Văn bản của thư mục khác")
    library = publish(column["section"], DocumentLibraryPage(title="Văn bản", slug="van-ban", folder=folder))
    html = client.get(library.url).content.decode()
    assert html.index("Kế hoạch học vụ số năm 2026") < html.index("Quyết định thành lập")
    assert "thư mục khác" not in html
    assert "125/KH-UBND" in html and "(PDF," in html
    found = client.get(library.url, {"q": "to cong nghe so"}).content.decode()
    assert "Quyết định thành lập tổ công nghệ số" in found and "Kế hoạch học vụ số năm 2026" not in found
    by_year = client.get(library.url, {"nam": "2025"}).content.decode()
    assert "Quyết định thành lập" in by_year and "Kế hoạch học vụ số năm 2026" not in by_year


@pytest.fixture
def feedback(column):
    page = publish(
        column["section"],
        FeedbackFormPage(title="Góp ý", slug="gop-y", to_address="", thank_you_text="<p>Cảm ơn bạn đã góp ý.</p>"),
    )
    FeedbackFormField.objects.create(page=page, label="Nội dung góp ý", field_type="multiline", required=True)
    return page


def test_feedback_is_kept_and_thanked(client, feedback):
    page = client.get(feedback.url)
    assert page.get("X-Page-Cache") is None  # a form with a CSRF token is never cached
    response = client.post(feedback.url, {"noi_dung_gop_y": "Xin mở thêm lớp buổi tối."})
    assert "Cảm ơn bạn đã góp ý." in response.content.decode()
    assert FormSubmission.objects.get().form_data["noi_dung_gop_y"] == "Xin mở thêm lớp buổi tối."


def test_a_bot_filling_the_trap_is_thanked_but_nothing_is_kept(client, feedback):
    response = client.post(feedback.url, {"noi_dung_gop_y": "Mua thuốc giá rẻ", "website": "http://spam.example"})
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()


def test_a_flood_from_one_address_is_throttled(client, feedback):
    for number in range(5):
        client.post(feedback.url, {"noi_dung_gop_y": f"Góp ý số {number}"})
    response = client.post(feedback.url, {"noi_dung_gop_y": "Góp ý thứ sáu"})
    assert response.status_code == 429
    assert "Chúng tôi đã nhận nhiều tin nhắn" in response.content.decode()
    assert FormSubmission.objects.count() == 5
    other = client.post(feedback.url, {"noi_dung_gop_y": "Từ nơi khác"}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200


def test_site_search_finds_library_documents_without_diacritics(client, column):
    folder = Folder.objects.create(name="Kế hoạch")
    document = _document(folder, "Kế hoạch học vụ số năm 2026", number="125/KH-UBND")
    publish(column["section"], DocumentLibraryPage(title="Văn bản", slug="van-ban", folder=folder))
    html = client.get("/tim-kiem/", {"q": "ke hoach hoc vu so"}).content.decode()
    assert "125/KH-UBND Kế hoạch học vụ số năm 2026" in html
    assert document.file.url in html

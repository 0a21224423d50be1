"""The printed certificate: what a holder, a screen reader, a verifier and a PDF/A archive get out of the file."""

import dataclasses
import datetime
import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import pgettext

pypdf = pytest.importorskip("pypdf")
from fontTools.ttLib import TTFont  # noqa: E402  (WeasyPrint's dependency, so present with it)
from PIL import Image, ImageDraw  # noqa: E402

from certificates import pdf  # noqa: E402
from certificates.pdf import CertificateData, render_certificate_pdf  # noqa: E402

CREDENTIAL = (
    '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", '
    '"OpenBadgeCredential"], "name": "Kỹ năng số cơ bản"}'
).encode()
VERIFY_URL = "https://hacthanh.example.vn/chung-nhan/HVS-2026-000123/"


def seal_png() -> bytes:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(200, 20, 30, 255), width=12)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def certificate(**changes) -> CertificateData:
    data = CertificateData(
        holder_name="Nguyễn Thị Hường",
        holder_birth_date=datetime.date(1968, 3, 5),
        achievement_title="Kỹ năng số cơ bản",
        achievement_wording="đã hoàn thành khóa học",
        criteria="Hoàn thành 12 bài học và đạt từ 80% trở lên ở bài kiểm tra cuối khóa.",
        serial="HVS-2026-000123",
        issued_on=datetime.date(2026, 12, 1),
        valid_until=datetime.date(2028, 12, 1),
        issuer_name="Ủy ban nhân dân phường Hạc Thành",
        issuer_place="Thanh Hóa",
        signer_name="Lê Văn Thành",
        signer_title="TM. Ủy ban nhân dân\nChủ tịch",
        seal_image=seal_png(),
        verify_url=VERIFY_URL,
        credential_json=CREDENTIAL,
    )
    return dataclasses.replace(data, **changes)


@pytest.fixture(scope="module")
def vietnamese():
    """The page's Vietnamese comes from the project catalogue: fail at once, and clearly, if it is missing."""
    with translation.override("vi"):
        assert pgettext("certificate pdf", "CERTIFICATE") != "CERTIFICATE", "certificate strings not in locale/vi"


@pytest.fixture(scope="module")
def issued(vietnamese) -> bytes:
    return render_certificate_pdf(certificate())


@pytest.fixture(scope="module")
def revoked(vietnamese) -> bytes:
    return render_certificate_pdf(certificate(revoked=True))


def reader(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    pages = reader(data).pages
    assert len(pages) == 1
    return " ".join(pages[0].extract_text().split())


def test_vietnamese_comes_back_out_of_the_pdf_letter_for_letter(issued):
    text = text_of(issued)
    assert text == unicodedata.normalize("NFC", text)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH",
        "Số: HVS-2026-000123",
        "GIẤY CHỨNG NHẬN",
        "Ủy ban nhân dân phường Hạc Thành chứng nhận",
        "Nguyễn Thị Hường",
        "Ngày sinh: 05/03/1968",
        "đã hoàn thành khóa học Kỹ năng số cơ bản",
        "Tiêu chí: Hoàn thành 12 bài học và đạt từ 80% trở lên ở bài kiểm tra cuối khóa.",
        "Có giá trị đến ngày 01/12/2028",
        "Thanh Hóa, ngày 01 tháng 12 năm 2026",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
        "Lê Văn Thành",
        "Số hiệu: HVS-2026-000123",
        VERIFY_URL,
    ):
        assert expected in text
    # no English label left on the page, and nothing about revocation on a valid certificate
    for english in ("certifies", "Date of birth", "Criteria", "Valid until", "CERTIFICATE", "ĐÃ THU HỒI", "REVOKED"):
        assert english not in text


def test_text_typed_decomposed_is_printed_composed(vietnamese):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    assert decomposed != "Nguyễn Thị Hường"
    text = text_of(render_certificate_pdf(certificate(holder_name=decomposed)))
    assert "Nguyễn Thị Hường" in text


def test_every_glyph_is_drawn_with_the_intended_font_no_fallback(issued):
    intended = pdf.certificate_font()
    assert intended.family == "Liberation Serif", "install Debian's fonts-liberation2 (the set-up does)"
    page = reader(issued).pages[0]
    families, characters = set(), set()
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        families.add(program["name"].getDebugName(1))
    assert families == {"Liberation Serif"}
    characters = {c for c in page.extract_text() if not c.isspace()}
    for path in intended.files.values():
        cmap = TTFont(path).getBestCmap()
        assert {c for c in characters if ord(c) not in cmap} == set(), path


def test_the_old_liberation_fonts_are_not_taken_for_vietnamese():
    # Debian's fonts-liberation (1.07) shares the family name but has no "ư", "ạ" or "ễ": chosen by file
    old = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
    if not old.exists():
        pytest.skip("fonts-liberation (1.07) is not installed")
    assert not pdf._covers_vietnamese(str(old))


def test_no_vietnamese_font_is_a_configuration_error(monkeypatch):
    monkeypatch.setattr(pdf, "FONT_CANDIDATES", (("Nowhere", {("normal", "normal"): "/nonexistent/font.ttf"}),))
    pdf.certificate_font.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="fonts-liberation2"):
            pdf.certificate_font()
    finally:
        monkeypatch.undo()
        pdf.certificate_font.cache_clear()


def test_the_credential_is_attached_as_json_ld(issued):
    document = reader(issued)
    assert dict(document.attachments) == {"HVS-2026-000123.json": [CREDENTIAL]}
    catalog = document.root_object
    (spec,) = [ref.get_object() for ref in catalog["/AF"]]  # PDF/A-3 associated file, listed once
    assert spec["/UF"] == "HVS-2026-000123.json"
    assert spec["/AFRelationship"] == "/Alternative"
    assert spec["/Desc"] == "Chứng nhận điện tử (Open Badges 3.0), để máy tính kiểm tra"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/ld+json"


def test_one_a4_landscape_page(issued):
    (page,) = reader(issued).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_an_archival_tagged_pdf_in_vietnamese(issued):
    document = reader(issued)
    catalog = document.root_object
    assert catalog["/Lang"] == "vi"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    xmp = document.xmp_metadata.rdf_root.toxml()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="A"' in xmp
    assert document.metadata.title == "Giấy chứng nhận HVS-2026-000123"


def test_the_qr_code_on_the_page_opens_the_verification_page(issued, tmp_path):
    # ./run installs poppler-utils and zbar-tools for the tests (SYSTEM_PACKAGES_FOR_CERTIFICATE_TESTS)
    assert shutil.which("pdftoppm") and shutil.which("zbarimg"), "run the tests with ./run test"
    (tmp_path / "c.pdf").write_bytes(issued)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-r", "150", "-png", "-singlefile", tmp_path / "c.pdf", tmp_path / "c"],  # noqa: S607
        check=True,
    )
    scanned = subprocess.run(  # noqa: S603
        ["zbarimg", "--quiet", "--raw", tmp_path / "c.png"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    assert scanned.stdout.strip().splitlines() == [VERIFY_URL]


def test_the_qr_code_holds_the_url_as_is():
    # the symbol itself: the URL's bytes unchanged, at level M
    code = pdf.qr_code(VERIFY_URL)
    assert code.error == "M"
    assert code.mode == "byte"
    assert code.matrix == pdf.segno.make_qr(VERIFY_URL.encode(), error="m", boost_error=False).matrix


def test_a_revoked_certificate_says_so_across_the_page(issued, revoked):
    text = text_of(revoked)
    assert "ĐÃ THU HỒI" in text
    assert "Giấy chứng nhận này đã bị thu hồi và không còn giá trị." in text
    assert "Nguyễn Thị Hường" in text  # still readable under the mark
    assert revoked != issued


def test_the_same_certificate_renders_to_the_same_bytes(issued):
    assert render_certificate_pdf(certificate()) == issued
    assert reader(issued).metadata.creation_date.date() == datetime.date(2026, 12, 1)


def test_dates_are_written_the_administrative_way(vietnamese):
    text = text_of(render_certificate_pdf(certificate(issued_on=datetime.date(2027, 2, 9), valid_until=None)))
    assert "Thanh Hóa, ngày 09 tháng 02 năm 2027" in text
    text = text_of(render_certificate_pdf(certificate(issued_on=datetime.date(2027, 3, 9), holder_birth_date=None)))
    assert "Thanh Hóa, ngày 09 tháng 3 năm 2027" in text
    assert "Ngày sinh" not in text
    assert "Có giá trị đến" in text


def test_the_title_is_not_repeated_when_the_wording_names_it(vietnamese):
    wording = "đã hoàn thành khóa học “Kỹ năng số cơ bản”"
    text = text_of(render_certificate_pdf(certificate(achievement_wording=wording)))
    assert text.count("Kỹ năng số cơ bản") == 1


def test_the_seal_is_stamped_and_only_pictures_are_accepted(issued, vietnamese):
    def images(data):
        return list(reader(data).pages[0].images)

    assert len(images(issued)) == 1
    jpeg = io.BytesIO()
    Image.new("RGB", (120, 120), (200, 20, 30)).save(jpeg, "JPEG")
    assert len(images(render_certificate_pdf(certificate(seal_image=jpeg.getvalue())))) == 1
    assert images(render_certificate_pdf(certificate(seal_image=None))) == []
    with pytest.raises(ValueError, match="PNG or a JPEG"):
        render_certificate_pdf(certificate(seal_image=b"<svg xmlns='http://www.w3.org/2000/svg'/>"))


def test_a_certificate_reaches_nothing_outside_its_fonts():
    fetcher = pdf._LocalFetcher(allowed_files=set(pdf.certificate_font().files.values()))
    for url in ("https://example.com/logo.png", "file:///etc/passwd", "FILE:///etc/passwd", "ftp://example.com/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    font = next(iter(pdf.certificate_font().files.values()))
    response = fetcher.fetch(Path(font).as_uri())
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType file
    finally:
        response.close()


def test_holder_text_is_escaped_not_markup(vietnamese):
    text = text_of(render_certificate_pdf(certificate(holder_name='Trần <img src="https://example.com/x"> Bình')))
    assert 'Trần <img src="https://example.com/x"> Bình' in text


def test_long_names_and_wording_still_fit_one_page(vietnamese):
    data = certificate(
        holder_name="Công Tằng Tôn Nữ Thị Phương Thảo Nguyễn Hoàng",
        achievement_wording="đã hoàn thành khóa học “Sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền "
        "mặt an toàn cho người cao tuổi”",
        criteria="Hoàn thành tất cả 24 bài học, đạt từ 80% trở lên ở bài kiểm tra cuối khóa, và được giám khảo xác "
        "nhận kỹ năng thực hành trên điện thoại tại điểm học của tổ dân phố.",
        issuer_name="Ủy ban nhân dân phường Quảng Phú, thành phố Thanh Hóa, tỉnh Thanh Hóa",
        signer_title="KT. Chủ tịch\nPhó Chủ tịch Thường trực",
    )
    text = text_of(render_certificate_pdf(data))  # one page, asserted there
    assert "Công Tằng Tôn Nữ Thị Phương Thảo Nguyễn Hoàng" in text

"""The printable certificate: one A4 landscape page rendered by WeasyPrint from a Django template.

Pure: no database, no network, no clock. The same ``CertificateData`` gives the same bytes (the PDF's creation
date is the issue date), so a rendered file can be cached and served until the certificate changes (re-issue
or revocation, which is rendered with an "ĐÃ THU HỒI" watermark).

The file is PDF/A-3a: archival, tagged for screen readers, with the credential JSON embedded as an associated
file (``AFRelationship /Alternative``: the machine-readable form of what the page says), as PDF/A-3 allows.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import functools
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
import weasyprint
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import pgettext

TEMPLATE = "certificates/pdf/certificate.html"

# Part of any cache key for rendered files: the bytes change when the layout or WeasyPrint changes (its version
# is written into the PDF), and a cached file made by an older renderer should then be made again.
RENDERER = f"hocvuso-certificate-1/weasyprint-{weasyprint.__version__}"

# A certificate is an official Vietnamese paper: its wording does not follow the language of whoever downloads
# it, and a cached file must not depend on that either.
LANGUAGE = "vi"

# Fonts, in order of preference. Liberation Serif 2.x (Debian fonts-liberation2) has the metrics of Times New
# Roman, the typeface Decree 30/2020/NĐ-CP prescribes for administrative documents, and covers Vietnamese.
# Debian's older fonts-liberation (1.07) has the same family name but lacks most Vietnamese letters (ư, ạ, ễ…),
# so the files are named here and their coverage checked rather than left to fontconfig.
# DejaVu Serif (fonts-dejavu-core, and -extra for italics) is the fallback.
FONT_CANDIDATES = (
    (
        "Liberation Serif",
        {
            ("normal", "normal"): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
            ("bold", "normal"): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
            ("normal", "italic"): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
            ("bold", "italic"): "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf",
        },
    ),
    (
        "DejaVu Serif",
        {
            ("normal", "normal"): "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
            ("bold", "normal"): "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
            ("normal", "italic"): "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
            ("bold", "italic"): "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf",
        },
    ),
)

# Every letter Vietnamese writes (base vowels with their marks, đ/Đ), in both cases.
_VIETNAMESE_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
VIETNAMESE_LETTERS = _VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper()

SEAL_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclasses.dataclass(frozen=True)
class CertificateData:
    """What one certificate page shows, frozen at issue (the holder's name as issued, not as edited later)."""

    holder_name: str
    holder_birth_date: datetime.date | None
    achievement_title: str
    # the sentence after the holder's name, e.g. "đã hoàn thành khóa học “Kỹ năng số cơ bản”"; when it already
    # names the achievement, the title is not printed a second time
    achievement_wording: str
    criteria: str
    serial: str
    issued_on: datetime.date
    valid_until: datetime.date | None
    issuer_name: str  # the ward, "Ủy ban nhân dân phường Hạc Thành"
    issuer_place: str  # for the "Thanh Hóa, ngày 01 tháng 12 năm 2026" line
    signer_name: str
    signer_title: str  # may hold line breaks: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    seal_image: bytes | None  # PNG or JPEG, ideally with a transparent background
    verify_url: str
    credential_json: bytes  # embedded as "<serial>.json", application/ld+json
    revoked: bool = False


@dataclasses.dataclass(frozen=True)
class CertificateFont:
    family: str
    files: dict  # (weight, style) -> path


def render_certificate_pdf(data: CertificateData) -> bytes:
    """The certificate as PDF bytes: A4 landscape, Vietnamese, QR code to ``verify_url``, credential attached."""
    font = certificate_font()
    seal = _seal_data_uri(data.seal_image) if data.seal_image else None
    context = {
        "c": _nfc_fields(data),
        "font_faces": [
            {"weight": weight, "style": style, "url": Path(path).as_uri()}
            for (weight, style), path in sorted(font.files.items())
        ],
        "qr": qr_code(data.verify_url).svg_data_uri(border=0, dark="#000", light=None),
        "seal": seal,
        "created": data.issued_on.isoformat(),
        "title_in_wording": _fold(data.achievement_title) in _fold(data.achievement_wording),
        "issued_day": _day(data.issued_on.day),
        "issued_month": _month(data.issued_on.month),
        "issued_year": str(data.issued_on.year),  # a string: no "2.026" thousands dot
        "signer_title_lines": unicodedata.normalize("NFC", data.signer_title).splitlines(),
    }
    with translation.override(LANGUAGE):
        html = render_to_string(TEMPLATE, context)
        # shown in a PDF reader's attachments panel
        description = pgettext("certificate pdf", "Verifiable credential (Open Badges 3.0), for checking by computer")
    fetcher = _LocalFetcher(allowed_files=set(font.files.values()))
    # the attachment's dates come from the issue date too, so the bytes stay the same from one render to the next
    issued_at = datetime.datetime.combine(data.issued_on, datetime.time(), tzinfo=datetime.UTC)
    attachment = weasyprint.Attachment(
        url="data:application/ld+json;base64," + base64.b64encode(data.credential_json).decode("ascii"),
        url_fetcher=fetcher,
        name=f"{data.serial}.json",
        description=description,
        created=issued_at,
        modified=issued_at,
        relationship="Alternative",
    )
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None)
    return document.write_pdf(attachments=[attachment], pdf_variant="pdf/a-3a", finisher=_one_associated_file)


def _one_associated_file(document, pdf) -> None:
    # WeasyPrint 70 lists the attachment twice in the catalogue's /AF (once from /EmbeddedFiles, once from its
    # file specification); a PDF/A checker expects each associated file once.
    associated = pdf.catalog.get("AF")
    if associated is not None:
        unique = list(dict.fromkeys(associated))
        associated.clear()
        associated.extend(unique)


def qr_code(url: str) -> segno.QRCode:
    """The QR code printed on the certificate (error correction M survives a crease or a smudge)."""
    return segno.make_qr(url, error="m", boost_error=False)


@functools.cache
def certificate_font() -> CertificateFont:
    """The first installed serif family that has every Vietnamese letter in each of its faces."""
    for family, files in FONT_CANDIDATES:
        if all(Path(path).is_file() for path in files.values()) and all(
            _covers_vietnamese(path) for path in files.values()
        ):
            return CertificateFont(family=family, files=dict(files))
    raise ImproperlyConfigured(
        "No font with full Vietnamese coverage for certificates: install Debian's fonts-liberation2 "
        "(or fonts-dejavu-core and fonts-dejavu-extra)."
    )


def _covers_vietnamese(path: str) -> bool:
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency

    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap()
    return all(ord(letter) in cmap for letter in VIETNAMESE_LETTERS)


def _nfc_fields(data: CertificateData) -> CertificateData:
    """Text in NFC: decomposed input (typed on some keyboards) would otherwise print marks as separate glyphs."""
    changes = {
        field.name: unicodedata.normalize("NFC", value)
        for field in dataclasses.fields(data)
        if isinstance(value := getattr(data, field.name), str)
    }
    return dataclasses.replace(data, **changes)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _day(day: int) -> str:
    # Decree 30/2020/NĐ-CP: days below 10 are written with a leading zero…
    return f"{day:02d}"


def _month(month: int) -> str:
    # …and so are January and February only ("tháng 01", "tháng 3", "tháng 12")
    return f"{month:02d}" if month < 3 else str(month)


def _seal_data_uri(image: bytes) -> str:
    for magic, mime in SEAL_TYPES.items():
        if image.startswith(magic):
            return f"data:{mime};base64," + base64.b64encode(image).decode("ascii")
    raise ValueError("The seal image must be a PNG or a JPEG file.")


class _LocalFetcher(weasyprint.URLFetcher):
    """Only data: URLs (QR code, seal, attachment) and the chosen font files: a certificate never reaches out."""

    def __init__(self, *, allowed_files: set[str]):
        super().__init__(allowed_protocols=("data", "file"), fail_on_errors=True)
        self._allowed_files = {str(Path(path).resolve()) for path in allowed_files}

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "file":
            if str(Path(unquote(parts.path)).resolve()) not in self._allowed_files:
                raise ValueError(f"Certificates load no local file but their fonts: {url}")
        elif scheme != "data":
            raise ValueError(f"Certificates load nothing from the network: {url}")
        return super().fetch(url, headers)

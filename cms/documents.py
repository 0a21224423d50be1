"""Checking an uploaded library document before anything is stored: the extension, the size, and that the
bytes really are what the extension says (a PDF starts with %PDF-; DOCX and XLSX are zip packages holding
their main part). The zip is only listed from its central directory, never extracted."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
# what the file must contain to be what its name says
_OFFICE_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
ALLOWED_EXTENSIONS = ("pdf", "docx", "xlsx")


def extension_of(name: str) -> str:
    return name.lower().rsplit(".", 1)[-1] if "." in name else ""


def validate_library_upload(upload) -> str:
    """Return the checked extension, or raise ValidationError with a plain message."""
    extension = extension_of(upload.name)
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Only PDF, Word (.docx) and Excel (.xlsx) files can be published."), code="file_type")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Compress it or split it."),
            code="file_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    upload.seek(0)
    if extension == "pdf":
        if not upload.read(5).startswith(b"%PDF-"):
            raise ValidationError(_("This file is not a real PDF."), code="file_content")
    else:
        try:
            with zipfile.ZipFile(upload) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ValidationError(
                _("This file is damaged or is not a real Office document."), code="file_content"
            ) from None
        if len(names) > MAX_ZIP_ENTRIES or _OFFICE_MAIN_PART[extension] not in names:
            raise ValidationError(_("This file is damaged or is not a real Office document."), code="file_content")
    upload.seek(0)
    return extension

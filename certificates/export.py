"""The register of issued certificates as an XLSX file, for ward administrators (their own ward's learners) and
examiners and superusers (everyone): openpyxl in write-only mode, rows streamed from the database in chunks, so
a large register is written in constant memory and a fixed number of queries.

Text that starts with "=" is written as text, never as a formula (a name typed as "=HYPERLINK(…)" stays a name).
"""

import tempfile

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .staff.selectors import status_label, ward_name

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 2000


def headers() -> list[str]:
    return [
        _("Serial number"),
        _("Holder's name as issued"),
        _("Date of birth as issued"),
        _("Ward"),
        _("Achievement"),
        _("Issued on"),
        _("Valid until"),
        _("Status"),
        _("Revoked on"),
        _("Reason for revoking"),
        _("Replaces"),
        _("Replaced by"),
    ]


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def row_values(credential, *, now) -> list:
    replaced_by = getattr(credential, "replaced_by", None)
    return [
        credential.serial,
        credential.holder_name,
        credential.holder_birth_date,
        ward_name(credential),
        credential.achievement.name,
        _local(credential.issued_at),
        _local(credential.valid_until),
        status_label(credential, now=now),
        _local(credential.revoked_at),
        credential.revoke_reason,
        credential.replaces.serial if credential.replaces_id else "",
        replaced_by.serial if replaced_by is not None else "",
    ]


def _cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would store it as a formula
    elif hasattr(value, "hour"):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif value is not None and hasattr(value, "day"):
        cell.number_format = "DD/MM/YYYY"
    return cell


def write_register(credentials, destination) -> int:
    """Write the certificates (a queryset from `staff.selectors.visible_credentials`) into `destination` (a path
    or a binary file). Returns the number of rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Certificates")[:31])
    widths = [18, 28, 14, 24, 40, 17, 17, 12, 17, 30, 18, 18]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    now = timezone.now()
    count = 0
    for credential in credentials.order_by("issued_at", "pk").iterator(chunk_size=CHUNK):
        sheet.append([_cell(sheet, value) for value in row_values(credential, now=now)])
        count += 1
    workbook.save(destination)
    return count


def register_file(credentials):
    """The register as a temporary file (deleted when closed), positioned at its start, for a FileResponse."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it once sent
    write_register(credentials, handle)
    handle.seek(0)
    return handle


def filename() -> str:
    return f"chung-nhan-da-cap-{timezone.localdate():%Y-%m-%d}.xlsx"

"""Enrolling a ward's list of learners from a spreadsheet (CSV or Excel .xlsx).

Reading the file (`read_rows`) and checking each row against the accounts the staff member may manage
(`check_rows`) are plain functions; `bulk_enrol` (also importable from courses.services) puts them together and
enrols, all or nothing. Every message is for the ward administrator who uploaded the file; row numbers are the
ones their spreadsheet shows (the header is row 1).
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from lms.api import learners_visible_to, normalise_phone
from lms.text import fold

from .models import CoursePage, Enrolment

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000  # learners in one file
MAX_SHEET_ROWS = 100_000  # rows read at all, blank ones included: a bound on the work, whatever the file holds
MAX_COLUMNS = 50
MAX_HEADER_SEARCH = 10  # the header may sit under a title row or two
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an .xlsx is a zip: what it may unpack to
MAX_ZIP_ENTRIES = 1000
LOOKUP_CHUNK = 500

IDENTIFIER_HEADER = "Email hoặc số điện thoại"
NAME_HEADER = "Họ và tên"
TEMPLATE_HEADERS = (IDENTIFIER_HEADER, NAME_HEADER)

# Column headings as compared: folded (no diacritics, lowercase) and with punctuation turned into spaces, so
# "Email / SĐT", "EMAIL HOẶC SỐ ĐIỆN THOẠI" and "email or phone" are all recognised.
IDENTIFIER_ALIASES = frozenset(
    {
        "email hoac so dien thoai",
        "so dien thoai hoac email",
        "email hoac sdt",
        "sdt hoac email",
        "email so dien thoai",
        "email sdt",
        "email",
        "e mail",
        "dia chi email",
        "so dien thoai",
        "so di dong",
        "dien thoai",
        "sdt",
        "tai khoan",
        "email or phone",
        "email or phone number",
        "email or mobile",
        "email or mobile number",
        "phone or email",
        "email address",
        "phone",
        "phone number",
        "mobile",
        "mobile number",
        "account",
    }
)
NAME_ALIASES = frozenset({"ho va ten", "ho ten", "ten", "ten hoc vien", "ho ten hoc vien", "full name", "name"})

_XLSX_MAGIC = b"PK\x03\x04"
_OTHER_FORMATS = (
    b"\xd0\xcf\x11\xe0",  # old Excel .xls, Word .doc, and password-protected .xlsx
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x05\x06",  # an empty zip
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_PHONE_WITHOUT_ZERO = re.compile(r"[35789]\d{8}")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


class EnrolmentFileError(Exception):
    """The file as a whole cannot be read as a list of learners; `str(error)` says why, for the uploader."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet shows it
    identifier: str  # as written, trimmed
    name: str  # as written, trimmed; "" when the file has no name column or the cell is empty


@dataclass(frozen=True)
class RowError:
    row: int
    identifier: str
    message: str
    code: str


@dataclass
class BulkEnrolmentReport:
    """What an upload did: nothing at all when `errors` is not empty."""

    course: CoursePage
    learners: int = 0  # rows naming a learner
    enrolled: int = 0
    already_enrolled: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading the file ----------------------------------------------------------------------------------------


def _too_large() -> EnrolmentFileError:
    return EnrolmentFileError(
        _("The file is too large: the limit is %(megabytes)s MB. Split the list into smaller files.")
        % {"megabytes": MAX_BYTES // (1024 * 1024)},
        code="too_large",
    )


def _too_many_rows() -> EnrolmentFileError:
    return EnrolmentFileError(
        _("The file has more than %(limit)s learners. Split it into files of at most %(limit)s rows.")
        % {"limit": MAX_ROWS},
        code="too_many_rows",
    )


def _not_a_spreadsheet() -> EnrolmentFileError:
    return EnrolmentFileError(
        _(
            "This file is not a CSV or Excel (.xlsx) spreadsheet. Save the list as .xlsx or as “CSV UTF-8” "
            "and upload it again."
        ),
        code="not_spreadsheet",
    )


def read_bytes(file) -> bytes:
    """The uploaded file's content, refusing anything over MAX_BYTES before reading it whole."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise _too_large()
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large()
    return data


def read_rows(file) -> list[Row]:
    """The learners a CSV or .xlsx file lists, one Row per non-blank row under the header.

    Raises EnrolmentFileError when the file is too large, not a spreadsheet, not UTF-8 (CSV), empty, without an
    email-or-phone column, or longer than MAX_ROWS learners."""
    data = read_bytes(file)
    if not data.strip():
        raise EnrolmentFileError(_("The file is empty."), code="empty")
    if data.startswith(_XLSX_MAGIC):
        table = _xlsx_table(data)
    elif data.startswith(_OTHER_FORMATS):
        raise _not_a_spreadsheet()
    else:
        table = _csv_table(data)
    return _learner_rows(table)


def _csv_table(data: bytes) -> list[tuple[int, list]]:
    if data.startswith(_UTF16_BOMS):
        raise _not_utf8()
    if _CONTROL_BYTES.search(data[: 64 * 1024]):
        raise _not_a_spreadsheet()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8() from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    table = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_rows()
            table.append((number, cells[:MAX_COLUMNS]))
    except csv.Error:
        raise _not_a_spreadsheet() from None
    return table


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: Excel writes the list separator of the computer's region (a semicolon on many
    Vietnamese machines). The one under which the top lines hold an email-or-phone heading wins; otherwise the
    most frequent one."""
    top = [line for line in text[: 64 * 1024].splitlines() if line.strip()][:MAX_HEADER_SEARCH]
    candidates = sorted((",", ";", "\t"), key=lambda delimiter: -sum(line.count(delimiter) for line in top))
    for delimiter in candidates:
        try:
            lines = list(csv.reader(top, delimiter=delimiter))
        except csv.Error:
            continue
        if any(_heading(cell) in IDENTIFIER_ALIASES for cells in lines for cell in cells):
            return delimiter
    return candidates[0]


def _not_utf8() -> EnrolmentFileError:
    return EnrolmentFileError(
        _(
            "This CSV file is not saved in UTF-8, so its Vietnamese letters cannot be read. In Excel choose "
            "“Save as” and the type “CSV UTF-8 (Comma delimited)”, or upload the .xlsx file instead."
        ),
        code="not_utf8",
    )


def _xlsx_table(data: bytes) -> list[tuple[int, list]]:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _not_a_spreadsheet() from None
    # zipfile never produces more than an entry's declared size, so the declared sizes bound the unpacking
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _too_large()
    table = []
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a zip that is not a workbook (a .docx, a broken file)
        raise _not_a_spreadsheet() from None
    try:
        if not workbook.worksheets:
            raise _not_a_spreadsheet()
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong size; read what is really there
        for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_rows()
            table.append((number, list(cells)))
    except EnrolmentFileError:
        raise
    except Exception:  # a broken sheet inside a valid zip
        raise _not_a_spreadsheet() from None
    finally:
        workbook.close()
    return table


def cell_text(value) -> str:
    """A cell as text: numbers without a decimal part (a phone typed as a number is an int or a float)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _heading(value) -> str:
    return " ".join(_NOT_WORD.sub(" ", fold(cell_text(value))).split())


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _learner_rows(table: list[tuple[int, list]]) -> list[Row]:
    nonblank = [(number, [cell_text(cell) for cell in cells]) for number, cells in table]
    nonblank = [(number, cells) for number, cells in nonblank if any(cells)]
    if not nonblank:
        raise EnrolmentFileError(_("The file is empty."), code="empty")
    header_at = None
    for position, (_number, cells) in enumerate(nonblank[:MAX_HEADER_SEARCH]):
        if any(_heading(cell) in IDENTIFIER_ALIASES for cell in cells):
            header_at = position
            break
    if header_at is None:
        raise EnrolmentFileError(
            _(
                "The file has no “%(column)s” column. Download the template and keep its first row (the column "
                "headings) as it is."
            )
            % {"column": IDENTIFIER_HEADER},
            code="no_identifier_column",
        )
    headings = [_heading(cell) for cell in nonblank[header_at][1]]
    identifier_columns = [index for index, heading in enumerate(headings) if heading in IDENTIFIER_ALIASES]
    name_column = next((index for index, heading in enumerate(headings) if heading in NAME_ALIASES), None)
    rows = []
    for number, cells in nonblank[header_at + 1 :]:
        if len(rows) == MAX_ROWS:
            raise _too_many_rows()
        # with separate email and phone columns, the first one filled in names the learner
        identifier = next((_cell(cells, index) for index in identifier_columns if _cell(cells, index)), "")
        rows.append(Row(number=number, identifier=identifier, name=_cell(cells, name_column)))
    if not rows:
        raise EnrolmentFileError(_("The file has a header row but no learners under it."), code="no_rows")
    return rows


# --- checking the rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Identifier:
    kind: str  # "email" or "phone"
    value: str  # lowercased email, or the 10-digit phone number


def _parse_identifier(text: str) -> _Identifier | tuple[str, str]:
    """The row's identifier in canonical form, or (code, message) when it is not one."""
    if not text:
        return "missing_identifier", _("The email or phone number is missing.")
    if "@" in text:
        try:
            validate_email(text)
        except ValidationError:
            return "invalid_email", _("“%(value)s” is not a valid email address.") % {"value": text}
        return _Identifier("email", text.lower())
    digits = _PHONE_SEPARATORS.sub("", text)
    if _PHONE_WITHOUT_ZERO.fullmatch(digits):
        digits = f"0{digits}"  # typed as a number, the spreadsheet dropped the leading 0
    phone = normalise_phone(digits)
    if phone is None:
        return "invalid_phone", _(
            "“%(value)s” is not a Vietnamese mobile number (10 digits, for example 0912 345 678)."
        ) % {"value": text}
    return _Identifier("phone", phone)


def _chunks(values: Iterable, size: int = LOOKUP_CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _accounts(identifiers: Iterable[_Identifier]) -> dict[_Identifier, object]:
    """The accounts named, found in a few queries however long the list."""
    User = get_user_model()
    identifiers = list(identifiers)
    emails = {identifier.value for identifier in identifiers if identifier.kind == "email"}
    phones = {identifier.value for identifier in identifiers if identifier.kind == "phone"}
    found = {}
    for chunk in _chunks(emails):
        for user in User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=chunk):
            found[_Identifier("email", user.email_lower)] = user
    for chunk in _chunks(phones):
        for user in User.objects.filter(phone__in=chunk):
            found[_Identifier("phone", user.phone)] = user
    return found


@dataclass
class CheckedRows:
    report: BulkEnrolmentReport
    to_enrol: list[tuple[Row, object]]  # (row, account) pairs to enrol when the report has no errors


def check_rows(rows: list[Row], *, by, course: CoursePage) -> CheckedRows:
    """Check every row; nothing is changed. A row is an error when its identifier is not an email or a
    Vietnamese mobile number, names no account, names an account `by` may not manage, gives a name that is not
    the account's, or names a learner already named on an earlier row. A learner already studying the course is
    counted as already enrolled; the others (new, waiting for approval, or who left) are to enrol."""
    report = BulkEnrolmentReport(course=course, learners=len(rows))
    parsed = [(row, _parse_identifier(row.identifier)) for row in rows]
    accounts = _accounts(identifier for _row, identifier in parsed if isinstance(identifier, _Identifier))
    account_ids = [account.pk for account in accounts.values()]
    managed = {}
    studying = set()
    for chunk in _chunks(account_ids):
        managed.update({profile.user_id: profile for profile in learners_visible_to(by).filter(user_id__in=chunk)})
        studying.update(
            Enrolment.objects.filter(
                course=course,
                user_id__in=chunk,
                status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
            ).values_list("user_id", flat=True)
        )
    seen: dict[int, int] = {}
    to_enrol = []

    def refuse(row: Row, code: str, message: str) -> None:
        report.errors.append(RowError(row=row.number, identifier=row.identifier[:120], message=message, code=code))

    for row, identifier in parsed:
        if not isinstance(identifier, _Identifier):
            refuse(row, *identifier)
            continue
        account = accounts.get(identifier)
        if account is None:
            refuse(row, "unknown_account", _("No account uses this email or phone number."))
            continue
        if account.pk in seen:
            refuse(row, "duplicate", _("The same learner is already on row %(row)s.") % {"row": seen[account.pk]})
            continue
        seen[account.pk] = row.number
        profile = managed.get(account.pk)
        if profile is None:
            refuse(row, "not_managed", _("This account is not one of the learners you manage."))
            continue
        if row.name and fold(row.name) != fold(profile.full_name):
            refuse(
                row,
                "name_mismatch",
                _("The name “%(given)s” does not match this account's name, “%(name)s”. Check it is the right person.")
                % {"given": row.name, "name": profile.full_name},
            )
            continue
        if account.pk in studying:
            report.already_enrolled += 1
        else:
            to_enrol.append((row, account))
    return CheckedRows(report=report, to_enrol=to_enrol)


# --- the service -----------------------------------------------------------------------------------------------


class _Undo(Exception):
    pass


@transaction.atomic
def bulk_enrol(*, by, course: CoursePage, file) -> BulkEnrolmentReport:
    """Enrol the learners a CSV or .xlsx file lists in `course`, on behalf of `by` (a ward administrator: only
    their own ward's learners; a superuser: anyone). All or nothing, in one transaction: when any row is wrong,
    nobody is enrolled and the report lists every wrong row with its number and the reason. Learners already
    studying the course are counted and left alone; those waiting for approval or who left are made active.

    Raises EnrolmentFileError when the file itself cannot be read as a list (see read_rows), and LearningError
    when the course is not published."""
    from .services import LearningError, enrol  # services re-exports this function: import it when called

    if not course.live:
        raise LearningError(_("This course is not published. Publish it before enrolling learners."))
    checked = check_rows(read_rows(file), by=by, course=course)
    report = checked.report
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            for row, account in checked.to_enrol:
                try:
                    enrol(user=account, course=course, by=by, source=Enrolment.Source.BULK)
                except LearningError as refusal:  # only when `by` lists themselves and the course refuses
                    report.errors.append(
                        RowError(row=row.number, identifier=row.identifier[:120], message=str(refusal), code="refused")
                    )
            if report.errors:
                raise _Undo
    except _Undo:
        return report
    report.enrolled = len(checked.to_enrol)
    return report


def template_csv() -> bytes:
    """The file a ward administrator fills in: the header row only, UTF-8 with a BOM so that Excel shows the
    Vietnamese letters."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow(TEMPLATE_HEADERS)
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    """The same template as an Excel workbook, whatever the list separator of the computer's region."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ghi danh"
    sheet.append(list(TEMPLATE_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 32
    sheet.column_dimensions["A"].number_format = "@"  # phone numbers stay text: the leading 0 is kept
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

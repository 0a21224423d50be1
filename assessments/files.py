"""Learners' uploads for practical tasks: checked by their content (not by the name or the browser's word), kept
in the private storage, and served only through a view that has checked the viewer's right.

No helper for private files existed in lms/ or media/ when this was written (media reads H5P packages from
their zip itself), so the one way to send a private file lives here: X-Accel-Redirect when the web server
serves the private storage (settings.HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX), a streamed FileResponse otherwise.
"""

import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _

from .errors import AttemptError
from .models import AttemptItem, ResponseFile

# What we can recognise from the first bytes, and the name ending that goes with it.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"%PDF-", "application/pdf", "pdf"),
)
EXTENSIONS = {content_type: extension for _signature, content_type, extension in SIGNATURES}


def sniff(head: bytes) -> str | None:
    """The content type the file's first bytes show, or None when it is none we accept."""
    for signature, content_type, _extension in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


@dataclass
class CheckedUpload:
    row: AttemptItem
    upload: object  # an UploadedFile
    content_type: str
    sha256: str
    record: ResponseFile | None = None

    @property
    def meta(self) -> dict:
        return {
            "name": self.record.original_name,
            "size": self.record.size,
            "content_type": self.content_type,
            "sha256": self.sha256,
            "storage_name": self.record.file.name,
        }


def check_upload(row: AttemptItem, upload) -> CheckedUpload:
    """Refuse a file the task does not accept (by its real type, by its size); raise AttemptError("bad_answer")
    with a plain reason. Reads the file once, for its checksum."""
    body = row.version.body
    if row.item.kind != "practical" or body.get("mode", "upload") != "upload":
        raise AttemptError("unknown_item")
    limit = body.get("max_bytes") or 0
    if not upload.size:
        raise AttemptError("bad_answer", _("The file is empty. Choose another file."))
    if upload.size > limit:
        raise AttemptError("bad_answer", _("The file is too large. Choose a smaller file."))
    upload.seek(0)
    content_type = sniff(upload.read(16))
    allowed = {value.lower() for value in body.get("allowed_types") or []}
    if content_type is None or content_type not in allowed:
        raise AttemptError(
            "bad_answer", _("This type of file is not accepted here. Send a photo (PNG or JPEG) or a PDF.")
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(row=row, upload=upload, content_type=content_type, sha256=digest.hexdigest())


def store(checked: CheckedUpload) -> ResponseFile:
    """Write the file to the private storage under a random name (the learner's name for it is kept apart);
    the record is saved by the caller once the answer is saved."""
    original = (checked.upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255] or "file"
    record = ResponseFile(
        attempt_item=checked.row,
        original_name=original,
        content_type=checked.content_type,
        size=checked.upload.size,
        sha256=checked.sha256,
    )
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[checked.content_type]}"
    record.file.save(name, checked.upload, save=False)
    checked.record = record
    return record


def discard(checked: list[CheckedUpload]) -> None:
    for entry in checked:
        if entry.record is not None and entry.record.file:
            entry.record.file.delete(save=False)


def private_file_response(record: ResponseFile) -> HttpResponse:
    """Send a private file whose viewer has been checked already."""
    prefix = getattr(settings, "HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX", "")
    disposition = f"inline; filename*=UTF-8''{quote(record.original_name)}"
    if prefix:
        response = HttpResponse(content_type=record.content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(record.file.name)
    else:
        response = FileResponse(record.file.open("rb"), content_type=record.content_type)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response

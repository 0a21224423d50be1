"""The one way certificates send a private file (a rendered PDF) once a view has checked the viewer's right.

The same approach as `assessments.files.private_file_response` (which cannot be imported from here: it is bound to
the engine's models, and the import contract keeps certificates on `assessments.api`): X-Accel-Redirect when the
web server serves the private storage (settings.HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX), a streamed FileResponse
otherwise, and headers that keep the file out of shared caches and out of other sites' pages.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse


def _harden(response: HttpResponse, *, filename: str, disposition: str) -> HttpResponse:
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace('"', "")
    response["Content-Disposition"] = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def private_file_response(
    field_file, *, content_type: str, filename: str, disposition: str = "attachment"
) -> HttpResponse:
    """Send a file from the private storage (a FieldFile) whose viewer has been checked already."""
    prefix = getattr(settings, "HOCVUSO_PRIVATE_MEDIA_ACCEL_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
    else:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
    return _harden(response, filename=filename, disposition=disposition)


def bytes_response(body: bytes | str, *, content_type: str, filename: str) -> HttpResponse:
    """Send a small document kept in the database (the credential's JSON or JWT) as a download."""
    return _harden(HttpResponse(body, content_type=content_type), filename=filename, disposition="attachment")

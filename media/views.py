import mimetypes
import zipfile

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .access import can_play
from .models import H5PPackage

_TYPES = {
    "json": "application/json",
    "js": "text/javascript",
    "css": "text/css",
    "svg": "image/svg+xml",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "woff2": "font/woff2",
    "woff": "font/woff",
    "mp3": "audio/mpeg",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "txt": "text/plain",
    "pdf": "application/pdf",
}


@require_GET
def package_file(request, sha256: str, path: str):
    """One file of an H5P package, for a user allowed to play it. Unknown, forbidden and missing all answer 404,
    so nobody learns which packages exist."""
    package = get_object_or_404(H5PPackage, sha256=sha256)
    if not can_play(request.user, package):
        raise Http404
    with package.file.open("rb") as stored, zipfile.ZipFile(stored) as archive:
        try:
            info = archive.getinfo(path)  # names were checked at upload; anything else is simply absent
        except KeyError:
            raise Http404 from None
        if info.is_dir():
            raise Http404
        data = archive.read(info)
    extension = path.rsplit(".", 1)[-1].lower()
    content_type = _TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = HttpResponse(data, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # opened directly as a page, a package file runs in an opaque origin with no access to the site
    response["Content-Security-Policy"] = "sandbox allow-scripts; default-src 'self' 'unsafe-inline' data: blob:"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=86400, immutable"
    return response

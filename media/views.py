import mimetypes
import re
import zipfile
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from .access import can_play
from .models import H5PPackage
from .tokens import MAX_AGE, user_id_from_token

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
# opened directly as a page, a package file runs in an opaque origin with no access to the site
PACKAGE_FILE_CSP = "sandbox allow-scripts; default-src 'self' 'unsafe-inline' data: blob:"
# the player's own files, under /static/ (STATICFILES_DIRS)
PLAYER_MAIN_JS = "h5p-standalone/main.bundle.js"
PLAYER_FRAME_JS = "h5p-standalone/frame.bundle.js"
PLAYER_FRAME_CSS = "h5p-standalone/styles/h5p.css"
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _package_file_response(package: H5PPackage, path: str, *, for_player: bool) -> HttpResponse:
    """One file of a package, read from its zip. Whoever calls this has checked the right to play the package.

    `for_player`: the file is fetched by the sandboxed player (an opaque origin, so a cross-origin request without
    credentials) under a token URL, and must be shareable with it; otherwise only the site itself may use it.
    """
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
    response["Content-Security-Policy"] = PACKAGE_FILE_CSP
    if for_player:
        # the token in the URL is the authorisation: any origin may read the file, no cookie is involved
        response["Access-Control-Allow-Origin"] = "*"
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = f"private, max-age={MAX_AGE}, immutable"
    else:
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        response["Cache-Control"] = "private, max-age=86400, immutable"
    return response


@require_GET
def package_file(request, sha256: str, path: str):
    """One file of an H5P package, for a signed-in user allowed to play it. Unknown, forbidden and missing all
    answer 404, so nobody learns which packages exist."""
    package = get_object_or_404(H5PPackage, sha256=sha256)
    if not can_play(request.user, package):
        raise Http404
    return _package_file_response(package, path, for_player=False)


def _package_for_token(sha256: str, token: str, *, check_play: bool) -> H5PPackage:
    """The package a valid token opens, for an account that is still active; 404 for anything else, the same
    whatever went wrong. `check_play`: ask media.access again (the player page does, once per view)."""
    user_id = user_id_from_token(token, sha256=sha256)
    if user_id is None:
        raise Http404
    package = H5PPackage.objects.filter(sha256=sha256).first()
    if package is None:
        raise Http404
    users = get_user_model()._default_manager.filter(pk=user_id, is_active=True)
    if check_play:
        user = users.first()
        if user is None or not can_play(user, package):
            raise Http404
    elif not users.exists():
        raise Http404
    return package


@require_GET
def token_file(request, sha256: str, token: str, path: str):
    """One file of an H5P package for the sandboxed player, authorised by the play token in the URL."""
    return _package_file_response(_package_for_token(sha256, token, check_play=False), path, for_player=True)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _player_csp(site: str, static_origin: str) -> str:
    sources = " ".join(dict.fromkeys(["'self'", site, static_origin]))
    return "; ".join(
        [
            # an opaque origin even when opened directly, not only inside the sandboxed iframe
            "sandbox allow-scripts",
            "default-src 'none'",
            f"script-src {sources}",
            # H5P libraries write style attributes into the markup they build
            f"style-src {sources} 'unsafe-inline'",
            f"img-src {sources} data: blob:",
            f"font-src {sources} data:",
            f"media-src 'self' {site} data: blob:",
            f"connect-src 'self' {site}",
            f"frame-src 'self' {site}",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors 'self' {site}",
        ]
    )


@require_GET
@never_cache
@xframe_options_sameorigin
def player(request, sha256: str, token: str):
    """The page the sandboxed iframe shows: h5p-standalone playing the package from the token's file URLs, and
    telling the embedding page about xAPI statements and its height (see media.api)."""
    package = _package_for_token(sha256, token, check_play=True)
    site = _origin(request.build_absolute_uri("/"))
    main_js = request.build_absolute_uri(static(PLAYER_MAIN_JS))
    # h5p-standalone fetches h5p.json, content/content.json and each library.json below this folder
    files = request.build_absolute_uri(
        reverse("media:h5p_token_file", kwargs={"sha256": sha256, "token": token, "path": "h5p.json"})
    ).removesuffix("/h5p.json")
    page_language = get_language() or "vi"
    content_language = str(package.h5p_json.get("language") or "")
    if not _LANGUAGE_TAG.match(content_language) or content_language == "und":
        content_language = page_language
    options = {
        "id": sha256[:16],
        "h5pJsonPath": files,
        "contentJsonPath": f"{files}/content",
        "librariesPath": files,
        "frameJs": request.build_absolute_uri(static(PLAYER_FRAME_JS)),
        "frameCss": request.build_absolute_uri(static(PLAYER_FRAME_CSS)),
        # the player page is itself the content's own document inside the sandbox: no further iframe
        "embedType": "div",
        # our player starts H5P itself, after listening for xAPI, so that no statement is missed
        "preventH5PInit": False,
        "frame": False,
        "copyright": False,
        "export": False,
        "embed": False,
        "icon": False,
        "fullScreen": False,
        # object.id of the statements: the package, never the token's URL
        "xAPIObjectIRI": request.build_absolute_uri(
            reverse("media:h5p_file", kwargs={"sha256": sha256, "path": "h5p.json"}).removesuffix("h5p.json")
        ),
        "title": package.title,
        "metadata": {"title": package.title, "license": "U", "defaultLanguage": content_language},
    }
    response = TemplateResponse(
        request,
        "media/h5p_player.html",
        {
            "package": package,
            "options": options,
            "main_js": main_js,
            "content_language": content_language,
            "page_language": page_language,
        },
    )
    response["Content-Security-Policy"] = _player_csp(site, _origin(main_js))
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response

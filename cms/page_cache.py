"""Whole-page cache for anonymous visitors of the portal column.

A hit costs no query and no template. Every key carries a version number; publishing, unpublishing, moving or
deleting any page, or changing a snippet the column shows, bumps the version, so no stale page survives a
change (old entries just expire). Only Wagtail pages that opt in are stored, and never a response that carries
a CSRF token or sets a cookie: a cached page holds nothing personal.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from lms.cache import CacheGeneration
from lms.display import text_size_of

VERSION_KEY = "cms:page-cache-version"
TIMEOUT_SECONDS = 10 * 60
_SKIPPED_PREFIXES = ("/quan-tri/", "/django-admin/", "/tai-khoan/", "/ngon-ngu/", "/healthz", "/__bench__/")
_PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
_KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Referrer-Policy", "Vary")


_generation = CacheGeneration(VERSION_KEY)
version = _generation.current
invalidate = _generation.bump
invalidate_now_and_after_commit = _generation.bump_now_and_after_commit


def mark_cacheable(response) -> None:
    response.hocvuso_page_cacheable = True


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _key(self, request) -> str | None:
        if request.method not in {"GET", "HEAD"} or request.META.get("QUERY_STRING"):
            return None
        if request.path.startswith(_SKIPPED_PREFIXES):
            return None
        if any(name in request.COOKIES for name in _PERSONAL_COOKIES):
            return None
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        return f"cms:page:{version()}:{request.get_host()}:{language}:{text_size_of(request)}:{request.path}"

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(response, "hocvuso_page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
            cache.set(key, {"content": response.content, "headers": headers}, TIMEOUT_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

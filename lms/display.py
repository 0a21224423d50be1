"""The visitor's display choices. Kept in a cookie so every page reads them without a query; the profile keeps
a signed-in person's choice across devices and puts it back in the cookie at sign-in."""

from .models import TextSize

TEXT_SIZE_COOKIE = "hocvuso_text_size"
_ONE_YEAR = 60 * 60 * 24 * 365
_SIZES = frozenset(TextSize.values)


def text_size_of(request) -> str:
    size = request.COOKIES.get(TEXT_SIZE_COOKIE)
    return size if size in _SIZES else TextSize.NORMAL


def remember_text_size(response, request, size: str) -> None:
    response.set_cookie(TEXT_SIZE_COOKIE, size, max_age=_ONE_YEAR, samesite="Lax", secure=request.is_secure())

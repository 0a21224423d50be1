"""Play tokens: the authorisation of a sandboxed H5P player, which has an opaque origin and so no cookie.

A token is `<user id>:<timestamp>:<signature>` (django.core.signing's TimestampSigner), signed with a salt that
holds the package's sha256: it lets one user play one package, and only until it is MAX_AGE old. Minting one
needs no database. The timestamp is rounded down to the hour, so within an hour a user's player and file URLs
stay the same and a phone's cache keeps the package's files from one lesson view to the next; a token therefore
lasts between 11 and 12 hours.
"""

import re
import time

from django.core import signing

MAX_AGE = 12 * 60 * 60
_STEP = 60 * 60
# what a token looks like in a URL (the view checks the signature; this only keeps junk out of the URL space)
PATTERN = r"[0-9]{1,20}:[0-9A-Za-z]{1,12}:[0-9A-Za-z_-]{20,100}"
_WHOLE = re.compile(rf"^{PATTERN}$")


class _HourlySigner(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) // _STEP * _STEP)


def _signer(sha256: str) -> signing.TimestampSigner:
    return _HourlySigner(salt=f"hocvuso.media.h5p-play:{sha256}")


def make_token(*, user_id: int, sha256: str) -> str:
    return _signer(sha256).sign(str(int(user_id)))


def user_id_from_token(token: str, *, sha256: str) -> int | None:
    """The user a valid, unexpired token for this package was made for; None for anything else."""
    if not _WHOLE.match(token or ""):
        return None
    try:
        value = _signer(sha256).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    return int(value) if value.isdigit() else None

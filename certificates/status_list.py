"""Revocation with a Bitstring Status List (W3C Bitstring Status List v1.0).

Each credential has an index into a list of at least 131,072 bits (16 KiB, so one holder's bit says nothing about
who they are); bit set = revoked. The list is published as a signed `BitstringStatusListCredential` whose
`encodedList` is multibase base64url (`u` prefix, no padding) of the GZIP-compressed bits. Bit 0 is the most
significant bit of the first byte, as the spec (and Digital Bazaar's implementation) reads it.

Verifiers that report a credential "verified" may still find it revoked (CREDENTIALS.md item 8): `check_status`
gives the revocation as its own answer, and `openbadges.verify_credential` combines both.
"""

import base64
import gzip
import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from . import signing
from .document_loader import VC_V2

MIN_BITS = 131072
# a list far bigger than any ward needs; refuses a "zip bomb" posing as a status list
MAX_BITS = 8 * 16 * 1024 * 1024
PURPOSE_REVOCATION = "revocation"


class StatusListError(ValueError):
    """An encoded list or a status entry that does not follow the spec."""


def new_list(length: int = MIN_BITS) -> bytearray:
    """All bits clear (nothing revoked)."""
    if length < MIN_BITS or length % 8:
        raise StatusListError(f"A status list has at least {MIN_BITS} bits, a multiple of 8")
    return bytearray(length // 8)


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"Index {index} is outside the list")
    mask = 0x80 >> (index % 8)
    if value:
        bits[index // 8] |= mask
    else:
        bits[index // 8] &= ~mask & 0xFF


def get_bit(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"Index {index} is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def encode(bits: bytes | bytearray | memoryview) -> str:
    """`u` + base64url (no padding) of GZIP(bits); the list must hold at least 131,072 bits."""
    raw = bytes(bits)
    if len(raw) * 8 < MIN_BITS:
        raise StatusListError(f"A status list has at least {MIN_BITS} bits")
    # mtime=0: the same bits always give the same encodedList (and the same signature input)
    compressed = gzip.compress(raw, compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded: str) -> bytes:
    """The bits of an `encodedList` (StatusListError if it is not multibase base64url GZIP, or too short/long)."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError('encodedList must be multibase base64url (start with "u")')
    body = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as stream:
            raw = stream.read(MAX_BITS // 8 + 1)
    except (ValueError, OSError, EOFError, zlib.error) as error:
        raise StatusListError(f"encodedList is not GZIP in base64url: {error}") from error
    if len(raw) * 8 > MAX_BITS:
        raise StatusListError("encodedList is too long")
    if len(raw) * 8 < MIN_BITS:
        raise StatusListError(f"A status list has at least {MIN_BITS} bits")
    return raw


def entry(*, list_url: str, index: int, purpose: str = PURPOSE_REVOCATION) -> dict:
    """The `credentialStatus` of a credential at `index` of the list published at `list_url`."""
    if index < 0:
        raise StatusListError("The index is not negative")
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(
    *,
    list_url: str,
    issuer: str | dict,
    bits: bytes | bytearray,
    key,
    valid_from: datetime | None = None,
    purpose: str = PURPOSE_REVOCATION,
    verification_method: str | None = None,
) -> dict:
    """The signed `BitstringStatusListCredential` published at `list_url` (issuer: the DID, or a Profile)."""
    document = {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode(bits),
        },
    }
    if valid_from is not None:
        document["validFrom"] = signing.timestamp(valid_from)
    return signing.sign(document, key=key, verification_method=verification_method)


@dataclass(frozen=True)
class StatusResult:
    ok: bool  # the status could be read from a genuine list of the same issuer
    revoked: bool | None  # None when not ok
    reason: str = ""


def _statuses(credential: dict) -> list:
    status = credential.get("credentialStatus")
    if status is None:
        return []
    return status if isinstance(status, list) else [status]


def check_status(
    credential: dict,
    *,
    resolve_key: signing.KeyResolver,
    load_status_list: Callable[[str], dict | None],
    purpose: str = PURPOSE_REVOCATION,
) -> StatusResult:
    """Is the credential revoked? Reads its `BitstringStatusListEntry` for `purpose`, gets the list credential
    from `load_status_list(url)` (ours from the database; never a fetch chosen by the credential), checks that
    list's signature and issuer, then the bit. No entry at all = not revoked (ok)."""
    entries = [
        item
        for item in _statuses(credential)
        if isinstance(item, dict) and item.get("type") == "BitstringStatusListEntry"
    ]
    if not entries:
        return StatusResult(True, False, "no status entry")
    wanted = [item for item in entries if item.get("statusPurpose") == purpose]
    if not wanted:
        return StatusResult(True, False, f"no {purpose} entry")
    revoked = False
    for item in wanted:
        url = item.get("statusListCredential")
        try:
            index = int(item.get("statusListIndex"))
        except (TypeError, ValueError):
            return StatusResult(False, None, "statusListIndex is not an integer")
        if not isinstance(url, str) or index < 0:
            return StatusResult(False, None, "malformed status entry")
        listed = load_status_list(url)
        if listed is None:
            return StatusResult(False, None, f"status list not available: {url}")
        checked = signing.verify(listed, resolve_key=resolve_key)
        if not checked.ok:
            return StatusResult(False, None, f"status list not verified: {checked.reason}")
        if listed.get("id") != url or "BitstringStatusListCredential" not in (listed.get("type") or []):
            return StatusResult(False, None, "not the status list the entry names")
        if signing.issuer_id(listed) != signing.issuer_id(credential):
            return StatusResult(False, None, "the status list has another issuer")
        subject = listed.get("credentialSubject") or {}
        if subject.get("type") != "BitstringStatusList" or subject.get("statusPurpose") != purpose:
            return StatusResult(False, None, "the status list is for another purpose")
        try:
            bits = decode(subject.get("encodedList"))
            revoked = revoked or get_bit(bits, index)
        except StatusListError as error:
            return StatusResult(False, None, str(error))
    return StatusResult(True, revoked, "revoked" if revoked else "")

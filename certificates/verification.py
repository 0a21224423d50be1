"""Checking a certificate, for the public verification page, its JSON API and the upload box.

Only certificates of THIS portal are checked, and only against what this portal holds: our own DID document
(every issuer key, retired ones too) and our own status lists read from the database. Nothing is fetched from
the network, whatever URL a credential names (CREDENTIALS.md item 9); another issuer's credential is refused
as "not issued by this portal" instead of being half-checked.

"The signature is good" is not "the certificate stands" (CREDENTIALS.md item 8): every verdict reads the
revocation bit from the signed status list itself, and for a certificate of our register the bit must agree
with the register's row. When they disagree (or the stored credential no longer verifies) the verdict is
"not valid" and an error is logged: someone changed one without the other.

What a verdict shows of the holder is their name masked (`mask_name`): the family name and the first letter of
every other word. A verifier compares it with the paper and the person in front of them; a passer-by who types
serial numbers learns little.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import did, openbadges, services, signing, status_list
from .models import IssuedCredential, StatusList

log = logging.getLogger("hocvuso.certificates")

# an Open Badge with its proof is 3 to 4 KB; a JWT about the same: 64 KB leaves room and refuses floods
MAX_DOCUMENT_BYTES = 64 * 1024
# a credential nests five or six levels; a deeper document is refused before JSON-LD processing sees it
MAX_DEPTH = 24
SERIAL = re.compile(r"HVS-\d{4}-\d{6}")
COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


class State:
    VALID = "valid"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    NOT_FOUND = "not_found"
    PENDING = "pending"  # registered, not signed yet (the issuing task is still running)
    INVALID = "invalid"  # a bad signature, an unknown key, or register and status list disagree
    FOREIGN = "foreign"  # another issuer's credential
    MALFORMED = "malformed"  # not a credential at all
    TOO_LARGE = "too_large"


# states in which the certificate's data came from a verified signature and may be shown
SHOWS_DATA = {State.VALID, State.REVOKED, State.EXPIRED, State.NOT_YET_VALID}


class Revocation:
    REISSUED = "reissued"
    WITHDRAWN = "withdrawn"


@dataclass
class Verdict:
    state: str
    serial: str = ""
    detail: str = ""  # the verifier's technical reason (English), for the technical details and the logs
    holder: str = ""  # masked
    achievement: str = ""
    issuer_id: str = ""
    issuer_name: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    revoked_at: datetime | None = None
    revocation: str = ""  # Revocation.*: the reason's category (the reason's own text stays in the register)
    replaced_by: str = ""  # serial of the corrected certificate
    key_id: str | None = None
    signature_ok: bool | None = None
    status_checked: bool | None = None
    register_agrees: bool | None = None
    form: str = ""  # "data-integrity" or "jwt" for an uploaded credential
    credential_id: str = ""
    status_list_url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.state == State.VALID

    @property
    def shows_data(self) -> bool:
        return self.state in SHOWS_DATA

    @property
    def label(self) -> str:
        """The one- or two-word verdict, as on a stamp."""
        return {
            State.VALID: _("Valid"),
            State.REVOKED: _("Revoked"),
            State.EXPIRED: _("Expired"),
            State.NOT_YET_VALID: _("Not yet valid"),
            State.NOT_FOUND: _("Not found"),
            State.PENDING: _("Being issued"),
            State.FOREIGN: _("Not ours"),
        }.get(self.state, _("Not valid"))

    @property
    def message(self) -> str:
        """The verdict as a plain sentence."""
        if self.state == State.VALID:
            return _("The certificate is valid")
        if self.state == State.REVOKED:
            return _("The certificate was revoked on %(date)s") % {"date": vietnamese_date(self.revoked_at)}
        if self.state == State.EXPIRED:
            return _("The certificate expired on %(date)s") % {"date": vietnamese_date(self.valid_until)}
        if self.state == State.NOT_YET_VALID:
            return _("The certificate is valid only from %(date)s") % {"date": vietnamese_date(self.valid_from)}
        if self.state == State.NOT_FOUND:
            return _("No certificate number %(serial)s was found") % {"serial": self.serial}
        if self.state == State.PENDING:
            return _("Certificate number %(serial)s is still being issued. Please try again in a few minutes.") % {
                "serial": self.serial
            }
        if self.state == State.FOREIGN:
            return _("This certificate was not issued by this portal")
        if self.state == State.MALFORMED:
            return _("This is not a certificate file")
        if self.state == State.TOO_LARGE:
            return _("The file is too large (at most %(size)s KB)") % {"size": MAX_DOCUMENT_BYTES // 1024}
        return _("The certificate could not be verified")

    @property
    def explanation(self) -> str:
        """What the verdict means for the person reading it, or what to do next."""
        if self.state == State.VALID:
            return _("It was issued by this portal, its signature is correct and it has not been revoked.")
        if self.state == State.REVOKED:
            return _("It is no longer valid. Do not accept it.")
        if self.state == State.EXPIRED:
            return _("It was genuine, but it is past its end date.")
        if self.state == State.NOT_FOUND:
            return _("Check the number on the paper (for example HVS-2026-000123) and try again.")
        if self.state == State.FOREIGN:
            return _("This portal can only check the certificates it issued itself. Ask the issuer to check it.")
        if self.state == State.MALFORMED:
            if self.extra.get("pdf"):
                return _(
                    "This is the printed certificate (PDF). Scan its QR code, or upload the .json file "
                    "attached inside it."
                )
            return _("Upload the .json file of the certificate, or paste its text or its JWT.")
        if self.state in (State.INVALID,):
            if self.form:
                return _("The file was changed after it was signed, or its signature is not ours.")
            return _("Its record and its signed copy do not agree. Please contact the issuing ward.")
        return ""

    @property
    def revocation_label(self) -> str:
        if self.revocation == Revocation.REISSUED:
            return _("Replaced by a corrected certificate")
        if self.revocation == Revocation.WITHDRAWN:
            return _("Withdrawn by the issuer")
        return ""

    def as_json(self) -> dict:
        shows = self.shows_data
        return {
            "state": self.state,
            "valid": self.valid,
            "label": self.label,
            "message": self.message,
            "serial": self.serial or None,
            "holder": self.holder if shows else None,
            "achievement": self.achievement if shows else None,
            "issuer": {"id": self.issuer_id, "name": self.issuer_name} if shows else None,
            "valid_from": _iso(self.valid_from) if shows else None,
            "valid_until": _iso(self.valid_until) if shows else None,
            "revoked_at": _iso(self.revoked_at) if shows else None,
            "revocation": (
                {"category": self.revocation, "label": self.revocation_label, "replaced_by": self.replaced_by or None}
                if shows and self.revocation
                else None
            ),
            "checks": {
                "signature": self.signature_ok,
                "key_id": self.key_id,
                "status_list": self.status_checked,
                "register_agrees": self.register_agrees,
                "detail": self.detail or None,
            },
            "credential": self.credential_id or None,
            "status_list_credential": self.status_list_url or None,
        }


# --- presentation helpers -------------------------------------------------------------------------------------


def _graphemes(word: str) -> list[str]:
    """Letters with their combining marks (after NFC a Vietnamese letter is one code point; a mark with no
    precomposed form stays attached to its letter)."""
    clusters: list[str] = []
    for char in word:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _mask_word(word: str) -> str:
    letters = _graphemes(word)
    return letters[0] + "*" * (len(letters) - 1)


def mask_name(name: str) -> str:
    """The holder's name as verifiers see it: "Nguyễn Thị Hường" -> "Nguyễn T** H****".

    NFC first (the same name typed in NFD masks the same); the first word (the family name, which says little
    by itself) is kept, every other word keeps its first letter and shows one star per further letter, so
    the shape of the name can be compared with an identity card. A one-word name keeps only its first letter.
    """
    words = unicodedata.normalize("NFC", name or "").split()
    if not words:
        return ""
    if len(words) == 1:
        return _mask_word(words[0])
    return " ".join([words[0], *(_mask_word(word) for word in words[1:])])


def vietnamese_date(value: datetime | date | None) -> str:
    """dd/mm/yyyy, in Vietnam's time (the way dates are written on Vietnamese papers)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def _iso(value: datetime | None) -> str | None:
    return signing.timestamp(value) if value else None


def _parse_time(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --- what we hold: keys, status lists, serials ------------------------------------------------------------------


def key_resolver() -> signing.KeyResolver:
    """Our DID document's keys (the files' public halves), never a fetch."""
    return did.key_resolver(services.site_host())


def _id_in(url, template: str, placeholder: str) -> str | None:
    """The part of `url` that stands where `placeholder` stands in `template` (a URL services made)."""
    if not isinstance(url, str):
        return None
    prefix, _sep, suffix = template.partition(placeholder)
    if not (url.startswith(prefix) and url.endswith(suffix)) or len(url) <= len(prefix) + len(suffix):
        return None
    return url[len(prefix) : len(url) - len(suffix)]


_PLACEHOLDER_ID = 918273645546372819


def status_list_id(url) -> int | None:
    """The id of our status list published at `url` (None for any other URL)."""
    # a placeholder no host or port contains ("0" would match inside ":8000")
    found = _id_in(url, services.status_list_url(_PLACEHOLDER_ID), str(_PLACEHOLDER_ID))
    if found is None or not found.isdigit() or len(found) > 12:
        return None
    return int(found) if services.status_list_url(int(found)) == url else None


def serial_of(credential_id) -> str | None:
    """The serial of our certificate whose id (its verification URL) is `credential_id`."""
    found = _id_in(credential_id, services.verification_url("HVS-0000-000000"), "HVS-0000-000000")
    return found if found and SERIAL.fullmatch(found) else None


def status_list_loader(preloaded: StatusList | None = None):
    """`load_status_list` for the verifiers: our signed list from the database (the one already read, if it is
    that one), None for any URL that is not one of ours."""

    def load(url: str) -> dict | None:
        list_id = status_list_id(url)
        if list_id is None:
            return None
        if preloaded is not None and preloaded.pk == list_id:
            return preloaded.credential_json or None
        stored = StatusList.objects.filter(pk=list_id).values_list("credential_json", flat=True).first()
        return stored or None

    return load


def _revocation(record: IssuedCredential) -> tuple[str, str]:
    """(category, serial of the corrected certificate). The reason's text is not shown to the public: staff
    write it for the audit trail and it may name personal circumstances."""
    replaced_by = getattr(record, "replaced_by", None) if record.revoked_at else None
    if replaced_by is not None or record.revoke_reason == services.REISSUED_REASON:
        return Revocation.REISSUED, replaced_by.serial if replaced_by is not None else ""
    return Revocation.WITHDRAWN, ""


# --- the verdicts ------------------------------------------------------------------------------------------------


def _record_query():
    return IssuedCredential.objects.select_related("status_list", "replaced_by").defer(
        "status_list__bits", "replaced_by__credential_json", "replaced_by__jwt"
    )


def normalize_serial(text: str) -> str:
    return "".join((text or "").split()).upper()


def check_serial(serial: str, *, now: datetime | None = None) -> Verdict:
    """The verdict for a serial typed or scanned from the paper: the stored signed credential is verified with
    our own verifier (signature, dates, the status list's bit) and compared with the register's row."""
    serial = normalize_serial(serial)
    if not SERIAL.fullmatch(serial):
        return Verdict(State.NOT_FOUND, serial=serial[:40])
    record = _record_query().filter(serial=serial).first()
    if record is None:
        return Verdict(State.NOT_FOUND, serial=serial)
    if not record.signed:
        return Verdict(State.PENDING, serial=serial)
    credential = record.credential_json
    check = openbadges.verify_credential(
        credential,
        resolve_key=key_resolver(),
        load_status_list=status_list_loader(record.status_list),
        now=now or timezone.now(),
    )
    verdict = _judge(credential, check, record=record, serial=serial)
    if verdict.state == State.INVALID:
        log.error(
            "certificate %s: the stored credential and the register disagree or it does not verify: %s",
            serial,
            verdict.detail,
        )
    return verdict


def _judge(credential: dict, check: openbadges.CredentialCheck, *, record: IssuedCredential | None, serial: str):
    """One verdict from the verifier's check and (for our certificates) the register's row."""
    verdict = Verdict(
        State.INVALID,
        serial=serial,
        key_id=check.key_id,
        signature_ok=check.verified,
        status_checked=bool(check.status_ok),
        detail=check.reason,
        credential_id=credential.get("id") if isinstance(credential.get("id"), str) else "",
    )
    status = credential.get("credentialStatus")
    if isinstance(status, dict) and isinstance(status.get("statusListCredential"), str):
        verdict.status_list_url = status["statusListCredential"]
    if not check.verified:
        return verdict
    if not check.status_ok:
        # every certificate of ours has a revocation entry: no entry, or a list that cannot be read, is no answer
        verdict.detail = check.reason or "no revocation status"
        return verdict
    if record is None:
        verdict.detail = "signed with our key but not in the register"
        return verdict
    if verdict.credential_id != services.verification_url(record.serial):
        verdict.detail = "the credential's id is not the register's serial"
        verdict.register_agrees = False
        return verdict
    if bool(check.revoked) != record.revoked:
        verdict.register_agrees = False
        verdict.detail = (
            "the register says revoked, the status list does not"
            if record.revoked
            else "the status list says revoked, the register does not"
        )
        return verdict
    verdict.register_agrees = True
    subject = credential.get("credentialSubject") or {}
    issuer = credential.get("issuer") or {}
    verdict.holder = mask_name(subject.get("name") or "")
    verdict.achievement = (subject.get("achievement") or {}).get("name") or credential.get("name") or ""
    verdict.issuer_id = signing.issuer_id(credential) or ""
    verdict.issuer_name = issuer.get("name", "") if isinstance(issuer, dict) else ""
    verdict.valid_from = _parse_time(credential.get("validFrom"))
    verdict.valid_until = _parse_time(credential.get("validUntil"))
    if check.revoked:
        verdict.state = State.REVOKED
        verdict.revoked_at = record.revoked_at
        verdict.revocation, verdict.replaced_by = _revocation(record)
    elif check.expired:
        verdict.state = State.EXPIRED
    elif check.not_yet_valid:
        verdict.state = State.NOT_YET_VALID
    else:
        verdict.state = State.VALID
    return verdict


def _depth(value, limit: int) -> int:
    """How deep a JSON value nests (stops counting past `limit`)."""
    stack, deepest = [(value, 1)], 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


def _jwt_payload_unverified(token: str) -> dict | None:
    """The claims of a compact JWS, read only to name the issuer in a refusal (the signature is checked after)."""
    try:
        body = token.split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, IndexError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None


def _is_open_badge(document: dict) -> bool:
    return (
        isinstance(document.get("@context"), list)
        and document["@context"][:2] == openbadges.CONTEXT
        and isinstance(document.get("type"), list)
        and set(openbadges.TYPES) <= set(document["type"])
    )


def check_document(data: bytes | str, *, now: datetime | None = None) -> Verdict:
    """The verdict for a credential someone uploaded or pasted: the Open Badge JSON with its Data Integrity
    proof, or the compact JWT. Never raises for bad input: a verdict says what is wrong."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Verdict(State.TOO_LARGE, detail=f"{len(raw)} bytes")
    if raw.lstrip().startswith(b"%PDF"):
        return Verdict(State.MALFORMED, detail="a PDF file", extra={"pdf": True})
    try:
        text = raw.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        return Verdict(State.MALFORMED, detail="not UTF-8 text")
    now = now or timezone.now()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return Verdict(State.MALFORMED, detail="not valid JSON")
        if not isinstance(document, dict) or _depth(document, MAX_DEPTH) > MAX_DEPTH:
            return Verdict(State.MALFORMED, detail="not a credential object")
        return _check_data_integrity(document, now=now)
    if COMPACT_JWS.fullmatch(text):
        return _check_jwt(text, now=now)
    return Verdict(State.MALFORMED, detail="neither JSON nor a compact JWT")


def _foreign_or_malformed(document: dict, form: str) -> Verdict | None:
    if not _is_open_badge(document):
        return Verdict(State.MALFORMED, form=form, detail="not an Open Badges 3.0 credential")
    issuer = signing.issuer_id(document)
    if issuer != services.issuer_did():
        return Verdict(State.FOREIGN, form=form, detail=f"issuer {issuer!r}")
    return None


def _record_for(document: dict) -> tuple[str, IssuedCredential | None]:
    serial = serial_of(document.get("id")) or ""
    record = _record_query().filter(serial=serial).first() if serial else None
    return serial, record


def _check_data_integrity(document: dict, *, now: datetime) -> Verdict:
    refused = _foreign_or_malformed(document, "data-integrity")
    if refused is not None:
        return refused
    serial, record = _record_for(document)
    check = openbadges.verify_credential(
        document,
        resolve_key=key_resolver(),
        load_status_list=status_list_loader(record.status_list if record else None),
        now=now,
    )
    verdict = _judge(document, check, record=record, serial=serial)
    verdict.form = "data-integrity"
    _log_disagreement(verdict)
    return verdict


def _check_jwt(token: str, *, now: datetime) -> Verdict:
    claimed = _jwt_payload_unverified(token)
    if claimed is None:
        return Verdict(State.MALFORMED, form="jwt", detail="not a compact JWS")
    refused = _foreign_or_malformed(claimed, "jwt")
    if refused is not None:
        return refused
    resolve = key_resolver()
    proof = signing.verify_jwt(token, resolve_key=resolve)
    if not proof.ok:
        check = openbadges.CredentialCheck(False, proof.reason, proof.key_id, None, None)
        verdict = _judge(claimed, check, record=None, serial=serial_of(claimed.get("id")) or "")
        verdict.form = "jwt"
        return verdict
    payload = proof.payload
    serial, record = _record_for(payload)
    loader = status_list_loader(record.status_list if record else None)
    status = status_list.check_status(payload, resolve_key=resolve, load_status_list=loader)
    has_status = bool(payload.get("credentialStatus"))
    start, end = _parse_time(payload.get("validFrom")), _parse_time(payload.get("validUntil"))
    check = openbadges.CredentialCheck(
        verified=True,
        reason=status.reason if status.revoked or not status.ok else "",
        key_id=proof.key_id,
        status_ok=status.ok if has_status else None,
        revoked=status.revoked,
        not_yet_valid=bool(start and now < start),
        expired=bool(end and now > end),
    )
    verdict = _judge(payload, check, record=record, serial=serial)
    verdict.form = "jwt"
    _log_disagreement(verdict)
    return verdict


def _log_disagreement(verdict: Verdict) -> None:
    # a good signature whose status the register contradicts is ours to investigate, not the visitor's fault
    if verdict.signature_ok and verdict.register_agrees is False:
        log.error("certificate %s: the register and the status list disagree: %s", verdict.serial, verdict.detail)

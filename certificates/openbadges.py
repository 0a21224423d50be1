"""Open Badges 3.0 credentials (`OpenBadgeCredential`) on the W3C Verifiable Credentials 2.0 data model.

`build_credential` makes the unsigned credential from what the certificate records hold; `signing.sign` adds
the proof (or `signing.to_jwt` makes the JWT). `verify_credential` is what a verification page or API asks: the
proof, the dates, AND the revocation status, each answered separately because "the proof is good" is not "the
certificate stands" (CREDENTIALS.md item 8).

Only terms that the VC 2.0 and OB 3.0.3 contexts define are used (CREDENTIALS.md item 6); the contexts are the
versioned URLs (item 7), served from local copies (item 9).
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from . import signing, status_list
from .document_loader import OB_V3, VC_V2

CONTEXT = [VC_V2, OB_V3]
TYPES = ["VerifiableCredential", "OpenBadgeCredential"]


def image(url: str, *, caption: str | None = None) -> dict:
    """An OB `Image` (a URL or a `data:` URI)."""
    value = {"id": url, "type": "Image"}
    if caption:
        value["caption"] = caption
    return value


def identity_object(
    value: str, *, identity_type: str = "identifier", salt: str | None = None, hashed: bool = True
) -> dict:
    """An OB `IdentityObject` naming the holder: by default the SHA-256 of value + salt, so the credential proves
    "issued to the person with this phone number / ID" without printing it (OB 3.0, identityHash "sha256$…")."""
    value = signing.clean_text(value)
    if not hashed:
        return {"type": "IdentityObject", "hashed": False, "identityHash": value, "identityType": identity_type}
    salt = salt if salt is not None else secrets.token_hex(8)
    digest = hashlib.sha256((value + salt).encode("utf-8")).hexdigest()
    return {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "identityType": identity_type,
        "salt": salt,
    }


def build_credential(
    *,
    credential_id: str,
    issuer_id: str,
    issuer_name: str,
    achievement_id: str,
    achievement_name: str,
    achievement_description: str,
    criteria_narrative: str,
    valid_from: datetime,
    holder_name: str | None = None,
    holder_identifiers: list[dict] | None = None,
    name: str | None = None,
    description: str | None = None,
    issuer_url: str | None = None,
    issuer_image: str | None = None,
    achievement_image: str | None = None,
    achievement_type: str | None = None,
    valid_until: datetime | None = None,
    awarded: datetime | None = None,
    status_list_url: str | None = None,
    status_list_index: int | None = None,
) -> dict:
    """An unsigned `OpenBadgeCredential`.

    `credential_id` is the public verification URL; `issuer_id` the DID (`did.issuer_did(host)`); the holder is
    named by `holder_name` as issued and/or `holder_identifiers` (IdentityObjects, see `identity_object`); with
    `status_list_url` and `status_list_index` the credential carries a revocation `BitstringStatusListEntry`.
    """
    if not (holder_name or holder_identifiers):
        raise ValueError("The holder needs a name or an identifier")
    if (status_list_url is None) != (status_list_index is None):
        raise ValueError("status_list_url and status_list_index go together")
    issuer = {"id": issuer_id, "type": ["Profile"], "name": issuer_name}
    if issuer_url:
        issuer["url"] = issuer_url
    if issuer_image:
        issuer["image"] = image(issuer_image)
    achievement = {
        "id": achievement_id,
        "type": ["Achievement"],
        "name": achievement_name,
        "description": achievement_description,
        "criteria": {"narrative": criteria_narrative},
    }
    if achievement_type:
        achievement["achievementType"] = achievement_type
    if achievement_image:
        achievement["image"] = image(achievement_image)
    subject = {"type": ["AchievementSubject"]}
    if holder_name:
        subject["name"] = holder_name
    if holder_identifiers:
        subject["identifier"] = list(holder_identifiers)
    subject["achievement"] = achievement
    credential = {
        "@context": list(CONTEXT),
        "id": credential_id,
        "type": list(TYPES),
        "issuer": issuer,
        "validFrom": signing.timestamp(valid_from),
        "name": name or achievement_name,
        "credentialSubject": subject,
    }
    if description:
        credential["description"] = description
    if valid_until is not None:
        credential["validUntil"] = signing.timestamp(valid_until)
    if awarded is not None:
        credential["awardedDate"] = signing.timestamp(awarded)
    if status_list_url is not None:
        credential["credentialStatus"] = status_list.entry(list_url=status_list_url, index=status_list_index)
    return signing.sanitize(credential)


@dataclass(frozen=True)
class CredentialCheck:
    """What a verification page shows. `valid` = genuine, in its dates and not revoked."""

    verified: bool  # the proof is good (the text is what the issuer signed, with one of the issuer's keys)
    reason: str
    key_id: str | None
    status_ok: bool | None  # the revocation status could be read (None: no status entry)
    revoked: bool | None
    not_yet_valid: bool = False
    expired: bool = False

    @property
    def valid(self) -> bool:
        return self.verified and self.revoked is False and not self.not_yet_valid and not self.expired


def _parse(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def verify_credential(
    credential: dict,
    *,
    resolve_key: signing.KeyResolver,
    load_status_list: Callable[[str], dict | None],
    now: datetime | None = None,
) -> CredentialCheck:
    """Proof, dates and revocation of an Open Badge with a Data Integrity proof."""
    if not (
        isinstance(credential, dict)
        and credential.get("@context", [])[:2] == CONTEXT
        and set(TYPES) <= set(credential.get("type") or [])
    ):
        return CredentialCheck(False, "not an Open Badges 3.0 credential", None, None, None)
    proof = signing.verify(credential, resolve_key=resolve_key)
    if not proof.ok:
        return CredentialCheck(False, proof.reason, proof.key_id, None, None)
    now = now or datetime.now(UTC)
    start, end = _parse(credential.get("validFrom")), _parse(credential.get("validUntil"))
    has_status = bool(credential.get("credentialStatus"))
    status = status_list.check_status(credential, resolve_key=resolve_key, load_status_list=load_status_list)
    reason = status.reason if status.revoked or not status.ok else ""
    return CredentialCheck(
        verified=True,
        reason=reason,
        key_id=proof.key_id,
        status_ok=status.ok if has_status else None,
        revoked=status.revoked,
        not_yet_valid=bool(start and now < start),
        expired=bool(end and now > end),
    )

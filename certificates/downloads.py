"""The certificate's files as the holder (or staff) downloads them: the printable PDF, rendered on the first
download and cached in the private storage; the signed credential as JSON-LD and as a JWT.

The PDF is made from what was frozen at issue: the holder's name and birth date on the record, and the
achievement's name, wording, criteria and issuer as signed into the credential (an achievement edited later
does not change a certificate already issued). The signer, the place and the seal come from the achievement.

The cached file's name carries everything that changes its bytes (see `pdf.py`): the serial, whether it is
revoked (the watermark) and the renderer. A download whose cached file has another name renders again and
replaces it, so a revocation or a new WeasyPrint never serves a stale copy.
"""

import hashlib
import json
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import pdf, services
from .files import bytes_response, private_file_response
from .models import IssuedCredential

log = logging.getLogger("hocvuso.certificates")

PDF_TYPE = "application/pdf"
JSON_TYPE = "application/ld+json"
JWT_TYPE = "application/jwt"
UPLOAD_TO = "certificates/pdf/"


def pdf_name(credential: IssuedCredential) -> str:
    """The storage name of the credential's current rendering: the serial, the state, and a digest of the
    renderer with the credential's signature (a file left from another database, say a restored backup or a
    test run, is never taken for this certificate's)."""
    state = "revoked" if credential.revoked else "valid"
    proof = (credential.credential_json or {}).get("proof") or {}
    signature = proof.get("proofValue", "") if isinstance(proof, dict) else ""
    digest = hashlib.sha256(f"{pdf.RENDERER}\n{signature}".encode()).hexdigest()[:16]
    return f"{UPLOAD_TO}{credential.serial}-{state}-{digest}.pdf"


def _storage():
    return IssuedCredential._meta.get_field("pdf").storage


def _signed(credential: IssuedCredential) -> IssuedCredential:
    """A certificate registered but not signed yet (its task still running or died) is signed now."""
    return credential if credential.signed else services.sign(credential)


def _frozen_achievement(credential: IssuedCredential) -> dict:
    """The achievement's words as signed into the credential, falling back to the achievement as it is now."""
    document = credential.credential_json or {}
    subject = document.get("credentialSubject") or {}
    signed = subject.get("achievement") or {}
    issuer = document.get("issuer") or {}
    achievement = credential.achievement
    return {
        "title": signed.get("name") or achievement.name,
        "wording": signed.get("description") or achievement.wording,
        "criteria": (signed.get("criteria") or {}).get("narrative") or achievement.criteria,
        "issuer": (issuer.get("name") if isinstance(issuer, dict) else None) or achievement.issuer_name,
    }


def _seal_bytes(achievement) -> bytes | None:
    seal = achievement.seal
    if seal is None:
        return None
    with seal.open_file() as handle:
        data = handle.read()
    if any(data.startswith(magic) for magic in pdf.SEAL_TYPES):
        return data
    rendition = seal.get_rendition("original|format-png")  # a WebP or GIF seal, printed as PNG
    with rendition.file.open("rb") as handle:
        return handle.read()


def certificate_data(credential: IssuedCredential) -> pdf.CertificateData:
    achievement = credential.achievement
    words = _frozen_achievement(credential)
    return pdf.CertificateData(
        holder_name=credential.holder_name,
        holder_birth_date=credential.holder_birth_date,
        achievement_title=words["title"],
        achievement_wording=words["wording"],
        criteria=words["criteria"],
        serial=credential.serial,
        issued_on=timezone.localdate(credential.issued_at),
        valid_until=timezone.localdate(credential.valid_until) if credential.valid_until else None,
        issuer_name=words["issuer"],
        issuer_place=achievement.issuer_place,
        signer_name=achievement.signer_name,
        signer_title=achievement.signer_title,
        seal_image=_seal_bytes(achievement),
        verify_url=services.verification_url(credential.serial),
        credential_json=credential_json_bytes(credential),
        revoked=credential.revoked,
    )


def ensure_pdf(credential: IssuedCredential) -> IssuedCredential:
    """The credential with its current rendering stored in `pdf`: the cached file when it is current, else
    rendered now. Two first downloads at once may both render; the bytes are the same and one file is kept."""
    credential = _signed(credential)
    wanted = pdf_name(credential)
    storage = _storage()
    if credential.pdf.name == wanted and storage.exists(wanted):
        return credential
    if not storage.exists(wanted):
        saved = storage.save(wanted, ContentFile(pdf.render_certificate_pdf(certificate_data(credential))))
        if saved != wanted:  # a twin stored the same bytes first under the wanted name
            storage.delete(saved)
    old = credential.pdf.name
    IssuedCredential.objects.filter(pk=credential.pk).update(pdf=wanted)
    credential.pdf.name = wanted
    if old and old != wanted:
        # the stale rendering (before revocation, or by an older renderer) goes once the new name is committed
        transaction.on_commit(lambda: storage.delete(old))
    log.info("certificate %s rendered as %s", credential.serial, wanted)
    return credential


def credential_json_bytes(credential: IssuedCredential) -> bytes:
    return json.dumps(credential.credential_json, ensure_ascii=False, indent=2).encode("utf-8")


def pdf_response(credential: IssuedCredential, *, by):
    credential = ensure_pdf(credential)
    services.record_download(credential, by=by, what="pdf")
    return private_file_response(credential.pdf, content_type=PDF_TYPE, filename=f"{credential.serial}.pdf")


def json_response(credential: IssuedCredential, *, by):
    credential = _signed(credential)
    services.record_download(credential, by=by, what="json")
    body = credential_json_bytes(credential)
    return bytes_response(body, content_type=JSON_TYPE, filename=f"{credential.serial}.json")


def jwt_response(credential: IssuedCredential, *, by):
    credential = _signed(credential)
    services.record_download(credential, by=by, what="jwt")
    return bytes_response(credential.jwt, content_type=JWT_TYPE, filename=f"{credential.serial}.jwt")

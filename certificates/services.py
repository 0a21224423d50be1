"""Issuing, revoking and re-issuing certificates. Every state change of the certificates app happens here.

Issuance has two steps, each safe to repeat:

1. **Register** (one short transaction): take the year's next serial (the `SerialCounter` row locked), take a
   position in the current status list (its row locked), insert the `IssuedCredential` with the holder's name
   and birth date frozen, and its "issued" event. The unique constraints are the guard, never a look-up first:
   a second issuance for the same learner and achievement (or the same triggering event) fails its insert, the
   savepoint gives the serial and the position back, and the certificate already there is returned.
2. **Sign** (no lock held): build the Open Badges credential, sign it (Data Integrity and JWT) with the
   current issuer key, store both with one conditional UPDATE (`signed_at` still empty), so two signers racing
   leave one signature.

A worker killed between the steps leaves a registered, unsigned certificate; the retried task (acks_late) finds
it through the constraint and signs it, and `sign_pending` sweeps up any whose retries ran out. Exactly one
certificate either way.

Locks are always taken in the same order (serial counter, then status lists) so issuance, re-issue and
revocation never deadlock: revocation takes only the status list.
"""

import calendar
import logging
import unicodedata
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.api import profile_for

from . import did, keys, openbadges, signing, status_list
from .models import Achievement, CredentialEvent, IssuedCredential, SerialCounter, StatusList

log = logging.getLogger("hocvuso.certificates")

REVOKE = "hocvuso_certificates.revoke_credentials"
# stored as the old certificate's reason (shown to verifiers in Vietnamese, whatever the viewer's language)
REISSUED_REASON = "đã cấp lại"
DEFAULT_SITE_HOST = "localhost:8000"
# an affine map n -> (n * A + B) mod 2**k is a bijection when A is odd: positions look scattered, never collide
_SCATTER_A, _SCATTER_B = 0x9E3779B1 | 1, 0x2545F491
ACHIEVEMENT_TYPES = {
    Achievement.Kind.COURSE: "CertificateOfCompletion",
    Achievement.Kind.DIGITAL_SKILLS: "Certificate",
    Achievement.Kind.COMPETENCE: "Competency",
}


class IssuanceRefused(Exception):
    """Nothing can be issued (no name to print, achievement not active, confirmation revoked). Retrying does not
    help; `message` says why in the reader's language."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


# --- addresses ------------------------------------------------------------------------------------------------


def site_host() -> str:
    """The public host name (and port) the credentials and the issuer's did:web are named after:
    HOCVUSO_SITE_HOST, else the host of WAGTAILADMIN_BASE_URL (certificates are issued by background tasks,
    which have no request to take a host from)."""
    configured = getattr(settings, "HOCVUSO_SITE_HOST", "")
    if configured:
        return configured
    return urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").netloc or DEFAULT_SITE_HOST


def issuer_did() -> str:
    return did.issuer_did(site_host())


def verification_url(serial: str) -> str:
    """The credential's id and what its QR code opens."""
    return f"https://{site_host()}/xac-minh/{serial}/"


def status_list_url(status_list_id: int) -> str:
    return f"https://{site_host()}/xac-minh/trang-thai/{status_list_id}/"


def achievement_url(achievement_id: int) -> str:
    return f"https://{site_host()}/xac-minh/thanh-tich/{achievement_id}/"


def status_list_position(count: int, size: int) -> int:
    """Where the `count`-th certificate of a list sits: a fixed permutation of 0..size-1 (size a power of two)."""
    if size & (size - 1) or not 0 <= count < size:
        raise ValueError("size must be a power of two and count inside the list")
    return (count * _SCATTER_A + _SCATTER_B) % size


# --- issuance -------------------------------------------------------------------------------------------------


def issue(
    user_id: int,
    achievement_id: int,
    *,
    source: str = "",
    confirmation_id: int | None = None,
    now: datetime | None = None,
) -> IssuedCredential:
    """The learner's certificate for the achievement: issued and signed now, or the one already there.

    Idempotent: `source` names what triggered it ("enrolment:12", "confirmation:7"), so the same event never
    issues twice, even after the first certificate was revoked; a learner has at most one standing certificate
    per achievement. Raises IssuanceRefused when nothing can be issued; issuer-key and database errors propagate
    (the task retries them)."""
    credential = _register(
        user_id=user_id, achievement_id=achievement_id, source=source, confirmation_id=confirmation_id, now=now
    )
    return credential if credential.signed else sign(credential)


def issue_for_confirmation(confirmation_id: int, *, now: datetime | None = None) -> IssuedCredential | None:
    """The certificate of a confirmation of universal digital skills (None if no achievement is active for the
    confirmation's target group, or the confirmation is gone)."""
    row = _confirmations().filter(pk=confirmation_id).values("user_id", "target_group").first()
    if row is None:
        return None
    achievement_id = (
        Achievement.objects.filter(kind=Achievement.Kind.DIGITAL_SKILLS, target_group=row["target_group"], active=True)
        .values_list("pk", flat=True)
        .first()
    )
    if achievement_id is None:
        return None
    return issue(
        row["user_id"],
        achievement_id,
        source=f"confirmation:{confirmation_id}",
        confirmation_id=confirmation_id,
        now=now,
    )


def course_achievement_id(course_id: int) -> int | None:
    """The active achievement certifying a course's completion."""
    return (
        Achievement.objects.filter(kind=Achievement.Kind.COURSE, course_id=course_id, active=True)
        .values_list("pk", flat=True)
        .first()
    )


def competence_achievements(rises) -> list[tuple[int, int, int]]:
    """(achievement, component, level) of the active achievements a learner earns when their levels rise:
    `rises` is [(component, from level, to level)]; every level above the old one up to the new one counts.
    One query whatever the number of components."""
    rises = list(rises)
    if not rises:
        return []
    span = Q()
    for component_id, from_level, to_level in rises:
        span |= Q(component_id=component_id, level__gt=from_level, level__lte=to_level)
    return list(
        Achievement.objects.filter(span, kind=Achievement.Kind.COMPETENCE, active=True)
        .order_by("component_id", "level")
        .values_list("pk", "component_id", "level")
    )


def _register(*, user_id, achievement_id, source, confirmation_id, now, replaces=None) -> IssuedCredential:
    now = now or timezone.now()
    achievement = Achievement.objects.filter(pk=achievement_id).first()
    if achievement is None or not achievement.active:
        raise IssuanceRefused("inactive", _("This achievement is not being awarded."))
    holder_name, birth_date = _holder(user_id)
    try:
        with transaction.atomic():
            serial = _take_serial(now)
            if confirmation_id is not None:
                _hold_confirmation(confirmation_id)
            credential = _insert(
                serial=serial,
                user_id=user_id,
                achievement=achievement,
                source=source,
                confirmation_id=confirmation_id,
                holder_name=holder_name,
                birth_date=birth_date,
                now=now,
                replaces=replaces,
            )
    except IntegrityError:
        existing = _existing(user_id=user_id, achievement_id=achievement_id, source=source)
        if existing is None:
            raise
        return existing
    return credential


def _insert(*, serial, user_id, achievement, source, confirmation_id, holder_name, birth_date, now, replaces):
    status, index = _take_status_position()
    credential = IssuedCredential.objects.create(
        serial=serial,
        user_id=user_id,
        achievement=achievement,
        source=source,
        confirmation_id=confirmation_id,
        holder_name=holder_name,
        holder_birth_date=birth_date,
        issued_at=now,
        valid_until=_add_months(now, achievement.validity_months) if achievement.validity_months else None,
        status_list=status,
        status_list_index=index,
        replaces=replaces,
    )
    detail = {"source": source} if source else {}
    if replaces is not None:
        detail["replaces"] = replaces.serial
    CredentialEvent.objects.create(credential=credential, kind=CredentialEvent.Kind.ISSUED, at=now, detail=detail)
    return credential


def _existing(*, user_id, achievement_id, source) -> IssuedCredential | None:
    found = IssuedCredential.objects.select_related("achievement")
    if source:
        by_source = found.filter(source=source).first()
        if by_source is not None:
            return by_source
    return found.filter(user_id=user_id, achievement_id=achievement_id, revoked_at=None).first()


def _holder(user_id: int) -> tuple[str, object]:
    """The name and birth date to freeze into the certificate, NFC (some keyboards type Vietnamese as NFD)."""
    user = get_user_model().objects.select_related("learner_profile").filter(pk=user_id).first()
    if user is None:
        raise IssuanceRefused("no_account", _("The account no longer exists."))
    profile = profile_for(user)
    name = (profile.full_name if profile else "") or f"{user.first_name} {user.last_name}"
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if not name:
        raise IssuanceRefused("no_name", _("The learner's profile has no full name to print."))
    return name, profile.date_of_birth if profile else None


def _take_serial(now: datetime) -> str:
    """`HVS-<year>-<number>` from the year's counter, locked until the issuing transaction ends."""
    year = timezone.localtime(now).year
    counter = SerialCounter.objects.select_for_update().filter(year=year).first()
    if counter is None:
        # the year's first certificate: make the row (a racing twin's insert is ignored), then lock it
        SerialCounter.objects.bulk_create([SerialCounter(year=year)], ignore_conflicts=True)
        counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"HVS-{year}-{counter.last:06d}"


def _take_status_position() -> tuple[StatusList, int]:
    """A free position in the newest revocation list (its row locked); a new list when it is full."""
    while True:
        current = (
            StatusList.objects.select_for_update()
            .filter(purpose=StatusList.Purpose.REVOCATION)
            .only("pk", "size", "allocated")  # not the 16 KB of bits nor the signed list
            .order_by("-pk")
            .first()
        )
        if current is not None and current.full and StatusList.objects.filter(pk__gt=current.pk).exists():
            continue  # another transaction started a newer list while we waited for this one
        if current is None or current.full:
            current = _new_status_list()
        count = current.allocated
        current.allocated = count + 1
        current.save(update_fields=["allocated", "updated_at"])
        return current, status_list_position(count, current.size)


def _new_status_list() -> StatusList:
    created = StatusList.objects.create(bits=bytes(status_list.new_list()))
    created.credential_json = _signed_status_list(created, created.bits)
    created.save(update_fields=["credential_json", "updated_at"])
    return created


def _signed_status_list(row: StatusList, bits) -> dict:
    return status_list.status_list_credential(
        list_url=status_list_url(row.pk),
        issuer=issuer_did(),
        bits=bytes(bits),
        key=keys.current_key(),
        valid_from=timezone.now(),
    )


def _add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


# --- signing --------------------------------------------------------------------------------------------------


def build_document(credential: IssuedCredential) -> dict:
    """The unsigned Open Badges credential of a registered certificate."""
    achievement = credential.achievement
    host = site_host()
    seal = f"https://{host}{achievement.seal.file.url}" if achievement.seal_id and achievement.seal else None
    return openbadges.build_credential(
        credential_id=verification_url(credential.serial),
        issuer_id=issuer_did(),
        issuer_name=achievement.issuer_name,
        issuer_url=f"https://{host}/",
        issuer_image=seal,
        achievement_id=achievement_url(achievement.pk),
        achievement_name=achievement.name,
        achievement_description=achievement.wording,
        criteria_narrative=achievement.criteria,
        achievement_type=ACHIEVEMENT_TYPES.get(achievement.kind),
        valid_from=credential.issued_at,
        valid_until=credential.valid_until,
        holder_name=credential.holder_name,
        status_list_url=status_list_url(credential.status_list_id),
        status_list_index=credential.status_list_index,
    )


def sign(credential: IssuedCredential) -> IssuedCredential:
    """Sign a registered certificate (Data Integrity proof and JWT) unless it already is. No lock is held while
    signing; the first signature stored wins."""
    if credential.signed:
        return credential
    document = build_document(credential)
    key = keys.current_key()
    signed = signing.sign(document, key=key)
    token = signing.to_jwt(document, key=key)
    signed_at = timezone.now()
    stored = IssuedCredential.objects.filter(pk=credential.pk, signed_at=None).update(
        credential_json=signed, jwt=token, signed_at=signed_at
    )
    if stored:
        credential.credential_json, credential.jwt, credential.signed_at = signed, token, signed_at
    else:
        log.info("certificate %s was signed by another worker first", credential.serial)
        credential.refresh_from_db(fields=["credential_json", "jwt", "signed_at"])
    return credential


def sign_pending(*, older_than: timedelta = timedelta(minutes=5)) -> int:
    """Sign certificates whose issuing task died after registering them and ran out of retries."""
    cutoff = timezone.now() - older_than
    done = 0
    for credential in IssuedCredential.objects.select_related("achievement", "achievement__seal").filter(
        signed_at=None, issued_at__lt=cutoff
    )[:500]:
        sign(credential)
        done += 1
    return done


# --- revocation and re-issue ----------------------------------------------------------------------------------


def _require(user) -> None:
    if not (user is not None and user.is_authenticated and user.is_active and user.has_perm(REVOKE)):
        raise PermissionDenied(_("You may not revoke or re-issue certificates."))


def _clean_reason(reason: str) -> str:
    reason = unicodedata.normalize("NFC", (reason or "").strip())
    if not reason:
        raise ValidationError(_("Give the reason for revoking."))
    return reason


def revoke(credential: IssuedCredential, *, by, reason: str, now: datetime | None = None) -> IssuedCredential:
    """Revoke a certificate with a reason (examiners and ward administrators): its bit is set in the status
    list and the list's credential signed again, in one transaction, so verifiers see it on their next read.
    Revoking one already revoked changes nothing (the first reason stands)."""
    _require(by)
    reason = _clean_reason(reason)
    with transaction.atomic():
        _revoke_locked(credential, actor=by, reason=reason, now=now or timezone.now())
    credential.refresh_from_db()
    return credential


def _revoke_locked(credential: IssuedCredential, *, actor, reason: str, now: datetime) -> bool:
    """Inside a transaction: revoke once and publish the bit. True if this call revoked it."""
    row = StatusList.objects.select_for_update().get(pk=credential.status_list_id)
    revoked = IssuedCredential.objects.filter(pk=credential.pk, revoked_at=None).update(
        revoked_at=now, revoked_by=actor, revoke_reason=reason
    )
    if not revoked:
        return False
    bits = bytearray(row.bits)
    status_list.set_bit(bits, credential.status_list_index)
    row.bits = bytes(bits)
    row.credential_json = _signed_status_list(row, bits)
    row.save(update_fields=["bits", "credential_json", "updated_at"])
    CredentialEvent.objects.create(
        credential_id=credential.pk, kind=CredentialEvent.Kind.REVOKED, actor=actor, at=now, detail={"reason": reason}
    )
    return True


def revoke_for_confirmation(confirmation_id: int, *, now: datetime | None = None) -> int:
    """A confirmation of skills was withdrawn: revoke the certificates issued on it, with its reason."""
    row = _confirmations().filter(pk=confirmation_id).values("revoke_reason", "revoked_by_id", "revoked_at").first()
    if row is None or row["revoked_at"] is None:
        return 0
    reason = row["revoke_reason"].strip() or _("The confirmation of skills was withdrawn.")
    actor = get_user_model().objects.filter(pk=row["revoked_by_id"]).first() if row["revoked_by_id"] else None
    done = 0
    for credential in IssuedCredential.objects.filter(
        Q(confirmation_id=confirmation_id) | Q(source=f"confirmation:{confirmation_id}"), revoked_at=None
    ):
        with transaction.atomic():
            done += _revoke_locked(credential, actor=actor, reason=reason, now=now or timezone.now())
    return done


def reissue(credential: IssuedCredential, *, by, reason: str, now: datetime | None = None) -> IssuedCredential:
    """Issue a corrected certificate in place of `credential` (e.g. after the holder's name was corrected in
    their profile): a new serial with the holder's data as it is now, linked to the old one, which is revoked
    ("đã cấp lại"). Asking twice returns the same new certificate."""
    _require(by)
    reason = _clean_reason(reason)
    now = now or timezone.now()
    if credential.user_id is None:
        raise IssuanceRefused("no_account", _("The holder's account was erased; the certificate cannot be re-issued."))
    holder_name, birth_date = _holder(credential.user_id)
    try:
        with transaction.atomic():
            serial = _take_serial(now)  # the counter first: the lock order every issuance follows
            _revoke_locked(credential, actor=by, reason=REISSUED_REASON, now=now)
            new = _insert(
                serial=serial,
                user_id=credential.user_id,
                achievement=credential.achievement,
                source="",
                confirmation_id=credential.confirmation_id,
                holder_name=holder_name,
                birth_date=birth_date,
                now=now,
                replaces=credential,
            )
            CredentialEvent.objects.create(
                credential=credential,
                kind=CredentialEvent.Kind.REISSUED,
                actor=by,
                at=now,
                detail={"reason": reason, "new_serial": serial},
            )
    except IntegrityError:
        new = IssuedCredential.objects.filter(replaces=credential).first()
        if new is None:
            # not a twin re-issue: the holder already has another standing certificate for this achievement
            raise IssuanceRefused(
                "standing_exists", _("The holder already has a valid certificate for this achievement.")
            ) from None
    credential.refresh_from_db()
    return sign(new)


def record_download(credential: IssuedCredential, *, by, what: str = "pdf") -> None:
    """Audit a download of the PDF or the credential file."""
    CredentialEvent.objects.create(
        credential=credential,
        kind=CredentialEvent.Kind.DOWNLOADED,
        actor=by if by is not None and by.is_authenticated else None,
        at=timezone.now(),
        detail={"what": what},
    )


# --- the confirmations the assessment engine keeps --------------------------------------------------------------


def _confirmations():
    """The engine's confirmations, read through our foreign key (assessments.api names no reader for them; the
    import contract keeps us off assessments.models)."""
    return IssuedCredential._meta.get_field("confirmation").related_model.objects


def _hold_confirmation(confirmation_id: int) -> None:
    """Inside the issuing transaction: lock the confirmation and refuse if it was withdrawn. Its revocation
    then waits for this certificate to commit, and revokes it (`revoke_for_confirmation`)."""
    row = _confirmations().select_for_update().filter(pk=confirmation_id).values("revoked_at").first()
    if row is None or row["revoked_at"] is not None:
        raise IssuanceRefused("confirmation_revoked", _("The confirmation of skills was withdrawn."))

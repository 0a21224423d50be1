"""Which issued certificates a staff member may see, and the list's filters and search. Every staff listing and
the XLSX export start here.

Superusers and examiners see every certificate (examiners meet learners from any ward in a class, as in the
assessment engine's confirmations); a ward administrator sees those of their own ward's learners
(`lms.api.learners_visible_to`), nobody else any. A certificate whose holder erased their account has no
learner left to belong to a ward: superusers and examiners still see it."""

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.api import Role, has_role, learner_match, learners_visible_to

from ..models import IssuedCredential

REVOKE = "hocvuso_certificates.revoke_credentials"
WARD = "user__learner_profile__ward"

STATUS_CHOICES = [
    ("valid", _("valid")),
    ("revoked", _("revoked")),
    ("expired", _("expired")),
]


def may_manage(user) -> bool:
    """Sees the register, exports it, revokes and re-issues (the one permission; superusers hold it)."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(REVOKE))


def may_see_every_ward(user) -> bool:
    return user.is_superuser or has_role(user, Role.EXAMINER)


def visible_credentials(user) -> QuerySet[IssuedCredential]:
    credentials = IssuedCredential.objects.select_related("achievement", "replaces", "replaced_by", WARD)
    if not may_manage(user):
        return credentials.none()
    if may_see_every_ward(user):
        return credentials
    return credentials.filter(user__learner_profile__in=learners_visible_to(user))


def with_status(queryset: QuerySet, status: str, *, now=None) -> QuerySet:
    now = now or timezone.now()
    if status == "valid":
        return queryset.filter(revoked_at__isnull=True).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
    if status == "revoked":
        return queryset.filter(revoked_at__isnull=False)
    if status == "expired":
        return queryset.filter(revoked_at__isnull=True, valid_until__lte=now)
    return queryset


def search(queryset: QuerySet, query: str) -> QuerySet:
    """By serial (whole or part), by the holder's name typed with or without diacritics (through the profile's
    folded name, lms.api.learner_match), by phone or email, or by the name as printed (with its diacritics)."""
    query = (query or "").strip()
    if not query:
        return queryset
    return queryset.filter(
        Q(serial__icontains=query)
        | Q(holder_name__icontains=query)
        | learner_match(query, user="user__", profile="user__learner_profile__")
    )


def ward_choices(user) -> list[tuple[str, str]]:
    """The wards of the holders of the certificates `user` may see (one query)."""
    rows = (
        visible_credentials(user)
        .filter(**{f"{WARD}__isnull": False})
        .values_list(f"{WARD}_id", f"{WARD}__name")
        .distinct()
        .order_by(f"{WARD}__name")
    )
    return [(str(pk), name) for pk, name in rows]


def status_of(credential: IssuedCredential, *, now=None) -> str:
    now = now or timezone.now()
    if credential.revoked:
        return "revoked"
    if credential.valid_until is not None and credential.valid_until <= now:
        return "expired"
    return "valid"


def status_label(credential: IssuedCredential, *, now=None) -> str:
    return str(dict(STATUS_CHOICES)[status_of(credential, now=now)])


def ward_name(credential: IssuedCredential) -> str:
    profile = getattr(credential.user, "learner_profile", None) if credential.user_id else None
    return profile.ward.name if profile is not None and profile.ward_id else ""

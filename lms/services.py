"""Changes to people: sign-up, profiles, consent. Views call these; these own the transaction."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .identifiers import Identifier
from .models import ConsentPurpose, ConsentRecord, LearnerProfile, ResidentialGroup, TargetGroup, User, Ward
from .roles import Role

# Bump when the wording of the consent notice changes; records keep the version the person agreed to.
CONSENT_NOTICE_VERSION = "2026-11"


@transaction.atomic
def register_learner(
    *,
    identifier: Identifier,
    password: str,
    full_name: str,
    date_of_birth: datetime.date | None,
    target_group: str = TargetGroup.CITIZEN,
    ward: Ward | None = None,
    residential_group: ResidentialGroup | None = None,
    organisation: str = "",
    accessibility_needs: list[str] | None = None,
    accessibility_notes: str = "",
) -> User:
    """Create a learner's account, profile, role and consent records in one transaction.

    The caller has validated the input; the database constraints still refuse a duplicate email or phone.
    """
    user = User(
        email=identifier.value if identifier.kind == "email" else "",
        phone=identifier.value if identifier.kind == "phone" else "",
    )
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=Role.LEARNER))
    needs = sorted(set(accessibility_needs or []))
    LearnerProfile.objects.create(
        user=user,
        full_name=full_name.strip(),
        date_of_birth=date_of_birth,
        target_group=target_group,
        ward=ward,
        residential_group=residential_group,
        organisation=organisation.strip(),
        accessibility_needs=needs,
        accessibility_notes=accessibility_notes.strip(),
    )
    now = timezone.now()
    ConsentRecord.objects.create(
        user=user, purpose=ConsentPurpose.ACCOUNT, notice_version=CONSENT_NOTICE_VERSION, given_at=now
    )
    if needs or accessibility_notes.strip():
        ConsentRecord.objects.create(
            user=user, purpose=ConsentPurpose.ACCESSIBILITY, notice_version=CONSENT_NOTICE_VERSION, given_at=now
        )
    return user


@transaction.atomic
def update_profile(*, profile: LearnerProfile, **fields) -> LearnerProfile:
    """Save profile changes; giving or clearing accessibility needs gives or withdraws that consent."""
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    has_needs = bool(profile.accessibility_needs or profile.accessibility_notes)
    active = ConsentRecord.objects.filter(
        user=profile.user, purpose=ConsentPurpose.ACCESSIBILITY, withdrawn_at__isnull=True
    )
    if has_needs and not active.exists():
        ConsentRecord.objects.create(
            user=profile.user, purpose=ConsentPurpose.ACCESSIBILITY, notice_version=CONSENT_NOTICE_VERSION
        )
    elif not has_needs:
        active.update(withdrawn_at=timezone.now())
    return profile


def set_text_size(*, user: User, size: str) -> None:
    """Remember a signed-in person's text size on their profile (anonymous visitors keep it in a cookie)."""
    LearnerProfile.objects.filter(user=user).update(preferred_text_size=size)

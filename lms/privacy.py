"""Personal data rights (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): a person downloads everything the platform
holds about them, or erases their account; both leave an audit record.

Each app describes its own part of a person's data in its `privacy.py` with `@personal_data_section("name")`;
the learner core never imports the feature apps. Before an erasure, `account_erasing` is sent so an app can
keep what a law obliges it to keep (an issued certificate's register entry) and drop the rest.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from .models import PersonalDataEvent, User

account_erasing = Signal()  # sender=User, user=<User>, within the erasure's transaction

_sections: dict[str, Callable[[User], object]] = {}


def personal_data_section(name: str):
    def register(collect: Callable[[User], object]):
        _sections[name] = collect
        return collect

    return register


def pseudonym(user_id: int) -> str:
    """A stable reference to an erased account that cannot be turned back into the person."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:account:{user_id}".encode()).hexdigest()[:24]


def export_personal_data(*, user: User, actor: User | None = None) -> dict:
    """Everything held about `user`, as plain JSON-ready data; the export itself is audited."""
    autodiscover_modules("privacy")
    data = {
        "exported_at": timezone.now().isoformat(),
        "sections": {name: collect(user) for name, collect in sorted(_sections.items())},
    }
    PersonalDataEvent.objects.create(
        kind=PersonalDataEvent.Kind.EXPORT, subject=pseudonym(user.pk), actor=actor or user
    )
    return data


@transaction.atomic
def erase_account(*, user: User, actor: User | None = None) -> None:
    """Delete the account and everything that hangs on it, leaving only a pseudonymous audit record."""
    autodiscover_modules("privacy")
    subject = pseudonym(user.pk)
    account_erasing.send(sender=User, user=user)
    acting = None if actor is None or actor.pk == user.pk else actor
    user.delete()
    PersonalDataEvent.objects.create(kind=PersonalDataEvent.Kind.ERASURE, subject=subject, actor=acting)


@personal_data_section("account")
def _account(user: User) -> dict:
    return {
        "email": user.email,
        "phone": user.phone,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


@personal_data_section("profile")
def _profile(user: User) -> dict | None:
    profile = getattr(user, "learner_profile", None)
    if profile is None:
        return None
    return {
        "full_name": profile.full_name,
        "date_of_birth": profile.date_of_birth.isoformat() if profile.date_of_birth else None,
        "target_group": profile.target_group,
        "ward": str(profile.ward) if profile.ward else None,
        "residential_group": profile.residential_group.name if profile.residential_group else None,
        "organisation": profile.organisation,
        "accessibility_needs": profile.accessibility_needs,
        "accessibility_notes": profile.accessibility_notes,
        "preferred_text_size": profile.preferred_text_size,
    }


@personal_data_section("consents")
def _consents(user: User) -> list[dict]:
    return [
        {
            "purpose": consent.purpose,
            "notice_version": consent.notice_version,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        }
        for consent in user.consents.order_by("given_at")
    ]

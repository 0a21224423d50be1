"""A holder's certificates in the download of their personal data, and what erasing the account does to them.

Erasure keeps the certificate (Law 91/2025/QH15 allows keeping what another law or a public task requires: an
issued certificate is an entry in the ward's register, and the paper copy the holder keeps, or already gave an
employer, must still verify). What stays is what was printed and signed: the serial, the achievement, the name
and birth date as issued, the dates and the status. The link to the account goes (`user` SET_NULL), the cached
PDF file is deleted (it is made again from the record if ever needed), and the erasure is written in the
certificate's audit trail. The holder can still ask a ward administrator to revoke it."""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from lms.privacy import account_erasing, personal_data_section

from .models import CredentialEvent, IssuedCredential


def _iso(value):
    return value.isoformat() if value else None


@personal_data_section("certificates")
def _certificates(user) -> list[dict]:
    return [
        {
            "serial": credential.serial,
            "achievement": credential.achievement.name,
            "holder_name": credential.holder_name,
            "holder_birth_date": _iso(credential.holder_birth_date),
            "issued_at": _iso(credential.issued_at),
            "valid_until": _iso(credential.valid_until),
            "revoked_at": _iso(credential.revoked_at),
            "revoke_reason": credential.revoke_reason,
            "replaces": credential.replaces.serial if credential.replaces_id else None,
        }
        for credential in IssuedCredential.objects.filter(user=user)
        .select_related("achievement", "replaces")
        .order_by("issued_at", "pk")
    ]


@receiver(account_erasing, dispatch_uid="hocvuso_certificates_keep_register_entries")
def _erasing(sender, user, **kwargs):
    credentials = list(IssuedCredential.objects.filter(user=user).only("pk", "pdf"))
    if not credentials:
        return
    now = timezone.now()
    CredentialEvent.objects.bulk_create(
        [
            CredentialEvent(credential=credential, kind=CredentialEvent.Kind.ACCOUNT_ERASED, at=now)
            for credential in credentials
        ]
    )
    files = [credential.pdf.name for credential in credentials if credential.pdf]
    if files:
        IssuedCredential.objects.filter(pk__in=[credential.pk for credential in credentials]).update(pdf="")
        storage = IssuedCredential._meta.get_field("pdf").storage

        def remove():
            for name in files:
                storage.delete(name)

        # only once the erasure is committed: a rolled-back erasure keeps the files its rows point at
        transaction.on_commit(remove)
    # `user` itself becomes NULL by the foreign key's SET_NULL when the account row is deleted

"""The database keeps the certificates' invariants, whatever code writes the rows."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.models import Achievement, IssuedCredential, StatusList
from certificates.services import status_list_position
from lms.roles import Role

from .factories import achievement, competence_achievement, learner

pytestmark = pytest.mark.django_db


def rejected(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_each_kind_needs_its_subject():
    assert rejected(lambda: achievement(Achievement.Kind.DIGITAL_SKILLS, target_group=""))
    assert rejected(lambda: achievement(Achievement.Kind.COURSE))
    assert rejected(lambda: achievement(Achievement.Kind.COMPETENCE))
    assert competence_achievement(level=3).level == 3


def test_one_active_achievement_per_target_group_and_per_level():
    achievement(target_group="citizen")
    assert rejected(lambda: achievement(target_group="citizen"))
    assert achievement(target_group="citizen", active=False).pk
    assert achievement(target_group="civil_servant").pk
    competence_achievement(level=2)
    assert rejected(lambda: competence_achievement(level=2))
    assert competence_achievement(level=3).pk


def make_credential(user, ach, *, serial, index, **fields):
    status = StatusList.objects.first() or StatusList.objects.create(bits=b"\0" * 16384)
    return IssuedCredential.objects.create(
        serial=serial,
        user=user,
        achievement=ach,
        holder_name="Nguyễn Thị Hoà",
        issued_at=timezone.now(),
        status_list=status,
        status_list_index=index,
        **fields,
    )


def test_one_standing_certificate_per_learner_and_achievement_but_a_revoked_one_steps_aside():
    person, ach = learner(), achievement()
    first = make_credential(person, ach, serial="HVS-2026-000001", index=1)
    assert rejected(lambda: make_credential(person, ach, serial="HVS-2026-000002", index=2))
    IssuedCredential.objects.filter(pk=first.pk).update(revoked_at=timezone.now(), revoke_reason="đã cấp lại")
    assert make_credential(person, ach, serial="HVS-2026-000002", index=2, replaces=first).pk


def test_serials_sources_and_status_positions_are_unique():
    ach = achievement()
    make_credential(learner(), ach, serial="HVS-2026-000001", index=1, source="enrolment:1")
    assert rejected(lambda: make_credential(learner(), ach, serial="HVS-2026-000001", index=2))
    assert rejected(lambda: make_credential(learner(), ach, serial="HVS-2026-000003", index=1))
    assert rejected(lambda: make_credential(learner(), ach, serial="HVS-2026-000004", index=4, source="enrolment:1"))
    assert make_credential(learner(), ach, serial="HVS-2026-000005", index=5).pk


def test_a_revocation_needs_its_reason_and_a_certificate_is_replaced_once():
    ach = achievement()
    old = make_credential(learner(), ach, serial="HVS-2026-000001", index=1)
    assert rejected(lambda: IssuedCredential.objects.filter(pk=old.pk).update(revoked_at=timezone.now()))
    IssuedCredential.objects.filter(pk=old.pk).update(revoked_at=timezone.now(), revoke_reason="sai tên")
    make_credential(
        old.user, ach, serial="HVS-2026-000002", index=2, replaces=old, revoked_at=timezone.now(), revoke_reason="x"
    )
    assert rejected(lambda: make_credential(old.user, ach, serial="HVS-2026-000003", index=3, replaces=old))


def test_examiners_and_ward_administrators_may_revoke_others_may_not():
    permission = Permission.objects.get(content_type__app_label="hocvuso_certificates", codename="revoke_credentials")
    holders = set(permission.group_set.values_list("name", flat=True))
    assert holders == {Role.EXAMINER.value, Role.WARD_ADMIN.value}
    assert Group.objects.filter(name=Role.LEARNER).exists()


def test_status_positions_are_a_permutation_of_the_list():
    size = 131072
    positions = {status_list_position(count, size) for count in range(size)}
    assert len(positions) == size and min(positions) == 0 and max(positions) == size - 1
    assert [status_list_position(count, size) for count in range(3)] != [0, 1, 2]
    with pytest.raises(ValueError):
        status_list_position(size, size)


def test_ward_administrators_keep_achievements_and_examiners_revoke():
    from django.contrib.auth.models import Group

    from lms.roles import Role

    def granted(role):
        return set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="hocvuso_certificates")
            .values_list("codename", flat=True)
        )

    assert {"add_achievement", "change_achievement", "revoke_credentials"} <= granted(Role.WARD_ADMIN)
    assert granted(Role.EXAMINER) == {"revoke_credentials"}
    assert granted(Role.LEARNER) == set() and granted(Role.EDITOR) == set()

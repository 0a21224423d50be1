"""Issuing, revoking and re-issuing: one certificate per learner and achievement, frozen holder data, a signed
credential that verifies, revocation that verifiers see."""

import datetime
import unicodedata

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates import did, keys, openbadges, services, signing, status_list
from certificates.models import Achievement, CredentialEvent, IssuedCredential, SerialCounter, StatusList
from lms.privacy import erase_account, export_personal_data

from .factories import achievement, competence_achievement, examiner, issuer_keys, learner, ward_admin  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuer_keys")]

HOST = "hocvuso.test"


def resolver():
    return did.key_resolver(HOST)


def load_status_list(url):
    for row in StatusList.objects.all():
        if services.status_list_url(row.pk) == url:
            return row.credential_json
    return None


def check(credential):
    return openbadges.verify_credential(
        credential.credential_json, resolve_key=resolver(), load_status_list=load_status_list
    )


def test_a_certificate_is_issued_signed_with_a_serial_and_the_holder_as_issued():
    person = learner(full_name=unicodedata.normalize("NFD", "Nguyễn Thị Hoà"))
    ach = achievement(validity_months=12)
    moment = datetime.datetime(2028, 2, 29, 9, 0, tzinfo=datetime.UTC)
    credential = services.issue(person.pk, ach.pk, now=moment)

    assert credential.serial == "HVS-2028-000001"
    assert credential.holder_name == "Nguyễn Thị Hoà" == unicodedata.normalize("NFC", credential.holder_name)
    assert credential.holder_birth_date == datetime.date(1968, 2, 29)
    assert credential.valid_until == datetime.datetime(2029, 2, 28, 9, 0, tzinfo=datetime.UTC)
    document = credential.credential_json
    assert document["id"] == f"https://{HOST}/xac-minh/HVS-2028-000001/"
    assert document["issuer"]["id"] == f"did:web:{HOST}"
    assert document["credentialSubject"]["name"] == "Nguyễn Thị Hoà"
    assert document["credentialSubject"]["achievement"]["name"] == ach.name
    assert document["credentialStatus"]["statusListIndex"] == str(credential.status_list_index)
    assert document["credentialStatus"]["statusListCredential"] == services.status_list_url(credential.status_list_id)
    assert signing.verify(document, resolve_key=resolver()).ok
    result = check(credential)
    assert result.verified and result.revoked is False and result.status_ok
    token = signing.verify_jwt(credential.jwt, resolve_key=resolver())
    assert token.ok and token.payload["id"] == document["id"]
    assert list(credential.events.values_list("kind", flat=True)) == [CredentialEvent.Kind.ISSUED]


def test_issuing_twice_returns_the_first_and_uses_no_serial():
    person, other, ach = learner(), learner(), achievement()
    first = services.issue(person.pk, ach.pk)
    again = services.issue(person.pk, ach.pk)
    assert again.pk == first.pk and again.credential_json == first.credential_json
    assert services.issue(other.pk, ach.pk).serial.endswith("-000002")
    assert IssuedCredential.objects.count() == 2
    assert StatusList.objects.get().allocated == 2
    assert CredentialEvent.objects.filter(kind="issued").count() == 2


def test_an_issuance_costs_a_constant_number_of_queries(django_assert_num_queries):
    ach = achievement()
    services.issue(learner().pk, ach.pk)  # the first one also makes the status list
    person = learner()
    # achievement, account with profile; savepoint, counter read and write, list read and write, certificate,
    # event, release; the signature
    with django_assert_num_queries(11):
        services.issue(person.pk, ach.pk)
    # a repeat takes the same locks and finds the certificate through the constraint; nothing is signed again
    with django_assert_num_queries(11):
        services.issue(person.pk, ach.pk)


def test_a_name_corrected_later_does_not_change_the_certificate():
    person, ach = learner(), achievement()
    credential = services.issue(person.pk, ach.pk)
    person.learner_profile.full_name = "Nguyễn Thị Hòa Bình"
    person.learner_profile.save()
    assert services.issue(person.pk, ach.pk).holder_name == "Nguyễn Thị Hoà"
    credential.refresh_from_db()
    assert credential.credential_json["credentialSubject"]["name"] == "Nguyễn Thị Hoà"


def test_each_year_counts_from_one():
    ach = achievement()
    a = services.issue(learner().pk, ach.pk, now=datetime.datetime(2026, 12, 31, 16, 0, tzinfo=datetime.UTC))
    b = services.issue(learner().pk, ach.pk, now=datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.UTC))
    # 17:30 UTC is already 1 January in Hà Nội
    assert (a.serial, b.serial) == ("HVS-2026-000001", "HVS-2027-000001")
    assert dict(SerialCounter.objects.values_list("year", "last")) == {2026: 1, 2027: 1}


def test_nothing_is_issued_for_an_inactive_achievement_or_a_nameless_holder():
    with pytest.raises(services.IssuanceRefused) as refused:
        services.issue(learner().pk, achievement(active=False).pk)
    assert refused.value.code == "inactive"
    with pytest.raises(services.IssuanceRefused) as refused:
        services.issue(learner(full_name="  ").pk, achievement().pk)
    assert refused.value.code == "no_name"
    assert not IssuedCredential.objects.exists() and not SerialCounter.objects.filter(last__gt=0).exists()


def test_a_competence_level_is_certified_too():
    credential = services.issue(learner().pk, competence_achievement(level=2).pk)
    assert credential.credential_json["credentialSubject"]["achievement"]["achievementType"] == "Competency"
    assert check(credential).valid


def test_a_worker_dying_after_registering_leaves_one_certificate_that_the_retry_signs(monkeypatch):
    person, ach = learner(), achievement()
    real_sign = services.sign

    def die(credential):
        raise SystemExit("worker killed")

    monkeypatch.setattr(services, "sign", die)
    with pytest.raises(SystemExit):
        services.issue(person.pk, ach.pk)
    registered = IssuedCredential.objects.get()
    assert not registered.signed and registered.credential_json == {}
    monkeypatch.setattr(services, "sign", real_sign)
    retried = services.issue(person.pk, ach.pk)
    assert retried.pk == registered.pk and retried.signed and check(retried).valid
    assert IssuedCredential.objects.count() == 1


def test_pending_certificates_are_swept_up(monkeypatch):
    monkeypatch.setattr(services, "sign", lambda credential: credential)
    services.issue(learner().pk, achievement().pk)
    monkeypatch.undo()
    assert services.sign_pending(older_than=datetime.timedelta(minutes=5)) == 0  # too recent: its retry may come
    assert services.sign_pending(older_than=datetime.timedelta(0)) == 1
    assert IssuedCredential.objects.get().signed


def test_a_full_status_list_makes_a_new_one():
    ach = achievement()
    first = services.issue(learner().pk, ach.pk)
    StatusList.objects.filter(pk=first.status_list_id).update(allocated=131072)
    second = services.issue(learner().pk, ach.pk)
    assert second.status_list_id != first.status_list_id
    assert StatusList.objects.count() == 2 and check(second).valid


def test_revoking_sets_the_bit_and_resigns_the_list_once():
    credential = services.issue(learner().pk, achievement().pk)
    before = StatusList.objects.get().credential_json
    officer = examiner()
    services.revoke(credential, by=officer, reason="Học viên nhờ người khác làm bài")
    services.revoke(credential, by=ward_admin(), reason="lần hai")

    credential.refresh_from_db()
    assert credential.revoked and credential.revoked_by == officer
    assert credential.revoke_reason == "Học viên nhờ người khác làm bài"
    listed = StatusList.objects.get()
    assert listed.credential_json != before
    assert status_list.get_bit(
        status_list.decode(listed.credential_json["credentialSubject"]["encodedList"]), credential.status_list_index
    )
    assert status_list.get_bit(listed.bits, credential.status_list_index)
    result = check(credential)
    assert result.verified and result.revoked is True and not result.valid
    assert CredentialEvent.objects.filter(kind="revoked").count() == 1


def test_only_examiners_and_ward_administrators_revoke_and_always_with_a_reason():
    credential = services.issue(learner().pk, achievement().pk)
    with pytest.raises(PermissionDenied):
        services.revoke(credential, by=learner(), reason="không thích")
    with pytest.raises(ValidationError):
        services.revoke(credential, by=examiner(), reason="   ")
    credential.refresh_from_db()
    assert not credential.revoked and check(credential).valid


def test_a_reissue_links_the_new_serial_to_the_old_one():
    person, ach = learner(full_name="Nguyễn Thị Hoa"), achievement()
    old = services.issue(person.pk, ach.pk)
    person.learner_profile.full_name = "Nguyễn Thị Hoà"
    person.learner_profile.save()
    officer = ward_admin()
    new = services.reissue(old, by=officer, reason="Sai dấu trong tên")
    again = services.reissue(old, by=officer, reason="bấm hai lần")

    assert again.pk == new.pk and new.replaces_id == old.pk
    assert new.serial == "HVS-" + new.serial[4:8] + "-000002" and new.holder_name == "Nguyễn Thị Hoà"
    old.refresh_from_db()
    assert old.revoked and old.revoke_reason == "đã cấp lại" and old.replaced_by == new
    assert check(old).revoked is True and check(new).valid
    assert list(old.events.values_list("kind", flat=True)) == ["issued", "revoked", "reissued"]
    assert old.events.get(kind="reissued").detail == {"reason": "Sai dấu trong tên", "new_serial": new.serial}
    assert new.events.get().detail == {"replaces": old.serial}


def test_a_revoked_certificate_does_not_block_a_new_one_earned_again():
    person, ach = learner(), achievement()
    old = services.issue(person.pk, ach.pk, source="confirmation:1")
    services.revoke(old, by=examiner(), reason="nhầm người")
    # the same event retried after the revocation finds its own certificate
    assert services.issue(person.pk, ach.pk, source="confirmation:1").pk == old.pk
    fresh = services.issue(person.pk, ach.pk, source="confirmation:2")
    assert fresh.pk != old.pk and not fresh.revoked


def test_rotating_the_key_keeps_old_certificates_verifying():
    ach = achievement()
    old = services.issue(learner().pk, ach.pk)
    keys.rotate()
    new = services.issue(learner().pk, ach.pk)
    assert old.credential_json["proof"]["verificationMethod"] != new.credential_json["proof"]["verificationMethod"]
    assert check(old).valid and check(new).valid


def test_an_erased_account_leaves_the_register_entry_and_its_verification():
    person, ach = learner(), achievement()
    credential = services.issue(person.pk, ach.pk)
    exported = export_personal_data(user=person)["sections"]["certificates"]
    assert [entry["serial"] for entry in exported] == [credential.serial]
    erase_account(user=person)
    credential.refresh_from_db()
    assert credential.user is None and credential.holder_name == "Nguyễn Thị Hoà"
    assert check(credential).valid
    assert credential.events.filter(kind="account_erased").count() == 1
    with pytest.raises(services.IssuanceRefused):
        services.reissue(credential, by=examiner(), reason="sửa tên")


def test_an_erasure_deletes_the_cached_pdf_once_committed(django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    person = learner()
    credential = services.issue(person.pk, achievement().pk)
    credential.pdf.save(f"{credential.serial}.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    storage, name = credential.pdf.storage, credential.pdf.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(user=person)
    assert not storage.exists(name)
    credential.refresh_from_db()
    assert not credential.pdf


def test_downloads_are_audited():
    person = learner()
    credential = services.issue(person.pk, achievement().pk)
    services.record_download(credential, by=person, what="pdf")
    event = credential.events.get(kind="downloaded")
    assert event.actor == person and event.detail == {"what": "pdf"} and event.at <= timezone.now()


def test_the_site_host_falls_back_to_the_admin_base_url(settings):
    settings.HOCVUSO_SITE_HOST = ""
    settings.WAGTAILADMIN_BASE_URL = "https://hocvuso.badinh.gov.vn"
    assert services.verification_url("HVS-2026-000001") == "https://hocvuso.badinh.gov.vn/xac-minh/HVS-2026-000001/"
    assert services.issuer_did() == "did:web:hocvuso.badinh.gov.vn"
    assert Achievement.Kind.COURSE in services.ACHIEVEMENT_TYPES

# ruff: noqa: F811 - issuer_keys is a fixture imported by name
"""certificates.verification: the verdicts of the page, the API and the upload box. Certificates are issued
through `services.issue` with the factories' achievement, learner and issuer key."""

import base64
import json
import logging
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from certificates import keys, openbadges, services, signing, status_list, verification
from certificates.models import IssuedCredential, StatusList
from certificates.verification import State

from .factories import achievement, examiner, issuer_keys, learner  # noqa: F401 - issuer_keys is a fixture

pytestmark = pytest.mark.django_db


def issued(name="Nguyễn Thị Hường", goal=None, **achievement_fields):
    goal = goal or achievement(**achievement_fields)
    return services.issue(learner(full_name=name).pk, goal.pk)


def revoked(credential, reason="Cấp nhầm người"):
    return services.revoke(credential, by=examiner(), reason=reason)


# --- masking and dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Nguyễn Thị Hường", "Nguyễn T** H****"),
        ("Trần Văn An", "Trần V** A*"),
        ("Lê   Hoà", "Lê H**"),
        ("Hường", "H****"),
        ("", ""),
        ("Tôn Nữ Thị Ái", "Tôn N* T** Á*"),
    ],
)
def test_names_keep_the_family_name_and_first_letters(name, masked):
    assert verification.mask_name(name) == masked


def test_a_name_typed_in_nfd_masks_the_same_as_in_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    assert nfd != "Nguyễn Thị Hường"
    assert verification.mask_name(nfd) == "Nguyễn T** H****"


def test_a_mark_without_a_precomposed_letter_stays_with_its_letter():
    # "x" + combining acute has no precomposed form: still one letter, one star
    assert verification.mask_name("Lê Hx\u0301a") == "Lê H**"


def test_dates_are_written_the_vietnamese_way_in_vietnams_time():
    # 20:00 UTC on the 1st is already the 2nd in Hà Nội
    assert verification.vietnamese_date(datetime(2026, 3, 1, 20, 0, tzinfo=UTC)) == "02/03/2026"
    assert verification.vietnamese_date(None) == ""


# --- addresses ---------------------------------------------------------------------------------------------------


def test_only_our_status_list_urls_and_serials_are_recognised(issuer_keys):
    assert verification.status_list_id("https://hocvuso.test/xac-minh/trang-thai/7/") == 7
    assert verification.status_list_id("https://evil.example/xac-minh/trang-thai/7/") is None
    assert verification.status_list_id("https://hocvuso.test/xac-minh/trang-thai/7/x/") is None
    assert verification.status_list_id("https://hocvuso.test/xac-minh/trang-thai/-1/") is None
    assert verification.serial_of("https://hocvuso.test/xac-minh/HVS-2026-000123/") == "HVS-2026-000123"
    assert verification.serial_of("https://other.test/xac-minh/HVS-2026-000123/") is None
    assert verification.serial_of("https://hocvuso.test/xac-minh/../HVS-2026-000123/") is None


# --- by serial (the page and the API) ----------------------------------------------------------------------------


def test_a_fresh_certificate_is_valid_with_the_name_masked(issuer_keys):
    credential = issued()
    verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.VALID and verdict.valid
    assert verdict.holder == "Nguyễn T** H****"
    assert verdict.achievement == credential.achievement.name
    assert verdict.issuer_name == "Ủy ban nhân dân phường Ba Đình"
    assert verdict.issuer_id == "did:web:hocvuso.test"
    assert verdict.signature_ok and verdict.status_checked and verdict.register_agrees
    assert verdict.key_id == f"did:web:hocvuso.test#{issuer_keys.kid}"
    assert "Hường" not in json.dumps(verdict.as_json(), ensure_ascii=False)


def test_a_serial_is_found_however_it_was_typed(issuer_keys):
    credential = issued()
    typed = " " + credential.serial.lower().replace("-2026", " -2026") + " "
    assert verification.check_serial(typed).state == State.VALID


def test_an_unknown_or_malformed_serial_is_not_found(issuer_keys, django_assert_num_queries):
    assert verification.check_serial("HVS-2026-999999").state == State.NOT_FOUND
    with django_assert_num_queries(0):  # not even a query for something that is no serial
        verdict = verification.check_serial("'; drop table x; --" * 5)
    assert verdict.state == State.NOT_FOUND
    assert len(verdict.serial) <= 40


def test_a_revoked_certificate_says_when_and_why_but_not_the_reasons_text(issuer_keys):
    credential = revoked(issued(), reason="Gian lận khi thi")
    verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.REVOKED and not verdict.valid
    assert verdict.revoked_at == credential.revoked_at
    assert verdict.revocation == verification.Revocation.WITHDRAWN
    assert "Gian lận" not in json.dumps(verdict.as_json(), ensure_ascii=False)
    assert verdict.signature_ok  # the proof is still good: the status list is what says revoked


def test_a_reissued_certificate_points_to_the_new_one(issuer_keys):
    old = issued()
    new = services.reissue(old, by=examiner(), reason="Sửa ngày sinh")
    verdict = verification.check_serial(old.serial)
    assert verdict.state == State.REVOKED
    assert verdict.revocation == verification.Revocation.REISSUED
    assert verdict.replaced_by == new.serial
    assert verification.check_serial(new.serial).state == State.VALID


def test_expired_and_not_yet_valid(issuer_keys):
    credential = issued(validity_months=12)
    assert verification.check_serial(credential.serial).state == State.VALID
    later = verification.check_serial(credential.serial, now=timezone.now() + timedelta(days=400))
    assert later.state == State.EXPIRED
    assert later.valid_until == credential.valid_until.replace(microsecond=0)
    earlier = verification.check_serial(credential.serial, now=timezone.now() - timedelta(days=1))
    assert earlier.state == State.NOT_YET_VALID


def test_an_unsigned_certificate_is_being_issued(issuer_keys):
    user, goal = learner(), achievement()
    registered = services._register(user_id=user.pk, achievement_id=goal.pk, source="", confirmation_id=None, now=None)
    assert not registered.signed
    assert verification.check_serial(registered.serial).state == State.PENDING


def test_the_register_revoked_but_the_status_list_not_is_not_valid_and_logged(issuer_keys, caplog):
    credential = issued()
    IssuedCredential.objects.filter(pk=credential.pk).update(revoked_at=timezone.now(), revoke_reason="x")
    with caplog.at_level(logging.ERROR, logger="hocvuso.certificates"):
        verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.INVALID
    assert verdict.signature_ok and verdict.register_agrees is False
    assert any(credential.serial in record.getMessage() for record in caplog.records)


def test_the_status_list_revoked_but_the_register_not_is_not_valid_and_logged(issuer_keys, caplog):
    credential = issued()
    row = StatusList.objects.get(pk=credential.status_list_id)
    bits = bytearray(row.bits)
    status_list.set_bit(bits, credential.status_list_index)
    row.credential_json = services._signed_status_list(row, bits)
    row.save()
    with caplog.at_level(logging.ERROR, logger="hocvuso.certificates"):
        verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.INVALID and verdict.register_agrees is False
    assert caplog.records


def test_a_tampered_stored_credential_is_not_valid(issuer_keys, caplog):
    credential = issued()
    document = credential.credential_json
    document["credentialSubject"]["name"] = "Nguyễn Thị Hương"
    IssuedCredential.objects.filter(pk=credential.pk).update(credential_json=document)
    with caplog.at_level(logging.ERROR, logger="hocvuso.certificates"):
        verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.INVALID and verdict.signature_ok is False
    assert verdict.holder == ""  # nothing of an unverified document is shown
    assert caplog.records


def test_a_status_list_that_does_not_verify_gives_no_verdict_of_valid(issuer_keys):
    credential = issued()
    row = StatusList.objects.get(pk=credential.status_list_id)
    forged = dict(row.credential_json)
    other_bit = bytearray(16384)
    status_list.set_bit(other_bit, (credential.status_list_index + 1) % 131072)  # a change, but not its bit
    forged["credentialSubject"] = {**forged["credentialSubject"], "encodedList": status_list.encode(other_bit)}
    row.credential_json = forged
    row.save()
    verdict = verification.check_serial(credential.serial)
    assert verdict.state == State.INVALID and verdict.status_checked is False


def test_after_a_key_rotation_old_certificates_still_verify(issuer_keys):
    credential = issued()
    keys.rotate()
    assert verification.check_serial(credential.serial).state == State.VALID
    second = issued(name="Trần Văn An", goal=credential.achievement)
    assert (
        second.credential_json["proof"]["verificationMethod"]
        != credential.credential_json["proof"]["verificationMethod"]
    )
    assert verification.check_serial(second.serial).state == State.VALID


def test_one_query_per_check_however_many_certificates(issuer_keys, django_assert_num_queries):
    first = issued()
    for number in range(3):
        issued(name=f"Lê Văn {chr(65 + number)}", goal=first.achievement)
    with django_assert_num_queries(1):
        assert verification.check_serial(first.serial).valid


# --- uploaded documents ---------------------------------------------------------------------------------------


def test_the_credential_file_verifies(issuer_keys):
    credential = issued()
    verdict = verification.check_document(json.dumps(credential.credential_json).encode())
    assert verdict.state == State.VALID and verdict.form == "data-integrity"
    assert verdict.serial == credential.serial and verdict.holder == "Nguyễn T** H****"


def test_the_jwt_verifies_and_sees_the_revocation(issuer_keys):
    credential = issued()
    assert verification.check_document(credential.jwt).state == State.VALID
    revoked(credential)
    verdict = verification.check_document("\n" + credential.jwt + "\n")
    assert verdict.state == State.REVOKED and verdict.form == "jwt"
    assert verdict.revoked_at is not None


def test_a_revoked_credential_file_is_revoked(issuer_keys):
    credential = issued()
    document = json.dumps(credential.credential_json)
    revoked(credential)
    verdict = verification.check_document(document)
    assert verdict.state == State.REVOKED and verdict.signature_ok


def test_a_tampered_file_or_jwt_is_not_valid(issuer_keys):
    credential = issued()
    document = credential.credential_json
    document["credentialSubject"]["name"] = "Người Khác"
    verdict = verification.check_document(json.dumps(document))
    assert verdict.state == State.INVALID and verdict.signature_ok is False
    header, payload, signature = credential.jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["validUntil"] = "2099-01-01T00:00:00Z"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    verdict = verification.check_document(f"{header}.{forged}.{signature}")
    assert verdict.state == State.INVALID and verdict.form == "jwt"


def test_another_issuers_credential_is_refused_as_not_ours(issuer_keys, tmp_path):
    other_key = keys.create_key(directory=tmp_path / "other")
    document = openbadges.build_credential(
        credential_id="https://other.example/c/1",
        issuer_id="did:web:other.example",
        issuer_name="Phường khác",
        achievement_id="https://other.example/a/1",
        achievement_name="Kỹ năng số",
        achievement_description="…",
        criteria_narrative="…",
        valid_from=datetime(2026, 1, 1, tzinfo=UTC),
        holder_name="Trần Văn An",
    )
    verdict = verification.check_document(json.dumps(signing.sign(document, key=other_key)))
    assert verdict.state == State.FOREIGN
    assert verification.check_document(signing.to_jwt(document, key=other_key)).state == State.FOREIGN


def test_a_key_that_is_not_in_our_did_document_is_refused(issuer_keys, tmp_path):
    credential = issued()
    stranger = keys.create_key(directory=tmp_path / "stranger")
    unsigned = {k: v for k, v in credential.credential_json.items() if k != "proof"}
    forged = signing.sign(unsigned, key=stranger)  # names did:web:hocvuso.test#<stranger's kid>
    verdict = verification.check_document(json.dumps(forged))
    assert verdict.state == State.INVALID and "unknown" in verdict.detail
    assert verification.check_document(signing.to_jwt(unsigned, key=stranger)).state == State.INVALID


def test_a_status_list_elsewhere_is_never_fetched(issuer_keys, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the verifier tried the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    credential = issued()
    unsigned = {k: v for k, v in credential.credential_json.items() if k != "proof"}
    unsigned["credentialStatus"] = status_list.entry(list_url="https://evil.example/list", index=1)
    forged = signing.sign(unsigned, key=keys.current_key())  # even with our own key
    verdict = verification.check_document(json.dumps(forged))
    assert verdict.state == State.INVALID and verdict.status_checked is False


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2, 3]", "neither JSON nor a compact JWT"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        (b"hello world", "neither JSON nor a compact JWT"),
        (b"%PDF-1.7\n...", "a PDF file"),
        (b"a.b.c", "not a compact JWS"),
        (json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["X"]}).encode(), None),
        (b"{" + b'"a":[' * 5000 + b"]" * 5000 + b"}", None),
    ],
)
def test_what_is_not_a_credential_gets_a_reason_never_an_error(issuer_keys, data, detail):
    verdict = verification.check_document(data)
    assert verdict.state == State.MALFORMED
    if detail:
        assert verdict.detail == detail
    assert verdict.message and verdict.explanation


def test_an_oversize_document_is_refused_before_it_is_read(issuer_keys):
    verdict = verification.check_document(b" " * (verification.MAX_DOCUMENT_BYTES + 1))
    assert verdict.state == State.TOO_LARGE
    assert "64" in verdict.message


def test_status_lists_are_found_on_a_host_with_a_port(settings):
    """The demo and many wards serve on a port: "localhost:8000" must not confuse the list's id."""
    from certificates import services as certificate_services

    settings.HOCVUSO_SITE_HOST = "localhost:8000"
    url = certificate_services.status_list_url(1)
    assert url == "https://localhost:8000/xac-minh/trang-thai/1/"
    assert verification.status_list_id(url) == 1
    assert verification.status_list_id(certificate_services.status_list_url(80)) == 80
    assert verification.status_list_id("https://localhost:8001/xac-minh/trang-thai/1/") is None

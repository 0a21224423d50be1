# ruff: noqa: F811 - the fixtures come from signing_fixtures (imported by name, so pytest finds them)
import hashlib
from datetime import UTC, datetime

import pytest

from certificates import openbadges, signing, status_list

from .signing_fixtures import (  # noqa: F401 - fixtures
    HOST,
    ISSUER,
    STATUS_URL,
    issuer_key,
    key_dir,
    nfd,
    resolver,
    sample_credential,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_the_credential_is_an_open_badge_on_vc_2():
    credential = sample_credential(
        valid_until=datetime(2031, 3, 8, tzinfo=UTC), awarded=datetime(2026, 3, 8, tzinfo=UTC)
    )
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"https://{HOST}/certificates/HVS-2026-000042"
    assert credential["issuer"] == {
        "id": ISSUER,
        "type": ["Profile"],
        "name": "Ủy ban nhân dân phường Bến Nghé",
        "url": f"https://{HOST}/",
        "image": {"id": f"https://{HOST}/static/lms/logo.png", "type": "Image"},
    }
    assert credential["validFrom"] == "2026-03-08T09:30:00Z"
    assert credential["validUntil"] == "2031-03-08T00:00:00Z"
    assert credential["awardedDate"] == "2026-03-08T00:00:00Z"
    assert credential["name"] == "Kỹ năng số cơ bản"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["name"] == "Nguyễn Thị Hoà"
    assert subject["achievement"] == {
        "id": f"https://{HOST}/certificates/achievements/ky-nang-so-co-ban",
        "type": ["Achievement"],
        "name": "Kỹ năng số cơ bản",
        "description": "Dùng điện thoại để tra cứu, nhắn tin và làm thủ tục công trực tuyến.",
        "criteria": {"narrative": "Hoàn thành khoá học và đạt bài kiểm tra cuối khoá."},
        "achievementType": "Certificate",
    }
    assert credential["credentialStatus"] == status_list.entry(list_url=STATUS_URL, index=42)
    # every term is defined by the two contexts (canonicalize is strict)
    assert signing.canonicalize(credential)


def test_text_is_nfc_from_the_start():
    credential = sample_credential(holder_name=nfd("Nguyễn Thị Hoà"), achievement_name=nfd("Kỹ năng số\x0b"))
    assert credential["credentialSubject"]["name"] == "Nguyễn Thị Hoà"
    assert credential["name"] == "Kỹ năng số"


def test_identity_object_is_a_salted_hash():
    identity = openbadges.identity_object("0901234567", identity_type="phoneNumber", salt="s4lt")
    assert identity == {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": "sha256$" + hashlib.sha256(b"0901234567s4lt").hexdigest(),
        "identityType": "phoneNumber",
        "salt": "s4lt",
    }
    assert openbadges.identity_object("x")["salt"] != openbadges.identity_object("x")["salt"]
    assert openbadges.identity_object("a@b.vn", identity_type="emailAddress", hashed=False)["identityHash"] == "a@b.vn"


def test_the_holder_needs_a_name_or_an_identifier():
    with pytest.raises(ValueError):
        sample_credential(holder_name=None, holder_identifiers=None)
    only_identifier = sample_credential(holder_name=None)
    assert "name" not in only_identifier["credentialSubject"]
    assert signing.canonicalize(only_identifier)


def test_status_url_and_index_go_together():
    with pytest.raises(ValueError):
        sample_credential(status_list_index=None)
    assert "credentialStatus" not in sample_credential(status_list_url=None, status_list_index=None)


def _lists(key, *, revoked=()):
    bits = status_list.new_list()
    for index in revoked:
        status_list.set_bit(bits, index)
    return {STATUS_URL: status_list.status_list_credential(list_url=STATUS_URL, issuer=ISSUER, bits=bits, key=key)}


def test_verify_credential_valid(issuer_key):
    signed = signing.sign(sample_credential(), key=issuer_key)
    check = openbadges.verify_credential(
        signed, resolve_key=resolver(), load_status_list=_lists(issuer_key).get, now=NOW
    )
    assert check.valid
    assert (check.verified, check.status_ok, check.revoked, check.reason) == (True, True, False, "")


def test_verify_credential_revoked_is_verified_but_not_valid(issuer_key):
    signed = signing.sign(sample_credential(), key=issuer_key)
    lists = _lists(issuer_key, revoked=[42])
    check = openbadges.verify_credential(signed, resolve_key=resolver(), load_status_list=lists.get, now=NOW)
    assert check.verified and check.revoked is True
    assert not check.valid
    assert check.reason == "revoked"


def test_verify_credential_with_an_unreadable_status_is_not_valid(issuer_key):
    signed = signing.sign(sample_credential(), key=issuer_key)
    check = openbadges.verify_credential(signed, resolve_key=resolver(), load_status_list={}.get, now=NOW)
    assert check.verified and check.status_ok is False and check.revoked is None
    assert not check.valid


def test_verify_credential_dates(issuer_key):
    signed = signing.sign(sample_credential(valid_until=datetime(2027, 1, 1, tzinfo=UTC)), key=issuer_key)
    lists = _lists(issuer_key)
    early = openbadges.verify_credential(
        signed, resolve_key=resolver(), load_status_list=lists.get, now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert early.not_yet_valid and not early.valid
    late = openbadges.verify_credential(
        signed, resolve_key=resolver(), load_status_list=lists.get, now=datetime(2027, 6, 1, tzinfo=UTC)
    )
    assert late.expired and not late.valid


def test_verify_credential_tampered(issuer_key):
    signed = signing.sign(sample_credential(), key=issuer_key)
    signed["credentialSubject"]["name"] = "Trần Văn Bình"
    check = openbadges.verify_credential(signed, resolve_key=resolver(), load_status_list=_lists(issuer_key).get)
    assert not check.verified and not check.valid
    assert check.reason == "signature does not match the document"


def test_without_status_entry(issuer_key):
    signed = signing.sign(sample_credential(status_list_url=None, status_list_index=None), key=issuer_key)
    check = openbadges.verify_credential(signed, resolve_key=resolver(), load_status_list={}.get, now=NOW)
    assert check.valid and check.status_ok is None and check.revoked is False


def test_only_open_badges_are_checked_as_such(issuer_key):
    listed = _lists(issuer_key)[STATUS_URL]
    assert signing.verify(listed, resolve_key=resolver()).ok
    check = openbadges.verify_credential(listed, resolve_key=resolver(), load_status_list={}.get)
    assert (check.verified, check.reason) == (False, "not an Open Badges 3.0 credential")
    assert not openbadges.verify_credential("x", resolve_key=resolver(), load_status_list={}.get).valid

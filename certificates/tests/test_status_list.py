# ruff: noqa: F811 - the fixtures come from signing_fixtures (imported by name, so pytest finds them)
import base64
import gzip
from datetime import UTC, datetime

import pytest

from certificates import keys, signing, status_list

from .signing_fixtures import ISSUER, STATUS_URL, issuer_key, key_dir, resolver, sample_credential  # noqa: F401


def test_a_new_list_is_16_kib_of_zeroes():
    bits = status_list.new_list()
    assert len(bits) * 8 == 131072 == status_list.MIN_BITS
    assert not any(bits)
    with pytest.raises(status_list.StatusListError):
        status_list.new_list(1024)


def test_bit_order_is_most_significant_first():
    bits = status_list.new_list()
    status_list.set_bit(bits, 0)
    status_list.set_bit(bits, 9)
    assert bits[0] == 0x80 and bits[1] == 0x40
    assert status_list.get_bit(bits, 0) and status_list.get_bit(bits, 9)
    assert not status_list.get_bit(bits, 1)
    status_list.set_bit(bits, 0, False)
    assert bits[0] == 0
    with pytest.raises(status_list.StatusListError):
        status_list.get_bit(bits, 131072)
    with pytest.raises(status_list.StatusListError):
        status_list.set_bit(bits, -1)


def test_encode_is_multibase_base64url_of_gzip():
    bits = status_list.new_list()
    status_list.set_bit(bits, 42)
    encoded = status_list.encode(bits)
    assert encoded.startswith("u")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert raw == bytes(bits)
    assert status_list.decode(encoded) == bytes(bits)
    # the same bits always give the same text (no timestamp in the GZIP header)
    assert status_list.encode(bytes(bits)) == encoded


def test_encode_refuses_a_short_list():
    with pytest.raises(status_list.StatusListError):
        status_list.encode(bytes(1024))


def _u(raw: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "encoded",
    [
        "z" + status_list.encode(bytes(16384))[1:],  # base58 prefix
        _u(gzip.compress(bytes(1024))),  # shorter than 131072 bits
        _u(b"not gzip at all"),
        "u***",
        None,
    ],
)
def test_decode_refuses(encoded):
    with pytest.raises(status_list.StatusListError):
        status_list.decode(encoded)


def test_decode_refuses_a_compressed_bomb():
    bomb = _u(gzip.compress(bytes(status_list.MAX_BITS // 8 + 1)))
    with pytest.raises(status_list.StatusListError, match="too long"):
        status_list.decode(bomb)


def test_entry():
    assert status_list.entry(list_url=STATUS_URL, index=42) == {
        "id": f"{STATUS_URL}#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": STATUS_URL,
    }


def test_the_status_list_credential_is_signed(issuer_key):
    bits = status_list.new_list()
    listed = status_list.status_list_credential(
        list_url=STATUS_URL, issuer=ISSUER, bits=bits, key=issuer_key, valid_from=datetime(2026, 3, 1, tzinfo=UTC)
    )
    assert listed["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert listed["id"] == STATUS_URL
    assert listed["validFrom"] == "2026-03-01T00:00:00Z"
    assert listed["credentialSubject"] == {
        "id": f"{STATUS_URL}#list",
        "type": "BitstringStatusList",
        "statusPurpose": "revocation",
        "encodedList": status_list.encode(bits),
    }
    assert signing.verify(listed, resolve_key=resolver()).ok


def _lists(key, *, revoked=()):
    bits = status_list.new_list()
    for index in revoked:
        status_list.set_bit(bits, index)
    listed = status_list.status_list_credential(list_url=STATUS_URL, issuer=ISSUER, bits=bits, key=key)
    return {STATUS_URL: listed}


def test_check_status(issuer_key):
    credential = signing.sign(sample_credential(status_list_index=42), key=issuer_key)
    check = lambda lists: status_list.check_status(  # noqa: E731
        credential, resolve_key=resolver(), load_status_list=lists.get
    )
    assert check(_lists(issuer_key)) == status_list.StatusResult(True, False, "")
    assert check(_lists(issuer_key, revoked=[41, 43])).revoked is False
    assert check(_lists(issuer_key, revoked=[42])) == status_list.StatusResult(True, True, "revoked")
    missing = check({})
    assert (missing.ok, missing.revoked) == (False, None)


def test_no_status_entry_is_not_revoked(issuer_key):
    credential = sample_credential(status_list_url=None, status_list_index=None)
    result = status_list.check_status(credential, resolve_key=resolver(), load_status_list={}.get)
    assert (result.ok, result.revoked) == (True, False)


def test_a_forged_status_list_is_not_believed(issuer_key, key_dir):
    credential = signing.sign(sample_credential(status_list_index=42), key=issuer_key)
    lists = _lists(issuer_key)
    # someone clears a revoked bit in a published list: its proof no longer matches
    revoked = _lists(issuer_key, revoked=[42])[STATUS_URL]
    revoked["credentialSubject"]["encodedList"] = lists[STATUS_URL]["credentialSubject"]["encodedList"]
    result = status_list.check_status(credential, resolve_key=resolver(), load_status_list={STATUS_URL: revoked}.get)
    assert (result.ok, result.revoked) == (False, None)
    assert "not verified" in result.reason


def test_a_status_list_of_another_issuer_is_not_believed(issuer_key, key_dir):
    other = keys.create_key(directory=key_dir / "other")
    foreign = status_list.status_list_credential(
        list_url=STATUS_URL, issuer="did:web:evil.example", bits=status_list.new_list(), key=other
    )
    credential = signing.sign(sample_credential(), key=issuer_key)

    def resolve_both(method):
        if method.startswith("did:web:evil.example#"):
            return other.public_key
        return resolver()(method)

    result = status_list.check_status(credential, resolve_key=resolve_both, load_status_list={STATUS_URL: foreign}.get)
    assert (result.ok, result.reason) == (False, "the status list has another issuer")


def test_a_list_for_another_purpose_or_url_is_not_believed(issuer_key):
    credential = signing.sign(sample_credential(), key=issuer_key)
    suspension = status_list.status_list_credential(
        list_url=STATUS_URL, issuer=ISSUER, bits=status_list.new_list(), key=issuer_key, purpose="suspension"
    )
    result = status_list.check_status(credential, resolve_key=resolver(), load_status_list=lambda url: suspension)
    assert (result.ok, result.reason) == (False, "the status list is for another purpose")
    elsewhere = status_list.status_list_credential(
        list_url=STATUS_URL + "-other", issuer=ISSUER, bits=status_list.new_list(), key=issuer_key
    )
    result = status_list.check_status(credential, resolve_key=resolver(), load_status_list=lambda url: elsewhere)
    assert (result.ok, result.reason) == (False, "not the status list the entry names")

# ruff: noqa: F811 - the fixtures come from signing_fixtures (imported by name, so pytest finds them)
import base64
import copy
import json
import socket
import unicodedata

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates import did, keys, signing
from certificates.document_loader import CONTEXT_FILES, UnknownContext, load_document

from .signing_fixtures import ISSUER, issuer_key, key_dir, nfd, resolver, sample_credential  # noqa: F401


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Verification must work offline: any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def signed(issuer_key):
    return signing.sign(sample_credential(), key=issuer_key)


def test_round_trip(signed, issuer_key):
    proof = signed["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == f"{ISSUER}#{issuer_key.kid}"
    assert proof["proofValue"].startswith("z")
    assert proof["created"].endswith("Z") and "." not in proof["created"]
    result = signing.verify(signed, resolve_key=resolver())
    assert result.ok, result.reason
    assert result.key_id == proof["verificationMethod"]


def test_signing_leaves_the_input_alone(issuer_key):
    credential = sample_credential()
    before = copy.deepcopy(credential)
    signing.sign(credential, key=issuer_key)
    assert credential == before


def test_signing_again_replaces_the_proof(signed, issuer_key):
    again = signing.sign(signed, key=issuer_key)
    assert signing.verify(again, resolve_key=resolver()).ok


def test_vietnamese_in_nfd_is_signed_as_nfc(issuer_key):
    name = "Nguyễn Thị Hoà"
    assert nfd(name) != name
    signed = signing.sign(sample_credential(holder_name=nfd(name), issuer_name=nfd("Phường Bến Nghé")), key=issuer_key)
    assert signed["credentialSubject"]["name"] == name
    assert unicodedata.is_normalized("NFC", signed["issuer"]["name"])
    assert signing.verify(signed, resolve_key=resolver()).ok
    # what was signed is exactly the NFC text: the same credential typed in NFC has the same canonical form
    nfc = signing.sign(sample_credential(holder_name=name, issuer_name="Phường Bến Nghé"), key=issuer_key)
    strip = lambda d: {k: v for k, v in d.items() if k != "proof"}  # noqa: E731
    assert signing.canonicalize(strip(signed)) == signing.canonicalize(strip(nfc))
    # a verifier handed the NFD text back sees a different document
    signed["credentialSubject"]["name"] = nfd(name)
    assert not signing.verify(signed, resolve_key=resolver()).ok


def test_control_characters_are_stripped_but_line_breaks_kept(issuer_key):
    description = "Dòng một\x00\x07\x1b[31m\x7f\nDòng hai\tcột\r\n"
    signed = signing.sign(sample_credential(achievement_description=description), key=issuer_key)
    assert signed["credentialSubject"]["achievement"]["description"] == "Dòng một[31m\nDòng hai\tcột\r\n"
    assert signing.verify(signed, resolve_key=resolver()).ok


def test_sanitize():
    assert signing.sanitize({"a": 3.0, "b": 2.5, "c": [1.0, True, None], "d": nfd("ồ")}) == {
        "a": 3,
        "b": 2.5,
        "c": [1, True, None],
        "d": "ồ",
    }
    assert isinstance(signing.sanitize(3.0), int)
    with pytest.raises(signing.UnsignableDocument):
        signing.sanitize({"name": {"@value": "x", "@direction": "rtl"}})
    with pytest.raises(signing.UnsignableDocument):
        signing.sanitize(float("nan"))


def test_an_undefined_term_refuses_to_sign(issuer_key):
    credential = sample_credential()
    credential["credentialSubject"]["favouriteColour"] = "xanh"
    with pytest.raises(signing.UnsignableDocument, match="favouriteColour"):
        signing.sign(credential, key=issuer_key)
    credential = sample_credential()
    credential["type"].append("MadeUpCredential")
    with pytest.raises(signing.UnsignableDocument, match="MadeUpCredential"):
        signing.sign(credential, key=issuer_key)
    # a relative id would be resolved against pyld's made-up base (http://example.org/base/), not the verifier's
    with pytest.raises(signing.UnsignableDocument, match="Not an absolute IRI"):
        signing.sign(sample_credential(credential_id="certificates/HVS-2026-000042"), key=issuer_key)


def test_an_undefined_term_added_after_signing_is_refused(signed):
    # pyld alone would drop the term and the signature would still match: the verifier is strict
    signed["credentialSubject"]["note"] = "added later"
    result = signing.verify(signed, resolve_key=resolver())
    assert not result.ok
    assert "note" in result.reason


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["credentialSubject"].__setitem__("name", "Trần Văn Bình"),
        lambda c: c["credentialSubject"]["achievement"].__setitem__("name", "Kỹ năng số nâng cao"),
        lambda c: c.__setitem__("validFrom", "2025-03-08T09:30:00Z"),
        lambda c: c["issuer"].__setitem__("name", "Phường khác"),
        lambda c: c["credentialStatus"].__setitem__("statusListIndex", "43"),
        lambda c: c.pop("credentialStatus"),
        lambda c: c["proof"].__setitem__("created", "2020-01-01T00:00:00Z"),
    ],
)
def test_a_tampered_credential_fails(signed, tamper):
    tamper(signed)
    result = signing.verify(signed, resolve_key=resolver())
    assert not result.ok
    assert result.reason == "signature does not match the document"


def test_a_wrong_key_fails(signed):
    impostor = Ed25519PrivateKey.generate().public_key()
    result = signing.verify(signed, resolve_key=lambda method: impostor)
    assert not result.ok
    assert result.reason == "signature does not match the document"


def test_a_credential_signed_by_someone_else_with_our_kid_fails(issuer_key):
    forger = keys.IssuerKey(
        kid=issuer_key.kid,
        created_at=issuer_key.created_at,
        retired_at=None,
        public_key=Ed25519PrivateKey.generate().public_key(),
        private_key=Ed25519PrivateKey.generate(),
    )
    forged = signing.sign(sample_credential(), key=forger)
    assert not signing.verify(forged, resolve_key=resolver()).ok


def test_an_unknown_verification_method_fails(signed):
    signed["proof"]["verificationMethod"] = f"{ISSUER}#key-that-was-never-made"
    result = signing.verify(signed, resolve_key=resolver())
    assert (result.ok, result.reason) == (False, "unknown verificationMethod")


def test_a_key_of_another_did_cannot_sign_for_ours(key_dir):
    elsewhere = keys.create_key(directory=key_dir / "other")
    credential = sample_credential()
    signed = signing.sign(credential, key=elsewhere, verification_method=f"did:web:evil.example#{elsewhere.kid}")
    evil_resolver = did.resolver_from_document(
        {
            "id": "did:web:evil.example",
            "verificationMethod": [
                {
                    "id": f"did:web:evil.example#{elsewhere.kid}",
                    "type": "Multikey",
                    "controller": "did:web:evil.example",
                    "publicKeyMultibase": elsewhere.public_key_multibase,
                }
            ],
            "assertionMethod": [f"did:web:evil.example#{elsewhere.kid}"],
        }
    )
    result = signing.verify(signed, resolve_key=evil_resolver)
    assert (result.ok, result.reason) == (False, "the key does not belong to the issuer")


def test_a_context_that_is_not_a_local_copy_is_refused(issuer_key):
    credential = sample_credential()
    credential["@context"].append("https://evil.example/context.json")
    with pytest.raises(UnknownContext):
        signing.sign(credential, key=issuer_key)
    signed = signing.sign(sample_credential(), key=issuer_key)
    signed["@context"].append("https://evil.example/context.json")
    result = signing.verify(signed, resolve_key=resolver())
    assert (result.ok, result.reason) == (False, "unknown context: https://evil.example/context.json")


def test_the_unversioned_open_badges_context_is_not_served():
    with pytest.raises(UnknownContext):
        load_document("https://purl.imsglobal.org/spec/ob/v3p0/context.json")
    for url in CONTEXT_FILES:
        assert load_document(url)["document"]["@context"]


def test_a_proof_made_for_another_document_fails(issuer_key):
    first = signing.sign(sample_credential(), key=issuer_key)
    other = signing.sign(sample_credential(holder_name="Lê Văn Cường", status_list_index=7), key=issuer_key)
    first["proof"] = other["proof"]
    result = signing.verify(first, resolve_key=resolver())
    assert (result.ok, result.reason) == (False, "signature does not match the document")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cryptosuite", "ecdsa-rdfc-2019"),
        ("type", "Ed25519Signature2020"),
        ("proofPurpose", "authentication"),
        ("proofValue", "uAAAA"),
        ("proofValue", "z1111"),
    ],
)
def test_other_proofs_are_refused(signed, field, value):
    signed["proof"][field] = value
    assert not signing.verify(signed, resolve_key=resolver()).ok


def test_no_proof(issuer_key):
    assert signing.verify(sample_credential(), resolve_key=resolver()).reason == "no proof (or more than one)"
    assert not signing.verify("nope", resolve_key=resolver()).ok


def test_a_credential_signed_with_a_retired_key_still_verifies(key_dir):
    old = keys.create_key()
    before = signing.sign(sample_credential(), key=keys.current_key())
    keys.rotate()
    after = signing.sign(sample_credential(status_list_index=43), key=keys.current_key())
    assert after["proof"]["verificationMethod"] != before["proof"]["verificationMethod"]
    assert before["proof"]["verificationMethod"] == f"{ISSUER}#{old.kid}"
    document = did.did_document("hocvuso.test:8443")
    assert f"{ISSUER}#{old.kid}" in document["assertionMethod"]
    assert signing.verify(before, resolve_key=resolver()).ok
    assert signing.verify(after, resolve_key=resolver()).ok
    # a key taken out of the DID document (say, one that leaked) no longer verifies what it signed
    document["assertionMethod"].remove(f"{ISSUER}#{old.kid}")
    assert not signing.verify(before, resolve_key=did.resolver_from_document(document)).ok


# --- JWT ---------------------------------------------------------------------------------------------------------


def _parts(token):
    return [json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))) for part in token.split(".")[:2]]


def _encode(value):
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_jwt_round_trip(issuer_key):
    credential = sample_credential(holder_name=nfd("Nguyễn Thị Hoà"))
    token = signing.to_jwt(signing.sign(credential, key=issuer_key), key=issuer_key)
    header, payload = _parts(token)
    assert header == {"alg": "EdDSA", "kid": f"{ISSUER}#{issuer_key.kid}", "typ": "vc+jwt", "cty": "vc"}
    assert "proof" not in payload
    assert payload["credentialSubject"]["name"] == "Nguyễn Thị Hoà"
    result = signing.verify_jwt(token, resolve_key=resolver())
    assert result.ok, result.reason
    assert result.key_id == header["kid"]
    assert result.payload == signing.sanitize(credential)


def test_a_tampered_jwt_fails(issuer_key):
    token = signing.to_jwt(sample_credential(), key=issuer_key)
    head, _body, signature = token.split(".")
    _, payload = _parts(token)
    payload["credentialSubject"]["name"] = "Trần Văn Bình"
    forged = f"{head}.{_encode(payload)}.{signature}"
    result = signing.verify_jwt(forged, resolve_key=resolver())
    assert (result.ok, result.reason, result.payload) == (False, "signature does not match the token", None)


def test_a_jwt_with_alg_none_or_an_unknown_kid_fails(issuer_key):
    token = signing.to_jwt(sample_credential(), key=issuer_key)
    _head, body, signature = token.split(".")
    header, _ = _parts(token)
    assert not signing.verify_jwt(f"{_encode({**header, 'alg': 'none'})}.{body}.", resolve_key=resolver()).ok
    unknown = _encode({**header, "kid": f"{ISSUER}#other"})
    assert signing.verify_jwt(f"{unknown}.{body}.{signature}", resolve_key=resolver()).reason == "unknown kid"
    assert not signing.verify_jwt("a.b", resolve_key=resolver()).ok
    assert not signing.verify_jwt("a.b.c", resolve_key=resolver()).ok


def test_a_jwt_signed_with_a_retired_key_still_verifies(key_dir):
    keys.create_key()
    token = signing.to_jwt(sample_credential(), key=keys.current_key())
    keys.rotate()
    assert signing.verify_jwt(token, resolve_key=resolver()).ok


def test_a_document_with_very_many_blank_nodes_is_refused(signed):
    """Defence against canonicalization "poison" graphs (RDFC-1.0 is exponential on some; pyld has no cap)."""
    signed["credentialSubject"]["achievement"]["alignment"] = [
        {"type": ["Alignment"], "targetName": f"n{i}", "targetUrl": "https://example.vn/"} for i in range(40)
    ]
    result = signing.verify(signed, resolve_key=resolver())
    assert (result.ok, result.reason) == (False, "not canonicalizable: More than 32 blank nodes")

# ruff: noqa: F811 - the fixtures come from signing_fixtures (imported by name, so pytest finds them)
"""Interoperability, proven: the Digital Bazaar stack for Node (@digitalbazaar/vc with eddsa-rdfc-2022 and
vc-bitstring-status-list, installed by the project's package.json) checks our credentials, and we check its.

Node is started once for the module (certificates/tests/node/verify.mjs reads one request per line)."""

import copy
import shutil
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certificates import did, keys, openbadges, signing, status_list
from certificates.document_loader import CONTEXT_FILES, context_document

from .signing_fixtures import (  # noqa: F401 - fixtures
    HOST,
    ISSUER,
    REPO,
    STATUS_URL,
    NodeVerifier,
    issuer_key,
    key_dir,
    nfd,
    resolver,
    sample_credential,
)

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (`./run setup` installs it)")


@pytest.fixture(scope="module")
def node():
    if not (REPO / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        pytest.fail("node_modules lacks the Digital Bazaar packages: run `npm ci --ignore-scripts` (./run setup)")
    verifier = NodeVerifier()
    yield verifier
    verifier.close()


def _status_lists(key, *, revoked=()):
    bits = status_list.new_list()
    for index in revoked:
        status_list.set_bit(bits, index)
    return {STATUS_URL: status_list.status_list_credential(list_url=STATUS_URL, issuer=ISSUER, bits=bits, key=key)}


def _theirs(node, credential, *, lists):
    return node.verify(credential, did_documents=[did.did_document(HOST)], status_lists=lists)


def _ours(credential, *, lists):
    return openbadges.verify_credential(credential, resolve_key=resolver(), load_status_list=lists.get)


def test_our_context_copies_are_the_packages(node):
    theirs = node.request(op="contexts")["contexts"]
    assert set(theirs) == set(CONTEXT_FILES)
    for url in CONTEXT_FILES:
        assert context_document(url) == theirs[url], url


def test_theirs_accepts_ours(node, issuer_key):
    lists = _status_lists(issuer_key)
    credential = signing.sign(sample_credential(), key=issuer_key)
    result = _theirs(node, credential, lists=lists)
    assert result == {"verified": True, "statusVerified": True, "revoked": False, "error": None}
    assert _ours(credential, lists=lists).valid


def test_theirs_accepts_vietnamese_typed_in_nfd_and_control_characters(node, issuer_key):
    credential = sample_credential(
        holder_name=nfd("Nguyễn Thị Hoà"),
        issuer_name=nfd("Ủy ban nhân dân phường Bến Nghé"),
        achievement_description=nfd("Dòng một\x00\x1b\x7f\nDòng hai\tcột"),
        criteria_narrative=nfd("Đạt ≥ 8,5 điểm; “ngoặc kép”, emoji 📱, \\ gạch chéo"),
    )
    signed = signing.sign(credential, key=issuer_key)
    result = _theirs(node, signed, lists=_status_lists(issuer_key))
    assert result["verified"] is True, result["error"]


def test_why_control_characters_are_stripped(node, issuer_key, monkeypatch):
    """CREDENTIALS.md item 1, reproduced: pyld and the JavaScript canonicalizer write control characters
    differently, so a credential signed with them unstripped verifies in ours and fails in theirs."""
    credential = sample_credential(status_list_url=None, status_list_index=None)
    credential["credentialSubject"]["name"] = "Nguyễn\x01 Thị\x1f Hoà\x7f"
    monkeypatch.setattr(signing, "sanitize", lambda value: value)
    raw = signing.sign(credential, key=issuer_key)
    monkeypatch.undo()
    assert signing.verify(raw, resolve_key=resolver()).ok
    assert node.verify(raw, did_documents=[did.did_document(HOST)])["verified"] is False
    cleaned = signing.sign(credential, key=issuer_key)
    assert cleaned["credentialSubject"]["name"] == "Nguyễn Thị Hoà"
    assert node.verify(cleaned, did_documents=[did.did_document(HOST)])["verified"] is True


def test_theirs_accepts_our_status_list_credential(node, issuer_key):
    listed = _status_lists(issuer_key, revoked=[42])[STATUS_URL]
    result = _theirs(node, listed, lists={})
    assert result["verified"] is True, result["error"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["credentialSubject"].__setitem__("name", "Trần Văn Bình"),
        lambda c: c["credentialSubject"]["achievement"].__setitem__("name", "Kỹ năng số nâng cao"),
        lambda c: c.__setitem__("validFrom", "2025-03-08T09:30:00Z"),
        lambda c: c["credentialStatus"].__setitem__("statusListIndex", "43"),
    ],
)
def test_a_tampered_credential_is_refused_by_theirs_and_ours(node, issuer_key, tamper):
    lists = _status_lists(issuer_key)
    credential = signing.sign(sample_credential(), key=issuer_key)
    tamper(credential)
    result = _theirs(node, credential, lists=lists)
    assert result["verified"] is False
    assert result["error"] and not result["error"].startswith("harness:")
    ours = _ours(credential, lists=lists)
    assert not ours.verified and not ours.valid


def test_a_revoked_credential_is_reported_revoked_by_theirs_and_ours(node, issuer_key):
    lists = _status_lists(issuer_key, revoked=[42])
    credential = signing.sign(sample_credential(), key=issuer_key)
    result = _theirs(node, credential, lists=lists)
    # CREDENTIALS.md item 8, seen here: the library says "verified" for a revoked credential; the revocation is
    # only in its status result, which the harness (like our own pages) reads explicitly
    assert result["verified"] is True
    assert result["statusVerified"] is True
    assert result["revoked"] is True
    ours = _ours(credential, lists=lists)
    assert ours.verified and ours.revoked is True and not ours.valid


def test_a_forged_status_list_is_refused_by_theirs_and_ours(node, issuer_key):
    credential = signing.sign(sample_credential(), key=issuer_key)
    revoked = _status_lists(issuer_key, revoked=[42])
    cleared = copy.deepcopy(revoked)
    cleared[STATUS_URL]["credentialSubject"]["encodedList"] = status_list.encode(status_list.new_list())
    result = _theirs(node, credential, lists=cleared)
    assert result["verified"] is False
    assert result["revoked"] is None
    ours = _ours(credential, lists=cleared)
    assert ours.status_ok is False and not ours.valid


def test_a_credential_signed_with_a_retired_key_verifies_in_both(node, key_dir):
    keys.create_key()
    old = signing.sign(sample_credential(), key=keys.current_key())
    keys.rotate()
    lists = _status_lists(keys.current_key())
    assert _theirs(node, old, lists=lists)["verified"] is True
    assert _ours(old, lists=lists).valid
    # and a key dropped from the DID document no longer verifies in theirs either
    document = did.did_document(HOST)
    document["assertionMethod"] = document["assertionMethod"][1:]
    result = node.verify(old, did_documents=[document], status_lists=lists)
    assert result["verified"] is False


def test_an_unknown_key_or_context_is_refused_by_theirs(node, issuer_key):
    credential = signing.sign(sample_credential(), key=issuer_key)
    credential["proof"]["verificationMethod"] = f"{ISSUER}#key-never-made"
    assert _theirs(node, credential, lists=_status_lists(issuer_key))["verified"] is False
    credential = signing.sign(sample_credential(), key=issuer_key)
    credential["@context"].append("https://evil.example/context.json")
    result = _theirs(node, credential, lists=_status_lists(issuer_key))
    assert result["verified"] is False


def test_the_jwt_payload_is_the_credential_theirs_accepts(node, issuer_key):
    signed = signing.sign(sample_credential(), key=issuer_key)
    token = signing.to_jwt(signed, key=issuer_key)
    checked = signing.verify_jwt(token, resolve_key=resolver())
    assert checked.ok
    assert {**checked.payload, "proof": signed["proof"]} == signed


# --- the other direction: their signature, our verifier ------------------------------------------------------------


def _their_key_and_did_document():
    private = Ed25519PrivateKey.generate()
    did_id = "did:web:other-issuer.example"
    method = f"{did_id}#key-1"
    public = keys.public_key_multibase(private.public_key())
    document = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did_id,
        "verificationMethod": [{"id": method, "type": "Multikey", "controller": did_id, "publicKeyMultibase": public}],
        "assertionMethod": [method],
    }
    key = {
        "id": method,
        "controller": did_id,
        "publicKeyMultibase": public,
        "secretKeyMultibase": keys.secret_key_multibase(private),
    }
    return key, document


def test_ours_accepts_theirs(node):
    key, document = _their_key_and_did_document()
    credential = sample_credential(
        issuer_id=document["id"], status_list_url=None, status_list_index=None, holder_name="Phạm Thị Dung"
    )
    answer = node.request(op="sign", credential=credential, key=key, didDocuments=[document])
    assert answer["error"] is None, answer
    theirs = answer["credential"]
    assert theirs["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert theirs["proof"]["verificationMethod"] == key["id"]
    resolve = did.resolver_from_document(document)
    result = signing.verify(theirs, resolve_key=resolve)
    assert result.ok, result.reason
    check = openbadges.verify_credential(
        theirs, resolve_key=resolve, load_status_list={}.get, now=datetime(2026, 6, 1, tzinfo=UTC)
    )
    assert check.valid
    # tampered after their signing: ours refuses
    theirs = copy.deepcopy(theirs)
    theirs["credentialSubject"]["name"] = "Trần Văn Bình"
    assert not signing.verify(theirs, resolve_key=resolve).ok
    # their credential does not verify with our DID document
    assert not signing.verify(answer["credential"], resolve_key=resolver()).ok

# ruff: noqa: F811 - the fixtures come from signing_fixtures (imported by name, so pytest finds them)
import json
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command

from certificates import did, keys

from .signing_fixtures import HOST, ISSUER, issuer_key, key_dir  # noqa: F401 - fixtures

# Digital Bazaar's ed25519-multikey README: one key pair in Multikey form (public and secret)
DB_PUBLIC = "z6MkwXG2WjeQnNxSoynSGYU8V9j3QzP3JSqhdmkHc6SaVWoT"
DB_SECRET = "zrv3rbPamVDGvrm7LkYPLWYJ35P9audujKKsWn3x29EUiGwwhdZQd1iHhrsmZidtVALBQmhX3j9E5Fvx6Kr29DPt6LH"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_key_is_a_private_file_and_an_index_entry(key_dir):
    key = keys.create_key()
    pem = key_dir / f"{key.kid}.pem"
    assert pem.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert mode(pem) == 0o600
    assert mode(key_dir) == 0o700
    assert mode(key_dir / "index.json") == 0o600
    (entry,) = json.loads((key_dir / "index.json").read_text())
    assert entry == {
        "kid": key.kid,
        "created_at": key.created_at.isoformat(),
        "retired_at": None,
        "public_key_multibase": key.public_key_multibase,
    }
    # the index holds the public half only
    assert "PRIVATE" not in (key_dir / "index.json").read_text()


def test_the_key_folder_defaults_under_var(settings):
    del settings.HOCVUSO_ISSUER_KEY_DIR
    assert keys.key_dir() == Path(settings.VAR_DIR) / "keys"
    settings.HOCVUSO_ISSUER_KEY_DIR = "/somewhere/else"
    assert keys.key_dir() == Path("/somewhere/else")


def test_the_default_folder_is_outside_the_repository_history():
    """var/ is git-ignored, so keys made there never reach a commit."""
    ignore = (Path(__file__).resolve().parents[2] / ".gitignore").read_text()
    assert any(line.strip().strip("/") == "var" for line in ignore.splitlines())


def test_no_key_yet(key_dir):
    with pytest.raises(keys.NoIssuerKey):
        keys.current_key()
    assert keys.public_keys() == []


def test_current_key_signs_and_has_its_private_half(key_dir):
    created = keys.create_key()
    current = keys.current_key()
    assert current.kid == created.kid
    assert current.private_key is not None
    message = b"x"
    created.public_key.verify(current.private_key.sign(message), message)


def test_rotation_retires_old_keys_but_keeps_them_public(key_dir):
    first = keys.create_key()
    second = keys.rotate()
    assert keys.current_key().kid == second.kid
    listed = {key.kid: key for key in keys.public_keys()}
    assert set(listed) == {first.kid, second.kid}
    assert listed[first.kid].retired and not listed[second.kid].retired
    third = keys.rotate()
    assert keys.current_key().kid == third.kid
    assert [key.retired for key in keys.public_keys()] == [True, True, False]


def test_a_retired_key_whose_private_file_was_deleted_still_verifies(key_dir):
    first = keys.create_key()
    keys.rotate()
    (key_dir / f"{first.kid}.pem").unlink()
    assert first.kid in {key.kid for key in keys.public_keys()}
    assert keys.current_key().kid != first.kid


def test_a_private_file_that_does_not_match_the_index_is_refused(key_dir):
    key = keys.create_key()
    other = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization

    (key_dir / f"{key.kid}.pem").write_bytes(
        other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    with pytest.raises(keys.IssuerKeyError, match="does not match"):
        keys.current_key()


def test_multikey_encoding_matches_digital_bazaar():
    public = keys.public_key_from_multibase(DB_PUBLIC)
    assert keys.public_key_multibase(public) == DB_PUBLIC
    assert DB_PUBLIC.startswith("z6Mk")
    import base58

    seed = base58.b58decode(DB_SECRET[1:])[2:34]
    private = Ed25519PrivateKey.from_private_bytes(seed)
    assert keys.public_key_multibase(private.public_key()) == DB_PUBLIC
    assert keys.secret_key_multibase(private) == DB_SECRET


@pytest.mark.parametrize("value", ["6Mk", "zabc", "z" + "1" * 40, 5])
def test_not_a_multikey(value):
    with pytest.raises(ValueError):
        keys.public_key_from_multibase(value)


def test_management_command(key_dir, capsys):
    call_command("issuer_keys", "list")
    assert "No key" in capsys.readouterr().out
    call_command("issuer_keys", "create")
    first = keys.current_key()
    assert first.kid in capsys.readouterr().out
    call_command("issuer_keys", "create")
    assert "nothing to do" in capsys.readouterr().out
    assert len(keys.public_keys()) == 1
    call_command("issuer_keys", "rotate")
    second = keys.current_key()
    assert second.kid != first.kid
    capsys.readouterr()
    call_command("issuer_keys", "list")
    out = capsys.readouterr().out
    assert first.kid in out and "retired" in out and second.kid in out
    assert first.public_key_multibase in out


# --- did:web -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("hocvuso.example.vn", "did:web:hocvuso.example.vn"),
        ("localhost:8000", "did:web:localhost%3A8000"),
        ("Phuong.Example.VN", "did:web:phuong.example.vn"),
    ],
)
def test_issuer_did(host, expected):
    assert did.issuer_did(host) == expected


@pytest.mark.parametrize("host", ["", "evil.example/path", "user@host"])
def test_issuer_did_refuses_what_is_not_a_host(host):
    with pytest.raises(ValueError):
        did.issuer_did(host)


def test_did_document_lists_every_key_for_assertions(key_dir):
    first = keys.create_key()
    second = keys.rotate()
    document = did.did_document(HOST)
    assert document["@context"] == ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
    assert document["id"] == ISSUER
    assert document["verificationMethod"] == [
        {
            "id": f"{ISSUER}#{key.kid}",
            "type": "Multikey",
            "controller": ISSUER,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in (first, second)
    ]
    assert document["assertionMethod"] == [f"{ISSUER}#{first.kid}", f"{ISSUER}#{second.kid}"]


def test_resolver_gives_only_keys_allowed_for_assertions(key_dir):
    key = keys.create_key()
    document = did.did_document(HOST)
    resolve = did.resolver_from_document(document)
    assert resolve(f"{ISSUER}#{key.kid}") is not None
    assert resolve(f"{ISSUER}#nope") is None
    document["assertionMethod"] = []
    assert did.resolver_from_document(document)(f"{ISSUER}#{key.kid}") is None


def test_resolver_ignores_a_method_controlled_by_another_did(key_dir):
    key = keys.create_key()
    document = did.did_document(HOST)
    document["verificationMethod"][0]["controller"] = "did:web:evil.example"
    assert did.resolver_from_document(document)(f"{ISSUER}#{key.kid}") is None

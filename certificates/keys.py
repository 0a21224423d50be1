"""The issuer's Ed25519 keys: files outside the database and the repository.

`settings.HOCVUSO_ISSUER_KEY_DIR` (default `<VAR_DIR>/keys`) holds one PKCS#8 PEM file per key (mode 0600) and
`index.json`, a list of `{kid, created_at, retired_at, public_key_multibase}`. The newest key that is not retired
signs; every key, retired ones too, stays in the DID document so that credentials signed before a rotation keep
verifying. Rotating = creating a new key and retiring the ones before it. Keys are never put in the database, so
a database dump or backup does not carry the power to issue certificates.
"""

import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

# multicodec prefixes (varint) of an Ed25519 public key (0xed) and private key (0x1300)
ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"
INDEX_NAME = "index.json"


class IssuerKeyError(Exception):
    """The key directory is inconsistent (a file that is not the key the index names)."""


class NoIssuerKey(IssuerKeyError):
    """There is no key that may sign."""


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """Multikey form of an Ed25519 public key: `z` + base58btc(0xed01 + 32 bytes), i.e. `z6Mk…`."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + raw).decode("ascii")


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    """The Ed25519 public key in a `publicKeyMultibase` (ValueError if it is not one)."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ValueError("publicKeyMultibase must be base58btc ('z…')")
    decoded = base58.b58decode(value[1:])
    if len(decoded) != 34 or decoded[:2] != ED25519_PUB_PREFIX:
        raise ValueError("not an Ed25519 Multikey")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def secret_key_multibase(private_key: Ed25519PrivateKey) -> str:
    """Multikey form of a private key as Digital Bazaar's ed25519-multikey reads it (0x8026 + seed + public)."""
    seed = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_PRIV_PREFIX + seed + public).decode("ascii")


@dataclass(frozen=True)
class IssuerKey:
    kid: str
    created_at: datetime
    retired_at: datetime | None
    public_key: Ed25519PublicKey
    # None when the private file is gone (a retired key may be deleted; its public half still verifies)
    private_key: Ed25519PrivateKey | None = None

    @property
    def public_key_multibase(self) -> str:
        return public_key_multibase(self.public_key)

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


def key_dir() -> Path:
    configured = getattr(settings, "HOCVUSO_ISSUER_KEY_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "keys"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _parse_time(value):
    return datetime.fromisoformat(value) if value else None


def _format_time(value):
    return value.isoformat() if value else None


def _read_index(directory: Path) -> list[dict]:
    path = directory / INDEX_NAME
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def _write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only, atomically (no moment where it is readable by others)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_index(directory: Path, entries: list[dict]) -> None:
    _write_private(directory / INDEX_NAME, (json.dumps(entries, indent=2) + "\n").encode("utf-8"))


def _ensure_dir(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)


def _load(directory: Path, entry: dict, *, with_private: bool) -> IssuerKey:
    public = public_key_from_multibase(entry["public_key_multibase"])
    private = None
    if with_private:
        pem_path = directory / f"{entry['kid']}.pem"
        if pem_path.exists():
            loaded = serialization.load_pem_private_key(pem_path.read_bytes(), password=None)
            if not isinstance(loaded, Ed25519PrivateKey):
                raise IssuerKeyError(f"{pem_path} is not an Ed25519 key")
            if public_key_multibase(loaded.public_key()) != entry["public_key_multibase"]:
                raise IssuerKeyError(f"{pem_path} does not match the public key in {INDEX_NAME}")
            private = loaded
    return IssuerKey(
        kid=entry["kid"],
        created_at=_parse_time(entry["created_at"]),
        retired_at=_parse_time(entry.get("retired_at")),
        public_key=public,
        private_key=private,
    )


def create_key(*, directory: Path | None = None) -> IssuerKey:
    """Make a new signing key (it becomes the current one; older keys stay as they are)."""
    directory = directory or key_dir()
    _ensure_dir(directory)
    private = Ed25519PrivateKey.generate()
    created = _now()
    kid = f"key-{created:%Y%m%d}-{secrets.token_hex(4)}"
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_private(directory / f"{kid}.pem", pem)
    entries = _read_index(directory)
    entries.append(
        {
            "kid": kid,
            "created_at": _format_time(created),
            "retired_at": None,
            "public_key_multibase": public_key_multibase(private.public_key()),
        }
    )
    _write_index(directory, entries)
    return IssuerKey(kid=kid, created_at=created, retired_at=None, public_key=private.public_key(), private_key=private)


def rotate(*, directory: Path | None = None) -> IssuerKey:
    """Create a new current key and retire every older one (they keep verifying, they no longer sign)."""
    directory = directory or key_dir()
    new = create_key(directory=directory)
    entries = _read_index(directory)
    retired = _format_time(_now())
    for entry in entries:
        if entry["kid"] != new.kid and not entry.get("retired_at"):
            entry["retired_at"] = retired
    _write_index(directory, entries)
    return new


def public_keys(*, directory: Path | None = None) -> list[IssuerKey]:
    """Every key, retired ones too, oldest first (without their private halves)."""
    directory = directory or key_dir()
    return [_load(directory, entry, with_private=False) for entry in _read_index(directory)]


def current_key(*, directory: Path | None = None) -> IssuerKey:
    """The key that signs now: the newest one not retired, with its private half. NoIssuerKey if there is none."""
    directory = directory or key_dir()
    active = [entry for entry in _read_index(directory) if not entry.get("retired_at")]
    if not active:
        raise NoIssuerKey(f"No issuer key in {directory}: run `manage.py issuer_keys create`.")
    entry = active[-1]  # the index is kept in order of creation
    key = _load(directory, entry, with_private=True)
    if key.private_key is None:
        raise NoIssuerKey(f"The private key file for {key.kid} is missing from {directory}.")
    return key

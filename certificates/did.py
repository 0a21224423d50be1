"""The issuer as a did:web: `did:web:<host>`, its DID document served at `https://<host>/.well-known/did.json`.

Every issuer key, retired ones too, is a `Multikey` verification method listed in `assertionMethod`, so a
credential signed before a key rotation still verifies against the current DID document.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from . import keys
from .document_loader import DID_V1, MULTIKEY_V1

KeyResolver = Callable[[str], Ed25519PublicKey | None]


def issuer_did(host: str) -> str:
    """`did:web:<host>`; a port is percent-encoded (`localhost:8000` -> `did:web:localhost%3A8000`)."""
    host = host.strip().lower()
    if not host or "/" in host or "@" in host:
        raise ValueError(f"Not a host name: {host!r}")
    return "did:web:" + quote(host, safe=".-")


def verification_method_id(host: str, kid: str) -> str:
    return f"{issuer_did(host)}#{kid}"


def did_document(host: str, *, directory: Path | None = None) -> dict:
    """The DID document of the issuer on `host`, with every key (current and retired) as a Multikey."""
    did = issuer_did(host)
    methods = [
        {
            "id": f"{did}#{key.kid}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in keys.public_keys(directory=directory)
    ]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def resolver_from_document(document: dict) -> KeyResolver:
    """A `resolve_key` for the verifiers: the public key of a verification method that this DID document lists
    AND allows for assertions (issuing), None for any other id."""
    did = document.get("id")
    allowed = set()
    for entry in document.get("assertionMethod", []):
        allowed.add(entry if isinstance(entry, str) else entry.get("id"))
    embedded = [entry for entry in document.get("assertionMethod", []) if isinstance(entry, dict)]
    methods = {}
    for method in [*document.get("verificationMethod", []), *embedded]:
        if method.get("type") != "Multikey" or method.get("controller") != did:
            continue
        try:
            methods[method["id"]] = keys.public_key_from_multibase(method.get("publicKeyMultibase"))
        except (KeyError, ValueError):
            continue

    def resolve(verification_method: str) -> Ed25519PublicKey | None:
        if verification_method not in allowed:
            return None
        return methods.get(verification_method)

    return resolve


def key_resolver(host: str, *, directory: Path | None = None) -> KeyResolver:
    """`resolve_key` for credentials issued by this site: our own DID document, never a fetch."""
    return resolver_from_document(did_document(host, directory=directory))

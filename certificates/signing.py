"""Signing and verifying credentials: Data Integrity `eddsa-rdfc-2022`, and the same credential as a JWT.

Data Integrity (W3C VC Data Integrity 1.0, EdDSA Cryptosuites v1.0): the credential without its proof and the
proof's options are each canonicalized to N-Quads with RDFC-1.0 and hashed with SHA-256; Ed25519 signs
hash(proof options) + hash(credential). Every verifier must produce the same N-Quads, so the text is sanitised
before signing (CREDENTIALS.md): Unicode NFC, control characters stripped, whole-number floats as integers, no
`@direction`; a term that no context defines refuses the document instead of being silently dropped.

The verifier does not reuse the signer's code beyond the canonicalization itself: it takes the document as it
is, rebuilds the proof options from the proof, hashes, and checks the signature with the key that `resolve_key`
gives for the proof's verificationMethod (None = unknown key, refused).
"""

import base64
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

from .document_loader import UnknownContext, load_document

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"
PROOF_PURPOSE = "assertionMethod"
JWT_TYP = "vc+jwt"

KeyResolver = Callable[[str], Ed25519PublicKey | None]

# C0 controls except tab, LF, CR; and DEL (CREDENTIALS.md item 1)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnsignableDocument(ValueError):
    """The document cannot be signed so that other verifiers agree (an undefined term, @direction, …)."""


@dataclass(frozen=True)
class Verification:
    ok: bool
    reason: str = ""
    key_id: str | None = None
    payload: dict | None = field(default=None, compare=False)

    def __bool__(self):
        return self.ok


# --- text ------------------------------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """NFC, without control characters (tab, LF and CR are kept)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", value))


def sanitize(value: Any) -> Any:
    """A copy of a JSON value that canonicalizes the same everywhere (see the module docstring)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise UnsignableDocument("NaN and infinity have no JSON form")
        return int(value) if value.is_integer() else value
    if isinstance(value, list | tuple):
        return [sanitize(item) for item in value]
    if isinstance(value, dict):
        cleaned = {}
        for key, item in value.items():
            if key == "@direction":
                raise UnsignableDocument("@direction is not canonicalized alike by every verifier; use a language tag")
            cleaned[clean_text(key)] = sanitize(item)
        return cleaned
    raise UnsignableDocument(f"Not a JSON value: {type(value).__name__}")


# --- canonicalization ------------------------------------------------------------------------------------------


def _refuse_dropped(term):
    raise UnsignableDocument(f"Term not defined by any context: {term!r}")


def _check_iris(node):
    """Expanded JSON-LD: every @type and @id must be an absolute IRI (or a blank node). An undefined type, or an
    id that is a relative reference, would otherwise be dropped or resolved against a made-up base."""
    if isinstance(node, list):
        for item in node:
            _check_iris(item)
    elif isinstance(node, dict):
        if "@value" in node:
            return
        for key, value in node.items():
            if key in ("@type", "@id"):
                for item in value if isinstance(value, list) else [value]:
                    if not isinstance(item, str) or ":" not in item:
                        what = "Type not defined by any context" if key == "@type" else "Not an absolute IRI"
                        raise UnsignableDocument(f"{what}: {item!r}")
            else:
                _check_iris(value)


# RDFC-1.0 can take exponential time on crafted blank-node graphs and pyld has no limit of its own (the JavaScript
# one does); a credential has a handful of blank nodes, so a document with many is refused before canonicalizing
MAX_BLANK_NODES = 32


def _count_blank_nodes(node) -> int:
    if isinstance(node, list):
        return sum(_count_blank_nodes(item) for item in node)
    if not isinstance(node, dict) or "@value" in node:
        return 0
    own = 0 if "@list" in node or "@set" in node or not str(node.get("@id", "_:")).startswith("_:") else 1
    return own + sum(_count_blank_nodes(value) for key, value in node.items() if key != "@id")


def canonicalize(document: dict) -> str:
    """RDFC-1.0 (URDNA2015) N-Quads of a JSON-LD document, contexts from the local copies only.

    Strict: a property or type that no context defines, or a relative IRI, raises UnsignableDocument (pyld would
    drop or resolve it silently, while strict verifiers refuse the document); a context not among the local
    copies raises UnknownContext.
    """
    # base None: pyld would otherwise resolve relative references against its own http://example.org/base/
    options = {"documentLoader": load_document, "processingMode": "json-ld-1.1", "base": None}
    processor = jsonld.JsonLdProcessor(on_property_dropped=_refuse_dropped)
    try:
        expanded = processor.expand(document, dict(options))
        _check_iris(expanded)
        if _count_blank_nodes(expanded) > MAX_BLANK_NODES:
            raise UnsignableDocument(f"More than {MAX_BLANK_NODES} blank nodes")
        # pyld's default is the older URGNA2012 (CREDENTIALS.md item 3)
        return processor.normalize(expanded, {**options, "algorithm": "URDNA2015", "format": "application/n-quads"})
    except jsonld.JsonLdError as error:
        # pyld wraps what the loader or the handler raised; give the caller the real reason
        cause = _root_cause(error)
        if cause is not error:
            raise cause from error
        raise


def _root_cause(error: BaseException) -> BaseException:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, UnknownContext | UnsignableDocument):
            return cause
        cause = cause.__cause__ or cause.__context__
    return error


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _hash_data(document_without_proof: dict, proof_options: dict) -> bytes:
    # proof options take the document's @context (Data Integrity 1.0, "Proof Configuration")
    config = {"@context": document_without_proof.get("@context"), **proof_options}
    return _sha256(canonicalize(config)) + _sha256(canonicalize(document_without_proof))


def timestamp(moment: datetime | None = None) -> str:
    moment = (moment or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_id(document: dict) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _default_method(document: dict, key) -> str:
    issuer = issuer_id(document)
    if not issuer:
        raise UnsignableDocument("The document has no issuer to name the key after")
    return f"{issuer}#{key.kid}"


# --- Data Integrity --------------------------------------------------------------------------------------------


def sign(document: dict, *, key, verification_method: str | None = None, created: datetime | None = None) -> dict:
    """The sanitised document with an embedded `DataIntegrityProof` (eddsa-rdfc-2022, assertionMethod).

    `key` has `.kid` and `.private_key` (keys.IssuerKey); the verification method defaults to
    `<issuer id>#<kid>`, i.e. the key as listed in the issuer's DID document.
    """
    if key.private_key is None:
        raise UnsignableDocument(f"Key {key.kid} has no private half here")
    unsigned = sanitize({k: v for k, v in document.items() if k != "proof"})
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": timestamp(created),
        "verificationMethod": verification_method or _default_method(unsigned, key),
        "proofPurpose": PROOF_PURPOSE,
    }
    signature = key.private_key.sign(_hash_data(unsigned, proof))
    proof["proofValue"] = "z" + base58.b58encode(signature).decode("ascii")
    return {**unsigned, "proof": proof}


def _controller(verification_method: str) -> str:
    return verification_method.split("#", 1)[0]


def _reason_from(error: BaseException) -> str:
    cause = _root_cause(error)
    if isinstance(cause, UnknownContext):
        return f"unknown context: {cause.url}"
    if isinstance(cause, UnsignableDocument):
        return f"not canonicalizable: {cause}"
    return f"not valid JSON-LD: {getattr(error, 'args', [error])[0]}"


def verify(document: dict, *, resolve_key: KeyResolver) -> Verification:
    """Check the embedded Data Integrity proof. Never raises for a bad document: `ok` False with a reason."""
    if not isinstance(document, dict):
        return Verification(False, "not a JSON object")
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        return Verification(False, "no proof (or more than one)")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return Verification(False, f"unsupported proof: {proof.get('type')} / {proof.get('cryptosuite')}")
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        return Verification(False, f"proof purpose is not {PROOF_PURPOSE}")
    method = proof.get("verificationMethod")
    if not isinstance(method, str):
        return Verification(False, "no verificationMethod")
    if "@context" in proof and proof["@context"] != document.get("@context"):
        return Verification(False, "proof @context differs from the document's", method)
    # the key must belong to the issuer: a key of another DID cannot sign for ours
    if _controller(method) != issuer_id(document):
        return Verification(False, "the key does not belong to the issuer", method)
    public_key = resolve_key(method)
    if public_key is None:
        return Verification(False, "unknown verificationMethod", method)
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return Verification(False, "proofValue is not base58btc multibase", method)
    try:
        signature = base58.b58decode(value[1:])
    except ValueError:
        return Verification(False, "proofValue is not base58btc", method)
    if len(signature) != 64:
        return Verification(False, "proofValue is not an Ed25519 signature", method)
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    try:
        data = _hash_data(unsigned, options)
    except Exception as error:  # pyld raises JsonLdError and friends for any malformed input
        return Verification(False, _reason_from(error), method)
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return Verification(False, "signature does not match the document", method)
    return Verification(True, "", method)


# --- JWT (VC-JOSE-COSE, compact JWS) ---------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def to_jwt(document: dict, *, key, verification_method: str | None = None) -> str:
    """The credential (without any proof) as a compact JWS: `alg` EdDSA, `kid` the verification method,
    `typ` vc+jwt, `cty` vc."""
    if key.private_key is None:
        raise UnsignableDocument(f"Key {key.kid} has no private half here")
    payload = sanitize({k: v for k, v in document.items() if k != "proof"})
    header = {
        "alg": "EdDSA",
        "kid": verification_method or _default_method(payload, key),
        "typ": JWT_TYP,
        "cty": "vc",
    }
    signing_input = _b64url(_json_bytes(header)) + "." + _b64url(_json_bytes(payload))
    signature = key.private_key.sign(signing_input.encode("ascii"))
    return signing_input + "." + _b64url(signature)


def verify_jwt(token: str, *, resolve_key: KeyResolver) -> Verification:
    """Check a token made by `to_jwt`; `.payload` is the credential when `ok`."""
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3:
        return Verification(False, "not a compact JWS")
    try:
        header = json.loads(_b64url_decode(parts[0]))
        payload = json.loads(_b64url_decode(parts[1]))
        signature = _b64url_decode(parts[2])
    except ValueError:
        return Verification(False, "not a compact JWS")
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return Verification(False, "not a compact JWS")
    # only EdDSA: never "none", never an algorithm the token chooses for us
    if header.get("alg") != "EdDSA":
        return Verification(False, f"unsupported alg: {header.get('alg')!r}")
    if set(header.get("crit", [])):
        return Verification(False, "unsupported critical header")
    kid = header.get("kid")
    if not isinstance(kid, str):
        return Verification(False, "no kid")
    if _controller(kid) != issuer_id(payload):
        return Verification(False, "the key does not belong to the issuer", kid)
    public_key = resolve_key(kid)
    if public_key is None:
        return Verification(False, "unknown kid", kid)
    try:
        public_key.verify(signature, (parts[0] + "." + parts[1]).encode("ascii"))
    except InvalidSignature:
        return Verification(False, "signature does not match the token", kid)
    return Verification(True, "", kid, payload)

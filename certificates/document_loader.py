"""The only JSON-LD document loader the certificates use: local copies of the contexts, never the network.

A credential names its contexts by URL; a verifier that fetched them would depend on another host being up and
unchanged, and a crafted credential could point it anywhere. So only the files in `certificates/contexts/`
(README there says where each came from) are served, by exact URL; anything else is refused.
"""

import json
from functools import cache
from pathlib import Path

from pyld.jsonld import JsonLdError

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"

CONTEXT_FILES = {
    VC_V2: "credentials-v2.jsonld",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    OB_EXTENSIONS: "ob-v3p0-extensions.json",
    DID_V1: "did-v1.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
}


class UnknownContext(JsonLdError):
    """A document named a context that is not one of the local copies."""

    def __init__(self, url):
        super().__init__(
            f"Context not available offline: {url!r}",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
        self.url = url


@cache
def context_document(url: str) -> dict:
    """The parsed local copy of the context at `url` (KeyError for any other URL)."""
    return json.loads((CONTEXTS_DIR / CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def load_document(url, options=None):
    """pyld document loader: the local copy for a known context URL, UnknownContext for anything else."""
    if url not in CONTEXT_FILES:
        raise UnknownContext(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context_document(url),
    }

"""Shared by the signing tests: a key directory per test, a sample Open Badges credential, the Node verifier."""

import json
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from certificates import did, keys, openbadges

HOST = "hocvuso.test:8443"
ISSUER = did.issuer_did(HOST)
STATUS_URL = f"https://{HOST}/certificates/status/1"
REPO = Path(__file__).resolve().parents[2]
HARNESS = Path(__file__).resolve().parent / "node" / "verify.mjs"


@pytest.fixture
def key_dir(tmp_path, settings):
    """HOCVUSO_ISSUER_KEY_DIR in a fresh temporary folder."""
    directory = tmp_path / "keys"
    settings.HOCVUSO_ISSUER_KEY_DIR = str(directory)
    return directory


@pytest.fixture
def issuer_key(key_dir):
    return keys.create_key()


def resolver():
    """resolve_key from the DID document as the site serves it now."""
    return did.key_resolver(HOST)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def sample_credential(**overrides) -> dict:
    fields = {
        "credential_id": f"https://{HOST}/certificates/HVS-2026-000042",
        "issuer_id": ISSUER,
        "issuer_name": "Ủy ban nhân dân phường Bến Nghé",
        "issuer_url": f"https://{HOST}/",
        "issuer_image": f"https://{HOST}/static/lms/logo.png",
        "achievement_id": f"https://{HOST}/certificates/achievements/ky-nang-so-co-ban",
        "achievement_name": "Kỹ năng số cơ bản",
        "achievement_description": "Dùng điện thoại để tra cứu, nhắn tin và làm thủ tục công trực tuyến.",
        "criteria_narrative": "Hoàn thành khoá học và đạt bài kiểm tra cuối khoá.",
        "achievement_type": "Certificate",
        "valid_from": datetime(2026, 3, 8, 9, 30, tzinfo=UTC),
        "holder_name": "Nguyễn Thị Hoà",
        "holder_identifiers": [openbadges.identity_object("0901234567", identity_type="phoneNumber", salt="s4lt")],
        "status_list_url": STATUS_URL,
        "status_list_index": 42,
    }
    fields.update(overrides)
    return openbadges.build_credential(**fields)


class NodeVerifier:
    """certificates/tests/node/verify.mjs, started once, one JSON line per request."""

    def __init__(self):
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command
            [shutil.which("node"), str(HARNESS)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def request(self, **message) -> dict:
        self.process.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the Node harness stopped: {self.process.stderr.read()}")
        return json.loads(line)

    def verify(self, credential, *, did_documents, status_lists=None) -> dict:
        return self.request(
            op="verify", credential=credential, didDocuments=did_documents, statusLists=status_lists or {}
        )

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()

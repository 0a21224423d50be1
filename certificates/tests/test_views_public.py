# ruff: noqa: F811 - issuer_keys is a fixture imported by name
"""The public verification pages and the documents verifiers fetch: anonymous, rate limited, query counts
pinned, headers (CORS, caching, content types) as verifiers expect them."""

import json
from pathlib import Path

import polib
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.translation import trans_real

from certificates import services, verification, views_public

from .factories import achievement, examiner, issuer_keys, learner  # noqa: F401 - issuer_keys is a fixture

pytestmark = pytest.mark.django_db
ADDITIONS = Path(__file__).resolve().parents[2] / "var" / "po-additions" / "certificates-public.po"


@pytest.fixture
def public_vietnamese():
    """This part's Vietnamese, from var/po-additions, until the lead merges it into the catalogue (the strings
    already there are left as they are)."""
    catalogue = trans_real.translation("vi")._catalog
    added = []
    # var/ is not in the repository: in a fresh checkout the strings are expected in the catalogue itself
    entries = polib.pofile(str(ADDITIONS)) if ADDITIONS.is_file() else []
    for entry in entries:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgstr and key not in catalogue:
            catalogue[key] = entry.msgstr
            added.append(key)
    yield
    for key in added:
        catalogue._catalogs[0].pop(key, None)


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()  # rate-limit counters and the cached menu
    yield
    cache.clear()


def issued(name="Nguyễn Thị Hường", goal=None):
    return services.issue(learner(full_name=name).pk, (goal or achievement()).pk)


def text(response) -> str:
    return response.content.decode()


# --- the page ------------------------------------------------------------------------------------------------


def test_the_qr_link_shows_valid_with_the_name_masked(issuer_keys, client, public_vietnamese):
    credential = issued()
    response = client.get(f"/xac-minh/{credential.serial}/")
    assert response.status_code == 200
    page = text(response)
    assert "Hợp lệ" in page and "Chứng nhận hợp lệ" in page
    assert "Nguyễn T** H****" in page and "Hường" not in page
    assert credential.achievement.name in page
    assert "Ủy ban nhân dân phường Ba Đình" in page
    assert verification.vietnamese_date(credential.issued_at) in page
    assert "Không thời hạn" in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Accept" in response["Vary"] and "max-age=60" in response["Cache-Control"]


def test_a_revoked_certificate_says_revoked_with_the_date_and_category(issuer_keys, client, public_vietnamese):
    credential = services.revoke(issued(), by=examiner(), reason="Nhập sai thông tin người khác")
    page = text(client.get(f"/xac-minh/{credential.serial}/"))
    date = verification.vietnamese_date(credential.revoked_at)
    assert "Đã thu hồi" in page
    assert f"Chứng nhận đã bị thu hồi ngày {date}" in page
    assert "Bị nơi cấp thu hồi" in page
    assert "Nhập sai" not in page  # the staff's own words stay in the register
    assert "Chứng nhận hợp lệ" not in page


def test_a_reissued_certificate_links_to_its_replacement(issuer_keys, client, public_vietnamese):
    old = issued()
    new = services.reissue(old, by=examiner(), reason="Sửa tên")
    page = text(client.get(f"/xac-minh/{old.serial}/"))
    assert "Đã được cấp lại" in page and f'href="/xac-minh/{new.serial}/"' in page


def test_an_unknown_serial_is_a_404_saying_so(issuer_keys, client, public_vietnamese):
    response = client.get("/xac-minh/HVS-2026-424242/")
    assert response.status_code == 404
    assert "Không tìm thấy chứng nhận số HVS-2026-424242" in text(response)
    escaped = client.get("/xac-minh/%3Cscript%3E/")
    assert escaped.status_code == 404 and "<script>" not in text(escaped)


def test_a_lowercase_serial_goes_to_the_canonical_page(issuer_keys, client):
    credential = issued()
    response = client.get(f"/xac-minh/{credential.serial.lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/xac-minh/{credential.serial}/"


def test_the_lookup_form_goes_to_the_serial(issuer_keys, client):
    response = client.get("/xac-minh/tra-cuu/", {"so": " hvs-2026-000007 "})
    assert response["Location"] == "/xac-minh/HVS-2026-000007/"


def test_a_disagreement_is_shown_as_not_valid(issuer_keys, client, public_vietnamese):
    credential = issued()
    services.IssuedCredential.objects.filter(pk=credential.pk).update(
        revoked_at=credential.issued_at, revoke_reason="x"
    )
    page = text(client.get(f"/xac-minh/{credential.serial}/"))
    assert "Không hợp lệ" in page and "KHÔNG khớp" in page
    assert "Hợp lệ</span>" not in page


@pytest.mark.parametrize("others", [0, 4])
def test_the_page_and_the_api_take_a_constant_number_of_queries(issuer_keys, client, django_assert_num_queries, others):
    credential = issued()
    for number in range(others):
        issued(name=f"Lê Văn {chr(65 + number)}", goal=credential.achievement)
    client.get(f"/xac-minh/{credential.serial}/")  # the menu is cached from now on
    with django_assert_num_queries(1):
        assert client.get(f"/xac-minh/{credential.serial}/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(f"/xac-minh/api/{credential.serial}/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(f"/xac-minh/{credential.serial}/", HTTP_ACCEPT="application/ld+json").status_code == 200


# --- what machines ask ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", ["application/ld+json", "application/json", "application/json, */*;q=0.1"])
def test_a_machine_asking_for_json_gets_the_masked_verdict_never_the_signed_credential(issuer_keys, client, accept):
    credential = issued()
    response = client.get(f"/xac-minh/{credential.serial}/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in response["Vary"]
    assert response.json() == client.get(f"/xac-minh/api/{credential.serial}/").json()
    # serials run in order: the full name must not be collectable by walking them
    assert credential.holder_name not in response.content.decode()
    assert "proof" not in response.json()


def test_a_browser_gets_the_page_not_the_json(issuer_keys, client):
    credential = issued()
    browser_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get(f"/xac-minh/{credential.serial}/", HTTP_ACCEPT=browser_accept)
    assert response["Content-Type"].startswith("text/html")


def test_the_api_gives_the_verdict_with_the_name_masked(issuer_keys, client):
    credential = issued()
    response = client.get(f"/xac-minh/api/{credential.serial}/")
    data = response.json()
    assert response["Access-Control-Allow-Origin"] == "*"
    assert data["state"] == "valid" and data["valid"] is True
    assert data["holder"] == "Nguyễn T** H****"
    assert data["checks"] == {
        "signature": True,
        "key_id": f"did:web:hocvuso.test#{issuer_keys.kid}",
        "status_list": True,
        "register_agrees": True,
        "detail": None,
    }
    assert data["credential"] == services.verification_url(credential.serial)
    services.revoke(credential, by=examiner(), reason="Sai")
    data = client.get(f"/xac-minh/api/{credential.serial}/").json()
    assert data["state"] == "revoked" and data["valid"] is False
    assert data["revocation"]["category"] == "withdrawn" and data["revoked_at"]
    missing = client.get("/xac-minh/api/HVS-2026-999999/")
    assert missing.status_code == 404 and missing.json()["state"] == "not_found"


def test_the_did_document_is_served_for_did_web(issuer_keys, client):
    response = client.get("/.well-known/did.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/did+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    document = response.json()
    assert document["id"] == "did:web:hocvuso.test"
    assert document["assertionMethod"] == [f"did:web:hocvuso.test#{issuer_keys.kid}"]


def test_the_status_list_is_at_the_url_the_credentials_name(issuer_keys, client):
    credential = issued()
    url = credential.credential_json["credentialStatus"]["statusListCredential"]
    path = url.removeprefix("https://hocvuso.test")
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=60" in response["Cache-Control"]
    assert response.json()["id"] == url
    before = response.json()["credentialSubject"]["encodedList"]
    services.revoke(credential, by=examiner(), reason="Sai")
    assert client.get(path).json()["credentialSubject"]["encodedList"] != before
    assert client.get("/xac-minh/trang-thai/999/").status_code == 404


def test_the_achievement_id_answers(issuer_keys, client):
    credential = issued()
    url = credential.credential_json["credentialSubject"]["achievement"]["id"]
    data = client.get(url.removeprefix("https://hocvuso.test")).json()
    assert data["id"] == url and data["name"] == credential.achievement.name


# --- the upload box -------------------------------------------------------------------------------------------


def test_the_upload_page_needs_no_sign_in(client, public_vietnamese):
    response = client.get("/xac-minh/")
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in text(response) and "csrfmiddlewaretoken" in text(response)


def test_uploading_the_credential_file_verifies_it(issuer_keys, client, public_vietnamese):
    credential = issued()
    upload = SimpleUploadedFile(
        f"{credential.serial}.json", json.dumps(credential.credential_json).encode(), "application/ld+json"
    )
    response = client.post("/xac-minh/", {"file": upload})
    page = text(response)
    assert response.status_code == 200
    assert "Chứng nhận hợp lệ" in page and "Nguyễn T** H****" in page and credential.serial in page


def test_pasting_the_jwt_verifies_it(issuer_keys, client, public_vietnamese):
    credential = issued()
    page = text(client.post("/xac-minh/", {"text": credential.jwt}))
    assert "Chứng nhận hợp lệ" in page and "Dạng: JWT có chữ ký" in page


def test_a_tampered_upload_says_not_valid(issuer_keys, client, public_vietnamese):
    document = issued().credential_json
    document["credentialSubject"]["name"] = "Người Khác"
    page = text(client.post("/xac-minh/", {"text": json.dumps(document)}))
    assert "Không xác minh được chứng nhận này" in page and "Chữ ký số: KHÔNG đúng" in page
    assert "Người Khác" not in page


def test_an_oversize_or_empty_upload_gets_a_reason(client, public_vietnamese):
    big = SimpleUploadedFile("big.json", b" " * (verification.MAX_DOCUMENT_BYTES + 1), "application/json")
    response = client.post("/xac-minh/", {"file": big})
    assert response.status_code == 413 and "Tệp quá lớn (tối đa 64 KB)." in text(response)
    response = client.post("/xac-minh/", {})
    assert response.status_code == 400 and "Hãy chọn tệp chứng nhận" in text(response)


def test_the_upload_form_is_csrf_protected(issuer_keys):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/xac-minh/", {"text": "{}"}).status_code == 403


def test_the_check_api_takes_the_credential_as_the_body(issuer_keys, client):
    credential = issued()
    strict = Client(enforce_csrf_checks=True)  # a stateless API: no cookie, no token
    response = strict.post("/xac-minh/api/kiem-tra/", credential.jwt, content_type="text/plain")
    assert response.status_code == 200 and response.json()["state"] == "valid"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.dumps(credential.credential_json)
    assert strict.post("/xac-minh/api/kiem-tra/", body, content_type="application/json").json()["valid"]
    big = "x" * (verification.MAX_DOCUMENT_BYTES + 1)
    response = strict.post("/xac-minh/api/kiem-tra/", big, content_type="text/plain")
    assert response.status_code == 413 and response.json()["state"] == "too_large"
    preflight = strict.options("/xac-minh/api/kiem-tra/")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Methods"] == "POST, OPTIONS"


# --- rate limits ----------------------------------------------------------------------------------------------


def test_the_page_and_api_are_rate_limited_per_address(issuer_keys, client, public_vietnamese):
    limit = views_public.VERIFY_PER_ADDRESS.attempts
    for number in range(limit):
        path = "/xac-minh/api/HVS-2026-000001/" if number % 2 else "/xac-minh/HVS-2026-000001/"
        assert client.get(path).status_code == 404
    refused = client.get("/xac-minh/HVS-2026-000001/")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Bạn đã kiểm tra quá nhiều lần" in text(refused)
    api = client.get("/xac-minh/api/HVS-2026-000001/")
    assert api.status_code == 429 and api.json()["state"] == "rate_limited"
    # another address is not held up
    assert client.get("/xac-minh/HVS-2026-000001/", REMOTE_ADDR="10.0.0.9").status_code == 404
    # the documents verifiers fetch are not limited
    assert client.get("/.well-known/did.json").status_code == 200


def test_the_upload_is_rate_limited_more_tightly(client, public_vietnamese):
    for _number in range(views_public.UPLOAD_PER_ADDRESS.attempts):
        assert client.post("/xac-minh/", {"text": "not a credential"}).status_code == 200
    refused = client.post("/xac-minh/", {"text": "not a credential"})
    assert refused.status_code == 429 and "Bạn đã kiểm tra quá nhiều lần" in text(refused)
    assert client.post("/xac-minh/api/kiem-tra/", "x", content_type="text/plain").status_code == 429

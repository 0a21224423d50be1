"""The PDF is rendered on the first download, stored in the private storage under a name made of the serial,
the revocation state and the renderer, and served from there until one of those changes."""

import json

import pytest
from django.db import transaction

from certificates import downloads, pdf, services
from certificates.models import IssuedCredential
from certificates.tests import factories
from certificates.tests.factories import achievement, examiner, learner

issuer_keys = factories.issuer_keys  # the fixture, used by name

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts the renderings (the real renderer still runs)."""
    calls = []
    real = pdf.render_certificate_pdf

    def counting(data):
        calls.append(data)
        return real(data)

    monkeypatch.setattr(pdf, "render_certificate_pdf", counting)
    return calls


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_first_download_renders_and_caches_then_serves_the_file(client, issuer_keys, renders):
    holder = learner(full_name="Hoàng Thị Mai")
    credential = services.issue(holder.pk, achievement().pk)
    assert not credential.pdf
    client.force_login(holder)

    first = client.get(f"/chung-nhan-cua-toi/{credential.serial}/pdf/")
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert f'filename="{credential.serial}.pdf"' in first["Content-Disposition"]
    assert first["Cache-Control"] == "private, no-store"
    body = _body(first)
    assert body.startswith(b"%PDF-")
    assert len(renders) == 1
    assert renders[0].holder_name == "Hoàng Thị Mai"
    assert renders[0].verify_url == f"https://hocvuso.test/xac-minh/{credential.serial}/"
    assert renders[0].revoked is False

    credential.refresh_from_db()
    assert credential.pdf.name == downloads.pdf_name(credential)
    assert credential.serial in credential.pdf.name and "valid" in credential.pdf.name
    assert credential.pdf.storage.exists(credential.pdf.name)

    second = client.get(f"/chung-nhan-cua-toi/{credential.serial}/pdf/")
    assert _body(second) == body
    assert len(renders) == 1  # served from the cache
    assert credential.events.filter(kind="downloaded", detail__what="pdf").count() == 2


def test_the_pdf_holds_the_words_signed_at_issue_not_later_edits(issuer_keys, renders):
    made = achievement(name="Tên khi cấp", wording="đã hoàn thành khóa học cũ")
    credential = services.issue(learner().pk, made.pk)
    made.name, made.wording = "Tên sửa sau", "đã hoàn thành khóa học mới"
    made.save()
    data = downloads.certificate_data(IssuedCredential.objects.get(pk=credential.pk))
    assert (data.achievement_title, data.achievement_wording) == ("Tên khi cấp", "đã hoàn thành khóa học cũ")
    # the same document (PostgreSQL's jsonb keeps keys in its own order; the proof does not depend on it)
    assert json.loads(data.credential_json) == json.loads(downloads.credential_json_bytes(credential))


def test_revoking_renders_a_new_file_and_removes_the_stale_one(
    issuer_keys, renders, django_capture_on_commit_callbacks
):
    credential = services.issue(learner().pk, achievement().pk)
    downloads.ensure_pdf(credential)
    credential.refresh_from_db()
    valid_name = credential.pdf.name
    storage = credential.pdf.storage

    services.revoke(credential, by=examiner(), reason="Cấp nhầm")
    credential.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        downloads.ensure_pdf(credential)
    credential.refresh_from_db()
    assert len(renders) == 2
    assert renders[1].revoked is True
    assert credential.pdf.name != valid_name and "revoked" in credential.pdf.name
    assert storage.exists(credential.pdf.name)
    assert not storage.exists(valid_name)


def test_a_new_renderer_renders_again(issuer_keys, renders, monkeypatch):
    credential = services.issue(learner().pk, achievement().pk)
    downloads.ensure_pdf(credential)
    monkeypatch.setattr(pdf, "RENDERER", pdf.RENDERER + "-next")
    credential.refresh_from_db()
    downloads.ensure_pdf(credential)
    assert len(renders) == 2


def test_a_missing_cached_file_is_rendered_again(issuer_keys, renders):
    credential = services.issue(learner().pk, achievement().pk)
    downloads.ensure_pdf(credential)
    credential.refresh_from_db()
    credential.pdf.storage.delete(credential.pdf.name)
    downloads.ensure_pdf(credential)
    assert len(renders) == 2
    assert credential.pdf.storage.exists(credential.pdf.name)


def test_an_unsigned_certificate_is_signed_before_download(client, issuer_keys):
    holder = learner()
    credential = services.issue(holder.pk, achievement().pk)
    IssuedCredential.objects.filter(pk=credential.pk).update(signed_at=None, credential_json={}, jwt="")
    client.force_login(holder)
    response = client.get(f"/chung-nhan-cua-toi/{credential.serial}/json/")
    assert response.status_code == 200
    credential.refresh_from_db()
    assert credential.signed and credential.credential_json["proof"]

"""The holder's page "Chứng nhận của tôi" and its downloads: own certificates only, status, links, query counts."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from certificates import services
from certificates.tests import factories
from certificates.tests.factories import achievement, examiner, learner

issuer_keys = factories.issuer_keys  # the fixture, used by name
pytestmark = pytest.mark.django_db


def issued(user, *, step_aside: bool = False, **fields):
    """A signed certificate for `user`; with step_aside its achievement stops being awarded afterwards, so the
    next one (one active achievement per target group) can be made."""
    from certificates.models import Achievement

    made = achievement(**fields)
    credential = services.issue(user.pk, made.pk)
    if step_aside:
        Achievement.objects.filter(pk=made.pk).update(active=False)
    return credential


def test_my_certificates_lists_mine_with_status_serial_dates_and_links(client, issuer_keys):
    holder = learner(full_name="Hoàng Thị Mai")
    credential = issued(holder, name="Phổ cập kỹ năng số — người dân")
    client.force_login(holder)
    response = client.get("/chung-nhan-cua-toi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phổ cập kỹ năng số — người dân" in html
    assert credential.serial in html
    assert timezone.localtime(credential.issued_at).strftime("%d/%m/%Y") in html
    assert f"/chung-nhan-cua-toi/{credential.serial}/pdf/" in html
    assert f"/chung-nhan-cua-toi/{credential.serial}/json/" in html
    assert f"/chung-nhan-cua-toi/{credential.serial}/jwt/" in html
    assert f"https://hocvuso.test/xac-minh/{credential.serial}/" in html
    assert 'href="/chung-nhan-cua-toi/"' in html  # in the account menu
    assert "https://www.linkedin.com/profile/add?" in html


def test_the_linkedin_link_names_the_certification(issuer_keys):
    from certificates.views_holder import linkedin_url

    credential = issued(learner(), name="Kỹ năng số & an toàn", issuer_name="UBND phường Ba Đình", validity_months=24)
    url = linkedin_url(credential, services.verification_url(credential.serial))
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    issued_at = timezone.localtime(credential.issued_at)
    until = timezone.localtime(credential.valid_until)
    assert query == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Kỹ năng số & an toàn",
        "organizationName": "UBND phường Ba Đình",
        "issueYear": str(issued_at.year),
        "issueMonth": str(issued_at.month),
        "expirationYear": str(until.year),
        "expirationMonth": str(until.month),
        "certUrl": f"https://hocvuso.test/xac-minh/{credential.serial}/",
        "certId": credential.serial,
    }


def test_another_persons_certificate_is_not_found(client, issuer_keys):
    mine, theirs = learner(), learner(full_name="Trần Văn Bình")
    credential = issued(theirs)
    client.force_login(mine)
    page = client.get("/chung-nhan-cua-toi/").content.decode()
    assert credential.serial not in page
    for what in ("pdf", "json", "jwt"):
        assert client.get(f"/chung-nhan-cua-toi/{credential.serial}/{what}/").status_code == 404


def test_signed_out_is_sent_to_sign_in(client, issuer_keys):
    credential = issued(learner())
    for url in ("/chung-nhan-cua-toi/", f"/chung-nhan-cua-toi/{credential.serial}/json/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/tai-khoan/" in response["Location"]


def test_credential_downloads_as_json_ld_and_jwt(client, issuer_keys):
    holder = learner()
    credential = issued(holder)
    client.force_login(holder)
    response = client.get(f"/chung-nhan-cua-toi/{credential.serial}/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert f'filename="{credential.serial}.json"' in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content) == credential.credential_json
    assert json.loads(response.content)["proof"]["cryptosuite"] == "eddsa-rdfc-2022"

    response = client.get(f"/chung-nhan-cua-toi/{credential.serial}/jwt/")
    assert response.status_code == 200
    assert f'filename="{credential.serial}.jwt"' in response["Content-Disposition"]
    assert response.content.decode() == credential.jwt
    assert response.content.count(b".") == 2
    kinds = list(credential.events.values_list("kind", "detail__what"))
    assert ("downloaded", "json") in kinds and ("downloaded", "jwt") in kinds


def test_a_revoked_certificate_says_so_and_offers_no_share_link(client, issuer_keys):
    holder = learner()
    credential = issued(holder)
    services.revoke(credential, by=examiner(), reason="Nhập nhầm người nhận")
    client.force_login(holder)
    html = client.get("/chung-nhan-cua-toi/").content.decode()
    assert "Nhập nhầm người nhận" in html
    assert "linkedin.com" not in html
    assert "share-link" not in html


def test_a_reissued_certificate_points_to_its_replacement(client, issuer_keys):
    holder = learner()
    old = issued(holder)
    new = services.reissue(old, by=examiner(), reason="Sửa tên")
    client.force_login(holder)
    html = client.get("/chung-nhan-cua-toi/").content.decode()
    assert new.serial in html and old.serial in html
    assert html.index(new.serial) < html.index(old.serial)


def test_no_certificates_yet(client):
    client.force_login(learner())
    response = client.get("/chung-nhan-cua-toi/")
    assert response.status_code == 200
    assert "certificate-list" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 10])
def test_my_certificates_page_in_constant_queries(client, issuer_keys, django_assert_num_queries, count):
    holder = learner()
    for _number in range(count):
        issued(holder, step_aside=True)
    client.force_login(holder)
    client.get("/chung-nhan-cua-toi/")  # warm whatever the frame caches
    # the session and the account come from the cache: one query, the certificates with their achievements and
    # the certificates that replaced them
    with django_assert_num_queries(1):
        response = client.get("/chung-nhan-cua-toi/")
    assert response.content.decode().count("certificate-card") == count

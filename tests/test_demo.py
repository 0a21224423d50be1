import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage
from lms.models import ConsentRecord, LearnerProfile, ResidentialGroup, User, Ward
from lms.roles import Role

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "users": User.objects.count(),
        "profiles": LearnerProfile.objects.count(),
        "wards": Ward.objects.count(),
        "groups": ResidentialGroup.objects.count(),
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "roles": Group.objects.count(),
        "memberships": User.groups.through.objects.count(),
        "consents": ConsentRecord.objects.count(),
    }


def test_demo_builds_a_ward_portal_with_every_role_and_prints_the_logins(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    for role in Role:
        assert Group.objects.get(name=role).user_set.exists(), role
        assert role.value in out
    assert "hocvuso-demo-2026" in out
    assert User.objects.filter(is_superuser=True).count() == 1
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


def test_demo_run_twice_changes_nothing(client):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert client.get("/").status_code == 200


def test_demo_logins_work(client):
    call_command("load_demo")
    for identifier in ("hocvien@demo.hocvuso.vn", "0912345678", "quantri@demo.hocvuso.vn"):
        response = client.post("/tai-khoan/dang-nhap/", {"username": identifier, "password": "hocvuso-demo-2026"})
        assert response.status_code == 302, identifier
        client.logout()

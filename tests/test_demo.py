import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage
from courses.models import CoursePage, Enrolment, LessonActivity, LessonPage, LessonProgress
from lms.models import ConsentRecord, LearnerProfile, ResidentialGroup, User, Ward
from lms.roles import Role
from media.models import H5PPackage

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
        "h5p packages": H5PPackage.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "progress": LessonProgress.objects.count(),
        "activities": LessonActivity.objects.count(),
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


def test_demo_has_three_courses_each_with_h5p_and_a_learner_part_way(client):
    call_command("load_demo")
    courses = list(CoursePage.objects.live())
    assert len(courses) == 3
    for course in courses:
        lessons = LessonPage.objects.live().descendant_of(course)
        assert LessonActivity.objects.filter(lesson__in=lessons).exists(), course.title
        assert lessons.count() >= 4
    learner = User.objects.get(email="hocvien@demo.hocvuso.vn")
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).count() == 1
    client.force_login(learner)
    page = client.get("/khoa-hoc-cua-toi/").content.decode()
    assert "Đã xong 1/4 bài bắt buộc (25%)" in page

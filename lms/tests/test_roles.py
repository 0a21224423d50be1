"""Each role reaches what it needs and nothing more (Wagtail admin answers "no" with a redirect)."""

import pytest
from django.contrib.auth.models import Group

from lms.roles import Role
from lms.tests.factories import LearnerProfileFactory, ResidentialGroupFactory, UserFactory, learner, staff

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri/"
# apps whose migrations grant roles permissions and whose own tests check them
FEATURE_APPS_TESTING_THEIR_OWN = ("hocvuso_assessments", "hocvuso_certificates")


def allowed(client, url) -> bool:
    response = client.get(url)
    assert response.status_code in {200, 302, 403, 404}, (url, response.status_code)
    return response.status_code == 200


def test_roles_exist_with_their_permissions():
    # each feature app tests the grants of its own migrations (e.g. assessments/tests/test_permissions.py)
    codenames = {
        group.name: set(
            group.permissions.exclude(content_type__app_label__in=FEATURE_APPS_TESTING_THEIR_OWN).values_list(
                "codename", flat=True
            )
        )
        for group in Group.objects.all()
    }
    assert codenames[Role.LEARNER] == set()
    assert codenames[Role.MENTOR] == set()
    assert codenames[Role.EDITOR] == {
        "access_admin",
        "add_articlecategory",
        "change_articlecategory",
        "add_faqtopic",
        "change_faqtopic",
        "add_faqentry",
        "change_faqentry",
        "add_librarydocument",
        "change_librarydocument",
        "add_h5ppackage",
        "change_h5ppackage",
    }
    assert codenames[Role.EXAMINER] == {"access_admin"}
    assert codenames[Role.WARD_ADMIN] >= {"access_admin", "view_learnerprofile"}
    page_perms = {
        name: set(Group.objects.get(name=name).page_permissions.values_list("permission__codename", flat=True))
        for name in (Role.EDITOR, Role.WARD_ADMIN, Role.EXAMINER)
    }
    assert page_perms[Role.EDITOR] == {"add_page", "change_page"}
    assert "publish_page" in page_perms[Role.WARD_ADMIN]
    assert page_perms[Role.EXAMINER] == set()


@pytest.mark.parametrize("role", [Role.LEARNER, Role.MENTOR])
def test_learners_and_mentors_never_reach_the_admin(client, role):
    client.force_login(learner() if role == Role.LEARNER else staff(role))
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "/quan-tri/login/" in response["Location"]


def test_editor_edits_pages_but_cannot_publish_or_manage_people(client, home_page):
    client.force_login(staff(Role.EDITOR))
    assert allowed(client, ADMIN)
    assert allowed(client, f"{ADMIN}pages/{home_page.pk}/")
    assert allowed(client, f"{ADMIN}pages/{home_page.pk}/edit/")
    assert allowed(client, f"{ADMIN}images/")
    assert not allowed(client, f"{ADMIN}users/")
    assert not allowed(client, f"{ADMIN}groups/")
    assert not allowed(client, f"{ADMIN}sites/")
    assert not allowed(client, f"{ADMIN}hoc-vien/")
    editor_page = client.get(f"{ADMIN}pages/{home_page.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in editor_page
    assert 'name="action-submit"' in editor_page or "workflow" in editor_page.lower()


def test_examiner_reaches_the_admin_but_no_pages_or_people(client, home_page):
    client.force_login(staff(Role.EXAMINER))
    assert allowed(client, ADMIN)
    assert not allowed(client, f"{ADMIN}pages/{home_page.pk}/edit/")
    assert not allowed(client, f"{ADMIN}users/")
    assert not allowed(client, f"{ADMIN}hoc-vien/")


def test_ward_admin_publishes_and_sees_only_their_own_wards_learners(client, home_page):
    group = ResidentialGroupFactory()
    admin = LearnerProfileFactory(residential_group=group, user=staff(Role.WARD_ADMIN)).user
    neighbour = LearnerProfileFactory(full_name="Trần Thị Bích", residential_group=group)
    stranger = LearnerProfileFactory(full_name="Lý Văn Xa")
    client.force_login(admin)
    assert allowed(client, f"{ADMIN}pages/{home_page.pk}/edit/")
    listing = client.get(f"{ADMIN}hoc-vien/").content.decode()
    assert "Trần Thị Bích" in listing
    assert "Lý Văn Xa" not in listing
    assert allowed(client, f"{ADMIN}hoc-vien/inspect/{neighbour.pk}/")
    assert client.get(f"{ADMIN}hoc-vien/inspect/{stranger.pk}/").status_code == 404
    assert not allowed(client, f"{ADMIN}hoc-vien/edit/{neighbour.pk}/")
    assert not allowed(client, f"{ADMIN}users/")


def test_ward_admin_finds_a_learner_typed_without_diacritics(client):
    group = ResidentialGroupFactory()
    admin = LearnerProfileFactory(residential_group=group, user=staff(Role.WARD_ADMIN)).user
    LearnerProfileFactory(full_name="Đỗ Thị Hường", residential_group=group)
    LearnerProfileFactory(full_name="Nguyễn Văn Nam", residential_group=group)
    client.force_login(admin)
    found = client.get(f"{ADMIN}hoc-vien/?q=do+thi+huong").content.decode()
    assert "Đỗ Thị Hường" in found
    assert "Nguyễn Văn Nam" not in found


def test_ward_admin_without_a_ward_sees_nobody(client):
    LearnerProfileFactory(full_name="Trần Thị Bích")
    client.force_login(staff(Role.WARD_ADMIN))
    assert "Trần Thị Bích" not in client.get(f"{ADMIN}hoc-vien/").content.decode()


def test_superuser_sees_everyone(client):
    LearnerProfileFactory(full_name="Trần Thị Bích")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "Trần Thị Bích" in client.get(f"{ADMIN}hoc-vien/").content.decode()


def test_wagtail_admin_sign_in_accepts_a_phone_number(client):
    user = staff(Role.EDITOR, phone="0912345678", email="")
    response = client.post(f"{ADMIN}login/", {"username": "+84 912 345 678", "password": "mật-khẩu-thử-2026"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from media.access import register_play_check
from media.h5p.validation import PackageRefused
from media.models import H5PPackage
from media.services import store_h5p_package
from media.tests.h5p_packages import LIBRARY, package

pytestmark = pytest.mark.django_db


def upload(data=None, name="hoat-dong.h5p"):
    return SimpleUploadedFile(name, package() if data is None else data, content_type="application/zip")


@pytest.fixture
def stored():
    return store_h5p_package(upload=upload())[0]


def test_a_package_is_stored_once_per_content_in_private_storage(stored, settings):
    again, created = store_h5p_package(upload=upload(name="ban-sao.h5p"))
    assert not created and again.pk == stored.pk
    assert H5PPackage.objects.count() == 1
    assert stored.file.name == f"h5p/{stored.sha256}.h5p"
    assert str(settings.PRIVATE_MEDIA_ROOT) in stored.file.path
    assert str(settings.MEDIA_ROOT) not in stored.file.path
    assert stored.title == "Kiểm tra nhanh: nhận biết lừa đảo"


def test_a_refused_package_leaves_nothing_behind():
    with pytest.raises(PackageRefused):
        store_h5p_package(upload=upload(package(extra=[("content/../x.json", b"{}")])))
    assert not H5PPackage.objects.exists()


def url(package_, path):
    return f"/hoc-lieu/h5p/{package_.sha256}/{path}"


def test_files_are_served_to_staff_with_safe_headers(client, stored):
    from lms.roles import Role
    from lms.tests.factories import staff

    client.force_login(staff(Role.EDITOR))
    response = client.get(url(stored, f"{LIBRARY}/quiz.js"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response.content.startswith(b"H5P.HocVuSoQuiz")
    content = client.get(url(stored, "content/content.json"))
    assert content["Content-Type"] == "application/json"
    assert "Người lạ gọi điện xin mã OTP" in content.content.decode()


@pytest.mark.parametrize("path", ["content/missing.json", "content/", "../../settings.py", "content/../h5p.json"])
def test_unknown_paths_are_404(client, stored, path):
    from lms.roles import Role
    from lms.tests.factories import staff

    client.force_login(staff(Role.EDITOR))
    assert client.get(url(stored, path)).status_code == 404


def test_nobody_else_gets_the_files_and_nobody_learns_they_exist(client, stored):
    from lms.tests.factories import learner

    assert client.get(url(stored, "h5p.json")).status_code == 404
    client.force_login(learner())
    assert client.get(url(stored, "h5p.json")).status_code == 404
    assert client.get(f"/hoc-lieu/h5p/{'0' * 64}/h5p.json").status_code == 404


def test_another_app_can_let_a_learner_play(client, stored):
    from lms.tests.factories import learner

    allowed = learner()
    check = register_play_check(lambda user, package_: user.pk == allowed.pk and package_.pk == stored.pk)
    try:
        client.force_login(allowed)
        assert client.get(url(stored, "h5p.json")).status_code == 200
        client.force_login(learner())
        assert client.get(url(stored, "h5p.json")).status_code == 404
    finally:
        from media import access

        access._play_checks.remove(check)


def test_editor_uploads_in_the_wagtail_admin_and_a_bad_file_gets_a_plain_message(client):
    from lms.roles import Role
    from lms.tests.factories import staff

    client.force_login(staff(Role.EDITOR))
    bad = client.post("/quan-tri/h5p/new/", {"title": "", "upload": upload(b"not a zip")})
    assert bad.status_code == 200
    assert "Tệp này không phải là gói H5P" in bad.content.decode()
    assert not H5PPackage.objects.exists()
    good = client.post("/quan-tri/h5p/new/", {"title": "Nhận biết lừa đảo qua điện thoại", "upload": upload()})
    assert good.status_code == 302, good.content.decode()[:500]
    assert H5PPackage.objects.get().title == "Nhận biết lừa đảo qua điện thoại"

"""The demo's certificates step: an issuer key, the achievements and the demo learner's certificate, once."""

import pytest

from certificates import demo, keys
from certificates.models import Achievement, IssuedCredential
from lms.demo import DemoContext
from lms.demo_people import build_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_key_dir(tmp_path, settings):
    settings.HOCVUSO_ISSUER_KEY_DIR = str(tmp_path / "keys")
    settings.HOCVUSO_SITE_HOST = "hocvuso.test"


def test_the_step_makes_a_key_achievements_and_one_certificate_and_running_twice_adds_nothing(empty_key_dir):
    context = DemoContext(log=lambda _line: None)
    build_people(context)
    demo.certificates(context)
    assert keys.current_key() is not None
    skills = Achievement.objects.get(kind="digital_skills", target_group="citizen")
    assert skills.name == "Phổ cập kỹ năng số — người dân"
    assert skills.issuer_name == "Ủy ban nhân dân phường Ba Đình"
    assert skills.signer_name == "Nguyễn Văn An"
    [credential] = IssuedCredential.objects.all()
    assert credential.user.email == demo.DEMO_LEARNER and credential.holder_name == "Hoàng Thị Mai"
    assert credential.signed

    kids = [key.kid for key in keys.public_keys()]
    counts = (Achievement.objects.count(), IssuedCredential.objects.count())
    demo.certificates(DemoContext(log=lambda _line: None))
    assert [key.kid for key in keys.public_keys()] == kids
    assert (Achievement.objects.count(), IssuedCredential.objects.count()) == counts


def test_it_comes_after_the_courses_and_assessments():
    from lms.demo import demo_steps

    names = [f"{step.__module__}.{step.__name__}" for step in demo_steps()]
    assert names.index("certificates.demo.certificates") > names.index("courses.demo.course_tests")
    assert names.index("certificates.demo.certificates") > names.index("assessments.demo.assessment_bank")

"""Test data for the certificates: achievements of each kind, an issuer key for the test, learners, staff who
may revoke, and a confirmation of skills made through the engine's own service."""

import datetime
import itertools

import pytest

from certificates.models import Achievement
from lms.roles import Role
from lms.tests.factories import learner as make_learner
from lms.tests.factories import staff

_numbers = itertools.count(1)

WORDING = "đã hoàn thành chương trình bồi dưỡng kỹ năng số cơ bản"


@pytest.fixture
def issuer_keys(tmp_path, settings):
    """A fresh issuer key directory with one key, and a fixed public host, for each test."""
    from certificates import keys

    settings.HOCVUSO_ISSUER_KEY_DIR = str(tmp_path / "keys")
    settings.HOCVUSO_SITE_HOST = "hocvuso.test"
    return keys.create_key()


def achievement(kind: str = Achievement.Kind.DIGITAL_SKILLS, **fields) -> Achievement:
    number = next(_numbers)
    defaults = {
        "kind": kind,
        "name": f"Chứng nhận kỹ năng số {number}",
        "wording": WORDING,
        "criteria": "Đạt bài kiểm tra cuối khóa và làm được thủ tục công trực tuyến.",
        "issuer_name": "Ủy ban nhân dân phường Ba Đình",
        "issuer_place": "Hà Nội",
        "signer_name": "Trần Thị Hương",
        "signer_title": "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    }
    if kind == Achievement.Kind.DIGITAL_SKILLS:
        defaults["target_group"] = "citizen"
    defaults.update(fields)
    return Achievement.objects.create(**defaults)


def competence_achievement(level: int = 2, **fields) -> Achievement:
    from assessments.tests.factories import component, small_framework

    comp = component(small_framework(), "1.1")
    return achievement(Achievement.Kind.COMPETENCE, component=comp, level=level, **fields)


def learner(**fields):
    fields.setdefault("full_name", "Nguyễn Thị Hoà")
    fields.setdefault("date_of_birth", datetime.date(1968, 2, 29))
    return make_learner(**fields)


def examiner():
    return staff(Role.EXAMINER)


def ward_admin():
    return staff(Role.WARD_ADMIN)


def confirmation(user, examiner_user=None):
    """A confirmation of universal digital skills for `user`'s target group, as an examiner makes it."""
    from assessments import services as engine

    return engine.confirm_by_examiner(
        examiner=examiner_user or examiner(), user=user, observed_task="Nộp hồ sơ trên Cổng dịch vụ công."
    )

"""The demo's certificates (after the courses and the assessment engine, orders 40-46): an issuer key if the
site has none, an achievement for each demo course and one for the universal digital skills of citizens, in the
demo ward's name, and one certificate issued to the demo learner through the services. Running it again adds
nothing: achievements are found by their subject, and the learner's certificate by its source."""

from django.contrib.auth import get_user_model
from django.db import transaction

from lms.api import profile_for
from lms.demo import DemoContext, demo_step

from . import keys, services
from .models import Achievement

DEMO_LEARNER = "hocvien@demo.hocvuso.vn"
DEMO_SOURCE = "demo:digital-skills"
SIGNER_NAME = "Nguyễn Văn An"
SIGNER_TITLE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
VALIDITY_MONTHS = 60


def _ward(context: DemoContext, learner):
    """The demo ward (made by the people step), else the demo learner's."""
    ward = context.objects.get("ward")
    if ward is None and learner is not None:
        profile = profile_for(learner)
        ward = profile.ward if profile is not None else None
    return ward


def _issuer(ward) -> dict:
    ward_name = ward.name if ward is not None else "Phường Ba Đình"
    bare = ward_name.removeprefix("Phường ").strip()
    province = ward.province if ward is not None else "Thành phố Hà Nội"
    return {
        "issuer_name": f"Ủy ban nhân dân phường {bare}",
        "issuer_place": province.removeprefix("Thành phố ").removeprefix("Tỉnh ").strip() or province,
        "signer_name": SIGNER_NAME,
        "signer_title": SIGNER_TITLE,
    }


def ensure_issuer_key() -> bool:
    try:
        keys.current_key()
    except keys.NoIssuerKey:
        keys.create_key()
        return True
    return False


def _achievement(lookup: dict, fields: dict) -> tuple[Achievement, bool]:
    existing = Achievement.objects.filter(active=True, **lookup).first()
    if existing is not None:
        return existing, False
    return Achievement.objects.create(**lookup, **fields), True


def _demo_courses(context: DemoContext):
    """The demo catalog's courses, read through the achievement's foreign key (certificates import no course
    internals, and courses.api brings media along)."""
    pages = Achievement._meta.get_field("course").related_model.objects.live()
    catalog = context.objects.get("catalog")
    return (pages.child_of(catalog) if catalog is not None else pages).order_by("path")


@demo_step(order=50)
def certificates(context: DemoContext) -> None:
    new_key = ensure_issuer_key()
    learner = get_user_model().objects.select_related("learner_profile__ward").filter(email=DEMO_LEARNER).first()
    issuer = _issuer(_ward(context, learner))
    made = 0
    with transaction.atomic():
        for course in _demo_courses(context):
            _row, created = _achievement(
                {"kind": Achievement.Kind.COURSE, "course": course},
                {
                    "name": f"Hoàn thành khóa học “{course.title}”",
                    "wording": f"đã hoàn thành khóa học “{course.title}”",
                    "criteria": "Học hết các bài bắt buộc, trả lời đúng câu hỏi kiểm tra trong bài và đạt bài "
                    "kiểm tra cuối khóa.",
                    **issuer,
                },
            )
            made += created
        skills, created = _achievement(
            {"kind": Achievement.Kind.DIGITAL_SKILLS, "target_group": "citizen"},
            {
                "name": "Phổ cập kỹ năng số — người dân",
                "wording": "đã đạt chuẩn phổ cập kỹ năng số dành cho người dân",
                "criteria": "Được giám khảo xác nhận đạt các kỹ năng số cơ bản của người dân: dùng điện thoại "
                "thông minh an toàn, nộp hồ sơ dịch vụ công trực tuyến, dùng VNeID.",
                "validity_months": VALIDITY_MONTHS,
                **issuer,
            },
        )
        made += created
    issued = None
    if learner is not None:
        issued = services.issue(learner.pk, skills.pk, source=DEMO_SOURCE)
        context.objects["certificate"] = issued
    context.log(
        f"  certificates: {'a new issuer key, ' if new_key else ''}{made} new achievements; "
        f"the demo learner's certificate: {issued.serial if issued else 'none (no demo learner)'}"
    )

"""Building course trees in tests: catalog → course → modules → lessons, published, with H5P activities and
checkpoint questions where asked."""

import itertools
import uuid

from django.core.files.base import ContentFile

from courses.models import CatalogPage, CheckpointQuestion, CoursePage, LessonPage, ModulePage
from media.services import store_h5p_package
from media.tests.h5p_packages import package as h5p_package_bytes

_numbers = itertools.count(1)


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_catalog(home_page) -> CatalogPage:
    existing = CatalogPage.objects.first()
    if existing is not None:
        return existing
    return publish_child(home_page, CatalogPage(title="Khóa học", slug="khoa-hoc"))


def h5p_package(title: str = "Kiểm tra nhanh"):
    """A genuine, validated package (unique bytes per title, so each title is its own package)."""
    data = h5p_package_bytes(extra=[("content/note.txt", title.encode())])
    package, _created = store_h5p_package(upload=ContentFile(data, name="hoat-dong.h5p"), title=title)
    return package


def lesson_body(*, h5p=None, video: bool = False, text: str = "<p>Không bao giờ đọc mã OTP cho người lạ.</p>"):
    body = [{"type": "text", "value": text, "id": str(uuid.uuid4())}]
    if h5p is not None:
        body.append(
            {"type": "h5p", "value": {"package": h5p.pk, "title": h5p.title, "required": True}, "id": str(uuid.uuid4())}
        )
    return body


def make_course(
    catalog,
    *,
    title: str | None = None,
    modules: int = 2,
    lessons_per_module: int = 2,
    sequential: bool = True,
    enrolment_mode: str = "open",
    audience=("citizen",),
    components=(),
    final_assessment=None,
    quizzes=None,
    quizzes_required: bool = False,
    level: int = 1,
    format: str = "online",
    minutes: int = 60,
    min_reading_seconds: int = 30,
    checkpoint: int = 0,
    h5p=None,
    optional_positions=(),
) -> CoursePage:
    number = next(_numbers)
    course = publish_child(
        catalog,
        CoursePage(
            title=title or f"Khóa học thử {number}",
            slug=f"khoa-hoc-thu-{number}",
            summary="Học cách dùng điện thoại an toàn.",
            outcomes="Nhận biết lừa đảo\nBảo vệ mã OTP",
            audience=list(audience),
            components=list(components),
            final_assessment=final_assessment,
            quizzes_required=quizzes_required,
            level=level,
            format=format,
            estimated_minutes=minutes,
            enrolment_mode=enrolment_mode,
            sequential=sequential,
        ),
    )
    position = 0
    for module_number in range(1, modules + 1):
        module = publish_child(
            course,
            ModulePage(
                title=f"Phần {module_number}",
                slug=f"phan-{module_number}",
                quiz=(quizzes or {}).get(module_number),
            ),
        )
        for lesson_number in range(1, lessons_per_module + 1):
            lesson = LessonPage(
                title=f"Bài {module_number}.{lesson_number}",
                slug=f"bai-{module_number}-{lesson_number}",
                body=lesson_body(h5p=h5p),
                min_reading_seconds=min_reading_seconds,
                checkpoint_draw_count=checkpoint,
                required=position not in optional_positions,
            )
            lesson.checkpoint_questions = [
                CheckpointQuestion(
                    question=f"Câu hỏi {index}?",
                    options="Đúng\nSai\nKhông biết",
                    correct_option=1 + index % 3,
                    explanation="Xem lại bài.",
                )
                for index in range(checkpoint + 2 if checkpoint else 0)
            ]
            publish_child(module, lesson)
            position += 1
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))

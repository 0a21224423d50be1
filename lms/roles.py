"""The platform's roles. Each is a Django group created by migration 0002; its name is what admins see."""

from enum import StrEnum


class Role(StrEnum):
    LEARNER = "Học viên"
    EDITOR = "Biên tập viên"
    EXAMINER = "Giám khảo"
    WARD_ADMIN = "Quản trị phường"
    MENTOR = "Người hướng dẫn"


# Roles that work in the Wagtail admin. Learners and mentors never see it.
STAFF_ROLES = frozenset({Role.EDITOR, Role.EXAMINER, Role.WARD_ADMIN})

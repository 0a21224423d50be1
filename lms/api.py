"""What other hocvuso apps may use from the learner core. Import from here, never from lms.models directly."""

from .models import AccessibilityNeed, TargetGroup, TextSize
from .roles import STAFF_ROLES, Role
from .selectors import has_role, is_staff_member, profile_for, user_roles

__all__ = [
    "STAFF_ROLES",
    "AccessibilityNeed",
    "Role",
    "TargetGroup",
    "TextSize",
    "has_role",
    "is_staff_member",
    "profile_for",
    "user_roles",
]

"""What other hocvuso apps may use from the learner core. Import from here, never from lms.models directly."""

from .identifiers import normalise_phone
from .listing import StableOrdering
from .models import AccessibilityNeed, TargetGroup, TextSize
from .roles import STAFF_ROLES, Role
from .selectors import (
    has_role,
    is_staff_member,
    learner_match,
    learners_visible_to,
    profile_for,
    search_learners,
    user_roles,
)
from .text import fold

__all__ = [
    "STAFF_ROLES",
    "AccessibilityNeed",
    "Role",
    "StableOrdering",
    "TargetGroup",
    "TextSize",
    "fold",
    "has_role",
    "is_staff_member",
    "learner_match",
    "learners_visible_to",
    "normalise_phone",
    "profile_for",
    "search_learners",
    "user_roles",
]

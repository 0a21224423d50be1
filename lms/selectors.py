"""Reads about people. Other apps use these through lms.api."""

from .models import LearnerProfile, ResidentialGroup, User, Ward
from .roles import STAFF_ROLES, Role


def profile_for(user: User) -> LearnerProfile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.learner_profile
    except LearnerProfile.DoesNotExist:
        return None


def user_roles(user: User) -> frozenset[Role]:
    """The roles a user holds, read once per request (group names are cached on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_hocvuso_roles", None)
    if cached is None:
        known = {role.value for role in Role}
        cached = frozenset(Role(name) for name in user.groups.values_list("name", flat=True) if name in known)
        user._hocvuso_roles = cached
    return cached


def has_role(user: User, role: Role) -> bool:
    return role in user_roles(user)


def is_staff_member(user: User) -> bool:
    return user.is_superuser or bool(user_roles(user) & STAFF_ROLES)


def wards_with_groups() -> list[Ward]:
    return list(Ward.objects.prefetch_related("residential_groups").order_by("province", "name"))


def residential_groups() -> list[ResidentialGroup]:
    return list(ResidentialGroup.objects.select_related("ward").order_by("ward__name", "name"))

"""Reads about people. Other apps use these through lms.api."""

from django.db.models import Q, QuerySet

from .models import LearnerProfile, User
from .roles import STAFF_ROLES, Role
from .text import fold


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


def learners_visible_to(user: User) -> QuerySet[LearnerProfile]:
    """The learner profiles a staff member may see: all for a superuser, their own ward's for a ward
    administrator, none for anyone else. Every staff listing of learners starts here."""
    profiles = LearnerProfile.objects.select_related("user", "ward", "residential_group")
    if user.is_superuser:
        return profiles
    if has_role(user, Role.WARD_ADMIN):
        own = profile_for(user)
        if own is not None and own.ward_id is not None:
            return profiles.filter(ward_id=own.ward_id)
    return profiles.none()


def learner_match(query: str, *, user: str = "user__", profile: str = "") -> Q:
    """What finds a learner by a name typed with or without diacritics, or by an exact phone number or email.
    `user`, `profile`: the paths from the rows searched to the account and to the profile (as from profiles)."""
    from .identifiers import normalise_phone

    query = (query or "").strip()
    if not query:
        return Q()
    phone = normalise_phone(query)
    if phone:
        return Q(**{f"{user}phone": phone})
    if "@" in query:
        return Q(**{f"{user}email__iexact": query})
    return Q(**{f"{profile}full_name_folded__contains": fold(query)})


def search_learners(profiles: QuerySet[LearnerProfile], query: str) -> QuerySet[LearnerProfile]:
    """Match a name typed with or without diacritics, or an exact phone number or email."""
    return profiles.filter(learner_match(query))

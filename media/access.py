"""Who may play a package. media knows nothing of courses: the courses app registers a check (an enrolled
learner may play the packages of their lessons) with `register_play_check`; staff who manage packages always
may."""

from collections.abc import Callable

_play_checks: list[Callable] = []


def register_play_check(check: Callable) -> Callable:
    """`check(user, package) -> bool`; any check saying yes lets the user play the package."""
    if check not in _play_checks:
        _play_checks.append(check)
    return check


def can_play(user, package) -> bool:
    if not user.is_authenticated:
        return False
    if user.has_perm("hocvuso_media.change_h5ppackage"):
        return True
    return any(check(user, package) for check in _play_checks)

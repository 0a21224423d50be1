import copy
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ValidationError

from .identifiers import parse_identifier


def find_user(identifier: str):
    """The account an email, a phone number (any common spelling) or a login handle belongs to, or None."""
    user_model = get_user_model()
    try:
        parsed = parse_identifier(identifier)
    except ValidationError:
        return user_model.objects.filter(username=(identifier or "").strip()).first()
    if parsed.kind == "email":
        return user_model.objects.filter(email__iexact=parsed.value).first()
    return user_model.objects.filter(phone=parsed.value).first()


class EmailOrPhoneBackend(ModelBackend):
    """Sign in with an email address or a Vietnamese mobile number (or the internal handle, for admins)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user = find_user(username)
        if user is None:
            # spend the same time as a real check so response times don't reveal which accounts exist
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The signed-in account, read from the cache: every signed-in page needs it, and it changes rarely. Any
        save or deletion of the account drops the cached copy (see forget_cached_user), so a changed password
        (the session check compares its hash), a deactivation or an erasure counts on the next request in this
        process and within USER_REMEMBER_SECONDS in the others, which reuse what they read for that long."""
        key = cached_user_key(user_id)
        remembered = _remembered.get(key)
        if remembered is not None and time.monotonic() - remembered[0] < USER_REMEMBER_SECONDS:
            user = copy.copy(remembered[1])  # a request may set attributes on its user; never on the shared one
        else:
            user = cache.get(key)
            if user is None:
                user = super().get_user(user_id)
                if user is not None:
                    cache.set(key, user, USER_CACHE_SECONDS)
            if user is not None:
                _remember(key, user)
        return user if user is not None and self.user_can_authenticate(user) else None


USER_CACHE_SECONDS = 5 * 60
USER_REMEMBER_SECONDS = 1.0
_remembered: dict = {}


def _remember(key: str, user) -> None:
    if len(_remembered) > 10_000:
        _remembered.clear()
    _remembered[key] = (time.monotonic(), copy.copy(user))


def cached_user_key(user_id) -> str:
    return f"lms:user:{user_id}"


def forget_cached_user(sender, instance, **kwargs) -> None:
    key = cached_user_key(instance.pk)
    _remembered.pop(key, None)
    cache.delete(key)


def forget_remembered_users() -> None:
    """Forget this process's copies (tests: ids can come back after a rollback)."""
    _remembered.clear()

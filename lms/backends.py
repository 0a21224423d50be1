from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
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

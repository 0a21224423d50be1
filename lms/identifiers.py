"""Sign-in identifiers: an email address or a Vietnamese mobile number, in one canonical form each."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

# Vietnamese mobile numbers since the 2018 renumbering: 0 + one of 3/5/7/8/9 + 8 digits. People also write
# them with +84 or 84 in front, and with spaces, dots or dashes between groups.
_MOBILE = re.compile(r"^(?:\+84|84|0)([35789]\d{8})$")
_SEPARATORS = re.compile(r"[\s.\-()]")


@dataclass(frozen=True)
class Identifier:
    kind: str  # "email" or "phone"
    value: str


def normalise_phone(raw: str) -> str | None:
    """Return the number in its 10-digit form (0912345678), or None when it is not a Vietnamese mobile."""
    match = _MOBILE.match(_SEPARATORS.sub("", raw or ""))
    return f"0{match.group(1)}" if match else None


def parse_identifier(raw: str) -> Identifier:
    """Tell an email from a phone number and normalise it; raise ValidationError with a plain message."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Enter your email address or mobile phone number."), code="required")
    if "@" in text:
        try:
            validate_email(text)
        except ValidationError:
            raise ValidationError(
                _("This email address is not valid. Check it, for example: ten@gmail.com."),
                code="invalid_email",
            ) from None
        local, _sep, domain = text.rpartition("@")
        return Identifier("email", f"{local}@{domain.lower()}")
    phone = normalise_phone(text)
    if phone is None:
        raise ValidationError(
            _(
                "This phone number is not valid. Enter a Vietnamese mobile number of 10 digits, "
                "for example 0912 345 678."
            ),
            code="invalid_phone",
        )
    return Identifier("phone", phone)

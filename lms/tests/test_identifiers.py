import pytest
from django.core.exceptions import ValidationError

from lms.identifiers import normalise_phone, parse_identifier


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84 912 345 678", "0912345678"),
        ("(+84) 987-654-321", "0987654321"),
        ("0321234567", "0321234567"),
        ("0561234567", "0561234567"),
        ("0701234567", "0701234567"),
        ("0861234567", "0861234567"),
    ],
)
def test_vietnamese_mobile_numbers_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["091234567", "09123456789", "0112345678", "0212345678", "+1 912 345 678", "0912abc678", "", "8491234567"],
)
def test_other_numbers_are_refused(raw):
    assert normalise_phone(raw) is None


def test_email_domain_is_lowercased_but_local_part_kept():
    parsed = parse_identifier("  Mai.Hoang@Gmail.COM ")
    assert (parsed.kind, parsed.value) == ("email", "Mai.Hoang@gmail.com")


def test_bad_phone_message_is_vietnamese():
    with pytest.raises(ValidationError) as caught:
        parse_identifier("12345")
    assert caught.value.code == "invalid_phone"
    assert "Số điện thoại chưa đúng" in caught.value.messages[0]


def test_bad_email_message_is_vietnamese():
    with pytest.raises(ValidationError) as caught:
        parse_identifier("mai@@gmail")
    assert caught.value.code == "invalid_email"
    assert "email chưa đúng" in caught.value.messages[0]

import pytest

from lms.text import fold


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("hoc vu so", "Học vụ số"),
        ("HỌC VỤ SỐ", "học vụ số"),
        ("binh dan hoc vu so", "Bình dân   học vụ số"),
        ("do thi huong", "Đỗ Thị Hường"),
        ("nguyen", "NGUYỄN"),
    ],
)
def test_fold_matches_with_or_without_diacritics(typed, stored):
    assert fold(typed) == fold(stored)


def test_fold_gives_plain_lowercase_letters():
    assert fold("Hà Nội") == "ha noi"
    assert fold("Đà Nẵng, Quảng Ngãi") == "da nang, quang ngai"
    assert fold("") == ""

import datetime

from django.utils import formats, translation


def test_dates_and_numbers_read_the_vietnamese_way():
    with translation.override("vi"):
        day = datetime.date(2026, 10, 10)
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "10/10/2026"
        assert formats.date_format(day) == "10 tháng 10 năm 2026"
        assert formats.number_format(1234567.5, decimal_pos=1, use_l10n=True, force_grouping=True) == "1.234.567,5"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_vietnamese_date_input_is_day_first():
    with translation.override("vi"):
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"

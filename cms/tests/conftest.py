import pytest

from cms.tests.factories import column as build_column


@pytest.fixture
def column(home_page):
    section, lists, faq = build_column(home_page)
    return {"home": home_page, "section": section, "lists": lists, "faq": faq}

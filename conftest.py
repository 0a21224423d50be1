import pytest


def pytest_configure(config):
    """Tests always run against the catalogue as it is in locale/, never a stale compiled copy."""
    from lms.translations import compile_catalogues

    compile_catalogues()


@pytest.fixture
def home_page(db):
    """The portal's home page as the demo builds it, set as the default site's root."""
    from cms.demo import home_page as build_home_page
    from lms.demo import DemoContext

    context = DemoContext(log=lambda _line: None)
    build_home_page(context)
    return context.objects["home_page"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (Redis in the production-like run): no counters or pages leak."""
    from django.core.cache import cache

    cache.clear()

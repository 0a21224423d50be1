import pytest


def pytest_configure(config):
    """Tests always run against the catalogue as it is in locale/, never a stale compiled copy."""
    from lms.translations import compile_catalogues

    if compile_catalogues():
        # Django set itself up (and may have read the old catalogue) before this hook: make it read again.
        from asgiref.local import Local
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = Local()


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

    from courses import rendering
    from courses.selectors import content_generation
    from lms.backends import forget_remembered_users

    cache.clear()
    content_generation.forget()
    rendering.forget_local()
    forget_remembered_users()

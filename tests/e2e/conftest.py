"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server.

Playwright's own browser download is never used: the project set-up installs Debian's `chromium` package and
these tests drive that binary (or the one named by HOCVUSO_CHROMIUM). A missing browser fails the run loudly,
because a browser test that skips itself proves nothing while looking green.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.migration_rows import restore_migration_rows

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the test run is often root inside a container, where the sandbox cannot start
    "--disable-gpu",
    # no calls home, no updates, no first-run dialogs: a test run must not touch the network beyond the server
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# A cheap Android phone, the device most learners in the ward use.
PHONE_VIEWPORT = {"width": 360, "height": 740}
E2E_DIR = Path(__file__).resolve().parent


def chromium_path() -> str:
    return os.environ.get("HOCVUSO_CHROMIUM") or DEFAULT_CHROMIUM


def pytest_collection_modifyitems(config, items):
    # The marker selects or leaves out the slow, browser-needing tests (`-m "not browser"`); put it on every
    # journey here so a later one cannot forget it.
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # the `page` fixture reads this at teardown to decide whether to keep a screenshot
    setattr(item, f"e2e_report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser(django_db_setup) -> Iterator[Browser]:
    # after the test database exists and closed before it is destroyed: both happen outside Playwright's loop
    path = chromium_path()
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}. Browser tests use Debian's Chromium, never Playwright's download: "
            "run `./run test` (it installs Debian's `chromium` package), or point HOCVUSO_CHROMIUM at a "
            "Chromium binary. Do not run `playwright install`.",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop running in this thread, so Django sees an "async context" and
    # refuses the ORM calls that fixtures and tests make between browser steps (and the flush after each
    # test). Those calls are plain blocking ones; the relaxation ends with the browser.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def live_url(live_server) -> Callable[[str], str]:
    """`live_url("/tai-khoan/dang-ky/")` → the absolute URL on the running test server."""

    def build(path: str = "/") -> str:
        return live_server.url.rstrip("/") + "/" + path.lstrip("/")

    return build


@pytest.fixture
def portal(transactional_db, live_server):
    """The demo ward's portal as `manage.py load_demo` builds it: home page, ward, residential groups, accounts.

    Returns the demo context, whose `objects` hold what was made (`home_page`, `ward`, `user:<identifier>`).
    """
    from cms.demo import home_page
    from lms.demo import DemoContext
    from lms.demo_people import build_people

    restore_migration_rows()
    context = DemoContext(log=lambda _line: None)
    # the same order as the demo command: people (10) before the home page (20)
    build_people(context)
    home_page(context)
    return context


def _screenshot_path(nodeid: str) -> Path:
    from django.conf import settings

    directory = Path(settings.VAR_DIR) / "test" / "e2e"
    directory.mkdir(parents=True, exist_ok=True)
    return directory / (re.sub(r"[^\w.-]+", "_", nodeid).strip("_") + ".png")


@pytest.fixture
def page(browser: Browser, portal, request) -> Iterator[Page]:
    """A fresh browser profile per test (no cookies carried over), in Vietnamese, on a small phone screen."""
    context = browser.new_context(locale="vi-VN", viewport=PHONE_VIEWPORT, timezone_id="Asia/Ho_Chi_Minh")
    # Short enough that a broken page fails fast, long enough for a slow CI machine's first request.
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "e2e_report_call", None)
    if report is not None and report.failed:
        # best effort: a screenshot that cannot be taken must not hide the test's own failure
        try:
            path = _screenshot_path(request.node.nodeid)
            page.screenshot(path=str(path), full_page=True)
            print(f"\nscreenshot of the failed browser test: {path}")
        except Exception as error:
            print(f"\nno screenshot: {error}")
    context.close()


# An office computer: the Wagtail admin's editors and reviewers work at a desk, not on the phone.
DESKTOP_VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture
def new_page(browser: Browser, portal, request) -> Iterator[Callable[..., Page]]:
    """Another person on another device: `new_page()` opens a further fresh browser profile (its own cookies),
    in Vietnamese, on the desktop screen unless given `viewport=`. All are closed after the test, and each one
    is screenshotted when the test failed, like `page`."""
    contexts = []

    def open_page(*, viewport: dict | None = None) -> Page:
        context = browser.new_context(
            locale="vi-VN", viewport=viewport or DESKTOP_VIEWPORT, timezone_id="Asia/Ho_Chi_Minh"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    report = getattr(request.node, "e2e_report_call", None)
    for number, context in enumerate(contexts, start=1):
        if report is not None and report.failed:
            try:
                path = _screenshot_path(f"{request.node.nodeid}-{number}")
                context.pages[-1].screenshot(path=str(path), full_page=True)
                print(f"\nscreenshot {number} of the failed browser test: {path}")
            except Exception as error:
                print(f"\nno screenshot {number}: {error}")
        # an open context keeps its keep-alive connections to the live server past the test
        context.close()

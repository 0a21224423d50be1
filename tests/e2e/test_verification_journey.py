# ruff: noqa: F811 - fixtures imported by name
"""Someone holds a certificate and checks it on a phone: the QR link says "Hợp lệ" with the holder's name
partly hidden; the credential file uploaded in the box (by keyboard alone) verifies too; once a ward
administrator revokes it, the same link says "Đã thu hồi" with the date and the kind of reason. The page fits a
320 px screen without sideways scrolling."""

import json

import pytest
from playwright.sync_api import Page, expect

from certificates.tests.factories import issuer_keys  # noqa: F401 - fixture
from certificates.tests.test_views_public import public_vietnamese  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def certificate(portal, issuer_keys):
    from certificates import services
    from certificates.tests.factories import achievement, learner

    goal = achievement(name="Chứng nhận kỹ năng số cơ bản")
    return services.issue(learner(full_name="Nguyễn Thị Hường").pk, goal.pk)


def _fits_the_screen(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_verifying_on_a_phone_then_after_revocation(page: Page, live_url, certificate, public_vietnamese, tmp_path):
    from certificates import services, verification
    from certificates.tests.factories import ward_admin

    # the QR code opens the verification page
    page.goto(live_url(f"/xac-minh/{certificate.serial}/"))
    verdict = page.get_by_role("status")
    expect(verdict).to_contain_text("Hợp lệ")
    expect(page.get_by_role("heading", name="Chứng nhận hợp lệ")).to_be_visible()
    expect(page.locator(".holder")).to_have_text("Nguyễn T** H****")
    expect(page.get_by_text("Chứng nhận kỹ năng số cơ bản")).to_be_visible()
    assert "Hường" not in page.content()
    page.set_viewport_size({"width": 320, "height": 640})
    _fits_the_screen(page)

    # the credential file, uploaded by keyboard: the file field is reached with Tab from the serial's button,
    # then the operating system's own chooser picks the file (not the page's to test: headless Chromium opens it
    # on Space only some of the time), and the rest is keys again
    credential_file = tmp_path / f"{certificate.serial}.json"
    credential_file.write_text(json.dumps(certificate.credential_json, ensure_ascii=False), encoding="utf-8")
    page.goto(live_url("/xac-minh/"))
    _fits_the_screen(page)
    page.get_by_role("button", name="Kiểm tra", exact=True).focus()
    page.keyboard.press("Tab")
    file_field = page.get_by_label("Tệp chứng nhận", exact=True)
    expect(file_field).to_be_focused()
    file_field.set_input_files(str(credential_file))
    file_field.focus()
    page.keyboard.press("Tab")  # to the text box
    page.keyboard.press("Tab")  # to the button
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Kiểm tra tệp", f"keyboard focus is on {focused!r}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Chứng nhận hợp lệ")).to_be_visible()
    expect(page.locator(".holder")).to_have_text("Nguyễn T** H****")
    expect(page.locator(".serial")).to_have_text(certificate.serial)
    _fits_the_screen(page)

    # a ward administrator revokes it; the same link now says so, with the date and the kind of reason
    revoked = services.revoke(certificate, by=ward_admin(), reason="Cấp nhầm cho người khác")
    page.goto(live_url(f"/xac-minh/{certificate.serial}/"))
    expect(page.get_by_role("status")).to_contain_text("Đã thu hồi")
    date = verification.vietnamese_date(revoked.revoked_at)
    expect(page.get_by_role("heading", name=f"Chứng nhận đã bị thu hồi ngày {date}")).to_be_visible()
    expect(page.locator(".revocation")).to_contain_text("Bị nơi cấp thu hồi")
    expect(page.get_by_text("Chứng nhận hợp lệ")).to_have_count(0)
    _fits_the_screen(page)

    # the technical details open from the keyboard too
    summary = page.locator("summary", has_text="Những gì đã kiểm tra")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Chữ ký số: đúng")).to_be_visible()
    expect(page.get_by_text("Sổ cấp chứng nhận của cổng: khớp")).to_be_visible()

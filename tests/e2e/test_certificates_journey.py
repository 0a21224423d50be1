"""The holder's journey: the demo learner signs in, opens "Chứng nhận của tôi" from the account menu with the
keyboard, downloads the PDF and the credential, and finds the link to share; the page fits a 320 px screen."""

import json

import pytest

LEARNER = "hocvien@demo.hocvuso.vn"


@pytest.fixture
def certificate(portal, settings, tmp_path):
    from certificates import keys, services
    from certificates.tests.factories import achievement

    settings.HOCVUSO_ISSUER_KEY_DIR = str(tmp_path / "keys")
    settings.HOCVUSO_SITE_HOST = "hocvuso.test"
    keys.create_key()
    user = portal.objects[f"user:{LEARNER}"]
    made = achievement(name="Phổ cập kỹ năng số — người dân")
    return services.issue(user.pk, made.pk)


def vi(text: str) -> str:
    """The Vietnamese the page shows for an English msgid (the msgid itself until the catalogue has it)."""
    from django.utils import translation

    with translation.override("vi"):
        return translation.gettext(text)


def test_the_learner_downloads_and_shares_a_certificate(page, live_url, certificate):
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/tai-khoan/dang-nhap/"))
    page.locator("#id_username").fill(LEARNER)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")

    menu_link = page.get_by_role("navigation", name="Tài khoản của bạn").get_by_role("link", name=vi("My certificates"))
    menu_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/chung-nhan-cua-toi/")
    assert page.get_by_role("heading", level=1).inner_text() == vi("My certificates")
    card = page.locator(".certificate-card")
    assert certificate.serial in card.inner_text()

    pdf_link = card.get_by_role("link", name=vi("Download PDF"))
    pdf_link.focus()
    with page.expect_download() as pdf_download:
        page.keyboard.press("Enter")
    assert pdf_download.value.suggested_filename == f"{certificate.serial}.pdf"
    with open(pdf_download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    with page.expect_download() as json_download:
        card.get_by_role("link", name=vi("Download credential (JSON)")).click()
    assert json_download.value.suggested_filename == f"{certificate.serial}.json"
    with open(json_download.value.path(), encoding="utf-8") as handle:
        assert json.load(handle)["id"] == f"https://hocvuso.test/xac-minh/{certificate.serial}/"

    share = card.locator("a.share-link")
    assert share.get_attribute("href") == f"https://hocvuso.test/xac-minh/{certificate.serial}/"
    assert (
        card.get_by_role("link", name=vi("Add to LinkedIn profile"))
        .get_attribute("href")
        .startswith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
    )
    copy = card.get_by_role("button", name=vi("Copy link"))
    assert copy.is_visible()  # the live server is a secure context (localhost)

    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

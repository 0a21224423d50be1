"""The first journey: a resident finds the portal in Vietnamese, signs up with a mobile number, signs out and in.

Locators use names, ids and URLs rather than interface text, so a journey keeps testing behaviour while the
translations change; the Vietnamese wording itself is checked in one place, `test_interface_text_is_vietnamese`.
"""

import datetime

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME_TITLE = "Bình dân học vụ số"
SIGN_UP = "/tai-khoan/dang-ky/"
SIGN_IN = "/tai-khoan/dang-nhap/"
SIGN_OUT = "/tai-khoan/dang-xuat/"
PROFILE = "/tai-khoan/ho-so/"
PHONE_AS_TYPED = "0987 654 321"
PHONE_STORED = "0987654321"
PHONE_INTERNATIONAL = "+84987654321"
PASSWORD = "Hoc-vu-so-2026!"
FULL_NAME = "Nguyễn Thị Hồng Nhung"


def _profile_link(page: Page):
    return page.locator(f'header a[href="{PROFILE}"]')


def _sign_out_button(page: Page):
    return page.locator(f'header form[action="{SIGN_OUT}"] button[type="submit"]')


def _fill_sign_up(page: Page, *, date_of_birth: str, password2: str) -> None:
    """Fill the sign-up form the way a keyboard user does: type, Tab on, Space to tick, Enter to send."""
    page.locator("#id_full_name").focus()
    page.keyboard.type(FULL_NAME)
    page.keyboard.press("Tab")
    expect(page.locator("#id_identifier")).to_be_focused()
    page.keyboard.type(PHONE_AS_TYPED)
    # A date input's typing order follows the browser's locale (dd/mm/yyyy in vi-VN); fill takes ISO everywhere.
    page.locator("#id_date_of_birth").fill(date_of_birth)
    page.locator('input[name="target_group"][value="citizen"]').check()
    page.locator("#id_ward").select_option(label="Phường Ba Đình, Thành phố Hà Nội")
    page.locator("#id_residential_group").select_option(label="Tổ dân phố số 3 — Phường Ba Đình")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(password2)
    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    # Enter in a text field submits the form, as on a phone's keyboard "Go" key.
    page.locator("#id_password2").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_home_page_is_vietnamese_styled_and_skippable(page: Page, live_url):
    response = page.goto(live_url("/"))
    assert response is not None and response.status == 200

    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text(HOME_TITLE)

    # The stylesheet is served by the live server and applied: the header's brand-red rule comes from site.css.
    stylesheet = page.locator('link[rel="stylesheet"]').first.get_attribute("href")
    css = page.request.get(live_url(stylesheet))
    assert css.status == 200, f"{stylesheet} answered {css.status}"
    assert "text/css" in css.headers["content-type"]
    border = page.locator(".site-header").evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderBottomWidth, s.borderBottomColor]; }"
    )
    assert border == ["4px", "rgb(163, 22, 26)"]

    # The skip link is the first stop of the keyboard, hidden above the screen until focused.
    skip_link = page.locator("a.skip-link")
    assert skip_link.bounding_box()["y"] < 0
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"], box
    page.keyboard.press("Enter")
    expect(page.locator("main#noi-dung")).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_sign_up_with_a_phone_then_sign_out_and_in_with_plus_84(page: Page, live_url):
    from lms.models import LearnerProfile, User
    from lms.roles import Role

    page.goto(live_url("/"))
    with page.expect_navigation():
        page.locator(f'header a[href="{SIGN_UP}"]').click()
    # every field a person fills can be reached by its label (screen readers, tapping the label on a phone)
    unlabelled = page.locator("form.form").evaluate(
        """form => [...form.querySelectorAll("input:not([type=hidden]), select, textarea")]
                     .filter(el => el.labels.length === 0).map(el => el.name)"""
    )
    assert unlabelled == []

    _fill_sign_up(page, date_of_birth="1968-05-19", password2=PASSWORD)

    assert page.url == live_url("/")
    expect(page.locator(".messages .message-success")).to_be_visible()
    expect(_profile_link(page)).to_be_visible()

    user = User.objects.get(phone=PHONE_STORED)
    assert user.groups.filter(name=Role.LEARNER).exists()
    learner = LearnerProfile.objects.get(user=user)
    assert learner.full_name == FULL_NAME
    assert learner.date_of_birth == datetime.date(1968, 5, 19)
    assert learner.ward.name == "Phường Ba Đình"
    assert learner.residential_group.name == "Tổ dân phố số 3"

    with page.expect_navigation():
        _sign_out_button(page).click()
    expect(_profile_link(page)).to_have_count(0)
    expect(page.locator(f'header a[href="{SIGN_IN}"]')).to_be_visible()

    with page.expect_navigation():
        page.locator(f'header a[href="{SIGN_IN}"]').click()
    expect(page.locator("#id_username")).to_be_focused()  # autofocus: a phone user can type at once
    page.keyboard.type(PHONE_INTERNATIONAL)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == live_url("/")
    expect(_profile_link(page)).to_be_visible()
    with page.expect_navigation():
        _profile_link(page).click()
    expect(page.locator("#id_full_name")).to_have_value(FULL_NAME)


def test_bad_sign_up_explains_each_mistake_and_creates_nobody(page: Page, live_url):
    from lms.models import User

    accounts_before = User.objects.count()
    page.goto(live_url(SIGN_UP))
    next_year = datetime.date.today().year + 1

    _fill_sign_up(page, date_of_birth=f"{next_year}-01-15", password2=PASSWORD + "x")

    assert page.url == live_url(SIGN_UP)
    expect(page.locator(".error-summary")).to_be_visible()
    # each message sits in its field's box and is announced with the field (aria-describedby)
    for name in ("date_of_birth", "password2"):
        field_input = page.locator(f"#id_{name}")
        error = page.locator(f".field.has-error:has(#id_{name}) #id_{name}_error")
        expect(error).to_be_visible()
        expect(field_input).to_have_attribute("aria-invalid", "true")
        assert f"id_{name}_error" in (field_input.get_attribute("aria-describedby") or "").split()
    # what was right is kept, so the person only fixes the mistakes
    expect(page.locator("#id_full_name")).to_have_value(FULL_NAME)
    expect(page.locator("#id_identifier")).to_have_value(PHONE_AS_TYPED)

    assert User.objects.count() == accounts_before
    assert not User.objects.filter(phone=PHONE_STORED).exists()


def test_no_sideways_scrolling_on_a_320px_screen(page: Page, live_url):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", SIGN_UP, SIGN_IN):
        page.goto(live_url(path))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 320, f"{path} is {scroll_width}px wide at 320px"


def test_interface_text_is_vietnamese(page: Page, live_url):
    """The interface strings a first-time visitor meets, from the Vietnamese catalogue."""
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url("/"))
    expect(page.locator("a.skip-link")).to_have_text("Bỏ qua, đến nội dung chính")

    page.goto(live_url(SIGN_UP))
    expect(page.locator("h1")).to_have_text("Tạo tài khoản")

    page.goto(live_url(SIGN_IN))
    expect(page.locator("h1")).to_have_text("Đăng nhập")
    page.locator("#id_username").fill("0912345678")  # a demo learner
    page.locator("#id_password").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()

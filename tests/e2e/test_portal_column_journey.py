import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_explore(page: Page, live_url, portal):
    from cms.models import IndexPage, SectionHomePage

    home = portal.objects["home_page"]
    section = home.add_child(instance=SectionHomePage(title="Bình dân học vụ số", slug="binh-dan-hoc-vu-so"))
    section.save_revision().publish()
    news = section.add_child(instance=IndexPage(title="Tin tức", slug="tin-tuc", kind="articles"))
    news.save_revision().publish()
    page.goto(live_url("/quan-tri/login/"))
    open("/tmp/explore/login.html", "w").write(page.content())
    page.locator('input[name="username"]').fill("bientap@demo.hocvuso.vn")
    page.locator('input[name="password"]').fill("hocvuso-demo-2026")
    with page.expect_navigation():
        page.locator('input[name="password"]').press("Enter")
    print("after login", page.url)
    page.goto(live_url(f"/quan-tri/pages/add/hocvuso_cms/articlepage/{news.pk}/"))
    open("/tmp/explore/add.html", "w").write(page.content())
    page.screenshot(path="/tmp/explore/add.png", full_page=True)
    page.locator("button.c-sf-add-button").first.click()
    page.wait_for_timeout(500)
    open("/tmp/explore/chooser.html", "w").write(page.content())
    page.screenshot(path="/tmp/explore/chooser.png", full_page=False)

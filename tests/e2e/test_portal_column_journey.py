"""The portal column's journey: an editor writes an article in the Wagtail admin and submits it, the ward
administrator approves it, and an anonymous visitor finds it on the column home and by searching without
diacritics, where before the approval there was nothing to find.

The admin is in Vietnamese (and partly in Wagtail's English where its catalogue has gaps), so locators use form
field names, workflow action names, icons and URLs, never button labels.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADMIN_SIGN_IN = "/quan-tri/login/"
ADMIN_HOME = "/quan-tri/"
EDITOR_EMAIL = "bientap@demo.hocvuso.vn"
WARD_ADMIN_EMAIL = "quantri@demo.hocvuso.vn"
TITLE = "Lớp học vụ số cho người cao tuổi tổ dân phố số 3"
SUMMARY = "Sáng thứ Bảy hằng tuần, đoàn viên thanh niên hướng dẫn các cụ cài và dùng VNeID trên điện thoại."
PARAGRAPH = "Buổi học đầu tiên có hai mươi cụ tham gia, mỗi cụ được một bạn trẻ kèm riêng."
QUERY = "lop hoc vu so nguoi cao tuoi"  # what a visitor types on a phone keyboard without Vietnamese input
# every word of the query, as the title spells it: the result must mark each one
MARKED_WORDS = {"lớp", "học", "vụ", "số", "người", "cao", "tuổi"}


@pytest.fixture
def column(portal):
    """The column's home and its news list, published below the portal home, as an editor-in-chief sets up."""
    from cms.models import IndexPage, SectionHomePage

    section = portal.objects["home_page"].add_child(
        instance=SectionHomePage(
            title="Bình dân học vụ số",
            slug="binh-dan-hoc-vu-so",
            summary="Tin tức, sự kiện và hướng dẫn của phong trào trong phường.",
        )
    )
    section.save_revision().publish()
    news = section.add_child(instance=IndexPage(title="Tin tức", slug="tin-tuc", kind="articles"))
    news.save_revision().publish()
    return section, news


def _sign_in_to_admin(page: Page, live_url, email: str) -> None:
    from lms.demo_people import DEMO_PASSWORD

    page.goto(live_url(ADMIN_SIGN_IN))
    page.locator('input[name="username"]').fill(email)
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator('input[name="password"]').press("Enter")
    assert page.url == live_url(ADMIN_HOME), f"{email} was not let into the admin: {page.url}"


def _open_footer_actions(page: Page) -> None:
    """The edit form's footer keeps every action but "Save draft" in a drop-up menu."""
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()


def _visit_column_home(visitor: Page, url: str) -> None:
    response = visitor.goto(url)
    assert response is not None and response.status == 200
    # "miss": rendered and stored for the next anonymous visitor; "hit": served from the store
    assert response.headers.get("x-page-cache") in {"miss", "hit"}, "anonymous pages are not cached"


def _links_to(page: Page, url: str):
    return page.locator(f'a[href="{url}"]')


def test_editor_writes_ward_admin_approves_visitor_finds_it(page: Page, new_page, live_url, column):
    from wagtail.models import WorkflowState

    from cms.models import ArticlePage

    section, news = column
    visitor = page  # anonymous, on a phone

    # Before anything is written the column home has no news, and anonymous visitors get it from the cache.
    _visit_column_home(visitor, live_url(section.url))
    expect(visitor.locator("main h1")).to_have_text(section.title)
    expect(visitor.locator("main .card")).to_have_count(0)
    assert visitor.request.get(live_url(section.url)).headers.get("x-page-cache") == "hit"

    # The editor writes the article and submits it; she has no way to publish it herself.
    editor = new_page()
    _sign_in_to_admin(editor, live_url, EDITOR_EMAIL)
    editor.goto(live_url(f"/quan-tri/pages/add/hocvuso_cms/articlepage/{news.pk}/"))
    editor.locator('input[name="title"]').fill(TITLE)
    editor.locator('textarea[name="summary"]').fill(SUMMARY)
    # the body is a StreamField: "+" opens the block menu, the paragraph block is the one with the pilcrow icon
    editor.locator('[data-contentpath="body"] button.c-sf-add-button').first.click()
    editor.locator('[role="option"]:has(svg.icon-pilcrow)').click()
    editor.locator('[data-contentpath="body"] .public-DraftEditor-content').click()
    editor.keyboard.type(PARAGRAPH)
    # Draftail copies what was typed into the block's hidden input a moment later (debounced): a person's hand
    # takes longer to reach the submit button than a script's, so wait for it as they would
    expect(editor.locator('[data-contentpath="body"] input[type="hidden"][name$="-value"]')).to_have_value(
        re.compile(re.escape(PARAGRAPH))
    )
    _open_footer_actions(editor)
    expect(editor.locator('button[name="action-publish"]')).to_have_count(0)
    with editor.expect_navigation():
        editor.locator('footer button[name="action-submit"]').click()
    expect(editor.locator(".messages li.success")).to_be_visible()
    expect(editor.locator(".messages li.error")).to_have_count(0)

    article = ArticlePage.objects.get(title=TITLE)
    assert article.get_parent().pk == news.pk
    assert not article.live and article.owner.email == EDITOR_EMAIL
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = article.get_latest_revision_as_object()
    assert draft.summary == SUMMARY
    assert [block.block_type for block in draft.body] == ["paragraph"]
    assert PARAGRAPH in draft.body[0].value.source
    article_url = draft.get_url()  # the slug the admin made from the title; nothing is served there yet

    # Awaiting review, the article is nowhere for the public: not on the column home, not in search, not at its
    # address. The column home is cached again here, so the visit after the approval also proves that
    # publishing makes the cached copy stale.
    _visit_column_home(visitor, live_url(section.url))
    expect(visitor.locator("main .card")).to_have_count(0)
    response = visitor.goto(live_url(f"/tim-kiem/?q={QUERY.replace(' ', '+')}"))
    assert response is not None and response.status == 200
    expect(visitor.locator('main p[role="status"]')).to_be_visible()  # the count of results: none
    expect(visitor.locator("ol.results")).to_have_count(0)
    response = visitor.goto(live_url(article_url))
    assert response is not None and response.status == 404

    # The ward administrator finds it waiting on her dashboard, reads it and approves it: it is published.
    reviewer = new_page()
    _sign_in_to_admin(reviewer, live_url, WARD_ADMIN_EMAIL)
    waiting = reviewer.locator(f'#awaiting-review-section td.title a[href="/quan-tri/pages/{article.pk}/edit/"]')
    expect(waiting).to_have_text(TITLE)
    with reviewer.expect_navigation():
        waiting.click()
    expect(reviewer.locator('input[name="title"]')).to_have_value(TITLE)
    _open_footer_actions(reviewer)
    # "approve" without a comment; its twin with a modal URL asks for one first
    approve = reviewer.locator(
        'footer button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with reviewer.expect_navigation():
        approve.click()
    expect(reviewer.locator(".messages li.success")).to_be_visible()
    expect(reviewer.locator(".messages li.error")).to_have_count(0)

    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    assert article.current_workflow_state is None
    assert [state.status for state in article.workflow_states] == [WorkflowState.STATUS_APPROVED]

    # The visitor now sees it among the latest news on the column home, and it opens.
    _visit_column_home(visitor, live_url(section.url))
    card = visitor.locator("main .card").filter(has=_links_to(visitor, article.url))
    expect(card).to_have_count(1)
    expect(card.locator(".card-title")).to_have_text(TITLE)
    expect(card).to_contain_text(SUMMARY)

    # She searches from the column home's search box, without diacritics, and every word is marked.
    search_box = visitor.locator('main form[role="search"] input[name="q"]')
    search_box.fill(QUERY)
    with visitor.expect_navigation():
        search_box.press("Enter")
    assert visitor.url.startswith(live_url("/tim-kiem/?"))
    hit = visitor.locator("ol.results > li").filter(has=_links_to(visitor, article.url))
    expect(hit).to_have_count(1)
    expect(hit.locator(".result-title")).to_have_text(TITLE)
    marked = {text.strip().lower() for text in hit.locator("mark").all_inner_texts()}
    unmarked = MARKED_WORDS - marked
    assert not unmarked, f"not marked: {sorted(unmarked)}; marked: {sorted(marked)}"

    with visitor.expect_navigation():
        hit.locator(f'a[href="{article.url}"]').click()
    expect(visitor.locator("main h1")).to_have_text(TITLE)
    expect(visitor.locator("main .body")).to_contain_text(PARAGRAPH)

"""Feeds, sitemap, workflow: how the column reaches people and how it gets published."""

import pytest
from wagtail.models import Page

from cms.tests.factories import article
from lms.roles import Role
from lms.tests.factories import staff

pytestmark = pytest.mark.django_db


def test_rss_and_atom_feeds_list_published_articles(client, column):
    article(column["lists"]["articles"], title="Lớp học vụ số cho người cao tuổi", summary="Mỗi tối thứ Bảy.")
    draft = article(column["lists"]["articles"], title="Bản nháp chưa đăng")
    draft.unpublish()
    rss = client.get("/tin-tuc/rss.xml")
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Lớp học vụ số cho người cao tuổi" in body and "Mỗi tối thứ Bảy." in body
    assert "Bản nháp chưa đăng" not in body
    atom = client.get("/tin-tuc/atom.xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Lớp học vụ số cho người cao tuổi" in atom.content.decode()


def test_sitemap_lists_live_pages(client, column):
    page = article(column["lists"]["articles"])
    body = client.get("/sitemap.xml").content.decode()
    assert page.full_url in body
    assert column["section"].full_url in body


def test_editor_submits_and_only_the_ward_administrator_approves(column):
    editor, ward_admin = staff(Role.EDITOR), staff(Role.WARD_ADMIN)
    page = article(column["lists"]["articles"], title="Bài chờ duyệt")
    page.unpublish()
    page.title = "Bài chờ duyệt (đã sửa)"
    revision = page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == "Duyệt bài chuyên mục Bình dân học vụ số"
    state = workflow.start(page, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert [action for action, _label, _modal in task.get_actions(page, editor)] == []
    assert "approve" in [action for action, _label, _modal in task.get_actions(page, ward_admin)]
    task.on_action(task_state, ward_admin, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.title == "Bài chờ duyệt (đã sửa)"
    assert page.live_revision_id == revision.pk
    logged = Page.objects.get(pk=page.pk).specific
    assert logged.live


def test_who_published_what_is_on_record(column):
    from wagtail.models import PageLogEntry

    ward_admin = staff(Role.WARD_ADMIN)
    page = article(column["lists"]["articles"])
    page.save_revision(user=ward_admin).publish(user=ward_admin)
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest("timestamp")
    assert entry.user == ward_admin

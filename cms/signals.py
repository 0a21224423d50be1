"""What makes cached portal pages stale: any page saved, published, unpublished, moved or deleted (drafts too:
cheap, and never wrong), the site, the column's snippets and images."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .models import ArticleCategory, FaqEntry, FaqTopic


def _shown_models():
    return (Page, Site, ArticleCategory, FaqTopic, FaqEntry, get_image_model())


def _invalidate(**_kwargs) -> None:
    # publishing runs in a transaction: a visitor's request that rendered the old content before it commits
    # must not stay cached under the new version
    page_cache.invalidate_now_and_after_commit()


def _on_change(sender, instance, **kwargs):
    # Page subclasses send with their own class as sender, so filter on the instance instead
    if isinstance(instance, _shown_models()):
        _invalidate()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"hocvuso-cms-{id(signal)}")
    post_save.connect(_on_change, dispatch_uid="hocvuso-cms-post-save")
    post_delete.connect(_on_change, dispatch_uid="hocvuso-cms-post-delete")

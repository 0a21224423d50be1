"""The main menu: the home page's children that editors tick "Show in menus" for, cached with the pages."""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .page_cache import TIMEOUT_SECONDS, version


def _menu_items(request) -> list[dict]:
    key = f"cms:menu:{version()}:{request.get_host()}"
    items = cache.get(key)
    if items is None:
        site = Site.find_for_request(request)
        items = []
        if site is not None:
            children = site.root_page.get_children().live().in_menu().public().only("title", "url_path")
            items = [{"title": page.title, "url": page.get_url(request)} for page in children]
        cache.set(key, items, TIMEOUT_SECONDS)
    return items


def menu(request):
    """Context processor: `portal_menu`, computed only by a template that shows it."""
    return {"portal_menu": SimpleLazyObject(lambda: _menu_items(request))}

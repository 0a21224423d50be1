"""What other hocvuso apps may use from courses. Import from here, never from courses' other modules.

- `course_completed` (sender=Enrolment, enrolment=…): a learner finished a course; sent once, after commit.
  Certificates listen to it.
- `register_completion_rule(rule)`: an extra condition for finishing a course, e.g. the final assessment.
- `catalog_url()`, `search_courses(query)`: for the portal's home page and site search.
"""

from .models import CoursePage, Enrolment
from .selectors import catalog_courses
from .services import register_completion_rule
from .signals import course_completed, lesson_completed

__all__ = [
    "CoursePage",
    "Enrolment",
    "catalog_url",
    "course_completed",
    "lesson_completed",
    "register_completion_rule",
    "search_courses",
]


def catalog_url() -> str | None:
    """The course catalog's address, cached until the next publish ("" cached when there is none)."""
    from django.core.cache import cache

    from .models import CatalogPage
    from .selectors import CACHE_SECONDS, content_generation

    key = f"courses:catalog-url:{content_generation.current()}"
    url = cache.get(key)
    if url is None:
        catalog = CatalogPage.objects.live().public().first()
        url = catalog.url if catalog is not None else ""
        cache.set(key, url, CACHE_SECONDS)
    return url or None


def search_courses(query: str, *, limit: int = 20) -> list[CoursePage]:
    """Live courses matching every word of `query`, with or without diacritics."""
    return list(catalog_courses(q=query)[:limit]) if query.strip() else []

"""Assembling the lesson page, the page learners open most, without rendering it whole for every request.

What every learner sees alike (the site's frame, the lesson's content, the breadcrumbs) is rendered once per
content generation, language, text size and address and kept in the cache as a frame with slots; each request
fills the slots with what is the learner's own (their lesson status, their drawn questions, their outline, the
page's tokens), built by courses.fragments. The frame holds nothing personal: the
CSRF token in it is a slot too. A request that carries flash messages renders its own frame (they are shown in
the site's frame, and only once).
"""

import re

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import json_script

from lms.display import text_size_of

from . import fragments
from .selectors import CACHE_SECONDS, content_generation

SLOTS = {name: f"\x00hocvuso-slot:{name}\x00" for name in ("status", "checkpoint", "actions", "outline", "config")}
CSRF_SLOT = "\x00hocvuso-slot:csrf\x00"
VIEW_SLOT = "\x00hocvuso-slot:view\x00"
# what Django's {% csrf_token %} writes; the frame keeps a slot in its place
_CSRF_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')


def frame_key(request) -> str:
    language = translation.get_language() or "vi"
    return (
        f"courses:lesson-frame:{content_generation.current()}:{language}:{text_size_of(request)}:"
        f"{request.get_host()}:{request.path}"
    )


def _frame(request, context: dict, *, cacheable: bool, cached: str | None) -> str:
    if cached is not None and cacheable:
        return cached
    key = frame_key(request) if cacheable else None
    html = render_to_string("courses/lesson_page.html", {**context, "slots": SLOTS}, request=request)
    frame = _CSRF_INPUT.sub(lambda match: f"{match.group(1)}{CSRF_SLOT}{match.group(2)}", html)
    if key is not None:
        cache.set(key, frame, CACHE_SECONDS)
    return frame


class _Memo:
    """Fragments already built in this process, by everything they depend on (the content generation and the
    language included, so a publish or another language never gets an old one). Learners at the same point of a
    course share them. Bounded: emptied when full."""

    def __init__(self, size: int):
        self.size = size
        self.items: dict = {}

    def get(self, key, build):
        value = self.items.get(key)
        if value is None:
            if len(self.items) >= self.size:
                self.items.clear()
            value = self.items[key] = build()
        return value


_fragments = _Memo(4096)


def _own_parts(context: dict) -> dict[str, str]:
    """The learner's parts of the page, with the CSRF and page-view tokens left as slots."""
    snapshot, outline, state = context["snapshot"], context["outline"], context["state"]
    preview = context["preview"]
    questions = context["checkpoint_questions"]
    passed = bool(state and state["checkpoint_passed"])
    next_lesson = context["next_lesson"]
    next_open = bool(next_lesson and next_lesson.id in context["unlocked_ids"])
    builders = {
        "status": (
            (tuple(state["missing"]), state["completed"]) if state else None,
            lambda: fragments.status_html(snapshot, state),
        ),
        "checkpoint": (
            (tuple(item.id for item in questions), passed),
            lambda: fragments.checkpoint_html(
                snapshot, questions, passed=passed, csrf_token=CSRF_SLOT, preview=preview
            ),
        ),
        "actions": (
            next_open,
            lambda: fragments.actions_html(
                snapshot,
                outline,
                previous_lesson=context["previous_lesson"],
                next_lesson=next_lesson,
                unlocked_ids=context["unlocked_ids"],
                view_token=VIEW_SLOT,
                csrf_token=CSRF_SLOT,
                preview=preview,
            ),
        ),
        "outline": (
            (frozenset(context["completed_ids"]), frozenset(context["unlocked_ids"])),
            lambda: fragments.outline_html(
                outline,
                completed_ids=context["completed_ids"],
                unlocked_ids=context["unlocked_ids"],
                current_id=snapshot.id,
            ),
        ),
    }
    if preview:  # a draft: nothing of it is kept
        return {name: str(build()) for name, (_key, build) in builders.items()}
    common = (content_generation.current(), translation.get_language(), snapshot.id)
    return {
        name: _fragments.get((name, *common, key), lambda build=build: str(build()))
        for name, (key, build) in builders.items()
    }


def lesson_page_response(request, context: dict, *, cached_frame: str | None = None) -> HttpResponse:
    """The page for `context` (see courses.views); `cached_frame`: the frame the view already read from the
    cache under frame_key(request), if any."""
    cacheable = not context.get("preview") and not len(get_messages(request))
    html = _frame(request, context, cacheable=cacheable, cached=cached_frame)
    own = _own_parts(context)
    own["config"] = json_script(context["lesson_config"], "lesson-config")
    for name, slot in SLOTS.items():
        html = html.replace(slot, own[name])
    # the tokens last: they are the only parts that differ on every request
    html = html.replace(CSRF_SLOT, get_token(request)).replace(VIEW_SLOT, context["lesson_config"]["view"])
    return HttpResponse(html)

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


def lesson_page_response(request, context: dict, *, cached_frame: str | None = None) -> HttpResponse:
    """The page for `context` (see courses.views); `cached_frame`: the frame the view already read from the
    cache under frame_key(request), if any."""
    cacheable = not context.get("preview") and not len(get_messages(request))
    frame = _frame(request, context, cacheable=cacheable, cached=cached_frame)
    token = get_token(request)
    snapshot, outline, state = context["snapshot"], context["outline"], context["state"]
    own = {
        "status": fragments.status_html(snapshot, state),
        "checkpoint": fragments.checkpoint_html(
            snapshot,
            context["checkpoint_questions"],
            passed=bool(state and state["checkpoint_passed"]),
            csrf_token=token,
            preview=context["preview"],
        ),
        "actions": fragments.actions_html(
            snapshot,
            outline,
            previous_lesson=context["previous_lesson"],
            next_lesson=context["next_lesson"],
            unlocked_ids=context["unlocked_ids"],
            view_token=context["lesson_config"]["view"],
            csrf_token=token,
            preview=context["preview"],
        ),
        "outline": fragments.outline_html(
            outline,
            completed_ids=context["completed_ids"],
            unlocked_ids=context["unlocked_ids"],
            current_id=snapshot.id,
        ),
        "config": json_script(context["lesson_config"], "lesson-config"),
    }
    html = frame.replace(CSRF_SLOT, token)
    for name, slot in SLOTS.items():
        html = html.replace(slot, own[name])
    return HttpResponse(html)

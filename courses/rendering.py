"""Assembling the lesson page, the page learners open most, without rendering it whole for every request.

What every learner sees alike (the site's frame, the lesson's content, the breadcrumbs) is rendered once per
content generation, language, text size and address and kept in the cache as a frame with slots; each request
fills the slots with what is the learner's own (their lesson status, their drawn questions, their outline, the
page's tokens), built by courses.fragments. The frame holds nothing personal: the CSRF token in it is a slot
too. A request that carries flash messages renders its own frame (they are shown in
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

from lms.cache import ProcessMemo
from lms.display import text_size_of

from . import fragments, selectors
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


def forget_local() -> None:
    """Empty this process's copies (tests empty the shared cache between them)."""
    _local.clear()
    _fragments.clear()


def lesson_and_frame(request, lesson_id: int):
    """The lesson (its course's outline inside) and this address's frame, from this process's memory, else from
    the shared cache in one round trip, else built: (snapshot or None, frame or None)."""
    keys = (selectors.lesson_snapshot_key(lesson_id), frame_key(request))
    snapshot, frame = (_local.get(key) for key in keys)
    if snapshot is None or frame is None:
        found = cache.get_many([key for key, value in zip(keys, (snapshot, frame), strict=True) if value is None])
        snapshot = snapshot if snapshot is not None else found.get(keys[0])
        frame = frame if frame is not None else found.get(keys[1])
    snapshot = selectors.lesson_snapshot(lesson_id, cached=snapshot)
    if snapshot is not None:
        _local.set(keys[0], snapshot)
    if frame is not None:
        _local.set(keys[1], frame)
    return snapshot, frame


def _frame(request, context: dict, *, cacheable: bool, cached: str | None) -> str:
    if cached is not None and cacheable:
        return cached
    key = frame_key(request) if cacheable else None
    html = render_to_string("courses/lesson_page.html", {**context, "slots": SLOTS}, request=request)
    frame = _CSRF_INPUT.sub(lambda match: f"{match.group(1)}{CSRF_SLOT}{match.group(2)}", html)
    if key is not None:
        cache.set(key, frame, CACHE_SECONDS)
    return frame


# the learner's parts, by everything they depend on: learners at the same point of a course share them
_fragments = ProcessMemo(4096)
# frames and lessons already read from the shared cache, kept in this process under the same keys
_local = ProcessMemo(512)


def _own_parts(context: dict) -> dict[str, str]:
    """The learner's parts of the page, with the CSRF and page-view tokens left as slots."""
    snapshot, outline, state = context["snapshot"], context["outline"], context["state"]
    preview = context["preview"]
    questions = context["checkpoint_questions"]
    passed = bool(state and state["checkpoint_passed"])
    next_lesson = context["next_lesson"]
    next_open = bool(next_lesson and next_lesson.id in context["unlocked_ids"])
    results = context.get("assessment_results")
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
            (
                frozenset(context["completed_ids"]),
                frozenset(context["unlocked_ids"]),
                None if results is None else frozenset(results.items()),
            ),
            lambda: fragments.outline_html(
                outline,
                completed_ids=context["completed_ids"],
                unlocked_ids=context["unlocked_ids"],
                current_id=snapshot.id,
                assessment_results=results,
            ),
        ),
    }
    if preview:  # a draft: nothing of it is kept
        return {name: str(build()) for name, (_key, build) in builders.items()}
    common = (content_generation.current(), translation.get_language(), snapshot.id)
    return {
        name: _fragments.get_or_build((name, *common, key), lambda build=build: str(build()))
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

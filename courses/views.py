"""Thin views over courses.services and courses.selectors. The lesson view does not walk Wagtail's page tree:
the lesson's content and its course's outline come from the cache, so a signed-in lesson costs the learner's
own rows only (see the query pins in courses/tests/test_views.py), and courses.rendering assembles the page from
a cached frame."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .models import CoursePage, Enrolment
from .rendering import lesson_and_frame, lesson_page_response
from .services import LearningError

MAX_JSON_BYTES = 64 * 1024


def _player_urls(user, snapshot) -> dict[str, str]:
    from media.api import player_url

    return {activity.block_id: player_url(user=user, package=activity.package_sha) for activity in snapshot.activities}


def _lesson_context(request, *, snapshot, outline, row, state, preview=False) -> dict:
    position = outline.lesson(snapshot.id) if outline else None
    previous_lesson = next_lesson = None
    if position is not None:
        lessons = outline.lessons
        previous_lesson = lessons[position.position - 1] if position.position > 0 else None
        next_lesson = lessons[position.position + 1] if position.position + 1 < len(lessons) else None
    drawn = [
        snapshot.checkpoint[qid] for qid in (row.checkpoint_question_ids if row else []) if qid in snapshot.checkpoint
    ]
    return {
        "snapshot": snapshot,
        "outline": outline,
        "progress": row,
        "state": state,
        "checkpoint_questions": drawn,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "preview": preview,
        "lesson_config": {
            "heartbeatUrl": reverse("courses:heartbeat", args=[snapshot.id]),
            "xapiUrl": reverse("courses:xapi", args=[snapshot.id]),
            "view": "" if preview else services.view_token(user_id=request.user.pk, lesson_id=snapshot.id),
            "players": {} if preview else _player_urls(request.user, snapshot),
            "interval": settings.HOCVUSO_LESSON_HEARTBEAT_SECONDS,
            "preview": preview,
        },
    }


@never_cache
@require_GET
def lesson(request, lesson_id: int, slug: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    snapshot, frame = lesson_and_frame(request, lesson_id)
    if snapshot is None:
        raise Http404
    if slug != snapshot.slug:
        return redirect(selectors.lesson_url(snapshot.id, snapshot.slug), permanent=True)
    outline = snapshot.outline
    enrolment, rows = selectors.studying_enrolment_with_progress(user=request.user, course_id=snapshot.course_id)
    if enrolment is None:
        messages.info(request, _("Enrol in the course to open its lessons."))
        return redirect(outline.url if outline else "/")
    completed = selectors.completed_lesson_ids(rows)
    if not outline.is_unlocked(snapshot.id, completed):
        resume = outline.resume_lesson(completed, None)
        return render(
            request,
            "courses/lesson_locked.html",
            {"snapshot": snapshot, "outline": outline, "resume": resume},
            status=403,
        )
    row = services.open_lesson(enrolment=enrolment, snapshot=snapshot, rows=rows)
    state = services.lesson_state(snapshot=snapshot, row=row)
    context = _lesson_context(request, snapshot=snapshot, outline=outline, row=row, state=state)
    context["completed_ids"] = completed | ({snapshot.id} if row.completed_at else frozenset())
    context["unlocked_ids"] = outline.unlocked_ids(context["completed_ids"])
    # the copy kept on the enrolment row the progress query already read: no query of the assessment engine here
    context["assessment_results"] = selectors.stored_assessment_results(enrolment)
    return lesson_page_response(request, context, cached_frame=frame)


def render_lesson_preview(request, page):
    """Wagtail's preview: the lesson as a learner sees it, with nothing recorded."""
    snapshot = selectors.build_lesson_snapshot(page)
    outline = selectors.course_outline(snapshot.course_id)
    context = _lesson_context(request, snapshot=snapshot, outline=outline, row=None, state=None, preview=True)
    context["checkpoint_questions"] = list(snapshot.checkpoint.values())[: snapshot.checkpoint_size]
    context["completed_ids"] = context["unlocked_ids"] = frozenset()
    return lesson_page_response(request, context)


def _json_body(request) -> dict:
    if len(request.body) > MAX_JSON_BYTES:
        raise LearningError(_("Too much data in one message."), code="too_large", status=413)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise LearningError(_("The message could not be read."), code="malformed") from None
    if not isinstance(data, dict):
        raise LearningError(_("The message could not be read."), code="malformed")
    return data


def _refused(error: LearningError) -> JsonResponse:
    return JsonResponse({"error": error.code, "message": str(error)}, status=error.status)


def _signed_in_json(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse(
                {"error": "signed_out", "message": _("You are signed out. Sign in again to carry on.")}, status=401
            )
        try:
            return view(request, *args, **kwargs)
        except LearningError as error:
            return _refused(error)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@require_POST
@_signed_in_json
def lesson_heartbeat(request, lesson_id: int):
    """The lesson page reports, every few seconds while it is in view: time in view, video segments played."""
    return JsonResponse(services.record_heartbeat(user=request.user, lesson_id=lesson_id, data=_json_body(request)))


@require_POST
@_signed_in_json
def lesson_xapi(request, lesson_id: int):
    """xAPI statements from the lesson's H5P activities, forwarded by the lesson page."""
    data = _json_body(request)
    state = services.record_xapi(
        user=request.user,
        lesson_id=lesson_id,
        block_id=str(data.get("block", ""))[:64],
        statement=data.get("statement"),
    )
    return JsonResponse(state)


def _back_to_lesson(lesson_id: int):
    snapshot = selectors.lesson_snapshot(lesson_id)
    if snapshot is None:
        raise Http404
    return HttpResponseRedirect(selectors.lesson_url(snapshot.id, snapshot.slug))


@require_POST
def lesson_checkpoint(request, lesson_id: int):
    """Answers to the lesson's checkpoint questions; a plain form, so it works without JavaScript."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    answers = {
        key.removeprefix("cau-"): value
        for key, value in request.POST.items()
        if key.startswith("cau-") and len(key) < 20
    }
    try:
        outcome = services.answer_checkpoint(user=request.user, lesson_id=lesson_id, answers=answers)
    except LearningError as error:
        messages.error(request, str(error))
        return _back_to_lesson(lesson_id)
    results = outcome.get("results", [])
    if outcome["checkpoint_passed"]:
        messages.success(request, _("Well done: every answer is right."))
    elif results:
        wrong = [result["item"] for result in results if not result["correct"]]
        explanations = " ".join(item.explanation for item in wrong if item.explanation)
        messages.error(
            request,
            _("Some answers are not right yet. %(explanations)s Read the lesson again and try the new questions.")
            % {"explanations": explanations},
        )
    return _back_to_lesson(lesson_id)


@require_POST
def lesson_finish_reading(request, lesson_id: int):
    """“I have finished reading”, for pages open without JavaScript."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        services.finish_reading(user=request.user, lesson_id=lesson_id, view=request.POST.get("view", ""))
    except LearningError as error:
        messages.error(request, str(error))
    return _back_to_lesson(lesson_id)


@require_POST
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    try:
        enrolment = services.enrol(user=request.user, course=course)
    except LearningError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    if enrolment.status == Enrolment.Status.PENDING:
        messages.info(request, _("Your request is sent. The ward office will approve it soon."))
        return redirect(course.url)
    messages.success(request, _("You are enrolled. Start with the first lesson."))
    outline = selectors.course_outline(course.pk)
    state = selectors.learner_course_state(user=request.user, outline=outline)
    return redirect(state.resume.url if state.resume else course.url)


@require_POST
def unenrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    services.unenrol(user=request.user, course=course)
    messages.info(request, _("You left the course. Your progress is kept if you come back."))
    return redirect(course.url)


@never_cache
@require_GET
def my_learning(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    from .api import catalog_url

    return render(
        request,
        "courses/my_learning.html",
        {"items": selectors.my_learning(request.user), "catalog_url": catalog_url()},
    )

"""The learner's pages: a test's introduction, the attempt (plain forms that work without JavaScript, enhanced by
autosave and a countdown), the review-and-submit step, the result, uploaded files, and "My digital competence".

Thin: reads come from selectors, every change from services; a refusal from the engine (AttemptError) is shown
with its Vietnamese reason and a fitting status, and changes nothing.
"""

import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import files, selectors, services
from .errors import AttemptError
from .models import Attempt, AttemptItem, AttemptStatus

# An autosave carries text answers only (files go with the page's own buttons): 20 long answers fit.
MAX_AUTOSAVE_BYTES = 1024 * 1024
FILE_FIELD = re.compile(r"^q(\d+)-file$")
STATUS = {
    "not_found": 404,
    "not_yours": 403,
    "not_allowed": 403,
    "stale": 409,
    "closed": 409,
    "late": 409,
    "not_open": 409,
    "no_attempts_left": 409,
    "bank_too_small": 409,
    "unknown_item": 400,
    "bad_answer": 400,
    "too_large": 413,
}


def _status(error: AttemptError) -> int:
    return STATUS.get(error.code, 400)


def _signed_in(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _attempt_url(attempt_id: int, question: int | None = None) -> str:
    url = reverse("assessments:attempt", args=[attempt_id])
    return f"{url}?cau={question}" if question else url


def _result_url(attempt_id: int) -> str:
    return reverse("assessments:result", args=[attempt_id])


# --- the introduction ------------------------------------------------------------------------------------------


def _intro_response(request, assessment, *, error: AttemptError | None = None):
    context = {"intro": selectors.intro(user=request.user, assessment=assessment), "error": error}
    return render(request, "assessments/intro.html", context, status=_status(error) if error else 200)


def _assessment_or_404(slug: str):
    assessment = selectors.published_assessment(slug)
    if assessment is None:
        raise Http404
    return assessment


@never_cache
@require_GET
@_signed_in
def intro(request, slug: str):
    return _intro_response(request, _assessment_or_404(slug))


@require_POST
@_signed_in
def start(request, slug: str):
    """Start (or resume) an attempt; a refusal shows on the introduction."""
    assessment = _assessment_or_404(slug)
    try:
        attempt = services.start_attempt(user=request.user, assessment=assessment)
    except AttemptError as error:
        return _intro_response(request, assessment, error=error)
    return HttpResponseRedirect(_attempt_url(attempt.pk))


# --- answering --------------------------------------------------------------------------------------------------


def _positions(values) -> set[int]:
    found = set()
    for value in values:
        try:
            found.add(int(value))
        except (TypeError, ValueError):
            continue  # the engine refuses it (unknown_item) with the rest of the request
    return found


def _save(request, attempt_id: int, *, submit: bool = False) -> Attempt:
    """Store the answers the page sent (and its uploads) through the engine; AttemptError if it refuses.

    Form data is copied without any `…-file_meta` field: a file's description is made here, from a file that
    passed the checks, or repeated from the one stored earlier — never taken from the browser."""
    data = {key: request.POST.getlist(key) for key in request.POST if not key.endswith("-file_meta")}
    shown = _positions(data.get("shown", []))
    uploads = {}
    for key in request.FILES:
        match = FILE_FIELD.match(key)
        if not match:
            raise AttemptError("unknown_item")
        if len(request.FILES.getlist(key)) > 1:
            raise AttemptError("bad_answer", _("Send one file per task."))
        uploads[int(match.group(1))] = request.FILES[key]
    practical = {}
    if shown or uploads:
        rows = AttemptItem.objects.filter(attempt_id=attempt_id, item__kind="practical").select_related(
            "item", "version", "attempt"
        )
        practical = {row.position: row for row in rows}
    checked = []
    if uploads:
        owner = Attempt.objects.filter(pk=attempt_id).values_list("user_id", flat=True).first()
        if owner is None:
            raise AttemptError("not_found")
        if owner != request.user.pk:
            raise AttemptError("not_yours")
        for position, upload in sorted(uploads.items()):
            if position not in practical or position not in shown:
                raise AttemptError("unknown_item")
            checked.append((position, files.check_upload(practical[position], upload)))
    for position, row in practical.items():
        stored = (row.response or {}).get("file")
        if position in shown and position not in uploads and isinstance(stored, dict):
            data[f"q{position}-file_meta"] = [stored]
    service = services.submit_attempt if submit else services.save_answers
    sequence = request.POST.get("sequence")
    if not checked:
        return service(attempt_id=attempt_id, user=request.user, sequence=sequence, data=data)
    # The files are written first (their description goes with the answer); if the engine refuses, they go.
    try:
        with transaction.atomic():
            for position, entry in checked:
                files.store(entry)
                data[f"q{position}-file_meta"] = [entry.meta]
            saved = service(attempt_id=attempt_id, user=request.user, sequence=sequence, data=data)
            for _position, entry in checked:
                entry.record.save()
    except BaseException as error:
        files.discard([entry for _position, entry in checked])
        if isinstance(error, AttemptError) and error.code == "late":
            _close_at_deadline(attempt_id)  # the engine closed it, but inside this rolled-back transaction
        raise
    return saved


def _close_at_deadline(attempt_id: int) -> None:
    # The engine refused the late answer; the attempt closes with what was saved before the deadline.
    attempt = Attempt.objects.filter(pk=attempt_id, status=AttemptStatus.IN_PROGRESS).first()
    if attempt is not None and selectors.is_past_deadline(attempt):
        services.close_attempt(attempt, closed_by=Attempt.ClosedBy.DEADLINE)


def _refused(request, error: AttemptError, attempt_id: int):
    attempt = None
    if error.code not in ("not_found", "not_yours"):
        attempt = selectors.owned_attempt(user=request.user, attempt_id=attempt_id)
    return render(
        request,
        "assessments/refused.html",
        {"error": error, "attempt": attempt, "question": _int(request.POST.get("current"))},
        status=_status(error),
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _open_attempt_or_redirect(request, attempt_id: int):
    """The learner's open attempt, or where to go instead (404 for someone else's)."""
    attempt = selectors.owned_attempt(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    if attempt.status == AttemptStatus.IN_PROGRESS and selectors.is_past_deadline(attempt):
        services.close_attempt(attempt, closed_by=Attempt.ClosedBy.DEADLINE)
        messages.info(request, _("Time is up. Your test was handed in with the answers saved before the deadline."))
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return attempt, HttpResponseRedirect(_result_url(attempt.pk))
    return attempt, None


@never_cache
@require_http_methods(["GET", "POST"])
@_signed_in
def attempt(request, attempt_id: int):
    """The attempt page. GET shows it; POST (the page's own buttons, without JavaScript) saves the answers and
    moves on: to another question, to the review-and-submit step, or (placement) to the next question."""
    if request.method == "POST":
        return _attempt_post(request, attempt_id)
    current, elsewhere = _open_attempt_or_redirect(request, attempt_id)
    if elsewhere:
        return elsewhere
    page = selectors.attempt_page(current, question=_int(request.GET.get("cau")))
    if page.placement and not page.questions:
        return HttpResponseRedirect(_result_url(current.pk))
    return render(request, "assessments/attempt.html", {"page": page, "attempt": current, "now": timezone.now()})


def _attempt_post(request, attempt_id: int):
    action = request.POST.get("action", "save")
    current = _int(request.POST.get("current"))
    try:
        saved = _save(request, attempt_id)
    except AttemptError as error:
        return _refused(request, error, attempt_id)
    if saved.status != AttemptStatus.IN_PROGRESS:
        return HttpResponseRedirect(_result_url(attempt_id))  # a placement test that has seen enough
    if saved.assessment.kind == saved.assessment.Kind.PLACEMENT:
        return HttpResponseRedirect(_attempt_url(attempt_id))
    if action == "review":
        return HttpResponseRedirect(reverse("assessments:submit", args=[attempt_id]))
    if action == "next" and current:
        return HttpResponseRedirect(_attempt_url(attempt_id, current + 1))
    if action == "previous" and current:
        return HttpResponseRedirect(_attempt_url(attempt_id, max(current - 1, 1)))
    if action.startswith("goto-") and _int(action.removeprefix("goto-")):
        return HttpResponseRedirect(_attempt_url(attempt_id, _int(action.removeprefix("goto-"))))
    messages.success(request, _("Saved at %(time)s.") % {"time": formats.time_format(timezone.localtime(), "H:i:s")})
    return HttpResponseRedirect(_attempt_url(attempt_id, current))


def _json_refusal(error: AttemptError) -> JsonResponse:
    return JsonResponse({"ok": False, "code": error.code, "message": str(error.message)}, status=_status(error))


@require_POST
def autosave(request, attempt_id: int):
    """The page's JavaScript saves the answers every little while: `{"ok", "sequence", "saved_at"}`."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"ok": False, "code": "signed_out", "message": _("You are signed out. Sign in again to carry on.")},
            status=401,
        )
    if _int(request.META.get("CONTENT_LENGTH")) is None or int(request.META["CONTENT_LENGTH"]) > MAX_AUTOSAVE_BYTES:
        return _json_refusal(AttemptError("too_large", _("Too much data in one message.")))
    if request.FILES:
        return _json_refusal(AttemptError("bad_answer", _("Files are sent with the Save button.")))
    try:
        saved = _save(request, attempt_id)
    except AttemptError as error:
        return _json_refusal(error)
    return JsonResponse(
        {
            "ok": True,
            "sequence": saved.sequence,
            "saved_at": timezone.now().isoformat(),
            "open": saved.status == AttemptStatus.IN_PROGRESS,
        }
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_signed_in
def submit(request, attempt_id: int):
    """The review-and-submit step: which questions have no answer yet, then the button that hands the test in."""
    if request.method == "POST":
        try:
            _save(request, attempt_id, submit=True)
        except AttemptError as error:
            return _refused(request, error, attempt_id)
        return HttpResponseRedirect(_result_url(attempt_id))
    current, elsewhere = _open_attempt_or_redirect(request, attempt_id)
    if elsewhere:
        return elsewhere
    questions = selectors.attempt_summary(current)
    return render(
        request,
        "assessments/submit.html",
        {
            "attempt": current,
            "questions": questions,
            "unanswered": [question for question in questions if not question.answered],
        },
    )


# --- after the attempt --------------------------------------------------------------------------------------------


@never_cache
@require_GET
@_signed_in
def result(request, attempt_id: int):
    """Score and, as the assessment's feedback policy allows, the review of every question. Only its learner."""
    found = selectors.owned_attempt(user=request.user, attempt_id=attempt_id)
    if found is None:
        raise Http404
    if found.status == AttemptStatus.IN_PROGRESS:
        return HttpResponseRedirect(_attempt_url(found.pk))
    from django.conf import settings

    return render(
        request,
        "assessments/result.html",
        {
            "outcome": selectors.result(found),
            "attempt": found,
            "catalog_url": getattr(settings, "HOCVUSO_CATALOG_URL", "/khoa-hoc/"),
        },
    )


@require_GET
@_signed_in
def response_file(request, file_id: int):
    """A file a learner uploaded: to that learner, to examiners and superusers; 404 for anyone else."""
    record = selectors.response_file_for(user=request.user, file_id=file_id)
    if record is None:
        raise Http404
    return files.private_file_response(record)


@never_cache
@require_GET
@_signed_in
def competence(request):
    """ "My digital competence": the level on each component, its evidence and history, and confirmations."""
    return render(request, "assessments/competence.html", {"profile": selectors.competence_profile(request.user)})

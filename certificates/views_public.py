"""What anyone may open without signing in: the verification page a certificate's QR code opens, its JSON API,
the upload box that checks a credential file or JWT, and what other verifiers fetch (the issuer's DID document,
the status lists, the credential and achievement ids).

Thin: every verdict comes from `certificates.verification`. The page, the API and the upload are rate limited
per client address (`lms.ratelimit`); the documents verifiers fetch are not (they are small, cacheable and
the same for everyone), but are cached for at most a minute where a revocation must show (status lists).
"""

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from lms.ratelimit import Limit, client_address

from . import did, openbadges, services, verification
from .forms import CredentialUploadForm, SerialLookupForm
from .models import Achievement, StatusList

# the page and the API share a budget: a person checks a handful, a scraper typing serials is slowed down
VERIFY_PER_ADDRESS = Limit("certificates:verify", attempts=60, window_seconds=60)
# checking an uploaded file canonicalizes JSON-LD (milliseconds of CPU each): a smaller budget
UPLOAD_PER_ADDRESS = Limit("certificates:verify-upload", attempts=10, window_seconds=60)

STATUS_LIST_MAX_AGE = 60  # a revocation reaches verifiers within a minute (issue 7)
DID_MAX_AGE = 300
JSON_LD = "application/ld+json"
STATUS = {verification.State.NOT_FOUND: 404, verification.State.TOO_LARGE: 413}


def _over_limit(limit: Limit, request) -> bool:
    subject = client_address(request)
    if limit.exceeded(subject):
        return True
    limit.record(subject)
    return False


def _too_many_message() -> str:
    return _("Too many checks from your connection. Please wait a minute and try again.")


def _too_many_html(request):
    response = render(request, "certificates/verify.html", {"limited": True, "message": _too_many_message()})
    response.status_code = 429
    response["Retry-After"] = "60"
    return response


def _too_many_json():
    response = _json({"state": "rate_limited", "message": _too_many_message()}, status=429)
    response["Retry-After"] = "60"
    return response


def _json(data, *, status: int = 200, content_type: str = "application/json", max_age: int | None = None):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = f"{content_type}; charset=utf-8" if content_type == "application/json" else content_type
    response["Access-Control-Allow-Origin"] = "*"
    if max_age is not None:
        patch_cache_control(response, public=True, max_age=max_age)
    return response


# --- the verification page (what the QR code opens) and the credential's id ---------------------------------


@require_GET
def verify(request, serial: str):
    """`/xac-minh/<serial>/`: for a person the verdict page; for a machine asking for JSON, the same verdict as
    the API, with the name masked. Never the signed credential itself: serials run in order, and the credential
    carries the holder's full name; the holder hands the file over, and our DID document and status lists let
    anyone check it."""
    wanted = request.get_preferred_type(["text/html", JSON_LD, "application/json"])
    if wanted in (JSON_LD, "application/json"):
        return _vary(verify_api(request, serial))
    if _over_limit(VERIFY_PER_ADDRESS, request):
        return _too_many_html(request)
    canonical = verification.normalize_serial(serial)
    if canonical != serial and verification.SERIAL.fullmatch(canonical):
        return HttpResponseRedirect(reverse("certificates:verify", args=[canonical]))
    verdict = verification.check_serial(serial)
    response = render(
        request,
        "certificates/verify.html",
        {"verdict": verdict, "lookup": SerialLookupForm(), "did_url": reverse("certificates:did_document")},
        status=STATUS.get(verdict.state, 200),
    )
    patch_vary_headers(response, ["Accept"])
    # a revocation shows within a minute; private: the page frame names a signed-in visitor
    patch_cache_control(response, private=True, max_age=60)
    return response


def _vary(response):
    patch_vary_headers(response, ["Accept"])
    return response


@require_GET
def lookup(request):
    """The serial typed into the form: to its page (the form works without JavaScript)."""
    form = SerialLookupForm(request.GET)
    if form.is_valid():
        serial = verification.normalize_serial(form.cleaned_data["so"])
        if verification.SERIAL.fullmatch(serial):
            return HttpResponseRedirect(reverse("certificates:verify", args=[serial]))
        return HttpResponseRedirect(reverse("certificates:verify", args=[serial[:40] or "-"]))
    return HttpResponseRedirect(reverse("certificates:upload"))


@require_GET
def verify_api(request, serial: str):
    """`/xac-minh/api/<serial>/`: the page's verdict as JSON (the holder's name masked, as on the page)."""
    if _over_limit(VERIFY_PER_ADDRESS, request):
        return _too_many_json()
    verdict = verification.check_serial(serial)
    response = _json(verdict.as_json(), status=STATUS.get(verdict.state, 200))
    patch_cache_control(response, max_age=60)
    return response


# --- checking a credential file or JWT ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def upload(request):
    """`/xac-minh/`: look a serial up, or check a credential file / pasted JSON / JWT (CSRF-protected form)."""
    verdict = None
    form = CredentialUploadForm()
    status = 200
    if request.method == "POST":
        if _over_limit(UPLOAD_PER_ADDRESS, request):
            return _too_many_html(request)
        form = CredentialUploadForm(request.POST, request.FILES)
        if form.is_valid():
            verdict = verification.check_document(form.document())
            form = CredentialUploadForm()
        else:
            status = (
                413 if any(e.code == "too_large" for errors in form.errors.as_data().values() for e in errors) else 400
            )
    return render(
        request,
        "certificates/verify_upload.html",
        {"form": form, "lookup": SerialLookupForm(), "verdict": verdict},
        status=status,
    )


@csrf_exempt  # no cookie, no session, no change: a stateless check other sites and apps call
@require_http_methods(["POST", "OPTIONS"])
def check_api(request):
    """`POST /xac-minh/api/kiem-tra/`: the body is the credential (JSON) or its JWT; the verdict as JSON."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type"
        response["Access-Control-Max-Age"] = "86400"
        return response
    if _over_limit(UPLOAD_PER_ADDRESS, request):
        return _too_many_json()
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > verification.MAX_DOCUMENT_BYTES:
        verdict = verification.Verdict(verification.State.TOO_LARGE, detail=f"{length} bytes")
    else:
        verdict = verification.check_document(request.read(verification.MAX_DOCUMENT_BYTES + 1))
    return _json(verdict.as_json(), status=STATUS.get(verdict.state, 200))


# --- what verifiers fetch -----------------------------------------------------------------------------------------


@require_GET
def did_document(request):
    """`/.well-known/did.json`: the issuer's did:web document, every key (retired ones too)."""
    document = did.did_document(services.site_host())
    return _json(document, content_type="application/did+json", max_age=DID_MAX_AGE)


@require_GET
def status_list_credential(request, list_id: int):
    """The signed Bitstring Status List credential a certificate's `statusListCredential` names."""
    stored = StatusList.objects.filter(pk=list_id).values_list("credential_json", flat=True).first()
    if not stored:
        return _json({"error": "not found"}, status=404)
    return _json(stored, content_type=JSON_LD, max_age=STATUS_LIST_MAX_AGE)


@require_GET
def achievement(request, achievement_id: int):
    """The `Achievement` a credential's `credentialSubject.achievement.id` names, as JSON-LD."""
    found = Achievement.objects.filter(pk=achievement_id).first()
    if found is None:
        return _json({"error": "not found"}, status=404)
    document = {
        "@context": list(openbadges.CONTEXT),
        "id": services.achievement_url(found.pk),
        "type": ["Achievement"],
        "name": found.name,
        "description": found.wording,
        "criteria": {"narrative": found.criteria},
    }
    achievement_type = services.ACHIEVEMENT_TYPES.get(found.kind)
    if achievement_type:
        document["achievementType"] = achievement_type
    return _json(document, content_type=JSON_LD, max_age=DID_MAX_AGE)

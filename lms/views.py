import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import privacy, services
from .display import remember_text_size
from .forms import EraseAccountForm, ProfileForm, QueuedPasswordResetForm, SignInForm, SignUpForm, TextSizeForm
from .health import database_state, redis_state
from .selectors import profile_for


def _safe_next(request, candidate: str | None, fallback: str = "/") -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("lms:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.register_learner(
                identifier=data["identifier"],
                password=data["password1"],
                full_name=data["full_name"],
                date_of_birth=data["date_of_birth"],
                target_group=data["target_group"],
                ward=data.get("ward"),
                residential_group=data.get("residential_group"),
                organisation=data.get("organisation", ""),
                accessibility_needs=data.get("accessibility_needs"),
                accessibility_notes=data.get("accessibility_notes", ""),
            )
        except IntegrityError:
            # a second request with the same email or phone won the race between our check and the insert
            form.add_error("identifier", _("An account with this email or phone number already exists."))
        else:
            login(request, user, backend="lms.backends.EmailOrPhoneBackend")
            messages.success(request, _("Your account is ready. Welcome!"))
            return redirect(_safe_next(request, request.GET.get("next"), "/"))
    return render(request, "lms/sign_up.html", {"form": form}, status=400 if form.errors else 200)


class SignInView(auth_views.LoginView):
    template_name = "lms/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        learner = profile_for(form.get_user())
        if learner is not None:
            remember_text_size(response, self.request, learner.preferred_text_size)
        return response


class SignOutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "lms/password_reset.html"
    form_class = QueuedPasswordResetForm
    email_template_name = "lms/email/password_reset.txt"
    subject_template_name = "lms/email/password_reset_subject.txt"
    success_url = reverse_lazy("lms:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "lms/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "lms/password_reset_confirm.html"
    success_url = reverse_lazy("lms:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "lms/password_reset_complete.html"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    learner = profile_for(request.user)
    if learner is None:
        return render(request, "lms/profile_missing.html", status=404)
    form = ProfileForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        services.update_profile(profile=learner, **{name: form.cleaned_data[name] for name in form.Meta.fields})
        messages.success(request, _("Your profile is saved."))
        response = redirect("lms:profile")
        remember_text_size(response, request, learner.preferred_text_size)
        return response
    return render(request, "lms/profile.html", {"form": form, "profile": learner}, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """See what is kept, download it all, or erase the account (the person's rights under Law 91/2025)."""
    erase_form = EraseAccountForm(request.POST if request.POST.get("action") == "erase" else None, user=request.user)
    if request.method == "POST" and request.POST.get("action") == "download":
        data = privacy.export_personal_data(user=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="du-lieu-cua-toi.json"'
        return response
    if request.method == "POST" and erase_form.is_valid():
        user = request.user
        logout(request)
        privacy.erase_account(user=user)
        messages.success(request, _("Your account and all its data have been deleted."))
        return redirect("/")
    return render(
        request,
        "lms/my_data.html",
        {"erase_form": erase_form, "profile": profile_for(request.user)},
        status=400 if erase_form.errors else 200,
    )


@require_GET
def text_size(request):
    """The text-size switch is a plain link (no JavaScript, no form), so the pages that carry it can be cached.
    It only changes how pages look: a forged link can do no more than enlarge someone's text."""
    form = TextSizeForm(request.GET)
    target = _safe_next(request, request.GET.get("next"), "/")
    response = HttpResponseRedirect(target)
    if form.is_valid():
        size = form.cleaned_data["size"]
        if request.user.is_authenticated:
            services.set_text_size(user=request.user, size=size)
        remember_text_size(response, request, size)
    return response


@require_GET
def switch_language(request):
    """A link, like the text-size switch: Django's set_language wants a POST form, which a cached page cannot
    carry."""
    target = _safe_next(request, request.GET.get("next"), "/")
    response = HttpResponseRedirect(target)
    code = request.GET.get("lang")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@never_cache
@require_GET
def healthz(request):
    database, cache = database_state(), redis_state()
    status = "ok" if database == "ok" and cache in {"ok", "not_configured"} else "degraded"
    if database != "ok":
        status = "down"
    return JsonResponse(
        {"status": status, "database": database, "redis": cache}, status=503 if database != "ok" else 200
    )


@require_GET
def benchmark_floor(request):
    """A bare Django view: the floor every benchmark is compared with. Only routed when a benchmark asks."""
    return HttpResponse(b"ok", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)

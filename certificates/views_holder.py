"""The holder's side: "Chứng nhận của tôi" lists the signed-in learner's certificates, each with its status and
the ways to use it (the PDF, the credential as JSON-LD and as a JWT, the verification link to share, and an
"add to LinkedIn profile" link). Another person's certificate is a 404, never a 403: a serial says nothing.

Two queries for the page however many certificates (the session's account, then the certificates with their
achievements and the certificate that replaced each); a download reads one certificate."""

import dataclasses
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import downloads, services
from .models import IssuedCredential

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


class Status:
    VALID = "valid"
    REVOKED = "revoked"
    REPLACED = "replaced"
    EXPIRED = "expired"
    PREPARING = "preparing"


@dataclasses.dataclass
class HeldCertificate:
    credential: IssuedCredential
    status: str
    status_text: str
    verify_url: str
    linkedin_url: str | None

    @property
    def usable(self) -> bool:
        return self.status in (Status.VALID, Status.EXPIRED)


def holder_credentials(user):
    """The user's own certificates, newest first, in one query."""
    return (
        IssuedCredential.objects.filter(user=user)
        .select_related("achievement", "replaced_by")
        .defer("credential_json", "jwt", "achievement__criteria")
        .order_by("-issued_at", "-pk")
    )


def own_credential(user, serial: str) -> IssuedCredential:
    credential = IssuedCredential.objects.select_related("achievement").filter(user=user, serial=serial).first()
    if credential is None:
        raise Http404(_("No such certificate."))
    return credential


def status_of(credential: IssuedCredential, *, now) -> tuple[str, str]:
    if credential.revoked:
        replacement = getattr(credential, "replaced_by", None)
        if replacement is not None:
            return Status.REPLACED, _("Replaced by certificate %(serial)s") % {"serial": replacement.serial}
        return Status.REVOKED, _("Revoked: %(reason)s") % {"reason": credential.revoke_reason}
    if credential.valid_until is not None and credential.valid_until <= now:
        return Status.EXPIRED, _("Expired")
    if not credential.signed:
        return Status.PREPARING, _("Being prepared, come back in a few minutes")
    return Status.VALID, _("Valid")


def linkedin_url(credential: IssuedCredential, verify_url: str) -> str:
    """LinkedIn's "Add to profile" link for a certification (no account or organisation id needed)."""
    issued = timezone.localtime(credential.issued_at)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": credential.achievement.name,
        "organizationName": credential.achievement.issuer_name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
    }
    if credential.valid_until is not None:
        until = timezone.localtime(credential.valid_until)
        params.update(expirationYear=until.year, expirationMonth=until.month)
    params.update(certUrl=verify_url, certId=credential.serial)
    return f"{LINKEDIN_ADD}?{urlencode(params)}"


def held(credential: IssuedCredential, *, now) -> HeldCertificate:
    status, text = status_of(credential, now=now)
    verify_url = services.verification_url(credential.serial)
    return HeldCertificate(
        credential=credential,
        status=status,
        status_text=text,
        verify_url=verify_url,
        linkedin_url=linkedin_url(credential, verify_url) if status == Status.VALID else None,
    )


@require_GET
@login_required
def mine(request):
    now = timezone.now()
    certificates = [held(credential, now=now) for credential in holder_credentials(request.user)]
    return render(request, "certificates/mine.html", {"certificates": certificates})


@require_GET
@login_required
def download_pdf(request, serial):
    return downloads.pdf_response(own_credential(request.user, serial), by=request.user)


@require_GET
@login_required
def download_json(request, serial):
    return downloads.json_response(own_credential(request.user, serial), by=request.user)


@require_GET
@login_required
def download_jwt(request, serial):
    return downloads.jwt_response(own_credential(request.user, serial), by=request.user)

"""The register of issued certificates in the Wagtail admin: the list (filters by achievement, ward and status;
search by name with or without diacritics, or by serial), one certificate with its audit trail, revoking it with
a reason, re-issuing it, the PDF as the holder gets it, and the XLSX export of what the list shows.

Views stay thin: who sees what comes from `staff.selectors`, every change from `certificates.services`, and a
refusal (PermissionDenied, ValidationError, IssuanceRefused) is shown as a message with nothing changed."""

from abc import ABC, abstractmethod

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.api import StableOrdering

from .. import downloads, export, services
from ..models import IssuedCredential
from . import selectors
from .forms import CredentialFilterSet, ReasonForm

NS = "hocvuso_certificates_staff"
TEMPLATES = "certificates/staff"


class RegisterPolicy(BasePermissionPolicy):
    """Every screen of the register needs the one permission to revoke and re-issue."""

    def user_has_permission(self, user, action):
        return selectors.may_manage(user)

    def user_has_any_permission(self, user, actions):
        return selectors.may_manage(user)


register_policy = RegisterPolicy(IssuedCredential)


def _filtered(request):
    """The certificates the list shows for this request's filters and search (the export writes the same)."""
    queryset = selectors.visible_credentials(request.user)
    filters = CredentialFilterSet(request.GET or None, queryset=queryset, request=request)
    if filters.is_bound and filters.is_valid():
        queryset = filters.qs
    return selectors.search(queryset, request.GET.get("q", ""))


class CredentialIndexView(StableOrdering, IndexView):
    model = IssuedCredential
    permission_policy = register_policy
    filterset_class = CredentialFilterSet
    is_searchable = True
    search_kwarg = "q"
    paginate_by = 50
    page_title = gettext_lazy("Issued certificates")
    header_icon = "doc-full"
    default_ordering = "-issued_at"
    index_url_name = f"{NS}:index"
    index_results_url_name = f"{NS}:index_results"
    verbose_name = gettext_lazy("certificate")
    verbose_name_plural = gettext_lazy("certificates")

    def get_base_queryset(self):
        return selectors.visible_credentials(self.request.user)

    def search_queryset(self, queryset):
        return selectors.search(queryset, self.search_query or "")

    tie_break = "-pk"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "serial",
                label=_("Serial number"),
                accessor="serial",
                sort_key="serial",
                get_url=lambda row: reverse(f"{NS}:detail", args=[row.pk]),
            ),
            Column("holder", label=_("Holder (as issued)"), accessor="holder_name", sort_key="holder_name"),
            Column("ward", label=_("Ward"), accessor=selectors.ward_name),
            Column("achievement", label=_("Achievement"), accessor="achievement.name", sort_key="achievement__name"),
            DateColumn("issued_at", label=_("Issued on"), sort_key="issued_at"),
            Column("status", label=_("Status"), accessor=selectors.status_label),
        ]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Issued certificates")}

    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        url = reverse(f"{NS}:export") + (f"?{query}" if query else "")
        return [HeaderButton(_("Export to Excel (XLSX)"), url=url, icon_name="download")]


class _CredentialMixin(PermissionCheckedMixin):
    permission_policy = register_policy
    permission_required = "view"

    @cached_property
    def credential(self) -> IssuedCredential:
        return get_object_or_404(selectors.visible_credentials(self.request.user), pk=self.kwargs["pk"])


class CredentialDetailView(_CredentialMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = f"{TEMPLATES}/detail.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Certificate %(serial)s") % {"serial": self.credential.serial}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NS}:index"), "label": _("Issued certificates")},
            {"url": "", "label": self.credential.serial},
        ]

    def get_context_data(self, **kwargs):
        credential = self.credential
        context = super().get_context_data(**kwargs)
        context.update(
            credential=credential,
            status=selectors.status_label(credential),
            ward=selectors.ward_name(credential),
            events=list(credential.events.select_related("actor__learner_profile").order_by("at", "pk")),
            verify_url=services.verification_url(credential.serial),
            pdf_url=reverse(f"{NS}:pdf", args=[credential.pk]),
            revoke_url=reverse(f"{NS}:revoke", args=[credential.pk]),
            reissue_url=reverse(f"{NS}:reissue", args=[credential.pk]),
            replaced_by=getattr(credential, "replaced_by", None),
        )
        context.setdefault("revoke_form", ReasonForm(prefix="revoke"))
        context.setdefault("reissue_form", ReasonForm(prefix="reissue"))
        return context


class _ChangeView(_CredentialMixin, View, ABC):
    """POST only: revoke or re-issue through the services, then back to the certificate."""

    http_method_names = ["post"]
    permission_required = "change"
    prefix = ""

    @abstractmethod
    def change(self, credential, reason):
        """Revoke or re-issue; the certificate to show afterwards."""

    def post(self, request, pk):
        form = ReasonForm(request.POST, prefix=self.prefix)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed: give the reason."))
            return self._again(request, pk, form)
        try:
            target = self.change(self.credential, form.cleaned_data["reason"])
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return redirect(f"{NS}:detail", pk)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect(f"{NS}:detail", pk)
        except services.IssuanceRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(f"{NS}:detail", pk)
        return redirect(f"{NS}:detail", target.pk)

    def _again(self, request, pk, form):
        detail = CredentialDetailView()
        detail.setup(request, pk=pk)
        detail.credential = self.credential
        context = detail.get_context_data(**{f"{self.prefix}_form": form})
        return detail.render_to_response(context, status=400)


class RevokeView(_ChangeView):
    prefix = "revoke"

    def change(self, credential, reason):
        if credential.revoked:
            messages.warning(self.request, _("This certificate was already revoked: nothing changed."))
            return credential
        services.revoke(credential, by=self.request.user, reason=reason)
        messages.success(self.request, _("Certificate %(serial)s is revoked.") % {"serial": credential.serial})
        return credential


class ReissueView(_ChangeView):
    prefix = "reissue"

    def change(self, credential, reason):
        new = services.reissue(credential, by=self.request.user, reason=reason)
        messages.success(
            self.request,
            _("Certificate %(new)s was issued in place of %(old)s.") % {"new": new.serial, "old": credential.serial},
        )
        return new


class CredentialPdfView(_CredentialMixin, View):
    """The PDF as the holder gets it (rendered on the first download, then cached)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        return downloads.pdf_response(self.credential, by=request.user)


class ExportView(PermissionCheckedMixin, View):
    """The register as XLSX: the certificates the list shows for the same filters and search."""

    http_method_names = ["get"]
    permission_policy = register_policy
    permission_required = "view"

    def get(self, request):
        handle = export.register_file(_filtered(request))
        response = FileResponse(
            handle, as_attachment=True, filename=export.filename(), content_type=export.CONTENT_TYPE
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

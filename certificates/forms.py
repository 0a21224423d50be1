"""The public verification forms: look a serial up, or check a credential file / pasted text / JWT."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .verification import MAX_DOCUMENT_BYTES


class SerialLookupForm(forms.Form):
    so = forms.CharField(
        label=_("Certificate number"),
        max_length=40,
        help_text=_("As printed on the certificate, for example HVS-2026-000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class CredentialUploadForm(forms.Form):
    """A credential file (the .json one downloads with the certificate) or its text pasted, the JSON or the JWT.
    Neither may exceed MAX_DOCUMENT_BYTES; only that much is ever read from the upload."""

    file = forms.FileField(
        label=_("Certificate file"),
        required=False,
        help_text=_("The .json file you received with the certificate."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,.jsonld,.jwt,.txt,application/json,application/ld+json"}
        ),
    )
    text = forms.CharField(
        label=_("Or paste the certificate's text or JWT"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
    )

    def too_large(self) -> str:
        return _("The file is too large (at most %(size)s KB).") % {"size": MAX_DOCUMENT_BYTES // 1024}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(self.too_large(), code="too_large")
        return upload

    def clean_text(self):
        text = self.cleaned_data.get("text") or ""
        if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(self.too_large(), code="too_large")
        return text

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not cleaned.get("text"):
            raise forms.ValidationError(_("Choose the certificate file, or paste its text."), code="empty")
        return cleaned

    def document(self) -> bytes:
        """The bytes to verify (the file if one was given, else the pasted text)."""
        upload = self.cleaned_data.get("file")
        if upload:
            upload.seek(0)
            return upload.read(MAX_DOCUMENT_BYTES + 1)
        return self.cleaned_data["text"].encode("utf-8")

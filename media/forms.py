from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .h5p.validation import validate_h5p
from .services import store_h5p_package


class H5PPackageForm(WagtailAdminModelForm):
    """Upload in the Wagtail admin: the package is validated before anything is stored."""

    upload = forms.FileField(label=_("H5P package (.h5p)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = not self.instance.pk
        self.described = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.described = validate_h5p(upload)
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return super().save(commit=commit)
        package, _created = store_h5p_package(
            upload=upload, user=self.for_user, title=self.cleaned_data.get("title", ""), described=self.described
        )
        self.instance = package
        return package

from django import forms
from django.utils.translation import gettext_lazy as _
from filer.models import File as FilerFile
from filer.models import Folder
from wagtail.admin.forms import WagtailAdminModelForm

from .documents import validate_library_upload


class LibraryDocumentForm(WagtailAdminModelForm):
    """Editors upload into a django-filer folder from the Wagtail admin; the file is checked before it is
    stored (editors never need the Django admin)."""

    upload = forms.FileField(label=_("File (PDF, DOCX or XLSX, at most 20 MB)"), required=False)
    folder = forms.ModelChoiceField(queryset=Folder.objects.order_by("name"), label=_("Folder"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["folder"].initial = self.instance.file.folder_id
        else:
            self.fields["upload"].required = True

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_library_upload(upload)
        return upload

    def save(self, commit=True):
        document = super().save(commit=False)
        upload, folder = self.cleaned_data.get("upload"), self.cleaned_data["folder"]
        if upload:
            document.file = FilerFile.objects.create(
                file=upload, original_filename=upload.name, name=document.title, folder=folder, is_public=True
            )
        elif document.file.folder_id != folder.pk:
            document.file.folder = folder
            document.file.save(update_fields=["folder"])
        if commit:
            document.save()
        return document

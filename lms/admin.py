"""Django admin (superusers only; staff work in the Wagtail admin). django-filer needs the User admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord, LearnerProfile, PersonalDataEvent, ResidentialGroup, User, Ward


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "phone", "is_active", "is_staff", "date_joined"]
    search_fields = ["username", "email", "phone", "learner_profile__full_name"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets[:1],
        (_("Contact"), {"fields": ["email", "phone", "first_name", "last_name"]}),
        *DjangoUserAdmin.fieldsets[2:],
    ]


class ResidentialGroupInline(admin.TabularInline):
    model = ResidentialGroup
    extra = 0


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province"]
    search_fields = ["name", "code"]
    inlines = [ResidentialGroupInline]


@admin.register(LearnerProfile)
class LearnerProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "target_group", "ward", "residential_group"]
    list_filter = ["target_group", "ward"]
    search_fields = ["full_name", "user__email", "user__phone"]
    raw_id_fields = ["user"]
    list_select_related = ["ward", "residential_group"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "notice_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose"]
    raw_id_fields = ["user"]


@admin.register(PersonalDataEvent)
class PersonalDataEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "subject", "actor"]
    list_filter = ["kind"]
    search_fields = ["subject"]

    # an audit trail is read, never written by hand
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

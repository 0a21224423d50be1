import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import fold


class TargetGroup(models.TextChoices):
    """The four groups the movement counts (Decision 757's sub-frameworks; pupils follow Circular 02)."""

    CIVIL_SERVANT = "civil_servant", _("Civil servant or public employee")
    PUPIL_STUDENT = "pupil_student", _("Pupil or student")
    ENTERPRISE_WORKER = "enterprise_worker", _("Enterprise worker")
    CITIZEN = "citizen", _("Citizen")


class TextSize(models.TextChoices):
    NORMAL = "normal", _("Normal text")
    LARGE = "large", _("Large text")
    LARGER = "larger", _("Very large text")


class AccessibilityNeed(models.TextChoices):
    LOW_VISION = "low_vision", _("I see poorly or use a screen reader")
    HEARING = "hearing", _("I hear poorly: I need captions")
    MOTOR = "motor", _("I use only a keyboard or have difficulty with fine movements")
    READING = "reading", _("I read with difficulty: I prefer audio and simple words")


def new_handle() -> str:
    """Internal login handle: people sign in with email or phone, which they may change later."""
    return f"hv{secrets.token_hex(6)}"


class HocvusoUserManager(UserManager):
    def get_by_natural_key(self, username):
        # createsuperuser, loaddata and the admin look users up by their handle
        return self.get(**{self.model.USERNAME_FIELD: username})


class User(AbstractUser):
    """An account. Email and phone are both optional, but at least one is needed to sign in;
    each is unique among the accounts that have one."""

    username = models.CharField(_("login handle"), max_length=150, unique=True, default=new_handle)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("mobile phone number"), max_length=10, blank=True)

    objects = HocvusoUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="hocvuso_user_email_unique"),
            models.UniqueConstraint(fields=["phone"], condition=~models.Q(phone=""), name="hocvuso_user_phone_unique"),
        ]

    def get_full_name(self):
        profile = getattr(self, "learner_profile", None)
        if profile is not None and profile.full_name:
            return profile.full_name
        return super().get_full_name() or self.email or self.phone or self.username

    def __str__(self):
        return self.get_full_name()


class Ward(models.Model):
    """A ward or commune (phường/xã) after the 2025 reorganisation of local government."""

    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(_("administrative code"), max_length=10, unique=True)
    province = models.CharField(_("province or city"), max_length=120)

    class Meta:
        ordering = ["province", "name"]
        verbose_name = _("ward")
        verbose_name_plural = _("wards")

    def __str__(self):
        return f"{self.name}, {self.province}"


class ResidentialGroup(models.Model):
    """A residential group (tổ dân phố) or village inside a ward."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="residential_groups", verbose_name=_("ward"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["ward", "name"]
        verbose_name = _("residential group")
        verbose_name_plural = _("residential groups")
        constraints = [models.UniqueConstraint(fields=["ward", "name"], name="hocvuso_resgroup_unique_in_ward")]

    def __str__(self):
        return f"{self.name} ({self.ward.name})"


class LearnerProfile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="learner_profile", verbose_name=_("user"))
    full_name = models.CharField(_("full name"), max_length=150)
    # the name without diacritics, for search: staff type "nguyen van a" on a phone keyboard
    full_name_folded = models.CharField(max_length=150, editable=False, db_index=True, default="")
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    target_group = models.CharField(
        _("group"), max_length=32, choices=TargetGroup.choices, default=TargetGroup.CITIZEN, db_index=True
    )
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="learners", verbose_name=_("ward")
    )
    residential_group = models.ForeignKey(
        ResidentialGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="learners",
        verbose_name=_("residential group"),
    )
    organisation = models.CharField(_("organisation or school"), max_length=200, blank=True)
    accessibility_needs = models.JSONField(_("accessibility needs"), default=list, blank=True)
    accessibility_notes = models.CharField(_("other needs"), max_length=300, blank=True)
    preferred_text_size = models.CharField(
        _("text size"), max_length=10, choices=TextSize.choices, default=TextSize.NORMAL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")
        indexes = [models.Index(fields=["ward", "target_group"], name="hocvuso_profile_ward_group")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(preferred_text_size__in=TextSize.values), name="hocvuso_profile_text_size_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(target_group__in=TargetGroup.values), name="hocvuso_profile_target_group_valid"
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name_folded = fold(self.full_name)
        if kwargs.get("update_fields") is not None and "full_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "full_name_folded"}
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            errors["date_of_birth"] = _("The date of birth cannot be in the future.")
        if self.residential_group_id and self.residential_group.ward_id != self.ward_id:
            errors["residential_group"] = _("This residential group is not in the chosen ward.")
        unknown = set(self.accessibility_needs or []) - set(AccessibilityNeed.values)
        if unknown:
            errors["accessibility_needs"] = _("Unknown accessibility need.")
        if errors:
            raise ValidationError(errors)


class ConsentPurpose(models.TextChoices):
    """Purposes a person agrees to separately (Law 91/2025/QH15 on personal data protection)."""

    ACCOUNT = "account", _("Keep my account, learning records and certificates")
    ACCESSIBILITY = "accessibility", _("Use my accessibility needs to adapt lessons")


class ConsentRecord(models.Model):
    """One given consent for one purpose, kept with the wording version the person saw; withdrawal is a
    timestamp, never a deletion, so the history stays provable."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("user"))
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    notice_version = models.CharField(_("notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="hocvuso_consent_one_active_per_purpose",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}:{self.purpose}"


class PersonalDataEvent(models.Model):
    """Audit of personal-data rights exercised. After an erasure only the pseudonym remains, never a name."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Data downloaded")
        ERASURE = "erasure", _("Account erased")

    kind = models.CharField(_("event"), max_length=16, choices=Kind.choices)
    subject = models.CharField(_("pseudonymous subject"), max_length=64, db_index=True)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("personal data event")
        verbose_name_plural = _("personal data events")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.kind} {self.subject} {self.at:%Y-%m-%d %H:%M}"

import datetime

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .identifiers import parse_identifier
from .models import AccessibilityNeed, LearnerProfile, ResidentialGroup, TargetGroup, TextSize, User, Ward
from .ratelimit import Limit, client_address
from .text import fold

_OLDEST_BIRTH_YEAR = 1900


def validate_birth_date(value: datetime.date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value.year < _OLDEST_BIRTH_YEAR:
        raise ValidationError(_("Check the year of birth."), code="too_old")


class ResidentialGroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} — {obj.ward.name}"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    identifier = forms.CharField(
        label=_("Email or mobile phone number"),
        max_length=254,
        help_text=_("You will use it to sign in. For example: 0912 345 678 or ten@gmail.com."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "inputmode": "email"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=DateInput(attrs={"autocomplete": "bday"}), validators=[validate_birth_date]
    )
    target_group = forms.ChoiceField(
        label=_("You are"), choices=TargetGroup.choices, widget=forms.RadioSelect, initial=TargetGroup.CITIZEN
    )
    ward = forms.ModelChoiceField(
        label=_("Ward or commune"), queryset=Ward.objects.all(), required=False, empty_label=_("— Choose —")
    )
    residential_group = ResidentialGroupChoiceField(
        label=_("Residential group"),
        queryset=ResidentialGroup.objects.select_related("ward"),
        required=False,
        empty_label=_("— Choose —"),
    )
    organisation = forms.CharField(
        label=_("Organisation or school (if any)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    accessibility_needs = forms.MultipleChoiceField(
        label=_("Do you need help to learn? (optional)"),
        choices=AccessibilityNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_notes = forms.CharField(label=_("Other needs (optional)"), max_length=300, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters, not only digits, not easy to guess."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the ward keeps my account, learning records and certificates to run this "
            "digital skills programme. I can download or delete my data at any time."
        ),
        error_messages={"required": _("Tick this box to create an account.")},
    )

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Enter your full name."), code="short")
        return name

    def clean_identifier(self):
        identifier = parse_identifier(self.cleaned_data["identifier"])
        if identifier.kind == "email":
            taken = User.objects.filter(email__iexact=identifier.value).exists()
            message = _("An account with this email already exists. Sign in, or reset the password.")
        else:
            taken = User.objects.filter(phone=identifier.value).exists()
            message = _("An account with this phone number already exists. Sign in, or reset the password.")
        if taken:
            raise ValidationError(message, code="duplicate")
        return identifier

    def clean(self):
        cleaned = super().clean()
        ward, group = cleaned.get("ward"), cleaned.get("residential_group")
        if group is not None and ward is not None and group.ward_id != ward.pk:
            self.add_error("residential_group", _("This residential group is not in the chosen ward."))
        elif group is not None and ward is None:
            cleaned["ward"] = group.ward
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are different."))
        elif password1:
            identifier = cleaned.get("identifier")
            probe = User(
                email=identifier.value if identifier and identifier.kind == "email" else "",
                phone=identifier.value if identifier and identifier.kind == "phone" else "",
                first_name=cleaned.get("full_name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# Guessing one account's password from one place, and guessing many accounts' passwords from one place.
SIGN_IN_PER_ACCOUNT_AND_ADDRESS = Limit("sign-in:account", attempts=10, window_seconds=15 * 60)
SIGN_IN_PER_ADDRESS = Limit("sign-in:address", attempts=50, window_seconds=15 * 60)


class ThrottledSignInMixin:
    """Refuses sign-in for a while after too many failures, before any password is checked."""

    throttled_message = _("Too many wrong attempts. Wait 15 minutes and try again, or reset your password.")

    def clean(self):
        address = client_address(self.request) if self.request is not None else ""
        account = f"{fold(self.data.get('username', ''))}|{address}"
        if SIGN_IN_PER_ACCOUNT_AND_ADDRESS.exceeded(account) or SIGN_IN_PER_ADDRESS.exceeded(address):
            raise ValidationError(self.throttled_message, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            SIGN_IN_PER_ACCOUNT_AND_ADDRESS.record(account)
            SIGN_IN_PER_ADDRESS.record(address)
            raise
        SIGN_IN_PER_ACCOUNT_AND_ADDRESS.reset(account)
        return cleaned


class SignInForm(ThrottledSignInMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("Email or mobile phone number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("The email or phone number, or the password, is not right. Check them and try again."),
        "inactive": _("This account is locked. Contact the ward office."),
    }


class ProfileForm(forms.ModelForm):
    accessibility_needs = forms.MultipleChoiceField(
        label=_("Do you need help to learn? (optional)"),
        choices=AccessibilityNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    residential_group = ResidentialGroupChoiceField(
        label=_("Residential group"),
        queryset=ResidentialGroup.objects.select_related("ward"),
        required=False,
        empty_label=_("— Choose —"),
    )

    class Meta:
        model = LearnerProfile
        fields = [
            "full_name",
            "date_of_birth",
            "target_group",
            "ward",
            "residential_group",
            "organisation",
            "accessibility_needs",
            "accessibility_notes",
            "preferred_text_size",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "target_group": forms.RadioSelect,
            "preferred_text_size": forms.RadioSelect,
        }

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value:
            validate_birth_date(value)
        return value

    def clean(self):
        cleaned = super().clean()
        group = cleaned.get("residential_group")
        if group is not None and cleaned.get("ward") is None:
            cleaned["ward"] = group.ward
            self.instance.ward = group.ward
        return cleaned


class TextSizeForm(forms.Form):
    size = forms.ChoiceField(choices=TextSize.choices)
    next = forms.CharField(required=False)


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the email leaves through a Celery task so a slow mail server never blocks
    the page."""

    email = forms.EmailField(
        label=_("Email address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from .tasks import send_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.delay_on_commit(subject=subject, body=body, to=[to_email])


class AdminSignInForm(ThrottledSignInMixin, WagtailLoginForm):
    """The Wagtail admin's sign-in, with the same throttle as the site's."""


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account, learning records and certificates will be deleted for good."),
        error_messages={"required": _("Tick this box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not right."), code="wrong_password")
        return password

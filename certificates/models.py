"""What can be certified (Achievement), what was certified (IssuedCredential, with its audit trail), and the
revocation lists verifiers read (StatusList).

The database keeps the invariants (ARCHITECTURE.md): one standing certificate per learner and achievement, one
certificate per triggering event (a stale task retried after a revocation cannot issue again), unique serials,
one holder per status-list position, one re-issue per certificate. `services` changes these rows; nothing else.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.api import TargetGroup

# Bitstring Status List v1.0: a list holds at least 131,072 entries (herd privacy)
STATUS_LIST_SIZE = 131072


def private_storage():
    """Certificate PDFs are served only through a view that checks the right (ARCHITECTURE.md)."""
    return storages["private"]


class Achievement(models.Model):
    """Something the platform certifies, with the wording printed on the certificate and signed into the
    credential. At most one active achievement per course, per target group, per component and level, so the
    signal that a learner finished something names exactly one."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Completion of a course")
        DIGITAL_SKILLS = "digital_skills", _("Universal digital skills of a target group")
        COMPETENCE = "competence", _("A competence level reached")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        "hocvuso_courses.CoursePage",
        on_delete=models.PROTECT,  # a course with certificates issued is unpublished, never deleted
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
    )
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices, blank=True)
    component = models.ForeignKey(
        "hocvuso_assessments.Component",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("component competence"),
    )
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)

    name = models.CharField(_("name"), max_length=255, help_text=_("In Vietnamese, as printed on the certificate."))
    wording = models.CharField(
        _("wording"),
        max_length=500,
        help_text=_("The sentence after the holder's name, e.g. “đã hoàn thành khóa học …”."),
    )
    criteria = models.TextField(_("criteria"), help_text=_("What the holder did to earn it, in plain words."))
    issuer_name = models.CharField(
        _("issuing ward"), max_length=255, help_text=_("E.g. “Ủy ban nhân dân phường Ba Đình”.")
    )
    issuer_place = models.CharField(
        _("place for the date line"), max_length=120, help_text=_("E.g. “Hà Nội” in “Hà Nội, ngày … tháng … năm …”.")
    )
    signer_name = models.CharField(_("signer's name"), max_length=150)
    signer_title = models.CharField(
        _("signer's title"),
        max_length=255,
        help_text=_("May take two lines, e.g. “TM. ỦY BAN NHÂN DÂN” and “CHỦ TỊCH”."),
    )
    seal = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("seal image"),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Leave empty if it does not expire.")
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Only active achievements are issued."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="course", course__isnull=False)
                    | (Q(kind="digital_skills") & ~Q(target_group=""))
                    | Q(kind="competence", component__isnull=False, level__isnull=False)
                ),
                name="hocvuso_achievement_kind_has_its_subject",
            ),
            models.UniqueConstraint(
                fields=["course"], condition=Q(active=True, kind="course"), name="hocvuso_achievement_one_per_course"
            ),
            models.UniqueConstraint(
                fields=["target_group"],
                condition=Q(active=True, kind="digital_skills"),
                name="hocvuso_achievement_one_per_group",
            ),
            models.UniqueConstraint(
                fields=["component", "level"],
                condition=Q(active=True, kind="competence"),
                name="hocvuso_achievement_one_per_level",
            ),
        ]

    def __str__(self):
        return self.name


class SerialCounter(models.Model):
    """The last serial number handed out in a year. Its row is locked while a number is taken, so two issuances
    never get the same number; the number is taken in the transaction that inserts the certificate, so a
    rolled-back issuance gives its number back and the register has no gaps."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("serial counter")
        verbose_name_plural = _("serial counters")

    def __str__(self):
        return f"{self.year}: {self.last}"


class StatusList(models.Model):
    """A Bitstring Status List (revocation) and its signed credential, served as is at a stable address.

    `allocated` counts positions handed out; position n of the list is a fixed permutation of n (see
    `services.status_list_position`), so neighbouring serials do not sit in neighbouring bits."""

    class Purpose(models.TextChoices):
        REVOCATION = "revocation", _("revocation")

    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.REVOCATION)
    size = models.PositiveIntegerField(_("size"), default=STATUS_LIST_SIZE)
    allocated = models.PositiveIntegerField(_("positions handed out"), default=0)
    bits = models.BinaryField(_("bits"))
    credential_json = models.JSONField(_("signed list credential"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")
        constraints = [
            models.CheckConstraint(condition=Q(allocated__lte=models.F("size")), name="hocvuso_status_list_not_over")
        ]

    def __str__(self):
        return f"{self.purpose} #{self.pk} ({self.allocated}/{self.size})"

    @property
    def full(self) -> bool:
        return self.allocated >= self.size


class IssuedCredential(models.Model):
    """One certificate as issued: its serial, the holder's name and birth date frozen as issued, the signed
    credential (Data Integrity and JWT), its place in a status list, and revocation.

    Kept when the holder erases their account (`user` becomes empty): it is the ward's register entry, and
    whoever holds the printed copy must still be able to verify it (see `certificates.privacy`)."""

    serial = models.CharField(_("serial"), max_length=20, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_credentials",
        verbose_name=_("holder's account"),
    )
    achievement = models.ForeignKey(
        Achievement, on_delete=models.PROTECT, related_name="credentials", verbose_name=_("achievement")
    )
    # what triggered it ("enrolment:12", "confirmation:7"): a task retried after a revocation finds its own
    # certificate instead of issuing a second one
    source = models.CharField(_("issued for"), max_length=40, blank=True, editable=False)
    confirmation = models.ForeignKey(
        "hocvuso_assessments.Confirmation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    holder_name = models.CharField(_("holder's name as issued"), max_length=150)
    holder_birth_date = models.DateField(_("holder's date of birth as issued"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)

    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="credentials")
    status_list_index = models.PositiveIntegerField(_("status list index"))

    credential_json = models.JSONField(_("signed credential"), default=dict, blank=True, editable=False)
    jwt = models.TextField(_("signed credential (JWT)"), blank=True, editable=False)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True, editable=False)

    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    # rendered on the first download (later part), in the private storage
    pdf = models.FileField(_("PDF"), storage=private_storage, upload_to="certificates/pdf/", blank=True, editable=False)

    class Meta:
        verbose_name = _("issued certificate")
        verbose_name_plural = _("issued certificates")
        ordering = ["-issued_at", "-pk"]
        permissions = [("revoke_credentials", "Can revoke and re-issue certificates")]
        constraints = [
            # one standing certificate per learner and achievement; a revoked one (re-issued or not) steps aside
            models.UniqueConstraint(
                fields=["user", "achievement"],
                condition=Q(revoked_at__isnull=True),
                name="hocvuso_credential_one_standing",
            ),
            models.UniqueConstraint(
                fields=["source"], condition=~Q(source=""), name="hocvuso_credential_one_per_source"
            ),
            models.UniqueConstraint(fields=["status_list", "status_list_index"], name="hocvuso_credential_status_slot"),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""), name="hocvuso_credential_revoke_reason"
            ),
        ]
        indexes = [models.Index(fields=["achievement", "issued_at"], name="hocvuso_credential_ach_issued")]

    def __str__(self):
        return self.serial

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


class CredentialEvent(models.Model):
    """The audit trail of a certificate: who did what, when, and why."""

    class Kind(models.TextChoices):
        ISSUED = "issued", _("issued")
        REVOKED = "revoked", _("revoked")
        REISSUED = "reissued", _("re-issued")
        DOWNLOADED = "downloaded", _("downloaded")
        ACCOUNT_ERASED = "account_erased", _("holder's account erased")

    credential = models.ForeignKey(IssuedCredential, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("when"))
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["credential", "at"], name="hocvuso_credevent_cred_at")]

    def __str__(self):
        return f"{self.credential_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

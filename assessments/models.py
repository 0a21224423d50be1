"""The assessment engine's records: frameworks (data, versioned), the item bank with immutable versions,
assessments, attempts with their per-item responses, evidence on components, confirmations of universal digital
skills, and the audit of examiners' decisions.

Invariants that matter are database constraints: one open attempt per learner and assessment, one version number
per item, one active confirmation per learner and target group, one grading lease at a time (a conditional update).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from wagtail.models import Orderable

from lms.api import TargetGroup

from .item_kinds import ItemKind

ZERO = Decimal("0")


def private_storage():
    # learners' uploads are served only through a view that checks the viewer's right, never from MEDIA_URL
    return storages["private"]


# --- frameworks -----------------------------------------------------------------------------------------------


class Framework(models.Model):
    """One version of a competence framework as loaded from its JSON file (never hard-coded)."""

    code = models.CharField(_("code"), max_length=40)
    version = models.CharField(_("version"), max_length=40)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    document = models.CharField(_("source document"), max_length=500, blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    effective_on = models.DateField(_("in force from"), null=True, blank=True)
    official_text_checked = models.BooleanField(
        _("checked against the official text"),
        default=False,
        help_text=_("False until someone has checked every entry against the official PDF."),
    )
    source = models.JSONField(_("source file"), default=dict, editable=False)
    checksum = models.CharField(_("file checksum"), max_length=64, editable=False)
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")
        ordering = ["code", "-issued_on", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="hocvuso_framework_code_version")]

    def __str__(self):
        return f"{self.code} ({self.version}): {self.title_vi}"


class Domain(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    code = models.CharField(_("code"), max_length=20)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    order = models.PositiveIntegerField(default=0)
    confirmed = models.BooleanField(_("confirmed"), default=False)

    class Meta:
        verbose_name = _("competence domain")
        verbose_name_plural = _("competence domains")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="hocvuso_domain_code")]

    def __str__(self):
        return f"{self.code}. {self.name_vi}"


class Component(models.Model):
    """A component competence (TT02: "năng lực thành phần", e.g. 2.5). Items, evidence and courses point here."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="components")
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="components")
    code = models.CharField(_("code"), max_length=20)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    order = models.PositiveIntegerField(default=0)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    evidence = models.CharField(_("support"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("component competence")
        verbose_name_plural = _("component competences")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="hocvuso_component_code")]

    def __str__(self):
        return f"{self.code} {self.name_vi}"


class Level(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=20, blank=True)
    label_vi = models.CharField(_("name (Vietnamese)"), max_length=100)
    tier_vi = models.CharField(_("tier (Vietnamese)"), max_length=100, blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)

    class Meta:
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="hocvuso_level_number")]

    def __str__(self):
        return f"{self.number} · {self.label_vi}"


class ComponentMapping(models.Model):
    """Where components of two frameworks correspond (e.g. a Decision 757 skill to a TT02 component)."""

    class Relation(models.TextChoices):
        EQUIVALENT = "equivalent", _("equivalent")
        BROADER = "broader", _("broader")
        NARROWER = "narrower", _("narrower")
        RELATED = "related", _("related")

    source = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="mappings_out")
    target = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="mappings_in")
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices, default=Relation.EQUIVALENT)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("component mapping")
        verbose_name_plural = _("component mappings")
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="hocvuso_component_mapping_pair"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="hocvuso_component_mapping_distinct"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target} ({self.relation})"


# --- item bank ------------------------------------------------------------------------------------------------


class ItemCategory(models.Model):
    name = models.CharField(_("name"), max_length=255)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="hocvuso_category_name")]

    def __str__(self):
        return f"{self.parent} / {self.name}" if self.parent_id else self.name


class Rubric(ClusterableModel):
    """Criteria by levels, for open and practical answers."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["title"]

    def __str__(self):
        return self.title


class RubricCriterion(ClusterableModel, Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self):
        return self.title


class RubricLevel(Orderable):
    criterion = ParentalKey(RubricCriterion, on_delete=models.CASCADE, related_name="levels")
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2, validators=[MinValueValidator(ZERO)])
    descriptor = models.CharField(_("descriptor"), max_length=500)

    class Meta(Orderable.Meta):
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")

    def __str__(self):
        return f"{self.points}: {self.descriptor}"


class Item(models.Model):
    """A question in the bank. What it asks lives in its versions; a version used by an attempt never changes."""

    category = models.ForeignKey(ItemCategory, on_delete=models.PROTECT, related_name="items")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("type"), max_length=24, choices=ItemKind.choices)
    component = models.ForeignKey(
        Component, on_delete=models.PROTECT, null=True, blank=True, related_name="items", verbose_name=_("component")
    )
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 very easy … 5 very hard; the adaptive test starts from it."),
    )
    tags = TaggableManager(blank=True)
    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, null=True, blank=True, related_name="items")
    current_version = models.ForeignKey(
        "ItemVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    # Item response theory parameters: start from the difficulty, re-calibrated from collected responses.
    irt_a = models.FloatField(_("discrimination (IRT a)"), null=True, blank=True, editable=False)
    irt_b = models.FloatField(_("difficulty (IRT b)"), null=True, blank=True, editable=False)
    irt_responses = models.PositiveIntegerField(default=0, editable=False)
    irt_calibrated_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived = models.BooleanField(_("archived"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category", "title"]
        indexes = [models.Index(fields=["component", "level"], name="hocvuso_item_component_level")]

    def __str__(self):
        return self.title


class ItemVersion(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    stem = models.TextField(_("question text"))
    body = models.JSONField(_("answers and key"))
    general_feedback = models.TextField(_("general feedback"), blank=True)
    stem_image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stem_audio = models.ForeignKey("filer.File", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Set when an attempt first draws this version; from then on it is frozen.
    used = models.BooleanField(default=False, editable=False)
    corrects = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="corrections", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="hocvuso_item_version_number")]

    def __str__(self):
        return f"{self.item} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("allow_frozen", False):
            stored = ItemVersion.objects.filter(pk=self.pk).values("used", "stem", "body", "general_feedback").first()
            if stored and stored["used"]:
                changed = (self.stem, self.body, self.general_feedback) != (
                    stored["stem"],
                    stored["body"],
                    stored["general_feedback"],
                )
                if changed:
                    raise ValidationError(_("This version has been used in an attempt and cannot change."))
        super().save(*args, **kwargs)


# --- assessments ----------------------------------------------------------------------------------------------


class Assessment(ClusterableModel):
    class Kind(models.TextChoices):
        FIXED = "fixed", _("fixed form")
        BLUEPRINT = "blueprint", _("drawn from a blueprint")
        PLACEMENT = "placement", _("adaptive placement test")

    class FeedbackPolicy(models.TextChoices):
        # No "after each answer": the key would reach the browser while the attempt is open.
        AFTER_SUBMIT = "after_submit", _("when the attempt is submitted")
        AFTER_CLOSE = "after_close", _("when the assessment closes")
        NEVER = "never", _("never (score only)")

    class Layout(models.TextChoices):
        ONE_PER_PAGE = "one_per_page", _("one question per screen")
        ALL_ON_ONE = "all_on_one", _("all questions on one page")

    slug = models.SlugField(_("address"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("instructions"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.FIXED)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"), null=True, blank=True)
    attempts_allowed = models.PositiveIntegerField(_("attempts allowed"), default=0, help_text=_("0 = unlimited"))
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("70"),
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))],
    )
    feedback_policy = models.CharField(
        _("feedback"), max_length=16, choices=FeedbackPolicy.choices, default=FeedbackPolicy.AFTER_SUBMIT
    )
    layout = models.CharField(_("layout"), max_length=16, choices=Layout.choices, default=Layout.ALL_ON_ONE)
    shuffle_items = models.BooleanField(_("shuffle questions"), default=False)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    second_marking = models.BooleanField(
        _("second marking"), default=False, help_text=_("Open answers are graded by two examiners.")
    )
    # Placement tests: stop when the standard error is below the target or after the maximum.
    placement_se_target = models.FloatField(_("target standard error"), default=0.4)
    # 6 domains x 5 = 30 questions at most: about 15 minutes for a slow reader; with calibrated (2PL) questions the
    # standard error usually ends a domain sooner (benchmarks/cat_simulation.py)
    placement_max_items = models.PositiveIntegerField(_("most questions per domain"), default=5)
    placement_min_items = models.PositiveIntegerField(_("fewest questions per domain"), default=3)
    published = models.BooleanField(_("open to learners"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind == self.Kind.PLACEMENT and not self.framework_id:
            raise ValidationError({"framework": _("A placement test needs a framework.")})


class AssessmentSlot(Orderable):
    """A fixed form's question, in order, with its weight."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="slots")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("question"))
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(ZERO)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question in the form")
        verbose_name_plural = _("questions in the form")
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="hocvuso_slot_item_once")]


class BlueprintRule(Orderable):
    """Draw `count` questions for a component (and level) at random for each attempt."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="blueprint_rules")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True, help_text=_("Empty = any level"))
    category = models.ForeignKey(ItemCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    count = models.PositiveIntegerField(_("questions"), default=1, validators=[MinValueValidator(1)])
    weight = models.DecimalField(_("weight each"), max_digits=6, decimal_places=2, default=Decimal("1"))

    class Meta(Orderable.Meta):
        verbose_name = _("blueprint rule")
        verbose_name_plural = _("blueprint rules")


# --- attempts -------------------------------------------------------------------------------------------------


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    SUBMITTED = "submitted", _("submitted")
    AWAITING_GRADING = "awaiting_grading", _("awaiting an examiner")
    GRADED = "graded", _("graded")


class Attempt(models.Model):
    class ClosedBy(models.TextChoices):
        LEARNER = "learner", _("submitted by the learner")
        DEADLINE = "deadline", _("closed at the time limit")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveIntegerField(_("attempt"))
    status = models.CharField(_("status"), max_length=20, choices=AttemptStatus.choices, default="in_progress")
    # Each change bumps it; a request must carry the current value, so a stale or doubled submit changes nothing.
    sequence = models.PositiveIntegerField(default=0)
    seed = models.BigIntegerField(editable=False)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.CharField(max_length=12, choices=ClosedBy.choices, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=3, default=ZERO)
    percent = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)
    framework_version = models.CharField(max_length=100, blank=True)
    # Placement tests: per domain {"theta", "se", "n", "level", "done"}.
    placement = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "assessment"],
                condition=Q(status="in_progress"),
                name="hocvuso_attempt_one_open",
                violation_error_message=_("You already have an open attempt at this test."),
            ),
            models.UniqueConstraint(fields=["user", "assessment", "number"], name="hocvuso_attempt_number"),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="hocvuso_attempt_deadline")]

    def __str__(self):
        return f"{self.assessment} #{self.number} ({self.user_id})"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS


class AttemptItem(models.Model):
    """One question as this attempt drew and showed it, the learner's response, and its grading."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(ItemVersion, on_delete=models.PROTECT, related_name="+")
    # The version whose key scored it (a key correction re-scores with a newer version).
    scored_with = models.ForeignKey(ItemVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    weight = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal("1"))
    presentation = models.JSONField(default=dict)
    response = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    credit = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    score = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    needs_review = models.BooleanField(default=False)
    feedback = models.TextField(blank=True)
    # Examiner review: the lease (who holds the answer, until when) and the outcome.
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claim_expires_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        permissions = [
            ("grade_responses", "Can grade open and practical answers"),
            ("view_item_statistics", "Can see item statistics"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="hocvuso_attempt_item_position"),
            models.UniqueConstraint(fields=["attempt", "item"], name="hocvuso_attempt_item_once"),
        ]
        indexes = [models.Index(fields=["needs_review", "reviewed_at"], name="hocvuso_attempt_item_review")]

    def __str__(self):
        return f"{self.attempt} · {self.position}"


class ResponseFile(models.Model):
    """A file a learner uploaded for a practical task: private, served only through a view that checks rights."""

    attempt_item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(storage=private_storage, upload_to="assessments/responses/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")

    def __str__(self):
        return self.original_name


class Grade(models.Model):
    """An examiner's marking of an open or practical answer (first, second, or the resolving one)."""

    class Marking(models.TextChoices):
        FIRST = "first", _("first marking")
        SECOND = "second", _("second marking")
        FINAL = "final", _("agreed mark")

    attempt_item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="grades")
    # An examiner who erases their account leaves their marks behind, without their name.
    examiner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    marking = models.CharField(max_length=8, choices=Marking.choices, default=Marking.FIRST)
    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # {criterion id: level id}
    rubric_choices = models.JSONField(default=dict, blank=True)
    credit = models.DecimalField(max_digits=6, decimal_places=4)
    comment_to_learner = models.TextField(_("comment to the learner"), blank=True)
    note_for_staff = models.TextField(_("note for staff"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("grade")
        verbose_name_plural = _("grades")
        ordering = ["attempt_item", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["attempt_item", "marking"], name="hocvuso_grade_one_per_marking"),
            models.CheckConstraint(condition=Q(credit__gte=0) & Q(credit__lte=1), name="hocvuso_grade_credit_range"),
        ]

    def __str__(self):
        return f"{self.attempt_item} {self.marking} {self.credit}"


# --- evidence, profile, confirmation --------------------------------------------------------------------------


class Evidence(models.Model):
    """A scored response (or an examiner's observation) counted towards a component at a level."""

    class Source(models.TextChoices):
        RESPONSE = "response", _("answer in a test")
        OBSERVATION = "observation", _("task observed by an examiner")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="evidence_records")
    level = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.RESPONSE)
    attempt_item = models.OneToOneField(
        AttemptItem, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    credit = models.DecimalField(max_digits=6, decimal_places=4)
    weight = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal("1"))
    framework_version = models.CharField(max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["user", "component", "level"], name="hocvuso_evidence_user_comp")]

    def __str__(self):
        return f"{self.user_id} {self.component.code} L{self.level} {self.credit}"


class CompetenceLevel(models.Model):
    """The level a learner has reached on a component, kept up to date from their evidence."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competence_levels")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("competence reached")
        verbose_name_plural = _("competences reached")
        constraints = [models.UniqueConstraint(fields=["user", "component"], name="hocvuso_competence_one")]

    def __str__(self):
        return f"{self.user_id} {self.component.code} → {self.level}"


class CompetenceChange(models.Model):
    """History of a learner's level on a component."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="+")
    from_level = models.PositiveSmallIntegerField()
    to_level = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=255, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.user_id} {self.component_id}: {self.from_level} → {self.to_level}"


class ConfirmationRule(ClusterableModel):
    """When a learner of a target group counts as having universal digital skills. Data, set per deployment.

    Decision 757's official pass rules are not confirmed in our sources, so a rule is never presented as official
    unless someone records where the rule comes from and ticks that it was checked."""

    title = models.CharField(_("title"), max_length=255)
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("If set, the learner must also pass this assessment."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    source_checked = models.BooleanField(
        _("checked against an official text"),
        default=False,
        help_text=_("Leave unticked unless the rule was checked against the official guidance."),
    )
    source_note = models.CharField(_("where the rule comes from"), max_length=500, blank=True)
    automatic = models.BooleanField(_("confirm automatically when met"), default=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("confirmation rule")
        verbose_name_plural = _("confirmation rules")
        ordering = ["target_group", "title"]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def clean(self):
        if self.source_checked and not self.source_note.strip():
            raise ValidationError({"source_note": _("Say which official text the rule was checked against.")})


class RuleRequirement(Orderable):
    rule = ParentalKey(ConfirmationRule, on_delete=models.CASCADE, related_name="requirements")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="+")
    min_level = models.PositiveSmallIntegerField(_("at least level"), validators=[MinValueValidator(1)])

    class Meta(Orderable.Meta):
        verbose_name = _("required component")
        verbose_name_plural = _("required components")


class Confirmation(models.Model):
    """That a learner has reached universal digital skills for their group: what reports and certificates use."""

    class Method(models.TextChoices):
        AUTOMATIC = "automatic", _("met the rule")
        EXAMINER = "examiner", _("confirmed by an examiner from an observed task")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confirmations")
    target_group = models.CharField(_("target group"), max_length=32, choices=TargetGroup.choices)
    rule = models.ForeignKey(ConfirmationRule, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rule_version = models.PositiveIntegerField(null=True, blank=True)
    # What the rule said when it was applied, and which evidence met it: readable after the rule changes.
    rule_snapshot = models.JSONField(default=dict)
    evidence_summary = models.JSONField(default=list)
    method = models.CharField(_("how"), max_length=12, choices=Method.choices)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    observed_task = models.TextField(_("task observed"), blank=True)
    confirmed_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("confirmation of universal digital skills")
        verbose_name_plural = _("confirmations of universal digital skills")
        ordering = ["-confirmed_at"]
        permissions = [("confirm_skills", "Can confirm or revoke universal digital skills")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_group"],
                condition=Q(revoked_at__isnull=True),
                name="hocvuso_confirmation_one_active",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""), name="hocvuso_confirmation_revoke_reason"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.target_group} {self.confirmed_at:%Y-%m-%d}"


class ReviewEvent(models.Model):
    """Audit of every examiner and editor decision on answers, keys, confirmations."""

    class Action(models.TextChoices):
        CLAIMED = "claimed", _("claimed an answer")
        RELEASED = "released", _("released an answer")
        GRADED = "graded", _("graded an answer")
        REGRADED = "regraded", _("re-scored after a key correction")
        CONFIRMED = "confirmed", _("confirmed universal digital skills")
        REVOKED = "revoked", _("revoked a confirmation")
        OBSERVED = "observed", _("recorded an observed task")

    action = models.CharField(max_length=12, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    attempt_item = models.ForeignKey(AttemptItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    confirmation = models.ForeignKey(Confirmation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    item_version = models.ForeignKey(ItemVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

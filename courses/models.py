"""Courses as Wagtail pages (catalog → course → module → lesson) and the learning state kept for each learner.

The learning state is changed only through courses.services; pages read it through courses.selectors.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from lms.api import TargetGroup
from lms.rich_text import FEATURES, SanitisedRichTextField
from lms.text import fold

from .blocks import LessonBodyBlock
from .fields import ChoiceListField


class CourseFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    BLENDED = "blended", _("Blended (online and in class)")


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: anyone signed in can enrol")
    APPROVAL = "approval", _("By approval of the ward")
    WARD_ADMIN = "ward_admin", _("Enrolled by the ward administrator")


class CompetenceDomain(models.TextChoices):
    """The six domains of Circular 02/2025/TT-BGDĐT by their codes in the framework's data: the catalog's filter
    and the course page name a course's domains with these (translated) labels."""

    INFORMATION = "1", _("Information and data literacy")
    COMMUNICATION = "2", _("Communication and collaboration")
    CONTENT = "3", _("Digital content creation")
    SAFETY = "4", _("Safety")
    PROBLEM_SOLVING = "5", _("Problem solving")
    AI = "6", _("Applying artificial intelligence")


class CatalogPage(Page):
    """The course catalog: every live course, filtered by group, domain, level, format and length."""

    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["hocvuso_courses.CoursePage"]
    template = "courses/catalog_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        from .forms import CatalogFilterForm
        from .selectors import catalog_courses

        context = super().get_context(request, *args, **kwargs)
        form = CatalogFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["courses"] = catalog_courses(catalog=self, **filters)
        context["filtered"] = bool(filters and any(filters.values()))
        return context


class CoursePage(Page):
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two plain sentences."))
    outcomes = models.TextField(
        _("what learners will be able to do"), help_text=_("One per line, each starting with a verb.")
    )
    audience = ChoiceListField(_("for"), max_length=120, choices=TargetGroup.choices, db_index=True)
    components = ParentalManyToManyField(
        "hocvuso_assessments.Component",
        blank=True,
        related_name="+",
        verbose_name=_("component competences"),
        help_text=_("What the course teaches, from the digital competence framework."),
    )
    # The domains of the components, kept on save so that the catalog filters on this row alone (no join).
    competence_domains = ChoiceListField(
        _("competence domains"), max_length=40, choices=CompetenceDomain.choices, blank=True, editable=False
    )
    level = models.PositiveSmallIntegerField(
        _("level"),
        validators=[MinValueValidator(1), MaxValueValidator(8)],
        default=1,
        help_text=_("Level 1 to 8 of the digital competence framework."),
    )
    format = models.CharField(_("format"), max_length=16, choices=CourseFormat.choices, default=CourseFormat.ONLINE)
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=60)
    prerequisites = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="+", verbose_name=_("courses to finish first")
    )
    prerequisites_text = models.CharField(_("what learners should know first"), max_length=300, blank=True)
    enrolment_mode = models.CharField(
        _("enrolment"), max_length=16, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )
    sequential = models.BooleanField(
        _("lessons in order"),
        default=True,
        help_text=_("A lesson opens only when the required ones before it are done."),
    )
    final_assessment = models.ForeignKey(
        "hocvuso_assessments.Assessment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("final test"),
        help_text=_("Learners must pass it to finish the course."),
    )
    quizzes_required = models.BooleanField(
        _("module quizzes required"),
        default=False,
        help_text=_("Learners must also pass every module's quiz to finish the course."),
    )
    search_text = models.TextField(editable=False, default="")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("components", widget=forms.CheckboxSelectMultiple),
                FieldPanel("level"),
                FieldRowPanel([FieldPanel("format"), FieldPanel("estimated_minutes")]),
            ],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldPanel("prerequisites_text"),
                FieldPanel("enrolment_mode"),
                FieldPanel("sequential"),
                FieldPanel("final_assessment"),
                FieldPanel("quizzes_required"),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    parent_page_types = ["hocvuso_courses.CatalogPage"]
    subpage_types = ["hocvuso_courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    def audience_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [labels[group] for group in self.audience if group in labels]

    def live_prerequisites(self):
        # the relation may be an unsaved in-memory list (modelcluster) while a revision is previewed
        return CoursePage.objects.live().filter(pk__in=[course.pk for course in self.prerequisites.all()])

    def domain_labels(self) -> list[str]:
        labels = dict(CompetenceDomain.choices)
        return [labels[code] for code in self.competence_domains if code in labels]

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.title, self.summary, self.outcomes, self.prerequisites_text]))
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "competence_domains" in update_fields:
            self.competence_domains = self._domains_of_components()
        return super().save(*args, **kwargs)

    def _domains_of_components(self) -> list[str]:
        from assessments.api import Component

        ids = [component.pk for component in self.components.all()]
        if not ids:
            return []
        rows = Component.objects.filter(pk__in=ids).order_by("domain__order").values_list("domain__code", flat=True)
        return list(dict.fromkeys(rows))

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_outline, learner_course_state

        context = super().get_context(request, *args, **kwargs)
        outline = course_outline(self.pk)
        state = learner_course_state(user=request.user, outline=outline)
        context["outline"] = outline
        context["state"] = state
        context["assessment_results"] = state.assessment_results if request.user.is_authenticated else None
        if state.enrolment is not None and state.enrolment.is_studying and outline is not None:
            from .services import keep_assessment_results

            # the copy the lesson pages show follows what the engine says, e.g. a test taken before enrolling
            keep_assessment_results(enrolment=state.enrolment, results=state.assessment_results)
        return context


class ModulePage(Page):
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    quiz = models.ForeignKey(
        "hocvuso_assessments.Assessment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("end-of-module quiz"),
        help_text=_("Shown after the module's lessons."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("quiz")]
    parent_page_types = ["hocvuso_courses.CoursePage"]
    subpage_types = ["hocvuso_courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        # a module is a heading of its course's outline, not a page of its own
        return redirect(f"{self.get_parent().url}#phan-{self.pk}")


class LessonPage(Page):
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson content"))
    required = models.BooleanField(_("required to finish the course"), default=True)
    min_reading_seconds = models.PositiveIntegerField(
        _("minimum study time (seconds)"),
        default=60,
        validators=[MaxValueValidator(3600)],
        help_text=_("Time the page must be open and in view before the lesson counts as done."),
    )
    checkpoint_draw_count = models.PositiveSmallIntegerField(
        _("checkpoint questions per learner"),
        default=2,
        validators=[MaxValueValidator(10)],
        help_text=_("Drawn at random for each learner from the questions below; 0 for none."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("required"), FieldPanel("min_reading_seconds"), FieldPanel("checkpoint_draw_count")],
            heading=_("Completion"),
        ),
        InlinePanel("checkpoint_questions", label=_("Checkpoint questions")),
    ]
    parent_page_types = ["hocvuso_courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def get_url_parts(self, request=None):
        # Learners open lessons at /bai-hoc/<id>-<slug>/, served by a light view (courses.views.lesson) that does
        # not walk the page tree; Wagtail's own tree address redirects there.
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, _page_path = parts
        return site_id, root_url, reverse("courses:lesson", args=[self.pk, self.slug])

    def serve(self, request, *args, **kwargs):
        return redirect(reverse("courses:lesson", args=[self.pk, self.slug]))

    def serve_preview(self, request, mode_name):
        from .views import render_lesson_preview

        return render_lesson_preview(request, self)

    def save(self, *args, **kwargs):
        # read every block once so that each block's get_prep_value runs: that is where rich text is sanitised,
        # also for raw JSON written by an import or a script
        for _block in self.body:
            pass
        result = super().save(*args, **kwargs)
        from .services import sync_lesson_activities

        sync_lesson_activities(lesson=self)
        return result


class CheckpointQuestion(Orderable):
    """A question inside a lesson, checked on the server. Each learner gets a few drawn at random, so an answer
    list shared between learners helps little and a script cannot skip the lesson."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="checkpoint_questions")
    question = models.CharField(_("question"), max_length=300)
    options = models.TextField(_("answers"), help_text=_("One answer per line, 2 to 6 answers."))
    correct_option = models.PositiveSmallIntegerField(
        _("number of the right answer"), help_text=_("1 for the first line, 2 for the second…")
    )
    explanation = models.CharField(_("explanation shown after answering"), max_length=400, blank=True)

    panels = [FieldPanel("question"), FieldPanel("options"), FieldPanel("correct_option"), FieldPanel("explanation")]

    class Meta(Orderable.Meta):
        verbose_name = _("checkpoint question")
        verbose_name_plural = _("checkpoint questions")

    def __str__(self):
        return self.question

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        options = self.option_list
        if not 2 <= len(options) <= 6:
            raise ValidationError({"options": _("Write 2 to 6 answers, one per line.")})
        if not 1 <= (self.correct_option or 0) <= len(options):
            raise ValidationError(
                {
                    "correct_option": _("Give the number of one of the answers (1 to %(count)s).")
                    % {"count": len(options)}
                }
            )


class LessonActivity(models.Model):
    """An H5P activity used by a live lesson, kept from the lesson's content when it is saved: who may play a
    package and which xAPI statements belong to a lesson are answered from here, not by reading page bodies."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="activities")
    block_id = models.CharField(max_length=64)
    package = models.ForeignKey("hocvuso_media.H5PPackage", on_delete=models.CASCADE, related_name="+")
    required = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lesson", "block_id"], name="hocvuso_activity_unique_block")]

    def __str__(self):
        return f"{self.lesson_id}:{self.block_id}"


class Enrolment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Studying")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Left the course")

    class Source(models.TextChoices):
        SELF = "self", _("Enrolled themselves")
        WARD_ADMIN = "ward_admin", _("Enrolled by the ward")
        BULK = "bulk", _("Enrolled from a list")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(_("how"), max_length=16, choices=Source.choices, default=Source.SELF)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_lesson = models.ForeignKey(LessonPage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    last_seen_at = models.DateTimeField(null=True, blank=True)
    # {assessment id: "passed" | "not_passed"} for the course's quizzes and final test, from the learner's graded
    # attempts (kept by courses.receivers when an attempt is graded): the lesson page shows it without a query.
    assessment_results = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        permissions = [("manage_enrolments", "Can enrol learners and approve enrolments")]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="hocvuso_enrolment_one_per_course"),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "active", "completed", "withdrawn"]),
                name="hocvuso_enrolment_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["course", "status"], name="hocvuso_enrolment_course_st")]

    def __str__(self):
        return f"{self.user_id} → {self.course_id} ({self.status})"

    @property
    def is_studying(self) -> bool:
        return self.status in {self.Status.ACTIVE, self.Status.COMPLETED}


class LessonProgress(models.Model):
    """What the server has seen of one learner in one lesson. Every number here comes from the server's own
    clock and checks; a browser can report that time passed or a video played, never that a lesson is done."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    reading_seconds = models.PositiveIntegerField(default=0)
    # {block_id: {"duration": seconds, "segments": [[start, end], …]}}: merged intervals really played
    video_watched = models.JSONField(default=dict, blank=True)
    activities_done = models.JSONField(default=list, blank=True)
    checkpoint_question_ids = models.JSONField(default=list, blank=True)
    checkpoint_passed_at = models.DateTimeField(null=True, blank=True)
    checkpoint_attempts = models.PositiveIntegerField(default=0)
    # the page view whose heartbeats were counted last, its last sequence number and the visible time counted
    heartbeat_view = models.CharField(max_length=32, blank=True)
    heartbeat_seq = models.PositiveIntegerField(default=0)
    heartbeat_counted = models.FloatField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="hocvuso_progress_one_per_lesson"),
        ]

    def __str__(self):
        return f"{self.enrolment_id}:{self.lesson_id}"


class XAPIStatement(models.Model):
    """A statement an H5P activity sent from the learner's browser. Kept as evidence of activity only: its score
    never counts toward an assessment or a certificate (those are scored on the server)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    statement_id = models.CharField(max_length=64, blank=True)
    verb = models.CharField(max_length=200)
    object_id = models.CharField(max_length=500, blank=True)
    completion = models.BooleanField(null=True)
    success = models.BooleanField(null=True)
    reported_score = models.FloatField(null=True, help_text="as reported by the browser; never used for grading")
    statement = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "statement_id"],
                condition=~models.Q(statement_id=""),
                name="hocvuso_xapi_statement_once",
            )
        ]
        indexes = [models.Index(fields=["user", "lesson"], name="hocvuso_xapi_user_lesson")]

    def __str__(self):
        return f"{self.verb} {self.object_id}"

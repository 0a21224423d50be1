"""The portal column “Bình dân học vụ số”: the page types editors publish and the snippets they manage."""

import datetime
from urllib.parse import quote

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.ratelimit import Limit, client_address
from lms.text import fold

from .blocks import BodyBlock, GuideStepBlock, VideoBlock
from .forms import LibraryDocumentForm
from .page_cache import mark_cacheable
from .page_cache import version as page_cache_version
from .rich_text import FEATURES, SanitisedRichTextField

LISTING_PAGE_SIZE = 10


class FoldedSearchMixin:
    """Indexes a copy of the text without diacritics, so "hoc vu so" and "HỌC VỤ SỐ" both find "học vụ số"
    on SQLite and PostgreSQL alike (the query is folded the same way in cms.selectors.search_portal)."""

    search_text_fields: tuple[str, ...] = ()

    def folded_search_text(self) -> str:
        parts = [getattr(self, "title", "")]
        for name in self.search_text_fields:
            value = getattr(self, name, "")
            if hasattr(value, "stream_block"):
                value = " ".join(value.stream_block.get_searchable_content(value))
            parts.append(strip_tags(str(value or "")))
        return fold(" ".join(parts))


class FeaturedImageMixin(models.Model):
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured image"),
    )
    featured_image_alt = models.CharField(
        _("featured image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError(
                {"featured_image_alt": _("Describe the image (alternative text) so that blind readers understand it.")}
            )


class CachedForVisitorsMixin:
    """Lets the anonymous page cache keep this page type's responses (see cms.page_cache)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        mark_cacheable(response)
        return response


class BreadcrumbsMixin:
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.get_ancestors().filter(depth__gt=1)
        return context


class PortalPage(CachedForVisitorsMixin, BreadcrumbsMixin, FoldedSearchMixin, Page):
    """What every page of the column shares: a summary for cards, search and social sharing."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences shown in lists and search results."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("folded_search_text")]
    search_text_fields = ("summary",)

    class Meta:
        abstract = True

    @property
    def listing_date(self) -> datetime.date:
        published = self.first_published_at or timezone.now()
        return timezone.localtime(published).date()

    def save(self, *args, **kwargs):
        # A StreamField stores items nobody has read back as they came (raw JSON from an import, a script or
        # a revision); reading every item first makes each block's get_prep_value run, which is where rich
        # text is sanitised.
        for field in self._meta.concrete_fields:
            if isinstance(field, StreamField):
                for _item in getattr(self, field.attname):
                    pass
        return super().save(*args, **kwargs)


class HomePage(CachedForVisitorsMixin, Page):
    """The portal's home: what the movement is and where to start. The column's pages hang below it."""

    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)
    call_to_action = models.CharField(_("call to action"), max_length=120, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("call_to_action")]

    template = "cms/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.api import catalog_url

        context = super().get_context(request, *args, **kwargs)
        context["section"] = SectionHomePage.objects.live().child_of(self).first()
        context["catalog_url"] = catalog_url()
        return context


class SectionHomePage(PortalPage):
    """The column's home: the latest news, coming events, guides and stories on one light page."""

    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_text_fields = ("summary", "intro")
    template = "cms/section_home_page.html"
    parent_page_types = ["hocvuso_cms.HomePage", "wagtailcore.Page"]
    subpage_types = [
        "hocvuso_cms.IndexPage",
        "hocvuso_cms.FaqPage",
        "hocvuso_cms.DocumentLibraryPage",
        "hocvuso_cms.FeedbackFormPage",
    ]

    class Meta:
        verbose_name = _("column home page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import section_home_listings

        context = super().get_context(request, *args, **kwargs)
        # read only when the template's cached fragment is missing (after a publish): signed-in visitors, who
        # never get a whole cached page, still get the lists from the cache
        context["listings"] = SimpleLazyObject(lambda: section_home_listings(self))
        context["cache_version"] = page_cache_version()
        return context


class ListingKind(models.TextChoices):
    ARTICLES = "articles", _("News articles")
    EVENTS = "events", _("Events")
    GUIDES = "guides", _("Guides")
    STORIES = "stories", _("Exemplary stories")


class IndexPage(PortalPage):
    """A list of one kind of page (news, events, guides or stories), newest first; news can be filtered by
    category and tag. One kind per list keeps ordering and paging in the database."""

    kind = models.CharField(_("lists"), max_length=16, choices=ListingKind.choices, default=ListingKind.ARTICLES)
    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("summary"), FieldPanel("intro")]
    template = "cms/index_page.html"
    parent_page_types = ["hocvuso_cms.SectionHomePage"]
    subpage_types = [
        "hocvuso_cms.ArticlePage",
        "hocvuso_cms.EventPage",
        "hocvuso_cms.GuidePage",
        "hocvuso_cms.StoryPage",
    ]

    class Meta:
        verbose_name = _("list page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import index_listing

        context = super().get_context(request, *args, **kwargs)
        category, tag = request.GET.get("chuyen-muc", ""), request.GET.get("the", "")
        items = index_listing(self, category_slug=category, tag_slug=tag)
        context["page_obj"] = Paginator(items, LISTING_PAGE_SIZE).get_page(request.GET.get("trang"))
        context["active_category"], context["active_tag"] = category, tag
        context["active_tag_encoded"] = quote(tag)
        context["categories"] = ArticleCategory.objects.all()
        return context


class ArticleCategory(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("article category")
        verbose_name_plural = _("article categories")

    def __str__(self):
        return self.name


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("hocvuso_cms.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(FeaturedImageMixin, PortalPage):
    date = models.DateField(_("date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=150, blank=True)
    category = models.ForeignKey(
        ArticleCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("category"),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("tags")]),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body"), index.FilterField("date")]
    search_text_fields = ("summary", "author", "body")
    template = "cms/article_page.html"
    parent_page_types = ["hocvuso_cms.IndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    og_type = "article"

    @property
    def listing_date(self):
        return self.date


class EventPage(FeaturedImageMixin, PortalPage):
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.CharField(_("who it is for"), max_length=250, blank=True)
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("details"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("online_url")]),
        FieldPanel("audience"),
        FieldPanel("what_to_bring"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body"), index.FilterField("starts_at")]
    search_text_fields = ("summary", "location", "audience", "body")
    template = "cms/event_page.html"
    parent_page_types = ["hocvuso_cms.IndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at"], name="hocvuso_cms_event_starts")]

    @property
    def listing_date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if not self.location.strip() and not self.online_url:
            errors["location"] = _("Give a place, an online link, or both.")
        if errors:
            raise ValidationError(errors)


class GuidePage(FeaturedImageMixin, PortalPage):
    """Step-by-step help for a real task: install VNeID, pay online, spot a scam."""

    steps = StreamField([("step", GuideStepBlock())], min_num=1, verbose_name=_("steps"))
    video = StreamField([("video", VideoBlock())], blank=True, max_num=1, verbose_name=_("video (optional)"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Image")),
        FieldPanel("steps"),
        FieldPanel("video"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("steps")]
    search_text_fields = ("summary", "steps")
    template = "cms/guide_page.html"
    parent_page_types = ["hocvuso_cms.IndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")


class StoryPage(FeaturedImageMixin, PortalPage):
    """An exemplary person or team (gương điển hình) of the movement."""

    person_name = models.CharField(_("person or team"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("story"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("role")]),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Photo")),
        FieldPanel("body"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("body")]
    search_text_fields = ("summary", "person_name", "role", "body")
    template = "cms/story_page.html"
    parent_page_types = ["hocvuso_cms.IndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exemplary story")
        verbose_name_plural = _("exemplary stories")


class FaqTopic(models.Model):
    name = models.CharField(_("topic"), max_length=150, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("question topic")
        verbose_name_plural = _("question topics")

    def __str__(self):
        return self.name


class FaqEntry(FoldedSearchMixin, index.Indexed, models.Model):
    topic = models.ForeignKey(FaqTopic, on_delete=models.CASCADE, related_name="entries", verbose_name=_("topic"))
    question = models.CharField(_("question"), max_length=300)
    answer = SanitisedRichTextField(_("answer"), features=FEATURES)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("topic"), FieldPanel("question"), FieldPanel("answer"), FieldPanel("sort_order")]
    search_fields = [
        index.SearchField("question"),
        index.SearchField("answer"),
        index.SearchField("folded_search_text"),
    ]
    search_text_fields = ("answer",)

    class Meta:
        ordering = ["topic", "sort_order", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question

    @cached_property
    def title(self):
        return self.question


class FaqPage(PortalPage):
    """All questions and answers, grouped by topic, as disclosure widgets that work without JavaScript."""

    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    template = "cms/faq_page.html"
    parent_page_types = ["hocvuso_cms.SectionHomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("questions and answers page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = FaqTopic.objects.prefetch_related("entries")
        return context


class LibraryDocument(FoldedSearchMixin, index.Indexed, models.Model):
    """A published document (plan, decision, guidance) kept in a django-filer folder."""

    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("number"), max_length=100, blank=True, help_text=_("For example: 125/KH-UBND"))
    issued_on = models.DateField(_("date issued"))
    issuer = models.CharField(_("issued by"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    file = models.ForeignKey("filer.File", on_delete=models.PROTECT, related_name="+", verbose_name=_("file"))

    search_fields = [
        index.SearchField("title"),
        index.SearchField("number"),
        index.SearchField("folded_search_text"),
        index.FilterField("issued_on"),
    ]
    search_text_fields = ("number", "issuer", "summary")
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("issuer"),
        FieldPanel("summary"),
        FieldPanel("folder"),
        FieldPanel("upload"),
    ]
    base_form_class = LibraryDocumentForm

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")

    def __str__(self):
        return f"{self.number} {self.title}".strip()


class DocumentLibraryPage(PortalPage):
    """The documents of one django-filer folder, newest first, searchable and filterable by year."""

    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)
    folder = models.ForeignKey(
        "filer.Folder", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("folder")
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro"), FieldPanel("folder")]
    template = "cms/document_library_page.html"
    parent_page_types = ["hocvuso_cms.SectionHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        from .selectors import library_documents

        context = super().get_context(request, *args, **kwargs)
        query, year = " ".join(request.GET.get("q", "").split())[:200], request.GET.get("nam", "")
        documents = library_documents(self, query=query, year=year)
        context["page_obj"] = Paginator(documents, 20).get_page(request.GET.get("trang"))
        context["query"], context["year"] = query, year
        return context


# Feedback from one address: a person writes a few times an hour; a flood is a script.
FEEDBACK_PER_ADDRESS = Limit("cms:feedback", attempts=5, window_seconds=60 * 60)
HONEYPOT_FIELD = "website"


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("hocvuso_cms.FeedbackFormPage", related_name="form_fields", on_delete=models.CASCADE)


class FeedbackFormPage(BreadcrumbsMixin, AbstractEmailForm):
    """Contact and feedback, built by editors from fields; protected by a hidden trap field and a limit per
    address."""

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    intro = SanitisedRichTextField(_("introduction"), blank=True, features=FEATURES)
    thank_you_text = SanitisedRichTextField(_("thank-you text"), blank=True, features=FEATURES)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("Email"),
        ),
    ]
    template = "cms/feedback_form_page.html"
    landing_page_template = "cms/feedback_form_page_landing.html"
    parent_page_types = ["hocvuso_cms.SectionHomePage", "hocvuso_cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("feedback form")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            address = client_address(request)
            if FEEDBACK_PER_ADDRESS.exceeded(address):
                form = self.get_form(page=self, user=request.user)
                context = self.get_context(request)
                context["form"] = form
                context["throttled"] = True
                return TemplateResponse(request, self.get_template(request), context, status=429)
            FEEDBACK_PER_ADDRESS.record(address)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        if form.cleaned_data.get(HONEYPOT_FIELD):
            return None  # a bot filled the hidden field: thank it, keep nothing, send nothing
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)

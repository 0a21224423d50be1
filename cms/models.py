from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The portal's home: what the movement is and where to start. The section pages hang below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    call_to_action = models.CharField(_("call to action"), max_length=120, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("call_to_action")]

    template = "cms/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

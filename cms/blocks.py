"""Every content block of the portal column, in one place."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .documents import extension_of
from .rich_text import FEATURES, SanitisedRichTextBlock

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


class VideoBlock(blocks.StructBlock):
    """A video file with captions: no captions, no video (people with hearing loss must follow it)."""

    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT .vtt file)"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = SanitisedRichTextBlock(label=_("Transcript"), features=FEATURES, required=False)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if extension_of(value["video"].file.name) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM video file."))
        if extension_of(value["captions"].file.name) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(_("Choose a WebVTT captions file (.vtt)."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        template = "cms/blocks/video.html"
        label = _("Video")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"
        label = _("Quote")


class CallToActionBlock(blocks.StructBlock):
    """Points readers at a course or a service. Until the courses app publishes its api, any page or address."""

    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)
    description = blocks.TextBlock(label=_("Short description"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "cms/blocks/call_to_action.html"
        label = _("Call to action")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_link.html"
        label = _("Document link")


class OfflineFriendlyEmbedBlock(EmbedBlock):
    """An embed (YouTube, a map…) that becomes a plain link when its provider cannot be reached."""

    class Meta:
        icon = "media"
        template = "cms/blocks/embed.html"
        label = _("Embed")


class BodyBlock(blocks.StreamBlock):
    paragraph = SanitisedRichTextBlock(label=_("Paragraph"), features=FEATURES)
    image = ImageBlock(label=_("Image"), template="cms/blocks/image.html")
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = TableBlock(label=_("Table"))
    embed = OfflineFriendlyEmbedBlock(label=_("Embed"))


class GuideStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"), max_length=200)
    text = SanitisedRichTextBlock(label=_("What to do"), features=FEATURES)
    image = ImageBlock(label=_("Screenshot or photo"), required=False)

    class Meta:
        icon = "list-ol"
        template = "cms/blocks/guide_step.html"
        label = _("Step")

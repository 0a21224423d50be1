"""Rich text (portal column and lessons) is sanitised when it is stored, whatever the path (admin editor,
import, script, demo): only the elements the editor can produce survive; <script>, on* attributes and
javascript: links never reach a page."""

from django.utils.encoding import force_str
from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

# Dropped with everything inside them; any other unknown element is unwrapped and its text kept.
_DANGEROUS = frozenset({"script", "style", "iframe", "object", "embed-script", "template", "noscript", "svg", "math"})
_TEXT_ELEMENTS = (
    "p",
    "br",
    "b",
    "i",
    "strong",
    "em",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "hr",
    "sub",
    "sup",
    "blockquote",
    "code",
)

FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "blockquote"]


class StoredRichTextWhitelister(Whitelister):
    """Wagtail's stored rich-text format: <a linktype="page" id="3"> for internal links, <embed embedtype=…>
    for images and media, plain tags otherwise."""

    element_rules = {
        "[document]": allow_without_attributes,
        # data-block-key anchors the admin's inline comments to a paragraph
        **dict.fromkeys(_TEXT_ELEMENTS, attribute_rule({"data-block-key": True})),
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
        "embed": attribute_rule({"embedtype": True, "id": True, "format": True, "alt": True, "url": True}),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in _DANGEROUS:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)
        if tag.name == "a" and not tag.get("href") and not tag.get("linktype"):
            tag.unwrap()  # a link whose only target was unsafe becomes plain text


_whitelister = StoredRichTextWhitelister()


def sanitise_rich_text(html: str) -> str:
    return _whitelister.clean(force_str(html or ""))


class SanitisedRichTextField(RichTextField):
    def pre_save(self, model_instance, add):
        value = sanitise_rich_text(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


class SanitisedRichTextBlock(blocks.RichTextBlock):
    def get_prep_value(self, value):
        return sanitise_rich_text(value.source if isinstance(value, RichText) else value)

    class Meta:
        icon = "pilcrow"

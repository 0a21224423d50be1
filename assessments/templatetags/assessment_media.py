"""Pictures and sound in questions: renditions small enough for a slow phone, always with a text alternative."""

from django import template
from django.utils.html import format_html
from wagtail.images import get_image_model

register = template.Library()

OPTION_RENDITION = "max-320x240|format-webp"
STEM_RENDITION = "max-640x480|format-webp"


def _img(image_id: int, alt: str, spec: str) -> str:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    return format_html(
        '<img class="question-image" src="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async">',
        rendition.url,
        rendition.width,
        rendition.height,
        alt or image.title,
    )


@register.simple_tag
def option_image(image_id, alt=""):
    return _img(image_id, alt, OPTION_RENDITION)


@register.simple_tag
def stem_image(image, alt=""):
    """The question's own picture (an Image instance already loaded with the version)."""
    if image is None:
        return ""
    return _img(image.pk, alt, STEM_RENDITION)

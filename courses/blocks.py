"""The content blocks of a lesson. Blocks that produce evidence of study (video, H5P activity) are found by
their StreamField block id, which stays the same across revisions of the lesson."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from lms.rich_text import FEATURES, SanitisedRichTextBlock
from media.choosers import FilerFileChooserBlock, H5PPackageChooserBlock

VIDEO_EXTENSIONS = ("mp4", "webm")
AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg", "wav")
CAPTION_EXTENSIONS = ("vtt",)
DOCUMENT_EXTENSIONS = ("pdf", "docx", "xlsx", "odt", "ods", "pptx", "odp")


def _extension(file) -> str:
    name = getattr(file, "original_filename", "") or getattr(getattr(file, "file", None), "name", "") or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class FileTypesMixin:
    """A block whose chosen files must be of given types: `file_types = {field: (extensions, message)}`."""

    file_types: dict = {}

    def clean(self, value):
        value = super().clean(value)
        errors = {
            name: ValidationError(message)
            for name, (extensions, message) in self.file_types.items()
            if value.get(name) is not None and _extension(value[name]) not in extensions
        }
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class LessonVideoBlock(FileTypesMixin, blocks.StructBlock):
    """A video from the file library, with captions (required) and a transcript. It loads only when the learner
    presses play, and counts as watched from the segments really played (see courses.progress)."""

    video = FilerFileChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = FilerFileChooserBlock(label=_("Captions (WebVTT .vtt file)"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    duration_seconds = blocks.IntegerBlock(
        label=_("Length in seconds"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to take the length the player reports the first time."),
    )
    transcript = SanitisedRichTextBlock(label=_("Transcript"), features=FEATURES, required=False)
    required = blocks.BooleanBlock(label=_("Must be watched to finish the lesson"), required=False, default=True)

    file_types = {
        "video": (VIDEO_EXTENSIONS, _("Choose an MP4 or WebM video.")),
        "captions": (CAPTION_EXTENSIONS, _("Choose a WebVTT captions file (.vtt).")),
    }

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")


class LessonAudioBlock(FileTypesMixin, blocks.StructBlock):
    """The lesson read aloud, or a short explanation, for learners who read with difficulty."""

    audio = FilerFileChooserBlock(label=_("Audio file (MP3, M4A, OGG or WAV)"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = SanitisedRichTextBlock(label=_("Transcript"), features=FEATURES, required=False)

    file_types = {"audio": (AUDIO_EXTENSIONS, _("Choose an MP3, M4A, OGG or WAV file."))}

    class Meta:
        icon = "media"
        template = "courses/blocks/audio.html"
        label = _("Audio")


class H5PActivityBlock(blocks.StructBlock):
    package = H5PPackageChooserBlock(label=_("H5P activity"))
    title = blocks.CharBlock(label=_("Title shown to learners"), max_length=200)
    required = blocks.BooleanBlock(label=_("Must be completed to finish the lesson"), required=False, default=True)

    class Meta:
        icon = "media"
        template = "courses/blocks/h5p.html"
        label = _("H5P activity")


class DocumentBlock(FileTypesMixin, blocks.StructBlock):
    document = FilerFileChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), max_length=200)

    file_types = {"document": (DOCUMENT_EXTENSIONS, _("Choose a PDF or office document."))}

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document.html"
        label = _("Downloadable document")


class TryItChecklistBlock(blocks.StructBlock):
    """“Try it yourself”: the steps to do on a real public service, ticked by the learner on their phone."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    service_name = blocks.CharBlock(label=_("Service"), max_length=200, required=False)
    service_url = blocks.URLBlock(label=_("Service address"), required=False)
    steps = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Steps"), min_num=1)

    class Meta:
        icon = "tasks"
        template = "courses/blocks/checklist.html"
        label = _("Try it yourself")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Good to know")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        label = _("Callout")


class LessonBodyBlock(blocks.StreamBlock):
    text = SanitisedRichTextBlock(label=_("Text"), features=FEATURES)
    image = ImageBlock(label=_("Image"), template="lms/blocks/image.html")
    video = LessonVideoBlock()
    audio = LessonAudioBlock()
    h5p = H5PActivityBlock()
    document = DocumentBlock()
    checklist = TryItChecklistBlock()
    callout = CalloutBlock()

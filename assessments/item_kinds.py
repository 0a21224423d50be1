"""The kinds of question the bank holds. Their behaviour (validation, scoring, forms) is in item_types.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("single choice")
    MULTIPLE_RESPONSE = "multiple_response", _("multiple response")
    TRUE_FALSE = "true_false", _("true or false")
    SHORT_ANSWER = "short_answer", _("short answer")
    NUMERIC = "numeric", _("numeric")
    MATCHING = "matching", _("matching")
    ORDERING = "ordering", _("ordering")
    CLOZE = "cloze", _("fill in the blanks")
    ESSAY = "essay", _("essay")
    PRACTICAL = "practical", _("practical task")


# Kinds an examiner grades; the rest are scored on the server as soon as the attempt closes.
REVIEWED_KINDS = frozenset({ItemKind.ESSAY, ItemKind.PRACTICAL})

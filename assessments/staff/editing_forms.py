"""Forms of the editors' screens: a question's common fields, its version (stem, media, feedback), and the
answers editor of each kind, which turns plain form rows into exactly the body JSON of var/spec6.md.

The answers editor only shapes the data; what a body may hold is decided by the kind's ``clean_body``, whose
messages the editor sees next to the form."""

from __future__ import annotations

import contextlib
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser

from lms.rich_text import FEATURES

from ..item_types import DEFAULT_ALLOWED_TYPES, DEFAULT_MAX_BYTES, ITEM_TYPES, parse_number
from ..models import Assessment, Component, ConfirmationRule, Item, ItemCategory, ItemVersion

MIB = 1024 * 1024
STEM_FEATURES = [feature for feature in FEATURES if feature not in ("document-link",)] + ["image"]


# --- choosing a component, grouped by framework and domain --------------------------------------------------------


def component_choices(empty_label=None) -> list:
    """Components grouped "framework · domain" for a <select> with <optgroup>s, in one query."""
    groups: dict[str, list] = {}
    rows = Component.objects.select_related("framework", "domain").order_by(
        "framework__code", "framework__version", "domain__order", "order"
    )
    for component in rows:
        label = f"{component.framework.code} {component.framework.version} · {component.domain}"
        groups.setdefault(label, []).append((component.pk, str(component)))
    choices = list(groups.items())
    if empty_label is not None:
        choices.insert(0, ("", empty_label))
    return choices


class ComponentChoiceField(forms.TypedChoiceField):
    """A component picked from the grouped list; cleans to the Component (None when left empty)."""

    def __init__(self, *, required=False, **kwargs):
        super().__init__(
            choices=lambda: component_choices("---------"),
            coerce=self._component,
            empty_value=None,
            required=required,
            **kwargs,
        )

    @staticmethod
    def _component(value):
        return Component.objects.select_related("framework").get(pk=int(value))

    def prepare_value(self, value):
        return getattr(value, "pk", value)

    def valid_value(self, value):
        return super().valid_value(value)


# --- the question's fields ------------------------------------------------------------------------------------------


class ItemForm(WagtailAdminModelForm):
    component = ComponentChoiceField(label=_("component"))

    class Meta:
        model = Item
        fields = ["title", "category", "component", "level", "difficulty", "tags", "rubric", "archived"]

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.component_id:
            self.initial["component"] = self.instance.component_id
        self.fields["difficulty"].widget = forms.Select(
            choices=[
                (1, _("1: very easy")),
                (2, _("2: easy")),
                (3, _("3: medium")),
                (4, _("4: hard")),
                (5, _("5: very hard")),
            ]
        )
        if not ITEM_TYPES[kind].needs_review:
            del self.fields["rubric"]
        if not self.instance.pk:
            del self.fields["archived"]
        self.fields["category"].queryset = ItemCategory.objects.select_related("parent__parent")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") and not cleaned.get("component"):
            self.add_error("level", _("Choose the component this level belongs to."))
        return cleaned


class VersionForm(WagtailAdminModelForm):
    class Meta:
        model = ItemVersion
        fields = ["stem", "stem_image", "stem_audio", "general_feedback"]
        widgets = {"general_feedback": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stem"].widget = get_rich_text_editor_widget(features=STEM_FEATURES)
        self.fields["stem_audio"].help_text = _("An audio file from the file library (read aloud for learners).")


# --- the answers editor ---------------------------------------------------------------------------------------------

CREDIT_HELP = _("0 to 1: 1 = full marks, 0.5 = half")


def _credit_field(initial):
    return forms.DecimalField(
        label=_("credit"),
        min_value=Decimal(0),
        max_value=Decimal(1),
        max_digits=5,
        decimal_places=4,
        required=False,
        initial=initial,
        localize=True,
        widget=forms.TextInput(attrs={"size": 5, "inputmode": "decimal"}),
    )


def _text(label, *, size=40, required=False):
    return forms.CharField(
        label=label, required=required, max_length=10_000, widget=forms.TextInput(attrs={"size": size})
    )


class _Row(forms.Form):
    key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
    # the fields whose emptiness means "no row here"
    content_fields: tuple[str, ...] = ("text",)

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return all(not str(data.get(name) or "").strip() for name in self.content_fields)


def _image_field():
    return forms.ModelChoiceField(
        queryset=get_image_model().objects.all(), required=False, widget=AdminImageChooser, label=_("picture")
    )


class ScoredOptionRow(_Row):
    text = _text(_("option"))
    credit = _credit_field(0)
    feedback = _text(_("feedback"), size=25)
    image = _image_field()
    image_alt = _text(_("the picture in words"), size=25)


class CorrectOptionRow(_Row):
    text = _text(_("option"))
    correct = forms.BooleanField(label=_("correct"), required=False)
    feedback = _text(_("feedback"), size=25)
    image = _image_field()
    image_alt = _text(_("the picture in words"), size=25)


class TextAnswerRow(_Row):
    text = _text(_("accepted answer"))
    credit = _credit_field(1)
    feedback = _text(_("feedback"), size=25)


class NumericAnswerRow(_Row):
    value = _text(_("value"), size=10)
    tolerance = _text(_("tolerance (±)"), size=6)
    credit = _credit_field(1)
    feedback = _text(_("feedback"), size=25)
    content_fields = ("value",)

    def clean_value(self):
        value = self.cleaned_data["value"].strip()
        if value and parse_number(value) is None:
            raise ValidationError(_("Write a number, such as 3,5."))
        return value

    def clean_tolerance(self):
        value = self.cleaned_data["tolerance"].strip()
        if value and parse_number(value) is None:
            raise ValidationError(_("Write a number, such as 0,1."))
        return value


class PairRow(_Row):
    prompt = _text(_("prompt"), size=30)
    answer = _text(_("matching answer"), size=30)
    content_fields = ("prompt", "answer")


class ExtraAnswerRow(_Row):
    text = _text(_("extra answer (matches nothing)"))


class OrderedItemRow(_Row):
    text = _text(_("item"))


class BlankRow(_Row):
    key = forms.CharField(
        label=_("blank name"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"size": 5}),
        help_text=_("Written in the text as [[name]]."),
    )
    mode = forms.ChoiceField(
        label=_("how it is answered"),
        choices=[("text", _("typed")), ("choice", _("chosen from a list"))],
        initial="text",
    )
    answers = forms.CharField(
        label=_("answers, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 30}),
        help_text=_(
            "Typed: each line an accepted answer (full marks). List: each line an option, the right one "
            "ending with “| 1”. “| 0.5” gives half marks."
        ),
    )
    weight = forms.DecimalField(
        label=_("weight"),
        min_value=Decimal("0.01"),
        initial=1,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"size": 4}),
    )
    shuffle = forms.BooleanField(label=_("shuffle the list"), required=False)
    content_fields = ("key", "answers")


def _decimal_text(value) -> str:
    """A credit or number as the editor reads it: 0,5 (decimal comma), 1, 0."""
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number == number.to_integral_value() else format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _credit(value, default) -> str:
    return str(default if value in (None, "") else value)


class _Settings(forms.Form):
    """A kind's single-valued settings (flags, texts); each subclass maps to and from the body."""

    def to_body(self) -> dict:
        return dict(self.cleaned_data)

    @classmethod
    def initial_from(cls, body: dict) -> dict:
        return {name: body[name] for name in cls.base_fields if name in body}


class ShuffleSettings(_Settings):
    shuffle = forms.BooleanField(label=_("shuffle the options for each learner"), required=False, initial=True)


class MultipleResponseSettings(ShuffleSettings):
    scoring = forms.ChoiceField(
        label=_("scoring"),
        choices=[
            ("partial", _("partial credit: right picks minus wrong picks")),
            ("all_or_nothing", _("all or nothing: only the exact set scores")),
        ],
        initial="partial",
    )


class TrueFalseSettings(_Settings):
    correct = forms.TypedChoiceField(
        label=_("the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    feedback_true = forms.CharField(label=_("feedback when the learner says “true”"), required=False)
    feedback_false = forms.CharField(label=_("feedback when the learner says “false”"), required=False)

    @classmethod
    def initial_from(cls, body):
        initial = super().initial_from(body)
        if "correct" in body:
            initial["correct"] = "true" if body["correct"] else "false"
        return initial


class MatchingFlags(_Settings):
    case_sensitive = forms.BooleanField(label=_("capital letters matter"), required=False)
    diacritics = forms.ChoiceField(
        label=_("diacritics (dấu)"),
        choices=[
            ("optional", _("optional: “ha noi” counts as “Hà Nội”")),
            ("required", _("required: the marks must be right")),
        ],
        initial="optional",
    )


class NumericSettings(_Settings):
    unit = forms.CharField(label=_("unit (optional)"), required=False, max_length=40)


class ClozeSettings(MatchingFlags):
    text = forms.CharField(
        label=_("text with blanks"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Write [[1]], [[2]] … where a blank goes, and describe each blank below."),
    )
    field_order = ["text", "case_sensitive", "diacritics"]


class EssaySettings(_Settings):
    min_words = forms.IntegerField(label=_("fewest words"), min_value=0, initial=0, required=False)
    max_words = forms.IntegerField(label=_("most words (empty = no limit)"), min_value=1, required=False)
    response_template = forms.CharField(
        label=_("text the answer box starts with"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def to_body(self):
        data = dict(self.cleaned_data)
        data["min_words"] = data.get("min_words") or 0
        return data


class PracticalSettings(_Settings):
    mode = forms.ChoiceField(
        label=_("how the task is checked"),
        choices=[("upload", _("the learner uploads a file")), ("observed", _("an examiner watches the task"))],
        initial="upload",
    )
    instructions = forms.CharField(label=_("instructions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    allowed_types = forms.CharField(
        label=_("file types allowed"),
        required=False,
        initial=", ".join(DEFAULT_ALLOWED_TYPES),
        help_text=_("Separated by commas, e.g. image/jpeg, application/pdf"),
    )
    max_megabytes = forms.DecimalField(
        label=_("largest file (MB)"), min_value=Decimal("0.01"), initial=DEFAULT_MAX_BYTES // MIB, localize=True
    )

    @classmethod
    def initial_from(cls, body):
        initial = super().initial_from(body)
        if "allowed_types" in body:
            initial["allowed_types"] = ", ".join(body["allowed_types"])
        if "max_bytes" in body:
            initial["max_megabytes"] = _decimal_text(Decimal(body["max_bytes"]) / MIB)
        return initial

    def to_body(self):
        data = self.cleaned_data
        return {
            "mode": data["mode"],
            "instructions": data["instructions"],
            "allowed_types": [part.strip() for part in data["allowed_types"].split(",") if part.strip()],
            "max_bytes": int(data["max_megabytes"] * MIB),
        }


# (name of the list in the body, row form, heading, rows to add when empty)
LISTS: dict[str, list[tuple[str, type[_Row], object, int]]] = {
    "single_choice": [("options", ScoredOptionRow, _("Options"), 4)],
    "multiple_response": [("options", CorrectOptionRow, _("Options"), 4)],
    "true_false": [],
    "short_answer": [("answers", TextAnswerRow, _("Accepted answers"), 2)],
    "numeric": [("answers", NumericAnswerRow, _("Accepted answers"), 2)],
    "matching": [
        ("pairs", PairRow, _("Pairs"), 3),
        ("extra_answers", ExtraAnswerRow, _("Extra answers (to make guessing harder)"), 1),
    ],
    "ordering": [("items", OrderedItemRow, _("Items, in the right order"), 4)],
    "cloze": [("blanks", BlankRow, _("Blanks"), 2)],
    "essay": [],
    "practical": [],
}
SETTINGS: dict[str, type[_Settings] | None] = {
    "single_choice": ShuffleSettings,
    "multiple_response": MultipleResponseSettings,
    "true_false": TrueFalseSettings,
    "short_answer": MatchingFlags,
    "numeric": NumericSettings,
    "matching": ShuffleSettings,
    "ordering": None,
    "cloze": ClozeSettings,
    "essay": EssaySettings,
    "practical": PracticalSettings,
}
EXTRA_ROWS = 2


def _row_initial(kind: str, name: str, entry: dict) -> dict:
    if name == "blanks":
        default = 1 if entry.get("mode", "text") == "text" else 0
        lines = []
        for answer in entry.get("answers") or entry.get("options") or []:
            credit = Decimal(str(answer.get("credit", default)))
            text = answer.get("text", "")
            lines.append(text if credit == default else f"{text} | {_decimal_text(credit)}")
        return {
            "key": entry.get("key", ""),
            "mode": entry.get("mode", "text"),
            "answers": "\n".join(lines),
            "weight": entry.get("weight", 1),
            "shuffle": entry.get("shuffle", False),
        }
    initial = dict(entry)
    for number_field in ("value", "tolerance"):
        if number_field in initial:
            initial[number_field] = _decimal_text(initial[number_field])
    return initial


def _blank_lines(text: str, default: int) -> list[dict]:
    answers = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        credit: object = default
        if "|" in line:
            head, tail = line.rsplit("|", 1)
            try:
                number = Decimal(tail.strip().replace(",", "."))
            except InvalidOperation:
                number = None
            if number is not None:
                line, credit = head.strip(), str(number)
        answers.append({"text": line, "credit": credit})
    return answers


class AnswersEditor:
    """The per-kind part of the question form: lists of rows (formsets) and the kind's settings."""

    prefix = "answers"

    def __init__(self, kind: str, *, data=None, body: dict | None = None):
        self.kind = kind
        self.original = body or {}
        self.formsets = []
        for name, row_class, heading, empty_rows in LISTS[kind]:
            entries = self.original.get(name) or []
            formset_class = forms.formset_factory(
                row_class, extra=EXTRA_ROWS if entries else empty_rows, can_delete=True, can_order=True
            )
            formset = formset_class(
                data=data,
                initial=[_row_initial(kind, name, entry) for entry in entries] or None,
                prefix=f"{self.prefix}-{name}",
            )
            formset.body_name, formset.heading = name, heading
            formset.columns = list(formset.empty_form.visible_fields())
            self.formsets.append(formset)
        settings_class = SETTINGS[kind]
        self.settings = (
            settings_class(
                data=data,
                initial=settings_class.initial_from(self.original) if body else None,
                prefix=self.prefix,
            )
            if settings_class
            else None
        )

    @property
    def media(self):
        media = forms.Media()
        for formset in self.formsets:
            media += formset.media
        return media

    def is_valid(self) -> bool:
        valid = all(formset.is_valid() for formset in self.formsets)
        return (self.settings.is_valid() if self.settings else True) and valid

    def _rows(self, formset) -> list[dict]:
        ordered = []
        for index, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.is_blank():
                continue
            order = data.get("ORDER")
            ordered.append((order if order is not None else 10**6, index, data))
        return [data for _order, _index, data in sorted(ordered, key=lambda row: row[:2])]

    def body(self) -> dict:
        """The body JSON the rows describe (after is_valid); the kind's clean_body judges it."""
        body = self.settings.to_body() if self.settings else {}
        for formset in self.formsets:
            rows = self._rows(formset)
            body[formset.body_name] = [self._entry(formset.body_name, row) for row in rows]
        return body

    def _entry(self, name: str, row: dict) -> dict:
        kind = self.kind
        if name == "blanks":
            mode = row["mode"]
            default = 1 if mode == "text" else 0
            blank = {"key": row["key"].strip(), "mode": mode, "weight": str(row.get("weight") or 1)}
            lines = _blank_lines(row.get("answers") or "", default)
            if mode == "text":
                blank["answers"] = lines
            else:
                blank["options"] = self._keep_option_keys(blank["key"], lines)
                blank["shuffle"] = bool(row.get("shuffle"))
            return blank
        entry = {"key": row.get("key", "")}
        if kind in ("single_choice", "multiple_response") and row.get("image"):
            entry |= {"image": row["image"].pk, "image_alt": row.get("image_alt", "")}
        if kind == "single_choice":
            entry |= {"text": row["text"], "credit": _credit(row.get("credit"), 0), "feedback": row["feedback"]}
        elif kind == "multiple_response":
            entry |= {"text": row["text"], "correct": bool(row.get("correct")), "feedback": row["feedback"]}
        elif kind == "short_answer":
            entry = {"text": row["text"], "credit": _credit(row.get("credit"), 1), "feedback": row["feedback"]}
        elif kind == "numeric":
            entry = {
                "value": row["value"],
                "tolerance": row["tolerance"] or "0",
                "credit": _credit(row.get("credit"), 1),
                "feedback": row["feedback"],
            }
        elif name == "pairs":
            entry |= {"prompt": row["prompt"], "answer": row["answer"]}
        else:  # extra answers, ordering items
            entry |= {"text": row["text"]}
        return entry

    def _keep_option_keys(self, blank_key: str, options: list[dict]) -> list[dict]:
        """A list blank's options keep their keys by their text, so an unchanged option keeps its stored answers."""
        before = next((b for b in self.original.get("blanks", []) if b.get("key") == blank_key), {})
        keys = {option.get("text"): option.get("key") for option in before.get("options", [])}
        for option in options:
            if keys.get(option["text"]):
                option["key"] = keys[option["text"]]
        return options

    @property
    def errors(self) -> bool:
        return any(formset.total_error_count() for formset in self.formsets) or bool(
            self.settings is not None and self.settings.errors
        )


def with_more_rows(data, editor: AnswersEditor):
    """A copy of the posted data with room for more rows in every list (the "more rows" button, no JavaScript)."""
    data = data.copy()
    for formset in editor.formsets:
        key = f"{formset.prefix}-TOTAL_FORMS"
        with contextlib.suppress(ValueError):
            data[key] = str(int(data.get(key, 0)) + EXTRA_ROWS)
    return data


# --- other forms ---------------------------------------------------------------------------------------------------


class NewItemKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("question type"), choices=[(kind, item_type.label) for kind, item_type in ITEM_TYPES.items()]
    )


class KeyCorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("why the key is corrected"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text=_("Kept in the audit log with every changed score."),
    )


class ImportForm(forms.Form):
    MAX_BYTES = 2 * MIB
    file = forms.FileField(
        label=_("file (GIFT .gift/.txt or Moodle XML .xml)"),
        help_text=_("At most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".gift,.txt,.xml"}),
    )
    category = forms.ModelChoiceField(label=_("import into the category"), queryset=ItemCategory.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = ItemCategory.objects.select_related("parent__parent")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".gift", ".txt", ".xml")):
            raise ValidationError(_("Choose a .gift, .txt or .xml file."))
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    category = forms.ModelChoiceField(label=_("import into the category"), queryset=ItemCategory.objects.all())
    skip_problems = forms.BooleanField(label=_("Skip the questions with errors and import the others"), required=False)


class ExportForm(forms.Form):
    category = forms.ModelChoiceField(label=_("category"), queryset=ItemCategory.objects.none())
    include_archived = forms.BooleanField(label=_("include archived questions"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = ItemCategory.objects.select_related("parent__parent")


class ConfirmationRuleForm(WagtailAdminModelForm):
    class Meta:
        model = ConfirmationRule
        fields = [
            "title",
            "target_group",
            "framework",
            "assessment",
            "automatic",
            "active",
            "source_checked",
            "source_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assessment" in self.fields:
            self.fields["assessment"].queryset = Assessment.objects.order_by("title")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source_checked") and not (cleaned.get("source_note") or "").strip():
            self.add_error("source_note", _("Say which official text the rule was checked against."))
        return cleaned

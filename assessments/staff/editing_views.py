"""The editors' screens in the Wagtail admin: the item bank (list, editor, versions, key correction), import and
export, frameworks, assessments' blueprint check, and confirmation rules. Views are thin: the rules are in
assessments.bank and assessments.services."""

from __future__ import annotations

import base64
import hashlib
import random
import zlib

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from lms.api import fold

from .. import bank, services
from ..interchange import parse_gift, parse_moodle_xml
from ..item_kinds import ItemKind
from ..item_types import ITEM_TYPES
from ..models import Component, Framework, Item, ItemCategory, ItemVersion
from .editing_forms import (
    AnswersEditor,
    ImportConfirmForm,
    ImportForm,
    ItemForm,
    KeyCorrectionForm,
    NewItemKindForm,
    VersionForm,
    with_more_rows,
)

ITEMS = "hocvuso_items"
FRAMEWORKS = "hocvuso_frameworks"
IMPORT = "hocvuso_item_import"
CATEGORIES = "hocvuso_item_categories"
ASSESSMENTS = "hocvuso_assessments_admin"
RULES = "hocvuso_confirmation_rules"

item_policy = ModelPermissionPolicy(Item)
framework_policy = ModelPermissionPolicy(Framework)
UNCONFIRMED_RULE = gettext_lazy("Not verified — a rule set locally, not an official regulation")


def learner_url(assessment) -> str:
    return f"/kiem-tra/{assessment.slug}/"


# --- the item bank list --------------------------------------------------------------------------------------------


def _category_choices():
    return [(c.pk, str(c)) for c in ItemCategory.objects.select_related("parent__parent")]


def _component_choices():
    return [
        (c.pk, f"{c.framework.code} · {c}")
        for c in Component.objects.select_related("framework").order_by("framework__code", "order")
    ]


class ItemFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(label=gettext_lazy("category"), choices=_category_choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("type"), choices=ItemKind.choices)
    component = django_filters.ChoiceFilter(label=gettext_lazy("component"), choices=_component_choices)
    level = django_filters.NumberFilter(label=gettext_lazy("level"))
    difficulty = django_filters.ChoiceFilter(
        label=gettext_lazy("difficulty"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    tag = django_filters.CharFilter(label=gettext_lazy("tag"), method="filter_tag")
    archived = django_filters.BooleanFilter(label=gettext_lazy("archived"))

    class Meta:
        model = Item
        fields = ["category", "kind", "component", "level", "difficulty", "archived"]

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__name__iexact=value.strip()).distinct() if value.strip() else queryset


class VersionColumn(Column):
    def get_value(self, instance):
        version = instance.current_version
        if version is None:
            return "—"
        return _("v%(number)s (used)") % {"number": version.number} if version.used else f"v{version.number}"


class ItemIndexView(IndexView):
    filterset_class = ItemFilterSet
    search_fields = ["title"]
    search_backend_name = None
    page_title = gettext_lazy("Question bank")

    @cached_property
    def is_searchable(self):
        return True

    def get_base_queryset(self):
        return Item.objects.select_related("category__parent", "component", "current_version")

    def search_queryset(self, queryset):
        """Title or question text, with or without diacritics ("mat khau" finds "mật khẩu")."""
        if not self.is_searching:
            return queryset
        needle = fold(self.search_query)
        rows = queryset.values_list("pk", "title", "current_version__stem")
        matching = [pk for pk, title, stem in rows if needle in fold(title) or needle in fold(stem or "")]
        return queryset.filter(pk__in=matching)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=gettext_lazy("title"),
                get_url=lambda item: reverse(f"{ITEMS}:edit", args=[item.pk]),
                sort_key="title",
            ),
            Column("kind", label=gettext_lazy("type"), accessor="get_kind_display", sort_key="kind"),
            Column("category", label=gettext_lazy("category"), sort_key="category__name"),
            Column(
                "component",
                label=gettext_lazy("component"),
                accessor=lambda i: i.component.code if i.component_id else "—",
            ),
            Column("level", label=gettext_lazy("level"), sort_key="level"),
            Column("difficulty", label=gettext_lazy("difficulty"), sort_key="difficulty"),
            VersionColumn("version", label=gettext_lazy("version")),
            StatusTagColumn(
                "archived",
                label=gettext_lazy("status"),
                accessor=lambda i: _("archived") if i.archived else _("in use"),
                primary=lambda i: not i.archived,
            ),
        ]

    def get_header_buttons(self):
        from wagtail.admin.widgets.button import HeaderButton

        buttons = list(super().get_header_buttons())
        if item_policy.user_has_permission(self.request.user, "add"):
            buttons.append(HeaderButton(_("Import questions"), reverse(f"{IMPORT}:upload"), icon_name="upload"))
        category = self.request.GET.get("category")
        export = reverse(f"{IMPORT}:export")
        buttons.append(
            HeaderButton(
                _("Export as Moodle XML"),
                f"{export}?category={category}" if category and category.isdigit() else export,
                icon_name="download",
            )
        )
        return buttons


# --- writing a question -------------------------------------------------------------------------------------------


class _ItemPermission(PermissionCheckedMixin):
    permission_policy = item_policy


class ItemKindView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    """Step one of a new question: its type (it cannot change later: stored answers depend on it)."""

    permission_required = "add"
    template_name = "assessments/staff/editing/item_kind.html"
    page_title = gettext_lazy("New question")
    header_icon = "help"

    def get(self, request, *args, **kwargs):
        form = NewItemKindForm(request.GET or None)
        if form.is_bound and form.is_valid():
            url = reverse(f"{ITEMS}:add_kind", args=[form.cleaned_data["kind"]])
            category = request.GET.get("category", "")
            return redirect(f"{url}?category={category}" if category.isdigit() else url)
        return self.render_to_response(self.get_context_data(form=form, kinds=ITEM_TYPES.items()))


class ItemFormView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessments/staff/editing/item_form.html"
    header_icon = "help"
    item: Item | None = None
    kind = ""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ITEMS}:index"), "label": _("Question bank")},
            {"url": "", "label": self.get_page_title()},
        ]

    def forms(self, data=None, files=None):
        item = self.item or Item(kind=self.kind, difficulty=3)
        version = item.current_version if item.pk else None
        initial = {}
        if not item.pk and (category := self.request.GET.get("category", "")).isdigit():
            initial["category"] = int(category)
        item_form = ItemForm(
            data, instance=item, kind=self.kind, prefix="item", initial=initial, for_user=self.request.user
        )
        version_form = VersionForm(
            data,
            files,
            instance=ItemVersion(
                stem=version.stem,
                general_feedback=version.general_feedback,
                stem_image_id=version.stem_image_id,
                stem_audio_id=version.stem_audio_id,
            )
            if version
            else ItemVersion(),
            prefix="version",
            for_user=self.request.user,
        )
        answers = AnswersEditor(self.kind, data=data, body=version.body if version else None)
        return item_form, version_form, answers

    def get(self, request, *args, **kwargs):
        return self.show(*self.forms())

    def show(self, item_form, version_form, answers, body_errors=(), status=200):
        context = self.get_context_data(
            item_form=item_form,
            version_form=version_form,
            answers=answers,
            body_errors=list(body_errors),
            media=item_form.media + version_form.media + answers.media,
            kind_label=ITEM_TYPES[self.kind].label,
            item=self.item,
        )
        return self.render_to_response(context, status=status)

    def post(self, request, *args, **kwargs):
        item_form, version_form, answers = self.forms(request.POST, request.FILES)
        if "more_rows" in request.POST:
            return self.show(*self.forms(with_more_rows(request.POST, answers), request.FILES))
        forms_ok = item_form.is_valid() & version_form.is_valid() & answers.is_valid()
        body_errors = []
        body = None
        if answers.is_valid():
            try:
                body = ITEM_TYPES[self.kind].clean_body(answers.body())
            except ValidationError as error:
                body_errors = [str(m) for m in error.messages]
        if not forms_ok or body_errors:
            messages.error(request, _("The question was not saved. Correct the errors below."))
            return self.show(item_form, version_form, answers, body_errors, status=400)
        try:
            return self.save(item_form, version_form, body)
        except ValidationError as error:
            return self.show(item_form, version_form, answers, [str(m) for m in error.messages], status=400)


class ItemCreateView(ItemFormView):
    permission_required = "add"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind = kwargs["kind"]
        if self.kind not in ITEM_TYPES:
            raise Http404

    def get_page_title(self):
        return _("New question: %(kind)s") % {"kind": ITEM_TYPES[self.kind].label}

    def save(self, item_form, version_form, body):
        data, version = item_form.cleaned_data, version_form.cleaned_data
        item = bank.create_item(
            category=data["category"],
            kind=self.kind,
            title=data["title"],
            stem=version["stem"],
            body=body,
            general_feedback=version["general_feedback"],
            component=data.get("component"),
            level=data.get("level"),
            difficulty=data["difficulty"],
            tags=data.get("tags") or (),
            rubric=data.get("rubric"),
            stem_image=version.get("stem_image"),
            stem_audio=version.get("stem_audio"),
            by=self.request.user,
        )
        messages.success(self.request, _("Question “%(title)s” saved as version 1.") % {"title": item.title})
        return redirect(reverse(f"{ITEMS}:edit", args=[item.pk]))


class ItemEditView(ItemFormView):
    permission_required = "change"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.item = get_object_or_404(Item.objects.select_related("current_version"), pk=kwargs["pk"])
        self.kind = self.item.kind

    def get_page_title(self):
        return _("Edit question")

    def get_page_subtitle(self):
        return self.item.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions_url"] = reverse(f"{ITEMS}:versions", args=[self.item.pk])
        version = self.item.current_version
        context["current_version"] = version
        if version is not None and version.used:
            context["correct_key_url"] = reverse(f"{ITEMS}:correct_key", args=[version.pk])
        return context

    def save(self, item_form, version_form, body):
        version = version_form.cleaned_data
        with transaction.atomic():
            item = item_form.save()
            saved = bank.save_item(
                item=item,
                stem=version["stem"],
                body=body,
                general_feedback=version["general_feedback"],
                stem_image=version.get("stem_image"),
                stem_audio=version.get("stem_audio"),
                by=self.request.user,
            )
        if saved.new_version:
            messages.success(
                self.request,
                _("Saved as version %(new)s; earlier attempts keep version %(old)s.")
                % {"new": saved.version.number, "old": saved.previous.number},
            )
        else:
            messages.success(self.request, _("Saved (version %(number)s).") % {"number": saved.version.number})
        return redirect(reverse(f"{ITEMS}:edit", args=[item.pk]))


def render_preview(kind: str, version: ItemVersion, prefix: str) -> str:
    """What a learner sees of this version: its answer controls in a fixed shuffle (disabled)."""
    item_type = ITEM_TYPES[kind]
    try:
        presentation = item_type.present(version.body, random.Random(version.pk))  # noqa: S311 (a preview's shuffle, no secret)
        public = item_type.public(version.body, presentation)
        return render_to_string(
            item_type.template, {"item": public, "prefix": prefix, "disabled": True, "review": None}
        )
    except TemplateDoesNotExist:
        return ""


class ItemVersionsView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "view"
    any_permission_required = ["view", "change"]
    template_name = "assessments/staff/editing/item_versions.html"
    header_icon = "history"

    def get_page_title(self):
        return _("Versions of “%(title)s”") % {"title": self.item.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ITEMS}:index"), "label": _("Question bank")},
            {"url": reverse(f"{ITEMS}:edit", args=[self.item.pk]), "label": self.item.title},
            {"url": "", "label": _("Versions")},
        ]

    def get(self, request, *args, **kwargs):
        self.item = get_object_or_404(Item, pk=kwargs["pk"])
        versions = list(
            self.item.versions.select_related("created_by", "stem_image", "stem_audio", "corrects").order_by("-number")
        )
        rows = [
            {
                "version": version,
                "current": version.pk == self.item.current_version_id,
                "preview": render_preview(self.item.kind, version, f"v{version.number}-"),
                "correct_key_url": reverse(f"{ITEMS}:correct_key", args=[version.pk]) if version.used else "",
            }
            for version in versions
        ]
        return self.render_to_response(self.get_context_data(item=self.item, rows=rows))


class KeyCorrectionView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    """Fix the key of a version already used: every stored answer to it is scored again (services.correct_key)."""

    permission_required = "change"
    template_name = "assessments/staff/editing/key_correction.html"
    header_icon = "warning"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.version = get_object_or_404(ItemVersion.objects.select_related("item"), pk=kwargs["pk"])
        if not self.version.used:
            raise Http404
        self.item = self.version.item

    def get_page_title(self):
        return _("Correct the key of “%(title)s” version %(number)s") % {
            "title": self.item.title,
            "number": self.version.number,
        }

    def show(self, form, answers, body_errors=(), status=200):
        return self.render_to_response(
            self.get_context_data(
                form=form, answers=answers, body_errors=list(body_errors), item=self.item, version=self.version
            ),
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.show(KeyCorrectionForm(), AnswersEditor(self.item.kind, body=self.version.body))

    def post(self, request, *args, **kwargs):
        form = KeyCorrectionForm(request.POST)
        answers = AnswersEditor(self.item.kind, data=request.POST, body=self.version.body)
        if not (form.is_valid() & answers.is_valid()):
            return self.show(form, answers, status=400)
        try:
            summary = services.correct_key(
                version=self.version, body=answers.body(), by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            return self.show(form, answers, [str(m) for m in error.messages], status=400)
        messages.success(
            request,
            _(
                "Key corrected as version %(number)s: %(answers)s answers scored again, %(changed)s of them "
                "changed, in %(attempts)s attempts."
            )
            % {
                "number": summary.version.number,
                "answers": summary.answers,
                "changed": summary.changed,
                "attempts": summary.attempts,
            },
        )
        return redirect(reverse(f"{ITEMS}:versions", args=[self.item.pk]))


class ArchiveItemView(_ItemPermission, TemplateView):
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(Item, pk=kwargs["pk"])
        archived = request.POST.get("archived") == "1"
        bank.archive_item(item=item, archived=archived)
        messages.success(request, _("Question archived.") if archived else _("Question back in use."))
        return redirect(reverse(f"{ITEMS}:edit", args=[item.pk]))


# --- import and export --------------------------------------------------------------------------------------------

SESSION_KEY = "hocvuso_item_import"


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8-sig")


def _parse(name: str, raw: bytes):
    if name.lower().endswith(".xml"):
        return parse_moodle_xml(raw)
    return parse_gift(_decode(raw))


class ImportView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    """Upload → preview (questions ready, every problem by line) → import all or nothing, or skip the bad ones."""

    permission_required = "add"
    template_name = "assessments/staff/editing/import.html"
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{ITEMS}:index"), "label": _("Question bank")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def _stored(self, token):
        stored = self.request.session.get(SESSION_KEY) or {}
        if stored.get("token") != token:
            return None
        return stored["name"], zlib.decompress(base64.b64decode(stored["data"]))

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm()
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        raw = upload.read()
        try:
            drafts, problems = _parse(upload.name, raw)
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not in UTF-8. Save it as UTF-8 and upload it again."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        checked = bank.check_drafts(drafts, problems)
        token = hashlib.sha256(raw).hexdigest()[:32]
        request.session[SESSION_KEY] = {
            "token": token,
            "name": upload.name,
            "data": base64.b64encode(zlib.compress(raw)).decode("ascii"),
        }
        confirm = ImportConfirmForm(initial={"token": token, "category": form.cleaned_data["category"].pk})
        return self.preview(confirm, checked, upload.name)

    def preview(self, confirm, checked, name, status=200):
        context = self.get_context_data(
            confirm=confirm,
            ready=[draft for draft, _body, _stem in checked.ready],
            problems=checked.problems,
            file_name=name,
        )
        return self.render_to_response(context, status=status)

    def confirm(self):
        request = self.request
        confirm = ImportConfirmForm(request.POST)
        stored = self._stored(request.POST.get("token"))
        if stored is None or not confirm.is_valid():
            messages.error(request, _("The uploaded file is no longer available. Upload it again."))
            return redirect(reverse(f"{IMPORT}:upload"))
        name, raw = stored
        drafts, problems = _parse(name, raw)
        try:
            items = bank.import_drafts(
                drafts=drafts,
                problems=problems,
                category=confirm.cleaned_data["category"],
                by=request.user,
                skip_problems=confirm.cleaned_data["skip_problems"],
            )
        except bank.ImportRefused:
            messages.error(
                request,
                _("Nothing was imported: the file has errors. Correct them, or tick “%(skip)s”.")
                % {"skip": confirm.fields["skip_problems"].label},
            )
            return self.preview(confirm, bank.check_drafts(drafts, problems), name, status=400)
        request.session.pop(SESSION_KEY, None)
        messages.success(
            request,
            _("%(count)s questions imported into “%(category)s”.")
            % {"count": len(items), "category": confirm.cleaned_data["category"]},
        )
        return redirect(f"{reverse(f'{ITEMS}:index')}?category={confirm.cleaned_data['category'].pk}")


class ExportView(_ItemPermission, WagtailAdminTemplateMixin, TemplateView):
    """A category (or questions chosen by id: ?item=1&item=2) as a Moodle XML download."""

    permission_required = "view"
    template_name = "assessments/staff/editing/export.html"
    page_title = gettext_lazy("Export questions")
    header_icon = "download"

    def get(self, request, *args, **kwargs):
        from .editing_forms import ExportForm

        ids = [int(pk) for pk in request.GET.getlist("item") if pk.isdigit()]
        if ids:
            items = Item.objects.filter(pk__in=ids).select_related("current_version").order_by("title", "pk")
            return self.download(bank.export_items(items), "cau-hoi")
        form = ExportForm(request.GET or None)
        if form.is_bound and form.is_valid():
            category = form.cleaned_data["category"]
            data = bank.export_category(category, include_archived=form.cleaned_data["include_archived"])
            return self.download(data, f"cau-hoi-{category.pk}")
        return self.render_to_response(self.get_context_data(form=form))

    @staticmethod
    def download(data: bytes, name: str) -> HttpResponse:
        response = HttpResponse(data, content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.xml"'
        return response


# --- frameworks (read only) ----------------------------------------------------------------------------------------


class _FrameworkPermission(PermissionCheckedMixin):
    permission_policy = framework_policy
    permission_required = "view"


class FrameworkIndexView(_FrameworkPermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessments/staff/editing/framework_index.html"
    page_title = gettext_lazy("Competence frameworks")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        frameworks = Framework.objects.annotate(
            n_components=Count("components", distinct=True),
            n_unconfirmed=Count("components", filter=Q(components__confirmed=False), distinct=True),
        )
        return super().get_context_data(frameworks=frameworks, **kwargs)


class FrameworkDetailView(_FrameworkPermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessments/staff/editing/framework_detail.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return str(self.framework)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{FRAMEWORKS}:index"), "label": _("Competence frameworks")},
            {"url": "", "label": self.framework.code},
        ]

    def get(self, request, *args, **kwargs):
        self.framework = get_object_or_404(
            Framework.objects.prefetch_related(
                Prefetch("domains__components", queryset=Component.objects.order_by("order")), "levels"
            ),
            pk=kwargs["pk"],
        )
        return self.render_to_response(self.get_context_data(framework=self.framework))


# --- categories ----------------------------------------------------------------------------------------------------


def category_tree() -> list[tuple[ItemCategory, int]]:
    """Every category with its depth, parents before children, in one query (with item counts)."""
    categories = list(ItemCategory.objects.annotate(n_items=Count("items")).order_by("name"))
    children: dict[int | None, list[ItemCategory]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    ordered, seen = [], set()

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            if category.pk in seen:
                continue
            seen.add(category.pk)
            ordered.append((category, depth))
            walk(category.pk, depth + 1)

    walk(None, 0)
    return ordered


class CategoryIndexView(IndexView):
    template_name = "assessments/staff/editing/category_index.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["tree"] = category_tree()
        context["items_url"] = reverse(f"{ITEMS}:index")
        context["can_add"] = self.permission_policy.user_has_permission(self.request.user, "add")
        return context


# --- assessments: blueprint check ---------------------------------------------------------------------------------


class _AssessmentContext:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instance = getattr(self, "object", None)
        if instance is not None and instance.pk:
            context["shortfalls"] = (
                bank.blueprint_shortfalls(instance) if instance.kind == instance.Kind.BLUEPRINT else []
            )
            context["learner_url"] = learner_url(instance)
        return context


class AssessmentEditView(_AssessmentContext, EditView):
    def save_action(self):
        response = super().save_action()
        if self.object.kind == self.object.Kind.BLUEPRINT:
            for shortfall in bank.blueprint_shortfalls(self.object):
                messages.warning(self.request, str(shortfall))
        return response


class AssessmentCreateView(CreateView):
    def save_action(self):
        response = super().save_action()
        if self.object.kind == self.object.Kind.BLUEPRINT:
            for shortfall in bank.blueprint_shortfalls(self.object):
                messages.warning(self.request, str(shortfall))
        return response


# --- confirmation rules -------------------------------------------------------------------------------------------


class RuleStatusColumn(StatusTagColumn):
    def __init__(self):
        super().__init__(
            "source_checked",
            label=gettext_lazy("source"),
            accessor=lambda rule: (
                _("Checked: %(note)s") % {"note": rule.source_note} if rule.source_checked else str(UNCONFIRMED_RULE)
            ),
            primary=lambda rule: rule.source_checked,
        )


class RuleIndexView(IndexView):
    template_name = "assessments/staff/editing/rule_index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("framework")


class _RuleSave:
    def save_instance(self):
        rule = self.form.save(commit=False)
        services.save_rule(rule)
        return rule

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unconfirmed_rule"] = UNCONFIRMED_RULE
        instance = getattr(self, "object", None)
        context["rule_checked"] = bool(instance is not None and instance.pk and instance.source_checked)
        return context


class RuleCreateView(_RuleSave, CreateView):
    pass


class RuleEditView(_RuleSave, EditView):
    pass

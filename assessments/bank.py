"""What editors do to the item bank: write a question (version 1), edit it (in place while no attempt has drawn the
current version, as a new version once one has), archive it, import drafts from GIFT / Moodle XML into a
category, export questions as Moodle XML, and check that a blueprint can be drawn from the bank.

Every function that changes something is one transaction. A question's body always goes through its kind's
``clean_body`` and its stem through the site's rich-text sanitiser, whatever the path (form, import, script).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from lms.rich_text import sanitise_rich_text

from .interchange import ImportProblem, ItemDraft, export_moodle_xml
from .item_types import ITEM_TYPES
from .models import Assessment, Item, ItemCategory, ItemVersion

# What a version holds besides its body; a change to any of them on a used version makes a new version.
VERSION_FIELDS = ("stem", "general_feedback", "stem_image_id", "stem_audio_id")


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def clean_stem(stem: str) -> str:
    """The stem as stored: sanitised rich text, without the editor's paragraph ids (they change on every load in
    some paths and would make an unchanged stem look changed, which on a used version means a new version)."""
    stem = _BLOCK_KEY.sub("", sanitise_rich_text(stem or "")).strip()
    if not stem:
        raise ValidationError(_("Write the question text."))
    return stem


# --- writing questions -------------------------------------------------------------------------------------------


def create_item(
    *,
    category: ItemCategory,
    kind: str,
    title: str,
    stem: str,
    body: dict,
    general_feedback: str = "",
    component=None,
    level: int | None = None,
    difficulty: int = 3,
    tags: Iterable[str] = (),
    rubric=None,
    stem_image=None,
    stem_audio=None,
    by=None,
) -> Item:
    """A new question with its first version (ValidationError with the editor's messages when the body or stem
    is not acceptable; nothing is saved then)."""
    if kind not in ITEM_TYPES:
        raise ValidationError(_("Unknown question type."))
    body = ITEM_TYPES[kind].clean_body(body)
    stem = clean_stem(stem)
    with transaction.atomic():
        item = Item.objects.create(
            category=category,
            title=title.strip(),
            kind=kind,
            component=component,
            level=level if component is not None else None,
            difficulty=difficulty,
            rubric=rubric,
            created_by=by,
        )
        version = ItemVersion.objects.create(
            item=item,
            number=1,
            stem=stem,
            body=body,
            general_feedback=(general_feedback or "").strip(),
            stem_image=stem_image,
            stem_audio=stem_audio,
            created_by=by,
        )
        item.current_version = version
        item.save(update_fields=["current_version"])
        if tags:
            item.tags.set(list(tags))
    return item


@dataclass(frozen=True)
class SavedItem:
    item: Item
    version: ItemVersion
    # The version learners' earlier attempts keep, when this save had to make a new one.
    previous: ItemVersion | None = None

    @property
    def new_version(self) -> bool:
        return self.previous is not None


def save_item(
    *,
    item: Item,
    stem: str,
    body: dict,
    general_feedback: str = "",
    stem_image=None,
    stem_audio=None,
    by=None,
) -> SavedItem:
    """Store an edit of the question's content. The item's own fields (title, category, component, …) are saved by
    the caller beforehand or with ``item.save()``; here only what learners see is versioned.

    While no attempt has drawn the current version it is changed in place; once one has (``used``), a new version
    is made and becomes current, and the attempts keep the one they drew. Nothing changes when nothing did."""
    kind = ITEM_TYPES[item.kind]
    body = kind.clean_body(body)
    stem = clean_stem(stem)
    general_feedback = (general_feedback or "").strip()
    with transaction.atomic():
        current = (
            ItemVersion.objects.select_for_update().filter(pk=item.current_version_id).first()
            if item.current_version_id
            else None
        )
        wanted = {
            "stem": stem,
            "body": body,
            "general_feedback": general_feedback,
            "stem_image_id": getattr(stem_image, "pk", stem_image),
            "stem_audio_id": getattr(stem_audio, "pk", stem_audio),
        }
        if current is not None and all(getattr(current, name) == value for name, value in wanted.items()):
            return SavedItem(item, current)
        if current is not None and not current.used:
            for name, value in wanted.items():
                setattr(current, name, value)
            current.created_by = by or current.created_by
            current.save()
            return SavedItem(item, current)
        number = (item.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = ItemVersion.objects.create(item=item, number=number, created_by=by, **wanted)
        Item.objects.filter(pk=item.pk).update(current_version=version)
        item.current_version = version
        return SavedItem(item, version, previous=current)


def archive_item(*, item: Item, archived: bool = True) -> Item:
    """Take a question out of new draws (blueprints, placement) or bring it back; fixed forms that list it keep it."""
    Item.objects.filter(pk=item.pk).update(archived=archived)
    item.archived = archived
    return item


# --- import --------------------------------------------------------------------------------------------------------


@dataclass
class CheckedDrafts:
    """Drafts that are ready to import (with their cleaned bodies and stems) and every problem, by line."""

    ready: list[tuple[ItemDraft, dict, str]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def check_drafts(drafts: Sequence[ItemDraft], problems: Sequence[ImportProblem] = ()) -> CheckedDrafts:
    """Run every draft through its kind's validation: one that fails becomes a problem at its line."""
    checked = CheckedDrafts(problems=list(problems))
    for draft in drafts:
        if draft.kind not in ITEM_TYPES:
            checked.problems.append(
                ImportProblem(draft.line, _("Unknown question type “%(kind)s”.") % {"kind": draft.kind})
            )
            continue
        try:
            body = ITEM_TYPES[draft.kind].clean_body(draft.body)
            stem = clean_stem(draft.stem)
        except ValidationError as error:
            for message in _messages(error):
                checked.problems.append(ImportProblem(draft.line, message))
            continue
        checked.ready.append((draft, body, stem))
    checked.problems.sort(key=lambda problem: problem.line)
    return checked


class ImportRefused(Exception):
    """The file has problems and the editor did not choose to skip them: nothing was imported."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__(_("The file has problems; nothing was imported."))
        self.problems = problems


def import_drafts(
    *,
    drafts: Sequence[ItemDraft],
    problems: Sequence[ImportProblem] = (),
    category: ItemCategory,
    by=None,
    skip_problems: bool = False,
) -> list[Item]:
    """Make one question per draft in the category, all or nothing. If any question has a problem (from the parser
    or from validation), nothing is imported unless ``skip_problems``; then the others are."""
    checked = check_drafts(drafts, problems)
    if checked.problems and not skip_problems:
        raise ImportRefused(checked.problems)
    items = []
    with transaction.atomic():
        for draft, body, stem in checked.ready:
            items.append(
                create_item(
                    category=category,
                    kind=draft.kind,
                    title=(draft.title or "").strip()[:255]
                    or _("Imported question (line %(line)s)") % {"line": draft.line},
                    stem=stem,
                    body=body,
                    general_feedback=draft.general_feedback,
                    tags=[tag[:100] for tag in draft.tags if tag and not tag.startswith("category:")],
                    by=by,
                )
            )
    return items


# --- export --------------------------------------------------------------------------------------------------------


def category_path(category: ItemCategory) -> str:
    names, seen, node = [], set(), category
    parents = {c.pk: c for c in ItemCategory.objects.only("pk", "name", "parent_id")}
    while node is not None and node.pk not in seen:
        seen.add(node.pk)
        names.append(node.name.replace("/", "-"))
        node = parents.get(node.parent_id)
    return "/".join(reversed(names))


def export_items(items: Iterable[Item], *, category: ItemCategory | None = None) -> bytes:
    """Moodle XML of the questions' current versions (archived ones too when they are asked for by name)."""
    items = list(items)
    tags: dict[int, list[str]] = {}
    if items:
        through = Item.tags.through
        for object_id, name in through.objects.filter(object_id__in=[i.pk for i in items]).values_list(
            "object_id", "tag__name"
        ):
            tags.setdefault(object_id, []).append(name)
    drafts = [
        ItemDraft(
            kind=item.kind,
            title=item.title,
            stem=item.current_version.stem,
            body=item.current_version.body,
            general_feedback=item.current_version.general_feedback,
            tags=sorted(tags.get(item.pk, [])),
        )
        for item in items
        if item.current_version is not None
    ]
    return export_moodle_xml(drafts, category_path(category) if category is not None else "")


def export_category(category: ItemCategory, *, include_archived: bool = False) -> bytes:
    items = Item.objects.filter(category=category).select_related("current_version").order_by("title", "pk")
    if not include_archived:
        items = items.filter(archived=False)
    return export_items(items, category=category)


# --- blueprints ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    rule_id: int
    component: str
    level: int | None
    wanted: int
    available: int

    @property
    def missing(self) -> int:
        return max(self.wanted - self.available, 0)

    def __str__(self):
        if self.level:
            return _("%(missing)s questions missing for %(component)s level %(level)s") % {
                "missing": self.missing,
                "component": self.component,
                "level": self.level,
            }
        return _("%(missing)s questions missing for %(component)s") % {
            "missing": self.missing,
            "component": self.component,
        }


def blueprint_shortfalls(assessment: Assessment) -> list[Shortfall]:
    """The blueprint's rules that the bank cannot satisfy today, as the engine draws: active questions with a
    current version, each question used once across the rules (rules are served in order)."""
    rules = list(assessment.blueprint_rules.select_related("component").order_by("sort_order", "pk"))
    if not rules:
        return []
    condition = Q()
    for rule in rules:
        part = Q(component_id=rule.component_id)
        if rule.level:
            part &= Q(level=rule.level)
        if rule.category_id:
            part &= Q(category_id=rule.category_id)
        condition |= part
    rows = list(
        Item.objects.filter(condition, archived=False, current_version__isnull=False).values_list(
            "pk", "component_id", "level", "category_id"
        )
    )
    taken: set[int] = set()
    shortfalls = []
    for rule in rules:
        pool = [
            pk
            for pk, component_id, level, category_id in rows
            if component_id == rule.component_id
            and (not rule.level or level == rule.level)
            and (not rule.category_id or category_id == rule.category_id)
            and pk not in taken
        ]
        taken.update(pool[: rule.count])
        if len(pool) < rule.count:
            shortfalls.append(Shortfall(rule.pk, rule.component.code, rule.level, rule.count, len(pool)))
    return shortfalls


def category_counts() -> dict[int, int]:
    return dict(ItemCategory.objects.annotate(n=Count("items")).values_list("pk", "n"))

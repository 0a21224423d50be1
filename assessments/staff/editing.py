"""Editors: the item bank, assessments, rubrics, frameworks, rules, import and export (registered here; the
viewsets are in viewsets.py, the views in editing_views.py)."""

from wagtail import hooks

from .viewsets import QuestionBankGroup, item_chooser_viewset


@hooks.register("register_admin_viewset")
def register_question_bank():
    return [QuestionBankGroup(), item_chooser_viewset]

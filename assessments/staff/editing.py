"""Editors: the item bank, assessments, rubrics, frameworks, rules, import and export."""

"""The assessment engine's screens in the Wagtail admin: `editing` (item bank, assessments, rubrics, frameworks,
rules, import/export) and `review` (examiners' queue, grading, item statistics, confirmations)."""

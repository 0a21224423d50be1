"""Examiners: the review queue, grading with rubrics, item statistics, confirmations."""

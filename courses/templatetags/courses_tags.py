from django import template

from ..fragments import outline_html

register = template.Library()


@register.simple_tag
def course_outline(outline, completed_ids, unlocked_ids, assessment_results=None):
    """The course's lessons, quizzes and final test with the learner's marks (courses.fragments.outline_html)."""
    return outline_html(
        outline,
        completed_ids=completed_ids or frozenset(),
        unlocked_ids=unlocked_ids or frozenset(),
        assessment_results=assessment_results,
    )

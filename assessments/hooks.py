"""What higher apps register so the engine's screens can show their groupings without importing them.

The examiners' queue can be filtered by course, but the assessments app must not import courses. So courses
registers a *grouping*: a label ("Khóa học") and a function that says which group each assessment belongs to::

    from assessments.hooks import register_assessment_grouping

    def courses_of_assessments():
        return {assessment_id: (str(course.pk), course.title), ...}

    register_assessment_grouping(_("Course"), courses_of_assessments)

The queue then offers one filter per registered grouping. The function is called once per page view, so it
should be one query (or read a cache).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.text import slugify

GroupMap = Mapping[int, tuple[str, str]]


@dataclass(frozen=True)
class AssessmentGrouping:
    key: str  # the query-string parameter of its filter
    label: object  # str or lazy translation
    function: Callable[[], GroupMap]

    def groups(self) -> dict[int, tuple[str, str]]:
        """{assessment id: (group key, group label)}, keys as strings."""
        return {int(pk): (str(key), str(label)) for pk, (key, label) in dict(self.function() or {}).items()}


_registry: dict[str, AssessmentGrouping] = {}


def register_assessment_grouping(label, function: Callable[[], GroupMap], *, key: str | None = None):
    """Offer a filter `label` on the examiners' screens; `function()` returns {assessment_id: (key, label)}.

    Registering again under the same key (a module imported twice) replaces the earlier one."""
    key = slugify(key or function.__name__).replace("-", "_")
    grouping = AssessmentGrouping(key=f"group_{key}", label=label, function=function)
    _registry[grouping.key] = grouping
    return grouping


def unregister_assessment_grouping(key: str) -> None:
    """Remove a grouping by its key (as `register_assessment_grouping` returned it); for tests and plug-ins."""
    _registry.pop(key, None)


def assessment_groupings() -> list[AssessmentGrouping]:
    return list(_registry.values())

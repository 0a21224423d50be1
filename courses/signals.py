"""Signals other apps hear (certificates issue on `course_completed`), and what makes cached course content
stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

# sender=Enrolment, enrolment=<Enrolment>; sent once per enrolment, after the completing transaction commits
course_completed = Signal()
# sender=LessonProgress, progress=<LessonProgress>, user_id=<int>; after commit
lesson_completed = Signal()


def _bump(**_kwargs) -> None:
    from .selectors import content_generation

    content_generation.bump_now_and_after_commit()


def _on_change(sender, instance, **kwargs):
    from assessments.api import Assessment

    from .models import CheckpointQuestion

    # an assessment's title or address shows in the outlines of the courses using it
    if isinstance(instance, Page | CheckpointQuestion | Assessment):
        _bump()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_bump, dispatch_uid=f"hocvuso-courses-{id(signal)}")
    post_save.connect(_on_change, dispatch_uid="hocvuso-courses-post-save")
    post_delete.connect(_on_change, dispatch_uid="hocvuso-courses-post-delete")

"""What each role may do with assessments, as granted by migrations 0002 and 0004."""

import pytest
from django.contrib.auth.models import Group

from lms.roles import Role

pytestmark = pytest.mark.django_db


def granted(role: Role) -> set[str]:
    group = Group.objects.get(name=role)
    return set(
        group.permissions.filter(content_type__app_label="hocvuso_assessments").values_list("codename", flat=True)
    )


def test_editors_keep_the_bank_and_assessments_but_do_not_grade_or_confirm():
    editor = granted(Role.EDITOR)
    assert {"add_item", "change_item", "add_assessment", "change_rubric", "add_componentmapping"} <= editor
    assert not {"grade_responses", "confirm_skills", "change_confirmationrule"} & editor


def test_examiners_grade_confirm_and_see_statistics_but_do_not_edit_the_bank():
    examiner = granted(Role.EXAMINER)
    assert {"grade_responses", "confirm_skills", "view_item_statistics"} <= examiner
    assert not {"add_item", "change_item", "change_assessment", "change_confirmationrule"} & examiner


def test_ward_administrators_set_the_rules_and_may_revoke():
    ward_admin = granted(Role.WARD_ADMIN)
    assert {"add_confirmationrule", "change_confirmationrule", "confirm_skills"} <= ward_admin
    assert "grade_responses" not in ward_admin


def test_learners_and_mentors_have_none():
    assert granted(Role.LEARNER) == set() and granted(Role.MENTOR) == set()

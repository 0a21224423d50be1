"""A competence level reached is certified: the engine announces the rise after commit, the certificates issue
one credential per level newly passed, once, whatever is retried."""

import pytest

from assessments import services as engine
from assessments.models import Component
from assessments.tests.factories import make_assessment, make_item
from certificates.models import IssuedCredential

from .factories import competence_achievement, issuer_keys, learner  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuer_keys", "tasks_in_process")]


def pass_at(person, component, level, *, count=2):
    items = [make_item(comp=component, level=level) for _ in range(count)]
    attempt = engine.start_attempt(user=person, assessment=make_assessment(items=items))
    data = {"shown": []}
    for row in attempt.items.select_related("version"):
        best = max(row.version.body["options"], key=lambda option: option["credit"])
        data[f"q{row.position}-choice"] = str(row.presentation["options"].index(best["key"]) + 1)
        data["shown"].append(str(row.position))
    return engine.submit_attempt(attempt_id=attempt.pk, user=person, sequence=0, data=data)


def test_reaching_a_level_issues_its_certificate_once(django_capture_on_commit_callbacks):
    level_two = competence_achievement(level=2)
    component = Component.objects.get(pk=level_two.component_id)
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(person, component, 1)
    assert not IssuedCredential.objects.exists()  # level 1 is not what is certified
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(person, component, 2)
    credential = IssuedCredential.objects.get(user=person)
    assert credential.achievement == level_two and credential.signed_at is not None
    assert credential.source == f"competence:{component.pk}:2"
    # more evidence at the same level changes no level: nothing more is issued
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(person, component, 2)
    assert IssuedCredential.objects.filter(user=person).count() == 1


def test_a_jump_of_two_levels_earns_both_certificates(django_capture_on_commit_callbacks):
    level_two = competence_achievement(level=2)
    component = Component.objects.get(pk=level_two.component_id)
    from .factories import achievement

    level_three = achievement("competence", component=component, level=3)
    person = learner()
    with django_capture_on_commit_callbacks(execute=True):
        pass_at(person, component, 3)
    # the framework's levels build on each other: reaching 3 from 0 passes level 2 on the way
    issued = IssuedCredential.objects.filter(user=person)
    assert set(issued.values_list("achievement", flat=True)) == {level_two.pk, level_three.pk}
    assert sorted(issued.values_list("source", flat=True)) == [
        f"competence:{component.pk}:2",
        f"competence:{component.pk}:3",
    ]

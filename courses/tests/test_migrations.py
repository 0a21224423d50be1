"""The migration from a plain domain number to the framework's components (courses/0003): the domain is kept,
TT02's components of that domain are linked only where the framework is loaded, the editor's revisions follow,
and it runs backwards."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.tests.factories import component, tt02
from courses.models import CoursePage
from courses.tests.factories import make_catalog, make_course

BEFORE = [("hocvuso_courses", "0002_enrolment_permission")]
AFTER = [("hocvuso_courses", "0003_courses_point_at_the_framework")]


@pytest.fixture
def _migration_rows(transactional_db):
    from tests.migration_rows import restore_migration_rows

    restore_migration_rows()


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _back_to_a_domain_number(course_id: int, domain: str):
    """Go back to before the migration and give the course the old field's value, as an old database has it."""
    old = _migrate(BEFORE)
    old.get_model("hocvuso_courses", "CoursePage").objects.filter(pk=course_id).update(competence_domain=domain)


@pytest.fixture
def course(_migration_rows, home_page):
    return make_course(make_catalog(home_page), modules=1, lessons_per_module=1)


@pytest.mark.usefixtures("_migration_rows")
def test_without_the_framework_the_domain_is_kept_and_no_component_is_linked(course):
    try:
        _back_to_a_domain_number(course.pk, "5")
        _migrate(AFTER)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    migrated = CoursePage.objects.get(pk=course.pk)
    assert migrated.competence_domains == ["5"]
    assert list(migrated.components.all()) == []
    revision = migrated.latest_revision.content
    assert revision["competence_domains"] == "|5|" and revision["components"] == []
    assert "competence_domain" not in revision


@pytest.mark.usefixtures("_migration_rows")
def test_with_tt02_loaded_the_course_gets_that_domains_components_in_the_page_and_its_revision(course):
    framework = tt02()
    course.components = [component(framework, "6.1")]
    course.save_revision().publish()
    try:
        _back_to_a_domain_number(course.pk, "4")
        _migrate(AFTER)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    migrated = CoursePage.objects.get(pk=course.pk)
    expected = ["4.1", "4.2", "4.3", "4.4"]
    assert [c.code for c in migrated.components.order_by("order")] == expected
    assert migrated.competence_domains == ["4"]
    # the editor's next edit starts from the migrated values, so publishing it keeps them
    latest = migrated.get_latest_revision_as_object()
    assert sorted(c.code for c in latest.components.all()) == expected
    latest.save_revision().publish()
    assert CoursePage.objects.get(pk=course.pk).competence_domains == ["4"]


@pytest.mark.usefixtures("_migration_rows")
def test_backwards_the_first_domain_becomes_the_domain_number_again(course):
    framework = tt02()
    course.components = [component(framework, "2.3"), component(framework, "5.1")]
    course.save_revision().publish()
    try:
        old = _migrate(BEFORE)
        row = old.get_model("hocvuso_courses", "CoursePage").objects.get(pk=course.pk)
        assert row.competence_domain == "2"
        revision = old.get_model("wagtailcore", "Revision").objects.get(pk=row.latest_revision_id)
        assert revision.content["competence_domain"] == "2" and "components" not in revision.content
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

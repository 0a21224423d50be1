"""Rows that data migrations make, rebuilt for transactional tests (browser journeys, concurrency tests)."""

import importlib


def restore_migration_rows() -> None:
    """Put back the rows data migrations made, which the live server's transactional tests lose.

    Every test with `live_server` is transactional, and pytest-django empties all tables after each one: from
    the second browser test on, the Wagtail tree root, the root collection, the default locale and the role
    groups are gone. `serialized_rollback` would restore them, but it breaks as soon as any other transactional
    test runs first (the content types it re-inserts then clash with the ones the flush recreated under new ids
    on PostgreSQL), so the few rows the journeys need are rebuilt here instead, idempotently, each time.
    """
    from django.apps import apps
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    # the flush recreated the content types under new ids; a cached old id would make the root page invalid
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")

    # The migrations' own functions, so the groups, their permissions and the column's approval workflow never
    # drift from production (both are idempotent). They flip `models_module` on every app config they are given
    # and leave it None, which on the real registry would stop later flushes from recreating content types and
    # permissions: put the values back.
    roles = importlib.import_module("lms.migrations.0002_roles")
    workflow = importlib.import_module("cms.migrations.0003_ward_approval_workflow")
    grants = [
        importlib.import_module(name)
        for name in (
            "courses.migrations.0002_enrolment_permission",
            "assessments.migrations.0002_role_permissions",
            "assessments.migrations.0004_editors_map_components",
            "certificates.migrations.0002_revokers",
            "certificates.migrations.0003_ward_admins_keep_achievements",
        )
    ]
    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        roles.create_roles(apps, None)
        workflow.create_workflow(apps, None)
        for migration in grants:
            migration.grant(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]

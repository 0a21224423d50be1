"""Editors and ward administrators manage the document library (editors cannot delete)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {"Biên tập viên": ["add", "change"], "Quản trị phường": ["add", "change", "delete"]}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, actions in GRANTS.items():
        Group.objects.get(name=role).permissions.add(
            *Permission.objects.filter(
                content_type__app_label="hocvuso_cms",
                codename__in=[f"{action}_librarydocument" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("hocvuso_cms", "0004_document_library_feedback"), ("hocvuso_lms", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

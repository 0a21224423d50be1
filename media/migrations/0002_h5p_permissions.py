"""Editors and ward administrators upload and manage H5P activities."""

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
                content_type__app_label="hocvuso_media", codename__in=[f"{action}_h5ppackage" for action in actions]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("hocvuso_media", "0001_h5p_packages"), ("hocvuso_lms", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Examiners and ward administrators revoke and re-issue certificates: the permission "revoke_credentials" on
IssuedCredential, granted to their groups. Reversing takes it away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "hocvuso_certificates"
CODENAME = "revoke_credentials"
GROUPS = ("Giám khảo", "Quản trị phường")  # lms.roles.Role.EXAMINER, Role.WARD_ADMIN


def _permission(apps):
    # Permissions are normally created after all migrations; the one we grant must exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=APP, codename=CODENAME)


def grant(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    permission = apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP, codename=CODENAME)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permission)


class Migration(migrations.Migration):
    dependencies = [
        ("hocvuso_certificates", "0001_achievements_credentials_status_lists"),
        ("hocvuso_lms", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

"""Ward administrators set up what their ward certifies (wording, signer, seal): add, change and view
Achievement. Reversing takes it away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "hocvuso_certificates"
CODENAMES = ("add_achievement", "change_achievement", "view_achievement", "view_issuedcredential")
GROUP = "Quản trị phường"  # lms.roles.Role.WARD_ADMIN


def _permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP, codename__in=CODENAMES)


def grant(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get(name=GROUP).permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=APP, codename__in=CODENAMES
    )
    apps.get_model("auth", "Group").objects.get(name=GROUP).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("hocvuso_certificates", "0002_revokers")]

    operations = [migrations.RunPython(grant, revoke)]

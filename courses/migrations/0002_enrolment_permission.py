"""Ward administrators enrol learners (one by one or from a file) and approve enrolments: the permission
"manage_enrolments" on Enrolment, granted to their group. Reversing takes it away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WARD_ADMIN = "Quản trị phường"
CODENAME = "manage_enrolments"


def _permission(apps):
    # Permissions are normally created after all migrations; the one we grant must exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="hocvuso_courses", codename=CODENAME)


def grant(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get(name=WARD_ADMIN).permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="hocvuso_courses", codename=CODENAME).first()
    if permission is not None:
        apps.get_model("auth", "Group").objects.get(name=WARD_ADMIN).permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("hocvuso_courses", "0001_courses_lessons_learning"), ("hocvuso_lms", "0002_roles")]

    operations = [
        migrations.AlterModelOptions(
            name="enrolment",
            options={
                "permissions": [("manage_enrolments", "Can enrol learners and approve enrolments")],
                "verbose_name": "enrolment",
                "verbose_name_plural": "enrolments",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]

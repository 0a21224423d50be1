"""What each role may do with assessments: editors keep the item bank and the assessments, examiners grade,
confirm and see item statistics, ward administrators set the confirmation rules and may revoke. Reversing takes
the permissions away again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "hocvuso_assessments"
BANK = [
    f"{action}_{model}"
    for model in ("item", "itemcategory", "rubric", "assessment")
    for action in ("add", "change", "view", "delete")
] + ["view_framework", "view_itemversion", "view_item_statistics"]
GRANTS = {
    "Biên tập viên": BANK,
    "Giám khảo": [
        "grade_responses",
        "view_item_statistics",
        "confirm_skills",
        "view_confirmation",
        "view_item",
        "view_assessment",
        "view_framework",
        "view_rubric",
    ],
    "Quản trị phường": [
        "add_confirmationrule",
        "change_confirmationrule",
        "view_confirmationrule",
        "view_confirmation",
        "confirm_skills",
        "view_framework",
        "view_assessment",
    ],
}


def _permissions(apps, codenames):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=APP, codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        Group.objects.get(name=name).permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label=APP, codename__in=codenames)
        Group.objects.get(name=name).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("hocvuso_assessments", "0001_engine"), ("hocvuso_lms", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]

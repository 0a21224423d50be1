"""What each role may do with assessments: editors keep the item bank and the assessments, examiners grade,
confirm and see item statistics, ward administrators set the confirmation rules and may revoke. Reversing takes
the permissions away again."""

from django.db import migrations

from assessments.migrations._grants import grant_to, revoke_from

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


def grant(apps, schema_editor):
    for name, codenames in GRANTS.items():
        grant_to(apps, name, codenames)


def revoke(apps, schema_editor):
    for name, codenames in GRANTS.items():
        revoke_from(apps, name, codenames)


class Migration(migrations.Migration):
    dependencies = [("hocvuso_assessments", "0001_engine"), ("hocvuso_lms", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]

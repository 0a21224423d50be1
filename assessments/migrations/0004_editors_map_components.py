"""Editors record which components of two frameworks correspond (e.g. a Decision 757 skill and a TT02 component)."""

from django.db import migrations

from assessments.migrations._grants import grant_to, revoke_from

EDITOR = "Biên tập viên"
CODENAMES = [f"{action}_componentmapping" for action in ("add", "change", "view", "delete")]


def grant(apps, schema_editor):
    grant_to(apps, EDITOR, CODENAMES)


def revoke(apps, schema_editor):
    revoke_from(apps, EDITOR, CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("hocvuso_assessments", "0003_staff_erasure_keeps_decisions")]

    operations = [migrations.RunPython(grant, revoke)]

"""Granting this app's permissions to a role's group from a migration (permissions are normally created only
after all migrations have run, so the ones granted are created first)."""

from django.contrib.auth.management import create_permissions

APP = "hocvuso_assessments"


def _permissions(apps, codenames):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.filter(content_type__app_label=APP, codename__in=codenames)


def grant_to(apps, group_name: str, codenames) -> None:
    apps.get_model("auth", "Group").objects.get(name=group_name).permissions.add(*_permissions(apps, codenames))


def revoke_from(apps, group_name: str, codenames) -> None:
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=APP, codename__in=codenames
    )
    apps.get_model("auth", "Group").objects.get(name=group_name).permissions.remove(*permissions)

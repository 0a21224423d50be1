"""The platform's roles as groups, with the permissions each role needs (see lms/roles.py).

Names and permission lists are frozen here on purpose: a later change of policy is a new migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEARNER, EDITOR, EXAMINER, WARD_ADMIN, MENTOR = (
    "Học viên",
    "Biên tập viên",
    "Giám khảo",
    "Quản trị phường",
    "Người hướng dẫn",
)

MODEL_PERMISSIONS = {
    LEARNER: [],
    MENTOR: [],
    EDITOR: [("wagtailadmin", "access_admin")],
    EXAMINER: [("wagtailadmin", "access_admin")],
    WARD_ADMIN: [
        ("wagtailadmin", "access_admin"),
        ("hocvuso_lms", "view_learnerprofile"),
        ("hocvuso_lms", "view_ward"),
        ("hocvuso_lms", "view_residentialgroup"),
    ],
}
# Over the whole page tree: editors draft and submit, the ward administrator also publishes.
PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page"],
    WARD_ADMIN: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Over the root collection of images and documents: the same media library for both roles.
MEDIA_LIBRARY = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
COLLECTION_PERMISSIONS = {EDITOR: MEDIA_LIBRARY, WARD_ADMIN: MEDIA_LIBRARY}


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the ones we grant must exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    tree_root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, permissions in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, label, codename) for label, codename in permissions))
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=tree_root, permission=_permission(apps, "wagtailcore", codename)
            )
        for label, codename in COLLECTION_PERMISSIONS.get(name, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, label, codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(MODEL_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hocvuso_lms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

"""Editors draft and submit; the ward administrator approves and publishes (one Wagtail workflow over the whole
tree), and both roles manage the column's snippets. Frozen here on purpose: a change of policy is a new
migration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR, WARD_ADMIN = "Biên tập viên", "Quản trị phường"
TASK_NAME = "Quản trị phường duyệt"
WORKFLOW_NAME = "Duyệt bài chuyên mục Bình dân học vụ số"
SNIPPETS = ["articlecategory", "faqtopic", "faqentry"]
SNIPPET_ACTIONS = {EDITOR: ["add", "change"], WARD_ADMIN: ["add", "change", "delete"]}


def create_workflow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for role, actions in SNIPPET_ACTIONS.items():
        group = Group.objects.get(name=role)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="hocvuso_cms",
                codename__in=[f"{action}_{model}" for model in SNIPPETS for action in actions],
            )
        )

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([Group.objects.get(name=WARD_ADMIN)])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    tree_root = Page.objects.filter(depth=1).first()
    current = WorkflowPage.objects.filter(page=tree_root).select_related("workflow").first()
    # Take over only Wagtail's stock workflow; a portal that set up its own keeps it.
    if current is None:
        WorkflowPage.objects.create(page=tree_root, workflow=workflow)
    elif current.workflow.name == "Moderators approval":
        current.workflow = workflow
        current.save()


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hocvuso_cms", "0002_portal_column"),
        ("hocvuso_lms", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]

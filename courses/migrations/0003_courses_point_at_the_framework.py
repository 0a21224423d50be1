"""Courses point at the competence framework's components (and at their module quizzes and final test) instead of
a plain domain number.

The old domain number is kept as the course's derived list of domains. Where the TT02 framework is loaded, a
course gets that domain's components (the editor narrows them down); where it is not, the components stay empty.
The latest and live revisions are updated too, so the next edit in the page editor starts from the same values.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import courses.fields

TT02 = "TT02-2025"
DOMAIN_CHOICES = [
    ("1", "Information and data literacy"),
    ("2", "Communication and collaboration"),
    ("3", "Digital content creation"),
    ("4", "Safety"),
    ("5", "Problem solving"),
    ("6", "Applying artificial intelligence"),
]


def _revisions(apps, course):
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = {course.latest_revision_id, course.live_revision_id} - {None}
    return Revision.objects.filter(pk__in=ids)


def domain_to_components(apps, schema_editor):
    CoursePage = apps.get_model("hocvuso_courses", "CoursePage")
    Component = apps.get_model("hocvuso_assessments", "Component")
    Framework = apps.get_model("hocvuso_assessments", "Framework")
    through = CoursePage._meta.get_field("components").remote_field.through
    framework = Framework.objects.filter(code=TT02).order_by("-issued_on", "-loaded_at").first()
    for course in CoursePage.objects.exclude(competence_domain="").only(
        "pk", "competence_domain", "latest_revision_id", "live_revision_id"
    ):
        domain = course.competence_domain
        CoursePage.objects.filter(pk=course.pk).update(competence_domains=[domain])
        ids = []
        if framework is not None:
            ids = list(
                Component.objects.filter(framework=framework, domain__code=domain)
                .order_by("order")
                .values_list("pk", flat=True)
            )
            through.objects.bulk_create(
                [through(coursepage_id=course.pk, component_id=pk) for pk in ids], ignore_conflicts=True
            )
        for revision in _revisions(apps, course):
            content = dict(revision.content)
            content.pop("competence_domain", None)
            content["competence_domains"] = f"|{domain}|"
            content["components"] = ids
            revision.content = content
            revision.save(update_fields=["content"])


def components_to_domain(apps, schema_editor):
    CoursePage = apps.get_model("hocvuso_courses", "CoursePage")
    for course in CoursePage.objects.only("pk", "competence_domains", "latest_revision_id", "live_revision_id"):
        domains = courses.fields.decode(course.competence_domains)
        domain = domains[0] if domains else "1"
        CoursePage.objects.filter(pk=course.pk).update(competence_domain=domain)
        for revision in _revisions(apps, course):
            content = dict(revision.content)
            for key in ("competence_domains", "components", "final_assessment", "quizzes_required"):
                content.pop(key, None)
            content["competence_domain"] = domain
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("hocvuso_assessments", "0002_role_permissions"),
        ("hocvuso_courses", "0002_enrolment_permission"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="coursepage",
            name="competence_domains",
            field=courses.fields.ChoiceListField(
                blank=True,
                choices=DOMAIN_CHOICES,
                editable=False,
                max_length=40,
                verbose_name="competence domains",
            ),
        ),
        migrations.AddField(
            model_name="coursepage",
            name="components",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="What the course teaches, from the digital competence framework.",
                related_name="+",
                to="hocvuso_assessments.component",
                verbose_name="component competences",
            ),
        ),
        migrations.RunPython(domain_to_components, components_to_domain),
        # a default first, so that going backwards can add the column again to existing rows
        migrations.AlterField(
            model_name="coursepage",
            name="competence_domain",
            field=models.CharField(
                choices=DOMAIN_CHOICES, db_index=True, default="1", max_length=2, verbose_name="competence domain"
            ),
        ),
        migrations.RemoveField(model_name="coursepage", name="competence_domain"),
        migrations.AddField(
            model_name="coursepage",
            name="final_assessment",
            field=models.ForeignKey(
                blank=True,
                help_text="Learners must pass it to finish the course.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="hocvuso_assessments.assessment",
                verbose_name="final test",
            ),
        ),
        migrations.AddField(
            model_name="coursepage",
            name="quizzes_required",
            field=models.BooleanField(
                default=False,
                help_text="Learners must also pass every module's quiz to finish the course.",
                verbose_name="module quizzes required",
            ),
        ),
        migrations.AddField(
            model_name="modulepage",
            name="quiz",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown after the module's lessons.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="hocvuso_assessments.assessment",
                verbose_name="end-of-module quiz",
            ),
        ),
        migrations.AddField(
            model_name="enrolment",
            name="assessment_results",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
    ]

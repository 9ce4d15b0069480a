"""Install the default roadmap template and the first step cards (see ``library.py``)."""

from django.db import migrations

from openpromotor.projects.library import install


def install_library(apps, schema_editor):
    install(
        apps.get_model("projects", "RoadmapTemplate"),
        apps.get_model("projects", "TemplatePhase"),
        apps.get_model("projects", "StepCard"),
    )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(install_library, migrations.RunPython.noop)]

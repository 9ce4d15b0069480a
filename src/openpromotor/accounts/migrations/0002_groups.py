from django.db import migrations


def create_groups(apps, schema_editor):
    from openpromotor.accounts.models import create_groups

    create_groups(apps.get_model("auth", "Group"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]

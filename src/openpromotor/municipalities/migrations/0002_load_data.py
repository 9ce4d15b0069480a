from django.db import migrations


def load(apps, schema_editor):
    from openpromotor.municipalities import loader

    loader.load(
        apps.get_model("municipalities", "AdministrativeUnit"),
        apps.get_model("municipalities", "PostalCode"),
    )


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]

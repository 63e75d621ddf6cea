from django.db import migrations


def seed(apps, schema_editor):
    from audits.categories import seed_categories

    seed_categories(apps.get_model("audits", "WasteCategory"))


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0005_monitoring"),
    ]

    operations = [
        migrations.AddField(
            model_name="student",
            name="erased_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="erased at"),
        ),
    ]

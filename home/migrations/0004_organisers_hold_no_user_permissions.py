"""Take Django's user permissions away from the Organisers group (issue 13).

With `home.add_user`/`change_user` an organiser of one programme could set any
account's password in Wagtail's user screens; accounts are now managed by site
administrators there, and by organisers only through the scoped imports.
"""

from django.db import migrations

GROUP = "Organisers"  # schools.services.ORGANISER_GROUP


def forward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label__in=["home", "auth"], content_type__model__in=["user", "group"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0003_notices"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

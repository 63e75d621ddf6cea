"""The schools app's background import kinds (imported by SchoolsConfig.ready())."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schools.imports.registry import register_import_kind
from schools.imports.schools import import_schools
from schools.imports.users import import_users
from schools.models import SchoolYear


def _run_schools(file, *, user, options, dry_run, progress):
    """`options["year"]`: the school year chosen on the page (None: the default year)."""
    year = SchoolYear.objects.filter(pk=options.get("year")).first() if options.get("year") else None
    return import_schools(file, dry_run=dry_run, by=user, progress=progress, year=year)


def _run_users(file, *, user, options, dry_run, progress):
    return import_users(file, dry_run=dry_run, by=user, progress=progress)


register_import_kind(
    "schools",
    title=_("Import schools"),
    run=_run_schools,
    may=lambda user, options: user.has_perm("schools.import_schools"),
    back_url=lambda options: reverse("workspace:import_schools"),
)
register_import_kind(
    "users",
    title=_("Import users"),
    run=_run_users,
    may=lambda user, options: user.has_perm("schools.import_users"),
    back_url=lambda options: reverse("workspace:import_users"),
)

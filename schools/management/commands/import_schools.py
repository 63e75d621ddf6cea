from datetime import date

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from schools.imports import import_schools
from schools.imports.schools import default_import_year
from schools.models import Programme, SchoolYear
from schools.programme_copy import parse_year_name
from schools.services import school_year_get_or_create

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import schools from a CSV (UTF-8) or XLSX file with the columns "
        "code,name,level,area_code,enrolment,classes. A school with the same code is updated; the area "
        "must exist. Enrolment and classes are filed under --year (e.g. 2022-2023), or the school year of "
        "--programme SLUG, by default the school year of the latest programme. All or nothing: with any bad "
        "row nothing is written and every bad row is listed with its line number."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--year", help="The school year of the figures, e.g. 2022-2023.")
        group.add_argument("--programme", help="Use the school year of this programme (its slug).")

    def handle(self, *args, year=None, programme=None, **options):
        with translation.override("vi"):
            self.year = self._year(year, programme)
            self.stdout.write(
                _("Enrolment and classes are filed under the school year %(year)s.") % {"year": self.year}
            )
        return super().handle(*args, **options)

    def _year(self, name, slug) -> SchoolYear:
        if slug:
            found = Programme.objects.select_related("school_year").filter(slug=slug).first()
            if found is None:
                raise CommandError(_("No programme has the code “%(code)s”.") % {"code": slug})
            return found.school_year
        if name:
            years = parse_year_name(name)
            if years is None:
                raise CommandError(_("Write the school year as 2023-2024."))
            existing = SchoolYear.objects.filter(name=f"{years[0]}-{years[1]}").first()
            return existing or school_year_get_or_create(
                name=f"{years[0]}-{years[1]}", starts_on=date(years[0], 9, 1), ends_on=date(years[1], 5, 31)
            )
        return default_import_year()

    def run_import(self, file, *, dry_run):
        return import_schools(file, dry_run=dry_run, year=self.year)

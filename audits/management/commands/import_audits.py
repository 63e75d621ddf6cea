from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from audits.imports import import_audits
from schools.management.commands._import_command import ImportCommand
from schools.models import Programme


class Command(ImportCommand):
    help = (
        "Import audit days from paper logbooks: a CSV (UTF-8, or Windows-1258) or XLSX file with the columns "
        "school_code,phase,date,persons_present,category_code,mass_g,item_count (one row per school, day and "
        "category). All or nothing: with any bad row nothing is written, every bad row is listed with its line "
        "number, and the command exits non-zero. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--programme", required=True, help="The programme's slug.")

    def handle(self, *args, programme, **options):
        self.programme = Programme.objects.filter(slug=programme).first()
        if self.programme is None:
            raise CommandError(_("Unknown programme: %(slug)s") % {"slug": programme})
        return super().handle(*args, **options)

    def run_import(self, file, *, dry_run):
        return import_audits(file, programme=self.programme, dry_run=dry_run)

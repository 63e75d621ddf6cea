"""What import_schools and import_users share: open the file, run, print in Vietnamese."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _


class ImportCommand(BaseCommand):
    """Prints the summary, or every problem with its line; a bad file exits non-zero (CommandError)."""

    def run_import(self, file, *, dry_run):  # pragma: no cover - set by subclasses
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv (UTF-8) or .xlsx file; the first row names the columns.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and count, but write nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        with translation.override("vi"):
            path = Path(file)
            if not path.is_file():
                raise CommandError(_("File not found: %(path)s") % {"path": file})
            with path.open("rb") as handle:
                result = self.run_import(File(handle, name=path.name), dry_run=dry_run)
            for problem in result.errors:
                self.stderr.write(str(problem))
            for note in result.notes:
                self.stdout.write(str(note))
            if not result.ok:
                raise CommandError(result.summary())
            self.stdout.write(self.style.SUCCESS(result.summary()))

from schools.imports.enrolments import import_enrolments

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Enrol schools into programmes from a CSV (UTF-8) or XLSX file with the columns "
        "programme_code,school_code (the programme's slug, the school's code). The school must lie in the "
        "programme's area; a school already enrolled is unchanged. All or nothing: with any bad row nothing "
        "is written and every bad row is listed with its line number."
    )

    def run_import(self, file, *, dry_run):
        return import_enrolments(file, dry_run=dry_run)

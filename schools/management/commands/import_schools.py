from schools.imports import import_schools

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import schools from a CSV (UTF-8) or XLSX file with the columns "
        "code,name,level,area_code,enrolment,classes. A school with the same code is updated; the area "
        "must exist; enrolment and classes go to the current school year. All or nothing: with any bad "
        "row nothing is written and every bad row is listed with its line number."
    )

    def run_import(self, file, *, dry_run):
        return import_schools(file, dry_run=dry_run)

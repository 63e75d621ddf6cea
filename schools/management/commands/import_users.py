from schools.imports import import_users

from ._import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import users from a CSV (UTF-8) or XLSX file with the columns "
        "username,full_name,role,school_code,class_name,email. role: teacher, student, judge or officer "
        "(or giáo viên, học sinh, giám khảo, cán bộ). school_code: the school of a teacher or student; for an "
        "OFFICER it holds the code of the AREA they oversee; empty for a judge. Students need class_name and "
        "no email. New users with an e-mail receive a link to choose their password. An existing username "
        "gets the missing role added. All or nothing: with any bad row nothing is written and every bad row "
        "is listed with its line number."
    )

    def run_import(self, file, *, dry_run):
        return import_users(file, dry_run=dry_run)
